package coop.minka.app.report;

import coop.minka.app.Books;
import coop.minka.app.LedgerService;
import coop.minka.app.MemberService;
import coop.minka.app.Workspace;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.Member;
import coop.minka.domain.WorkEntry;
import coop.minka.store.ReportRepository;
import coop.minka.store.ReportRepository.PostingLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/// The money statements the assembly reads: trial balance, balance sheet, income and
/// expenditure, cash books and member statements. All are computed from one [Books] read, so
/// the screen, the CSV files and the printed pack show the same figures.
///
/// Signs: the trial balance is debit positive (like `minka report balances`); the other
/// statements show each account on its natural side, so a cash box, a savings account and an
/// income account all read as positive numbers in the usual case.
public final class StatementService {
    private final Workspace ws;

    public StatementService(Workspace ws) {
        this.ws = ws;
    }

    /// One account in the trial balance: balance before the period, debits and credits in it
    /// (both positive numbers), balance at its end (debit positive).
    public record TrialRow(Account account, long opening, long debits, long credits, long closing) {
    }

    /// Debits equal credits and the closing balances add up to zero in sound books.
    public record TrialBalance(LocalDate from, LocalDate to, List<TrialRow> rows, long totalOpening,
                               long totalDebits, long totalCredits, long totalClosing) {
    }

    /// An account and an amount on its natural side.
    public record Line(Account account, long amount) {
    }

    /// What the cooperative has and owes at `asOf`. `surplus` is the income less expenditure
    /// of all time to that date; assets = liabilities + equity + surplus.
    public record BalanceSheet(LocalDate asOf, List<Line> assets, long totalAssets, List<Line> liabilities,
                               long totalLiabilities, List<Line> equity, long totalEquity, long surplus,
                               long totalLiabilitiesAndEquity) {
    }

    /// Income and expenditure dated in the period; `surplus` is negative for a deficit.
    public record IncomeStatement(LocalDate from, LocalDate to, List<Line> income, long totalIncome,
                                  List<Line> expenses, long totalExpenses, long surplus) {
    }

    /// One posting in an account's book: `in` grows the account on its natural side, `out`
    /// shrinks it; `balance` is the running balance after this line. `otherAccounts` are the
    /// codes of the transaction's other postings.
    public record BookLine(LocalDate date, String txId, String memo, String reference, String otherAccounts,
                           long in, long out, long balance) {
    }

    /// One account's book for the period, natural side positive.
    public record AccountBook(Account account, long opening, List<BookLine> lines, long totalIn, long totalOut,
                              long closing) {
    }

    /// A member's accounts (dues, savings, loans…) and their work in the period.
    public record MemberStatement(Member member, List<AccountBook> accounts, long workMinutes,
                                  long workValueMinor) {
    }

    public TrialBalance trialBalance(LocalDate from, LocalDate to) {
        // added up by SQLite: the figures equal trialBalance(Books) over the same entries
        return ws.read(s -> trialBalance(Books.accounts(s, from, to),
                from == null ? Map.of() : ReportRepository.sumsBefore(s, from), ReportRepository.moves(s, from, to)));
    }

    public BalanceSheet balanceSheet(LocalDate asOf) {
        // added up by SQLite: the figures equal balanceSheet(Books) over the same entries
        return ws.read(s -> balanceSheet(Books.accounts(s, null, asOf), net(ReportRepository.moves(s, null, asOf))));
    }

    public IncomeStatement income(LocalDate from, LocalDate to) {
        return ws.read(s -> income(Books.accounts(s, from, to), net(ReportRepository.moves(s, from, to))));
    }

    /// Debits minus credits of each account.
    private static Map<String, Long> net(Map<String, long[]> moves) {
        Map<String, Long> out = new HashMap<>();
        moves.forEach((account, m) -> out.put(account, m[0] - m[1]));
        return out;
    }

