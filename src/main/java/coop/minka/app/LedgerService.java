package coop.minka.app;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.Ledger;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Money;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.Posting;
import coop.minka.domain.Transaction;
import coop.minka.store.LedgerRepository;
import coop.minka.store.Session;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// The cooperative's double-entry books: chart of accounts, balanced transactions, voids.
public final class LedgerService {
    private final Workspace ws;
    private final PeriodRules periods;

    public LedgerService(Workspace ws, PeriodRules periods) {
        this.ws = ws;
        this.periods = periods;
    }

    /// An account with its current balance (minor units, debit positive).
    public record AccountBalance(Account account, long balance) {
    }

    /// One line as typed: an account code and a plain amount (`-12.50`).
    public record Line(String accountCode, String amount) {
        /// Parses `CODE=AMOUNT`.
        public static Line parse(String s) {
            int eq = s == null ? -1 : s.lastIndexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new MinkaException(ErrorCode.BAD_POSTING, s);
            }
            return new Line(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
    }

    public Account addAccount(String code, String name, AccountType type, String memberRef) {
        return addAccount(code, name, type, memberRef, false);
    }

    /// Adds an account; `cash` marks a cash box or bank account (only an asset account of the
    /// cooperative itself, not a member's).
    public Account addAccount(String code, String name, AccountType type, String memberRef, boolean cash) {
        String c = Texts.required(code, "code");
        String n = Texts.required(name, "name");
        if (type == null) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "type");
        }
        String id = Ids.owned(ws.selfId(), ws.log().now());
        ws.write(w -> {
            if (LedgerRepository.accountByCode(w, c).isPresent()) {
                throw new MinkaException(ErrorCode.DUPLICATE_CODE, c);
            }
            String member = memberRef == null || memberRef.isBlank() ? null : MemberService.find(w, memberRef).id();
            if (cash && (type != AccountType.ASSET || member != null)) {
                throw new MinkaException(ErrorCode.CASH_NOT_ASSET, c);
            }
            return w.append(OpType.ACCOUNT_ADD, id, OpData.builder().put("code", c).put("name", n)
                    .put("type", type.wire()).put("member", member).put("cash", cash ? Boolean.TRUE : null).build());
        });
        return ws.read(s -> LedgerRepository.accountById(s, id).orElseThrow());
    }

    /// Renames or archives an account; null leaves a field as it is. Returns the account as it is
    /// after the change (read once the write is done: the projection folds it at the end).
    public Account updateAccount(String code, String name, Boolean archived) {
        return updateAccount(code, name, archived, null);
    }

    /// Renames, archives, or marks or unmarks an account as cash or bank; null leaves a field as
    /// it is.
    public Account updateAccount(String code, String name, Boolean archived, Boolean cash) {
        String id = ws.write(w -> {
            Account a = account(w, code);
            OpData.Builder b = OpData.builder();
            if (name != null && !Texts.required(name, "name").equals(a.name())) {
                b.put("name", Texts.required(name, "name"));
            }
            if (archived != null && archived != a.archived()) {
                b.put("archived", archived);
            }
            if (cash != null && cash != a.cash()) {
                if (cash && (a.type() != AccountType.ASSET || a.memberId() != null)) {
                    throw new MinkaException(ErrorCode.CASH_NOT_ASSET, a.code());
                }
                b.put("cash", cash);
            }
            OpData data = b.build();
            if (!data.asMap().isEmpty()) {
                w.append(OpType.ACCOUNT_UPDATE, a.id(), MemberService.withBase(w, a.id(), data));
            }
            return a.id();
        });
        return ws.read(d -> LedgerRepository.accountById(d, id).orElseThrow());
    }

    public List<AccountBalance> accounts() {
        return ws.read(s -> {
            Map<String, Long> b = LedgerRepository.balances(s);
            return LedgerRepository.accounts(s).stream()
                    .map(a -> new AccountBalance(a, b.getOrDefault(a.id(), 0L))).toList();
        });
    }

    /// Posts a balanced transaction; refused whole if any line is wrong.
    public Transaction post(LocalDate date, String memo, String reference, List<Line> lines) {
        if (date == null) {
            throw new MinkaException(ErrorCode.BAD_DATE, "");
        }
        Texts.date(date);
        String m = Texts.required(memo, "memo");
        String id = Ids.owned(ws.selfId(), ws.log().now());
        ws.write(w -> {
            periods.checkOpen(w, date);
            List<Posting> postings = new ArrayList<>();
            for (Line l : lines) {
                Account a = account(w, l.accountCode());
                if (a.archived()) {
                    throw new MinkaException(ErrorCode.ARCHIVED_ACCOUNT, a.code());
                }
                postings.add(new Posting(a.id(), Money.parse(l.amount(), ws.currency())));
            }
            Ledger.checkBalanced(postings, ws.currency());
            List<Map<String, Object>> wire = postings.stream()
                    .map(p -> Map.<String, Object>of("account", p.accountId(), "amount", p.amount())).toList();
            return w.append(OpType.TX_POST, id, OpData.builder().put("date", date.toString()).put("memo", m)
                    .put("reference", Texts.optional(reference, "reference")).put("postings", wire).build());
        });
        return transaction(id);
    }

    public Transaction voidTransaction(String id, String reason) {
        String r = Texts.required(reason, "reason");
        String tid = id == null ? "" : id.strip();
        ws.write(w -> {
            // a savings-group entry's transaction goes with its entry (design notes 36)
            coop.minka.store.GroupRepository.entries(w).stream().filter(e -> tid.equals(e.tx())).findFirst()
                    .ifPresent(e -> {
                        throw new MinkaException(ErrorCode.GROUP_ENTRY_TRANSACTION, tid, e.id());
                    });
            return appendVoid(w, periods, tid, r);
        });
        return transaction(tid);
    }

    /// Appends the void of a transaction (the one way, also for a savings-group entry's): it must
    /// exist, not be voided already, and its date must allow a void.
    static coop.minka.domain.Op appendVoid(coop.minka.store.ChangeLog.Writer w, PeriodRules periods, String id,
                                           String reason) {
        Transaction t = LedgerRepository.transaction(w, id)
                .orElseThrow(() -> new MinkaException(ErrorCode.UNKNOWN_TRANSACTION, id));
        if (t.voided()) {
            throw new MinkaException(ErrorCode.ALREADY_VOIDED, id);
        }
        periods.checkVoidable(w, t.date(), t.id());
        return w.append(OpType.TX_VOID, t.id(), OpData.builder().put("reason", reason).build());
    }

    public Transaction transaction(String id) {
        return ws.read(s -> LedgerRepository.transaction(s, id))
                .orElseThrow(() -> new MinkaException(ErrorCode.UNKNOWN_TRANSACTION, id));
    }

    public List<Transaction> transactions(LocalDate from, LocalDate to, String accountCode) {
        DateRange.check(from, to);
        return ws.read(s -> LedgerRepository.transactions(s, from, to,
                accountCode == null ? null : account(s, accountCode).id()));
    }

    /// The `limit` latest transactions, newest first (of one account if `accountCode` is given),
    /// and how many there are in all.
    public Page latestTransactions(String accountCode, boolean withVoided, int limit) {
        LedgerRepository.Page p = ws.read(s -> LedgerRepository.latest(s,
                accountCode == null ? null : account(s, accountCode).id(), withVoided, limit));
        return new Page(p.latest(), p.total());
    }

    /// A page of the journal: the latest transactions, newest first, and how many there are in all.
    public record Page(List<Transaction> latest, long total) {
    }

    public Account account(String code) {
        return ws.read(s -> account(s, code));
    }

    public static Account account(Session s, String code) {
        String c = code == null ? "" : code.strip();
        return LedgerRepository.accountByCode(s, c).or(() -> LedgerRepository.accountById(s, c))
                .orElseThrow(() -> new MinkaException(ErrorCode.UNKNOWN_ACCOUNT, code));
    }
}
