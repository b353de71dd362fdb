package coop.minka.app;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.CapitalRegister;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.GroupConstitution;
import coop.minka.domain.Ids;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Money;
import coop.minka.domain.OpData;
import coop.minka.domain.OpRules;
import coop.minka.domain.OpType;
import coop.minka.domain.SurplusAllocation;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import coop.minka.store.CapitalRepository;
import coop.minka.store.ChangeLog;
import coop.minka.store.LedgerRepository;
import coop.minka.store.MemberRepository;
import coop.minka.store.ReportRepository;
import coop.minka.store.Session;
import coop.minka.store.WorkRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/// The cooperative's capital (design notes 35): the share register — subscriptions, payments
/// into capital, transfers, redemptions — and the allocation of a closed year's surplus. Every
/// entry is a `capital.*` / `surplus.allocate` entry and, in the same write, an ordinary balanced
/// `tx.post`; a refusal writes nothing.
///
/// Accounts, one set per member (found by member and code prefix, made when missing): `1400-…`
/// "Capital owed by NAME" (asset: subscriptions not yet paid), `3200-…` "Capital – NAME" (equity:
/// the member's capital, subscribed and retained), `2400-…` "Surplus refund to NAME" (liability:
/// the cash part of a refund until it is paid); and the cooperative's `3300` indivisible reserve,
/// `3400` education fund and `3500` "Surplus allocated" (equity).
public final class CapitalService {
    static final String OWED = CapitalRegister.OWED;
    static final String CAPITAL = CapitalRegister.CAPITAL;
    static final String REFUND = CapitalRegister.REFUND;
    static final String RESERVE = CapitalRegister.RESERVE;
    static final String EDUCATION = CapitalRegister.EDUCATION;
    static final String ALLOCATED = CapitalRegister.ALLOCATED;

    private final Workspace ws;
    private final PeriodRules periods;
    private final BookWriter books;

    public CapitalService(Workspace ws, PeriodRules periods) {
        this.ws = ws;
        this.periods = periods;
        this.books = new BookWriter(ws, periods);
    }

    /// One line of the register: its number, the entry's kind (its op type), the member (and the
    /// member receiving a transfer), shares and amount in minor units.
    public record Line(long number, String id, LocalDate date, String kind, String member, String memberName,
                       String to, String toName, long shares, long amount) {
    }

    /// A member's capital: the register's position, the surplus refunds (cash and retained), and
    /// the member's capital and capital-owed accounts by the books (on their natural side).
    public record Statement(String member, String name, CapitalRegister.Position position, long refundCash,
                            long refundRetained, long capitalAccount, long owedAccount) {
    }

    // ---- the register ----