    /// Cash books of the given account codes; with none, of every asset account that is not a
    /// member's sub-account (the cash boxes and bank accounts).
    public List<AccountBook> cashBooks(List<String> accountCodes, LocalDate from, LocalDate to) {
        return ws.read(s -> {
            List<String> ids = accountCodes == null ? List.of()
                    : accountCodes.stream().map(c -> LedgerService.account(s, c).id()).toList();
            return cashBooks(Books.load(s, from, to), ids);
        });
    }

    /// Statements of one member (`memberRef` a name or id), or of every member who gets one.
    public List<MemberStatement> memberStatements(String memberRef, LocalDate from, LocalDate to) {
        return ws.read(s -> {
            String only = memberRef == null || memberRef.isBlank() ? null : MemberService.find(s, memberRef).id();
            Books b = Books.load(s, from, to);
            List<Member> ms = only == null ? b.statementMembers() : List.of(b.members().get(only));
            return memberStatements(b, ms);
        });
    }

    public static TrialBalance trialBalance(Books b) {
        Map<String, long[]> moves = new HashMap<>();
        for (PostingLine p : b.periodPostings()) {
            long[] m = moves.computeIfAbsent(p.accountId(), k -> new long[2]);
            m[p.amount() >= 0 ? 0 : 1] += Math.abs(p.amount());
        }
        return trialBalance(b, b.opening(), moves);
    }

    private static TrialBalance trialBalance(Books b, Map<String, Long> open, Map<String, long[]> moves) {
        List<TrialRow> rows = new ArrayList<>();
        long[] t = new long[4];
        for (String id : accountIds(b, moves.keySet(), open.keySet())) {
            Account a = b.account(id);
            long o = open.getOrDefault(id, 0L);
            long[] m = moves.getOrDefault(id, new long[2]);
            if (a.archived() && o == 0 && m[0] == 0 && m[1] == 0) {
                continue;
            }
            rows.add(new TrialRow(a, o, m[0], m[1], o + m[0] - m[1]));
            t[0] += o;
            t[1] += m[0];
            t[2] += m[1];
            t[3] += o + m[0] - m[1];
        }
        return new TrialBalance(b.from(), b.to(), rows, t[0], t[1], t[2], t[3]);
    }

    public static BalanceSheet balanceSheet(Books b) {
        return balanceSheet(b, b.closing());
    }

    private static BalanceSheet balanceSheet(Books b, Map<String, Long> close) {
        Map<AccountType, List<Line>> lines = linesByType(b, close);
        long surplus = -sum(close, b, AccountType.INCOME) - sum(close, b, AccountType.EXPENSE);
        long assets = total(lines.get(AccountType.ASSET));
        long liabilities = total(lines.get(AccountType.LIABILITY));
        long equity = total(lines.get(AccountType.EQUITY));
        return new BalanceSheet(b.to(), lines.get(AccountType.ASSET), assets, lines.get(AccountType.LIABILITY),
                liabilities, lines.get(AccountType.EQUITY), equity, surplus, liabilities + equity + surplus);
    }

    public static IncomeStatement income(Books b) {
        Map<String, Long> moved = new HashMap<>();
        b.periodPostings().forEach(p -> moved.merge(p.accountId(), p.amount(), Math::addExact));
        return income(b, moved);
    }

    private static IncomeStatement income(Books b, Map<String, Long> moved) {
        Map<AccountType, List<Line>> lines = linesByType(b, moved);
        long inc = total(lines.get(AccountType.INCOME));
        long exp = total(lines.get(AccountType.EXPENSE));
        return new IncomeStatement(b.from(), b.to(), lines.get(AccountType.INCOME), inc,
                lines.get(AccountType.EXPENSE), exp, inc - exp);
    }