    /// A member subscribes `shares` shares at `price` (as typed; null: the price of the latest
    /// subscription): the member owes them until paid.
    public Line subscribe(String memberRef, long shares, String price, LocalDate date) {
        checkShares(shares);
        Texts.date(date);
        Long typed = price == null || price.isBlank() ? null : Money.parse(price, ws.currency());
        if (typed != null && typed <= 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, price);
        }
        String id = ws.write(w -> {
            Member m = activeMember(w, memberRef);
            long p = typed != null ? typed : CapitalRepository.currentPrice(w)
                    .orElseThrow(() -> new MinkaException(ErrorCode.CAPITAL_NO_PRICE));
            long amount = times(shares, p);
            Words words = words();
            String tx = books.post(w, date, words.t("capital.memo.subscribe", m.name(), Long.toString(shares)),
                    Map.of(owed(w, words, m), amount, capital(w, words, m), -amount));
            return append(w, OpType.CAPITAL_SUBSCRIBE, OpData.builder().put("member", m.id()).put("shares", shares)
                    .put("price", p).put("amount", amount).put("date", date.toString()).put("tx", tx));
        });
        return line(id);
    }

    /// A member pays `amount` into capital: the cash box against what the member owes. More than
    /// the member still owes on subscriptions is refused.
    public Line pay(String memberRef, String amount, LocalDate date) {
        long a = Money.parse(Texts.required(amount, "amount"), ws.currency());
        if (a <= 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, amount);
        }
        Texts.date(date);
        String id = ws.write(w -> {
            Member m = MemberService.find(w, memberRef);
            long unpaid = position(w, m.id()).unpaid();
            if (a > unpaid) {
                throw new MinkaException(ErrorCode.CAPITAL_OVERPAID, money(a), m.name(), money(Math.max(0, unpaid)));
            }
            Words words = words();
            String tx = books.post(w, date, words.t("capital.memo.pay", m.name()),
                    Map.of(books.cash(w, words), a, owed(w, words, m), -a));
            return append(w, OpType.CAPITAL_PAY, OpData.builder().put("member", m.id()).put("amount", a)
                    .put("date", date.toString()).put("tx", tx));
        });
        return line(id);
    }

    /// `shares` shares pass from one member to another at the share's nominal value (the price of
    /// the latest subscription): capital moves between their capital accounts.
    public Line transfer(String fromRef, String toRef, long shares, LocalDate date) {
        checkShares(shares);
        Texts.date(date);
        String id = ws.write(w -> {
            Member from = MemberService.find(w, fromRef);
            Member to = activeMember(w, toRef);
            if (from.id().equals(to.id())) {
                throw new MinkaException(ErrorCode.CAPITAL_SAME_MEMBER, from.name());
            }
            long price = checkHolding(w, from, shares, OpType.CAPITAL_TRANSFER, date);
            long amount = times(shares, price);
            Words words = words();
            String tx = books.post(w, date, words.t("capital.memo.transfer", Long.toString(shares), from.name(),
                    to.name()), Map.of(capital(w, words, from), amount, capital(w, words, to), -amount));
            return append(w, OpType.CAPITAL_TRANSFER, OpData.builder().put("member", from.id()).put("to", to.id())
                    .put("shares", shares).put("price", price).put("amount", amount).put("date", date.toString())
                    .put("tx", tx));
        });
        return line(id);
    }

    /// The cooperative pays back `shares` shares at their nominal value; never more shares than
    /// the member holds. Two people where the cooperative has people (`docs/roles.md`).
    public Line redeem(String memberRef, long shares, LocalDate date) {
        checkShares(shares);
        Texts.date(date);
        String id = ws.write(w -> {
            Member m = MemberService.find(w, memberRef);
            long price = checkHolding(w, m, shares, OpType.CAPITAL_REDEEM, date);
            long amount = times(shares, price);
            Words words = words();
            String tx = books.post(w, date, words.t("capital.memo.redeem", m.name(), Long.toString(shares)),
                    Map.of(capital(w, words, m), amount, books.cash(w, words), -amount));
            return append(w, OpType.CAPITAL_REDEEM, OpData.builder().put("member", m.id()).put("shares", shares)
                    .put("price", price).put("amount", amount).put("date", date.toString()).put("tx", tx));
        });
        return line(id);
    }

    /// The share register, by number.
    public List<Line> register() {
        return ws.read(s -> {
            Map<String, String> names = names(s);
            return CapitalRepository.register(s).stream().map(n -> line(n, names)).toList();
        });
    }

    /// A member's capital.
    public Statement statement(String memberRef) {
        return ws.read(s -> {
            Member m = MemberService.find(s, memberRef);
            long cash = 0;
            long retained = 0;
            for (CapitalRepository.Allocation a : CapitalRepository.allocations(s)) {
                for (CapitalRepository.Refund r : a.members()) {
                    if (r.member().equals(m.id())) {
                        cash += r.cash();
                        retained += r.retained();
                    }
                }
            }
            Map<String, Long> balances = LedgerRepository.balances(s);
            long capital = 0;
            long owed = 0;
            for (Account a : LedgerRepository.accounts(s)) {
                if (m.id().equals(a.memberId()) && a.code().startsWith(CAPITAL + "-")) {
                    capital -= balances.getOrDefault(a.id(), 0L);
                } else if (m.id().equals(a.memberId()) && a.code().startsWith(OWED + "-")) {
                    owed += balances.getOrDefault(a.id(), 0L);
                }
            }
            return new Statement(m.id(), m.name(), position(s, m.id()), cash, retained, capital, owed);
        });
    }

    // ---- the surplus ----

    /// What a closed year's surplus comes to and how it is (or would be) allocated: income and
    /// expenses of the year by the books, the allocation, the members' names; `posted` once it is
    /// in the books.
    public record Allocation(int year, long income, long expenses, SurplusAllocation result, int reserveBp,
                             int educationBp, int cashBp, Map<String, String> names, boolean posted) {
    }

    /// How the refunds are weighed, as the command line names it.
    public static SurplusAllocation.Basis basis(String typed) {
        return switch (Texts.required(typed, "basis").strip().toLowerCase(java.util.Locale.ROOT)) {
            case "hours", "work" -> SurplusAllocation.Basis.WORK;
            case "purchases", "trade" -> SurplusAllocation.Basis.TRADE;
            case "capital" -> SurplusAllocation.Basis.CAPITAL;
            default -> throw new MinkaException(ErrorCode.BAD_CHOICE, typed);
        };
    }

    /// The allocation of `year`'s surplus (a preview), or with `post` into the books. Percentages
    /// as typed (`30`, `2.5`); `cash` null is 100 % (the whole refund paid); `amounts` the
    /// purchases or sales through the cooperative for [SurplusAllocation.Basis#TRADE] (member as
    /// typed, amount as typed), kept in the entry so every laptop reproduces the split. Once a
    /// year is allocated, the preview shows what was posted and a second `post` is refused.
    public Allocation allocate(int year, String reserve, String education, SurplusAllocation.Basis basis,
                               String cash, List<Map.Entry<String, String>> amounts, boolean post) {
        if (year < OpRules.MIN_DATE.getYear() || year > OpRules.MAX_DATE.getYear()) {
            throw new MinkaException(ErrorCode.BAD_DATE, Integer.toString(year));
        }
        int reserveBp = GroupService.hundredths(Texts.required(reserve, "reserve"), 100);
        int educationBp = GroupService.hundredths(Texts.required(education, "education"), 100);
        int cashBp = cash == null || cash.isBlank() ? GroupConstitution.BP : GroupService.hundredths(cash, 100);
        if (reserveBp + (long) educationBp > GroupConstitution.BP || cashBp > GroupConstitution.BP) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, reserve + " + " + education);
        }
        if (!post) {
            return ws.read(s -> allocation(s, year, reserveBp, educationBp, cashBp, basis, amounts));
        }
        ws.write(w -> {
            Allocation a = allocation(w, year, reserveBp, educationBp, cashBp, basis, amounts);
            if (a.posted()) {
                throw new MinkaException(ErrorCode.SURPLUS_ALREADY_ALLOCATED, Integer.toString(year));
            }
            SurplusAllocation r = a.result();
            LocalDate today = LocalDate.now();
            Words words = words();
            String tx = null;
            if (r.surplus() > 0) {
                Map<String, Long> lines = new LinkedHashMap<>();
                lines.merge(books.account(w, ALLOCATED, words.t("capital.account.allocated"), AccountType.EQUITY),
                        r.surplus(), Math::addExact);
                lines.merge(books.account(w, RESERVE, words.t("capital.account.reserve"), AccountType.EQUITY),
                        -r.reserve(), Math::addExact);
                lines.merge(books.account(w, EDUCATION, words.t("capital.account.education"), AccountType.EQUITY),
                        -r.education(), Math::addExact);
                for (SurplusAllocation.Refund x : r.members()) {
                    Member m = MemberService.find(w, x.member());
                    lines.merge(books.memberAccount(w, words, REFUND, "capital.account.refund", AccountType.LIABILITY,
                            m), -x.cash(), Math::addExact);
                    lines.merge(capital(w, words, m), -x.retained(), Math::addExact);
                }
                tx = books.post(w, today, words.t("capital.memo.surplus", Integer.toString(year)), lines);
            }
            List<Map<String, Object>> members = new ArrayList<>();
            for (SurplusAllocation.Refund x : r.members()) {
                Map<String, Object> row = new TreeMap<>();
                row.put("member", x.member());
                row.put("weight", x.weight());
                row.put("cash", x.cash());
                row.put("retained", x.retained());
                members.add(row);
            }
            return append(w, OpType.SURPLUS_ALLOCATE, OpData.builder().put("year", (long) year)
                    .put("date", today.toString()).put("basis", basis.wire()).put("surplus", r.surplus())
                    .put("reserveBp", (long) reserveBp).put("educationBp", (long) educationBp)
                    .put("cashBp", (long) cashBp).put("reserve", r.reserve()).put("education", r.education())
                    .put("members", members).put("tx", tx));
        });
        return ws.read(s -> allocation(s, year, reserveBp, educationBp, cashBp, basis, amounts));
    }

    private Allocation allocation(Session s, int year, int reserveBp, int educationBp, int cashBp,
                                  SurplusAllocation.Basis basis, List<Map.Entry<String, String>> amounts) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Optional<LocalDate> closed = periods.closedUpTo(s);
        if (closed.isEmpty() || closed.get().isBefore(last)) {
            throw new MinkaException(ErrorCode.SURPLUS_YEAR_NOT_CLOSED, Integer.toString(year));
        }
        long income = 0;
        long expenses = 0;
        Map<String, Account> accounts = new HashMap<>();
        LedgerRepository.accounts(s).forEach(a -> accounts.put(a.id(), a));
        for (Map.Entry<String, long[]> e : ReportRepository.moves(s, first, last).entrySet()) {
            Account a = accounts.get(e.getKey());
            if (a != null && a.type() == AccountType.INCOME) {
                income = Math.addExact(income, e.getValue()[1] - e.getValue()[0]);
            } else if (a != null && a.type() == AccountType.EXPENSE) {
                expenses = Math.addExact(expenses, e.getValue()[0] - e.getValue()[1]);
            }
        }
        Map<String, String> names = names(s);
        Optional<CapitalRepository.Allocation> done = CapitalRepository.allocations(s).stream()
                .filter(a -> a.year() == year).findFirst();
        if (done.isPresent()) {
            CapitalRepository.Allocation a = done.get();
            SurplusAllocation r = SurplusAllocation.compute(a.surplus(), a.reserveBp(), a.educationBp(), a.cashBp(),
                    SurplusAllocation.Basis.fromWire(a.basis()), a.members().stream()
                            .map(x -> new SurplusAllocation.Weight(x.member(), x.weight())).toList());
            return new Allocation(year, income, expenses, r, a.reserveBp(), a.educationBp(), a.cashBp(), names, true);
        }
        long surplus = income - expenses;
        if (surplus < 0) {
            throw new MinkaException(ErrorCode.SURPLUS_LOSS, Integer.toString(year), money(-surplus));
        }
        Map<String, Long> weights = weights(s, basis, first, last, amounts);
        List<SurplusAllocation.Weight> w = new ArrayList<>();
        weights.forEach((member, weight) -> {
            if (weight > 0) {
                w.add(new SurplusAllocation.Weight(member, weight));
            }
        });
        SurplusAllocation r;
        try {
            r = SurplusAllocation.compute(surplus, reserveBp, educationBp, cashBp, basis, w);
        } catch (MinkaException e) {
            if (e.args().contains("no-weights")) {
                throw new MinkaException(ErrorCode.SURPLUS_NO_WEIGHTS, Integer.toString(year));
            }
            throw e;
        }
        return new Allocation(year, income, expenses, r, reserveBp, educationBp, cashBp, names, false);
    }

    /// Each member's weight (by member id, in id order) on the basis for the year.
    private Map<String, Long> weights(Session s, SurplusAllocation.Basis basis, LocalDate first, LocalDate last,
                                      List<Map.Entry<String, String>> amounts) {
        Map<String, Long> out = new TreeMap<>();
        switch (basis) {
            case WORK -> {
                Map<String, WorkCategory> kinds = new HashMap<>();
                WorkRepository.categories(s).forEach(c -> kinds.put(c.id(), c));
                for (WorkEntry e : WorkRepository.entries(s, null, first, last, false)) {
                    WorkCategory c = kinds.get(e.categoryId());
                    if (c != null && c.rateOn(e.date()) != null) {
                        out.merge(e.memberId(), c.valueOn(e.date(), e.minutes()), Math::addExact);
                    }
                }
            }
            case TRADE -> {
                if (amounts == null || amounts.isEmpty()) {
                    throw new MinkaException(ErrorCode.SURPLUS_NEEDS_AMOUNTS);
                }
                for (Map.Entry<String, String> e : amounts) {
                    Member m = MemberService.find(s, e.getKey());
                    long a = Money.parse(Texts.required(e.getValue(), "amount"), ws.currency());
                    if (a < 0) {
                        throw new MinkaException(ErrorCode.BAD_AMOUNT, e.getValue());
                    }
                    out.merge(m.id(), a, Math::addExact);
                }
            }
            case CAPITAL -> CapitalRegister.positions(entries(s), last)
                    .forEach((member, p) -> out.put(member, p.sharesHeld()));
        }
        return out;
    }

    /// Reads purchases or sales as `member,amount` lines (a `;` also separates; a first line whose
    /// amount is not a number is a header). A line that is not two fields is refused with its
    /// number.
    public static List<Map.Entry<String, String>> readAmounts(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, e, file.toString());
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.SURPLUS_BAD_AMOUNTS_LINE, e, file.toString(), "1");
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            int cut = Math.max(line.lastIndexOf(','), line.lastIndexOf(';'));
            String member = cut <= 0 ? "" : line.substring(0, cut).strip();
            String amount = cut < 0 ? "" : line.substring(cut + 1).strip();
            if (member.startsWith("\"") && member.endsWith("\"") && member.length() > 1) {
                member = member.substring(1, member.length() - 1);
            }
            if (out.isEmpty() && i == 0 && !amount.matches("-?[0-9.,]+")) {
                continue; // a header
            }
            if (member.isEmpty() || amount.isEmpty()) {
                throw new MinkaException(ErrorCode.SURPLUS_BAD_AMOUNTS_LINE, file.toString(), Integer.toString(i + 1));
            }
            out.add(Map.entry(member, amount));
        }
        return out;
    }

    // ---- helpers ----

    private static void checkShares(long shares) {
        if (shares < 1 || shares > CapitalRegister.MAX_SHARES) {
            throw new MinkaException(ErrorCode.CAPITAL_BAD_SHARES, Long.toString(shares),
                    Long.toString(CapitalRegister.MAX_SHARES));
        }
    }

    /// The register's one rule, asked exactly as the projection asks it ([CapitalRegister#check]):
    /// the member must hold the shares. Returns the share's nominal value.
    private long checkHolding(Session s, Member m, long shares, String type, LocalDate date) {
        long held = position(s, m.id()).sharesHeld();
        long price = CapitalRepository.currentPrice(s).orElse(0L);
        var e = new CapitalRegister.Entry("", type, date, m.id(), null, shares, price, 0, null, null, 0, "", 0);
        if (CapitalRegister.check(e, held) != null) {
            throw new MinkaException(ErrorCode.CAPITAL_OVER_HOLDING, m.name(), Long.toString(held),
                    Long.toString(shares));
        }
        return price;
    }

    private static long times(long shares, long price) {
        try {
            return Math.multiplyExact(shares, price);
        } catch (ArithmeticException e) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, e, "overflow");
        }
    }

    private static List<CapitalRegister.Entry> entries(Session s) {
        return CapitalRepository.register(s).stream().map(CapitalRegister.Numbered::entry).toList();
    }

    private static CapitalRegister.Position position(Session s, String member) {
        return CapitalRegister.positions(entries(s), null).getOrDefault(member, CapitalRegister.Position.NONE);
    }

    private Line line(String id) {
        return register().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static Line line(CapitalRegister.Numbered n, Map<String, String> names) {
        var e = n.entry();
        return new Line(n.number(), e.id(), e.date(), e.type(), e.member(), names.get(e.member()), e.to(),
                e.to() == null ? null : names.get(e.to()), e.type().equals(OpType.CAPITAL_PAY) ? 0 : e.shares(),
                e.amount());
    }

    private static Map<String, String> names(Session s) {
        Map<String, String> out = new HashMap<>();
        MemberRepository.all(s).forEach(m -> out.put(m.id(), m.name()));
        return out;
    }

    private static Member activeMember(Session s, String ref) {
        Member m = MemberService.find(s, ref);
        if (m.status() == MemberStatus.INACTIVE) {
            throw new MinkaException(ErrorCode.INACTIVE_MEMBER, m.name());
        }
        return m;
    }

    private String owed(ChangeLog.Writer w, Words words, Member m) {
        return books.memberAccount(w, words, OWED, "capital.account.owed", AccountType.ASSET, m);
    }

    private String capital(ChangeLog.Writer w, Words words, Member m) {
        return books.memberAccount(w, words, CAPITAL, "capital.account.capital", AccountType.EQUITY, m);
    }

    private String append(ChangeLog.Writer w, String type, OpData.Builder data) {
        String id = Ids.owned(ws.selfId(), ws.log().now());
        w.append(type, id, data.build());
        return id;
    }

    private Words words() {
        return Words.of(null, ws.coop());
    }

    private String money(long minor) {
        return Money.format(minor, ws.currency());
    }
}