    public static List<AccountBook> cashBooks(Books b, List<String> accountIds) {
        List<String> ids = accountIds.isEmpty() ? b.accounts().values().stream()
                .filter(a -> a.cash() && a.type() == AccountType.ASSET && a.memberId() == null).map(Account::id).toList()
                : accountIds;
        Map<String, Long> open = b.opening();
        List<PostingLine> period = b.periodPostings();
        List<AccountBook> out = new ArrayList<>();
        for (String id : ids) {
            AccountBook book = book(b, b.account(id), open.getOrDefault(id, 0L), period);
            if (!accountIds.isEmpty() || !book.account().archived() || !book.lines().isEmpty()
                    || book.opening() != 0) {
                out.add(book);
            }
        }
        return out;
    }

    public static List<MemberStatement> memberStatements(Books b, List<Member> members) {
        Map<String, Long> open = b.opening();
        List<PostingLine> period = b.periodPostings();
        List<MemberStatement> out = new ArrayList<>();
        for (Member m : members) {
            List<AccountBook> books = b.accounts().values().stream().filter(a -> m.id().equals(a.memberId()))
                    .map(a -> book(b, a, open.getOrDefault(a.id(), 0L), period)).toList();
            long minutes = 0;
            long value = 0;
            for (WorkEntry e : b.work()) {
                if (e.memberId().equals(m.id())) {
                    minutes += e.minutes();
                    value += WorkFigures.value(e, b.categories().get(e.categoryId()));
                }
            }
            out.add(new MemberStatement(m, books, minutes, value));
        }
        return out;
    }

    private static AccountBook book(Books b, Account a, long openingDebit, List<PostingLine> period) {
        int sign = a.type().debitNormal() ? 1 : -1;
        Map<String, List<String>> txAccounts = new LinkedHashMap<>();
        period.forEach(p -> txAccounts.computeIfAbsent(p.txId(), k -> new ArrayList<>()).add(p.accountId()));
        long running = sign * openingDebit;
        long tin = 0;
        long tout = 0;
        List<BookLine> lines = new ArrayList<>();
        for (PostingLine p : period) {
            if (!p.accountId().equals(a.id())) {
                continue;
            }
            long v = sign * p.amount();
            running += v;
            tin += Math.max(v, 0);
            tout += Math.max(-v, 0);
            String others = String.join(", ", new TreeSet<>(txAccounts.get(p.txId()).stream()
                    .filter(id -> !id.equals(a.id())).map(id -> b.account(id).code()).toList()));
            lines.add(new BookLine(p.date(), p.txId(), p.memo(), p.reference(), others, Math.max(v, 0),
                    Math.max(-v, 0), running));
        }
        return new AccountBook(a, sign * openingDebit, lines, tin, tout, running);
    }

    private static Map<AccountType, List<Line>> linesByType(Books b, Map<String, Long> debitAmounts) {
        Map<AccountType, List<Line>> out = new LinkedHashMap<>();
        for (AccountType t : AccountType.values()) {
            out.put(t, new ArrayList<>());
        }
        for (String id : accountIds(b, debitAmounts.keySet(), List.of())) {
            Account a = b.account(id);
            long v = debitAmounts.getOrDefault(id, 0L);
            if (a.archived() && v == 0) {
                continue;
            }
            out.get(a.type()).add(new Line(a, a.type().debitNormal() ? v : -v));
        }
        return out;
    }

    /// Known accounts in chart order, then any referenced account not yet received.
    private static List<String> accountIds(Books b, java.util.Collection<String> more,
                                           java.util.Collection<String> more2) {
        List<String> ids = new ArrayList<>(b.accounts().keySet());
        new TreeSet<>(more).stream().filter(id -> !b.accounts().containsKey(id)).forEach(ids::add);
        new TreeSet<>(more2).stream().filter(id -> !b.accounts().containsKey(id) && !ids.contains(id))
                .forEach(ids::add);
        return ids;
    }

    private static long sum(Map<String, Long> debitAmounts, Books b, AccountType type) {
        return debitAmounts.entrySet().stream().filter(e -> b.account(e.getKey()).type() == type)
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static long total(List<Line> lines) {
        return lines.stream().mapToLong(Line::amount).sum();
    }
}
