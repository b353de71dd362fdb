package coop.minka.app;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.GroupConstitution;
import coop.minka.domain.Ids;
import coop.minka.domain.LoanSchedule;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Money;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.ShareOut;
import coop.minka.store.ChangeLog;
import coop.minka.store.GroupRepository;
import coop.minka.store.LedgerRepository;
import coop.minka.store.MemberRepository;
import coop.minka.store.Session;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/// A savings group's cycle (design notes 32): the constitution, meetings, shares, social fund,
/// fines, loans and the share-out. Every money entry is a `group.*` entry and, in the same write
/// transaction, an ordinary balanced `tx.post` on the cooperative's books (the cash box against a
/// member's savings or loan account, the social fund, the service-charge and fine income), so the
/// reports, exports, sync and verify see them as any other transaction.
public final class GroupService {
    /// Account codes: per-member accounts are `PREFIX-` and the member's id's first 12 digits.
    static final String CASH = "1000";
    static final String LOANS = "1200";
    static final String SAVINGS = "2000";
    static final String SOCIAL_FUND = "3000";
    static final String SHARED_OUT = "3100";
    static final String CHARGES = "4100";
    static final String FINES = "4200";

    private final Workspace ws;
    private final PeriodRules periods;

    public GroupService(Workspace ws, PeriodRules periods) {
        this.ws = ws;
        this.periods = periods;
    }

    /// A cycle and its rules.
    public record Cycle(String id, GroupConstitution rules) {
    }

    /// A meeting: `counted` and `expected` once closed (minor units).
    public record Meeting(String id, String cycle, LocalDate date, boolean closed, Long counted, Long expected) {
    }

    /// The end of a meeting: the cash the books say the box holds, what was counted (null if not
    /// counted), and the difference (counted − expected).
    public record Close(Meeting meeting, long expected, Long counted, long difference) {
    }

    /// A loan with its schedule and what was repaid.
    public record Loan(String id, String member, String memberName, LocalDate issued, long principal, int months,
                       LoanSchedule schedule, long repaid, LoanSchedule.Position position) {
    }

    /// A repayment: the amount and how it was divided.
    public record Repayment(String id, String loan, long amount, long charge, long principal) {
    }

    /// The share-out of the current cycle; `posted` once the payouts are in the books.
    public record ShareOutView(Cycle cycle, ShareOut result, Map<String, String> names, boolean posted) {
    }

    // ---- constitution ----

    /// Starts a cycle (a new one with a later start replaces the rules from that day on). Amounts
    /// are plain (`10.00`), `interestPercent` a percent a month (`10`, `2.5`), `loanMultiple` a
    /// multiple of savings (`3`), null for the defaults (3 times savings, 3 months); fines by kind.
    public Cycle startCycle(LocalDate start, String sharePrice, int minShares, int maxShares, String socialFund,
                            String interestPercent, String method, String loanMultiple, Integer maxTermMonths,
                            Map<String, String> fines) {
        Texts.date(start);
        var cur = ws.currency();
        Map<String, Long> f = new TreeMap<>();
        if (fines != null) {
            fines.forEach((k, v) -> f.put(k == null ? "" : k.strip(), Money.parse(v, cur)));
        }
        GroupConstitution.ChargeMethod m;
        try {
            m = GroupConstitution.ChargeMethod.fromWire(Texts.required(method, "interest-method"));
        } catch (MinkaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MinkaException(ErrorCode.BAD_CHOICE, method);
        }
        GroupConstitution c = new GroupConstitution(start, Money.parse(Texts.required(sharePrice, "share-price"), cur),
                minShares, maxShares, socialFund == null ? 0 : Money.parse(socialFund, cur),
                loanMultiple == null ? 3 * GroupConstitution.BP : hundredths(loanMultiple, 10_000),
                maxTermMonths == null ? 3 : maxTermMonths, hundredths(Texts.required(interestPercent, "interest"), 100),
                m, new java.util.TreeMap<>(f));
        c.check().ifPresent(v -> {
            throw new MinkaException(ErrorCode.INVALID_ENTRY, v.reason(), v.detail());
        });
        String id = Ids.owned(ws.selfId(), ws.log().now());
        ws.write(w -> w.append(OpType.GROUP_CYCLE, id, c.toData()));
        return new Cycle(id, c);
    }

    /// `10` → 1000 with `scale` 100 (basis points of a percent); refuses more precision than that.
    private static int hundredths(String s, int scale) {
        try {
            BigDecimal v = new BigDecimal(s.strip()).multiply(BigDecimal.valueOf(scale));
            if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new MinkaException(ErrorCode.BAD_AMOUNT, s);
            }
            return v.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, s);
        }
    }

    /// The cycle in force: the latest started.
    public Optional<Cycle> cycle() {
        return ws.read(s -> currentCycle(s));
    }

    private static Optional<Cycle> currentCycle(Session s) {
        List<GroupRepository.Cycle> all = GroupRepository.cycles(s);
        return all.isEmpty() ? Optional.empty()
                : Optional.of(new Cycle(all.getLast().id(), all.getLast().rules()));
    }

    private static Cycle requireCycle(Session s) {
        return currentCycle(s).orElseThrow(() -> new MinkaException(ErrorCode.GROUP_NO_CYCLE));
    }

    // ---- meetings ----

    public Meeting openMeeting(LocalDate date) {
        Texts.date(date);
        String id = Ids.owned(ws.selfId(), ws.log().now());
        ws.write(w -> {
            Cycle c = requireCycle(w);
            openMeeting(w).ifPresent(m -> {
                throw new MinkaException(ErrorCode.GROUP_MEETING_STILL_OPEN, m.date().toString());
            });
            if (date.isBefore(c.rules().start())) {
                throw new MinkaException(ErrorCode.BAD_DATE, date.toString());
            }
            periods.checkOpen(w, date);
            return w.append(OpType.GROUP_MEETING_OPEN, id, OpData.builder().put("cycle", c.id())
                    .put("date", date.toString()).build());
        });
        return meetings().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    /// Every meeting of every cycle, oldest first.
    public List<Meeting> meetings() {
        return ws.read(GroupService::meetings);
    }

    private static List<Meeting> meetings(Session s) {
        List<GroupRepository.Entry> all = GroupRepository.entries(s);
        Map<String, GroupRepository.Entry> closes = new LinkedHashMap<>();
        for (GroupRepository.Entry e : all) {
            if (e.type().equals(OpType.GROUP_MEETING_CLOSE)) {
                closes.putIfAbsent(e.meeting(), e);
            }
        }
        return all.stream().filter(e -> e.type().equals(OpType.GROUP_MEETING_OPEN))
                .sorted(java.util.Comparator.comparing(GroupRepository.Entry::date))
                .map(e -> {
                    GroupRepository.Entry c = closes.get(e.id());
                    return new Meeting(e.id(), e.cycle(), e.date(), c != null, c == null ? null : c.counted(),
                            c == null ? null : c.expected());
                }).toList();
    }

    private static Optional<Meeting> openMeeting(Session s) {
        return meetings(s).stream().filter(m -> !m.closed()).reduce((a, b) -> b);
    }

    private static Meeting requireMeeting(Session s) {
        return openMeeting(s).orElseThrow(() -> new MinkaException(ErrorCode.GROUP_NO_MEETING));
    }

    /// Closes the open meeting. The books say what the cash box should hold; `counted` (as typed,
    /// or null when not counted) is recorded with the difference, which is never hidden.
    public Close closeMeeting(String counted) {
        Long c = counted == null || counted.isBlank() ? null : Money.parse(counted, ws.currency());
        if (c != null && c < 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, counted);
        }
        String id = Ids.owned(ws.selfId(), ws.log().now());
        String meeting = ws.write(w -> {
            Meeting m = requireMeeting(w);
            long expected = cashBalance(w);
            w.append(OpType.GROUP_MEETING_CLOSE, id, OpData.builder().put("meeting", m.id())
                    .put("counted", c).put("expected", expected).build());
            return m.id();
        });
        Meeting m = meetings().stream().filter(x -> x.id().equals(meeting)).findFirst().orElseThrow();
        return new Close(m, m.expected(), m.counted(), m.counted() == null ? 0 : m.counted() - m.expected());
    }

    /// What the cash box should hold now, by the books.
    public long expectedCash() {
        return ws.read(GroupService::cashBalance);
    }

    private static long cashBalance(Session s) {
        Optional<Account> cash = cashAccount(s);
        return cash.map(a -> LedgerRepository.balances(s).getOrDefault(a.id(), 0L)).orElse(0L);
    }

    private static Optional<Account> cashAccount(Session s) {
        List<Account> cash = LedgerRepository.accounts(s).stream().filter(Account::isCashAndBank).toList();
        return cash.stream().filter(a -> a.code().equals(CASH)).findFirst().or(() -> cash.stream().findFirst());
    }

    public void attend(String memberRef, String status) {
        String st = Texts.required(status, "status").strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("present", "represented", "absent").contains(st)) {
            throw new MinkaException(ErrorCode.BAD_CHOICE, status);
        }
        String id = Ids.owned(ws.selfId(), ws.log().now());
        ws.write(w -> {
            Meeting m = requireMeeting(w);
            Member member = activeMember(w, memberRef);
            return w.append(OpType.GROUP_ATTEND, id, OpData.builder().put("meeting", m.id())
                    .put("member", member.id()).put("status", st).build());
        });
    }

    // ---- money at the meeting ----

    /// A member buys `count` shares at the cycle's share price.
    public long buyShares(String memberRef, int count) {
        return ws.write(w -> {
            Meeting m = requireMeeting(w);
            Cycle c = requireCycle(w);
            Member member = activeMember(w, memberRef);
            c.rules().checkShares(count).ifPresent(v -> {
                throw new MinkaException(ErrorCode.GROUP_SHARES_OUT_OF_RANGE, Integer.toString(count),
                        Integer.toString(c.rules().minShares()), Integer.toString(c.rules().maxShares()));
            });
            long amount = Math.multiplyExact(count, c.rules().sharePrice());
            Words words = words(w);
            String savings = memberAccount(w, words, SAVINGS, "group.account.savings", AccountType.LIABILITY, member);
            String tx = post(w, m.date(), words.t("group.memo.shares", member.name(), Integer.toString(count)),
                    Map.of(cash(w, words), amount, savings, -amount));
            appendEntry(w, OpType.GROUP_SHARES, OpData.builder().put("meeting", m.id()).put("member", member.id())
                    .put("count", (long) count).put("amount", amount).put("tx", tx));
            return amount;
        });
    }

    /// A member pays the cycle's social-fund contribution.
    public long paySocial(String memberRef) {
        return ws.write(w -> {
            Meeting m = requireMeeting(w);
            Cycle c = requireCycle(w);
            Member member = activeMember(w, memberRef);
            long amount = c.rules().socialFund();
            if (amount <= 0) {
                throw new MinkaException(ErrorCode.GROUP_NO_SOCIAL_FUND);
            }
            Words words = words(w);
            String fund = account(w, SOCIAL_FUND, words.t("starter.account.socialFund"), AccountType.EQUITY);
            String tx = post(w, m.date(), words.t("group.memo.social", member.name()),
                    Map.of(cash(w, words), amount, fund, -amount));
            appendEntry(w, OpType.GROUP_SOCIAL, OpData.builder().put("meeting", m.id()).put("member", member.id())
                    .put("amount", amount).put("tx", tx));
            return amount;
        });
    }

    /// A fine of `kind`, at the constitution's amount unless `amount` is given; paid at once.
    public long fine(String memberRef, String kind, String amount) {
        String k = Texts.required(kind, "kind").strip();
        return ws.write(w -> {
            Meeting m = requireMeeting(w);
            Cycle c = requireCycle(w);
            Member member = activeMember(w, memberRef);
            long a;
            if (amount != null && !amount.isBlank()) {
                a = Money.parse(amount, ws.currency());
                if (a <= 0) {
                    throw new MinkaException(ErrorCode.BAD_AMOUNT, amount);
                }
            } else {
                a = c.rules().fine(k).orElseThrow(() -> new MinkaException(ErrorCode.GROUP_UNKNOWN_FINE, k,
                        String.join(", ", c.rules().fines().keySet())));
            }
            Words words = words(w);
            String fines = account(w, FINES, words.t("starter.account.fines"), AccountType.INCOME);
            String tx = post(w, m.date(), words.t("group.memo.fine", member.name(), k),
                    Map.of(cash(w, words), a, fines, -a));
            appendEntry(w, OpType.GROUP_FINE, OpData.builder().put("meeting", m.id()).put("member", member.id())
                    .put("kind", k).put("amount", a).put("tx", tx));
            return a;
        });
    }

    /// Lends `amount` (as typed) for `months` within the constitution; a refusal says why in
    /// plain words (over the limit for the member's savings, term too long). Returns the loan.
    public Loan issueLoan(String memberRef, String amount, int months) {
        long a = Money.parse(Texts.required(amount, "amount"), ws.currency());
        String id = ws.write(w -> {
            Meeting m = requireMeeting(w);
            Cycle c = requireCycle(w);
            Member member = activeMember(w, memberRef);
            long savings = savings(w, c, member.id());
            c.rules().checkLoan(a, months, savings).ifPresent(v -> {
                var cur = ws.currency();
                switch (v.reason()) {
                    case GroupConstitution.TERM_TOO_LONG -> throw new MinkaException(ErrorCode.GROUP_TERM_TOO_LONG,
                            Integer.toString(months), Integer.toString(c.rules().maxTermMonths()));
                    case GroupConstitution.LOAN_OVER_LIMIT -> throw new MinkaException(
                            ErrorCode.GROUP_LOAN_OVER_LIMIT, Money.format(a, cur), member.name(),
                            Money.format(c.rules().maxLoan(savings), cur), Money.format(savings, cur));
                    default -> throw new MinkaException(ErrorCode.BAD_AMOUNT, amount);
                }
            });
            long cashNow = cashBalance(w);
            if (a > cashNow) {
                throw new MinkaException(ErrorCode.GROUP_NOT_ENOUGH_CASH, Money.format(a, ws.currency()),
                        Money.format(cashNow, ws.currency()));
            }
            Words words = words(w);
            String loan = memberAccount(w, words, LOANS, "group.account.loan", AccountType.ASSET, member);
            String tx = post(w, m.date(), words.t("group.memo.loan", member.name(), Integer.toString(months)),
                    Map.of(loan, a, cash(w, words), -a));
            return appendEntry(w, OpType.GROUP_LOAN_ISSUE, OpData.builder().put("meeting", m.id())
                    .put("member", member.id()).put("amount", a).put("months", (long) months)
                    .put("chargeBp", (long) c.rules().chargeBpPerMonth()).put("method", c.rules().chargeMethod().wire())
                    .put("date", m.date().toString()).put("tx", tx));
        });
        return loan(id);
    }

    /// A repayment, divided into service charge and principal by the loan's schedule.
    public Repayment repay(String loanId, String amount) {
        long a = Money.parse(Texts.required(amount, "amount"), ws.currency());
        if (a <= 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, amount);
        }
        return ws.write(w -> {
            Meeting m = requireMeeting(w);
            Loan loan = loans(w).stream().filter(l -> l.id().equals(loanId == null ? "" : loanId.strip()))
                    .findFirst().orElseThrow(() -> new MinkaException(ErrorCode.GROUP_UNKNOWN_LOAN, loanId));
            long left = loan.schedule().totalDue() - loan.repaid();
            if (a > left) {
                throw new MinkaException(ErrorCode.GROUP_LOAN_OVERPAID, Money.format(a, ws.currency()),
                        Money.format(left, ws.currency()));
            }
            LoanSchedule.Split split = loan.schedule().split(loan.repaid(), a);
            Words words = words(w);
            Member member = MemberService.find(w, loan.member());
            String loanAccount = memberAccount(w, words, LOANS, "group.account.loan", AccountType.ASSET, member);
            Map<String, Long> lines = new LinkedHashMap<>();
            lines.put(cash(w, words), a);
            if (split.principal() > 0) {
                lines.put(loanAccount, -split.principal());
            }
            if (split.charge() > 0) {
                lines.put(account(w, CHARGES, words.t("group.account.charges"), AccountType.INCOME), -split.charge());
            }
            String tx = post(w, m.date(), words.t("group.memo.repay", member.name()), lines);
            String id = appendEntry(w, OpType.GROUP_LOAN_REPAY, OpData.builder().put("meeting", m.id())
                    .put("loan", loan.id()).put("amount", a).put("charge", split.charge())
                    .put("principal", split.principal()).put("tx", tx));
            return new Repayment(id, loan.id(), a, split.charge(), split.principal());
        });
    }

    // ---- loans ----

    public List<Loan> loans() {
        return ws.read(GroupService::loans);
    }

    public Loan loan(String id) {
        String l = id == null ? "" : id.strip();
        return loans().stream().filter(x -> x.id().equals(l)).findFirst()
                .orElseThrow(() -> new MinkaException(ErrorCode.GROUP_UNKNOWN_LOAN, id));
    }

    private static List<Loan> loans(Session s) {
        List<GroupRepository.Entry> all = GroupRepository.entries(s);
        Map<String, Long> repaid = new java.util.HashMap<>();
        for (GroupRepository.Entry e : all) {
            if (e.type().equals(OpType.GROUP_LOAN_REPAY)) {
                repaid.merge(e.loan(), e.amount(), Math::addExact);
            }
        }
        Map<String, String> names = names(s);
        LocalDate today = LocalDate.now();
        List<Loan> out = new ArrayList<>();
        for (GroupRepository.Entry e : all) {
            if (!e.type().equals(OpType.GROUP_LOAN_ISSUE)) {
                continue;
            }
            LoanSchedule sch = LoanSchedule.of(e.date(), e.amount(), e.months().intValue(), e.chargeBp().intValue(),
                    GroupConstitution.ChargeMethod.fromWire(e.method()));
            long paid = Math.min(repaid.getOrDefault(e.id(), 0L), sch.totalDue());
            out.add(new Loan(e.id(), e.member(), names.getOrDefault(e.member(), "?"), e.date(), e.amount(),
                    e.months().intValue(), sch, paid, sch.position(paid, today)));
        }
        return out;
    }

    // ---- share-out ----

    /// The share-out of the cycle in force, as it would be posted (or was).
    public ShareOutView shareOut() {
        return ws.read(GroupService::shareOut);
    }

    private static ShareOutView shareOut(Session s) {
        Cycle c = requireCycle(s);
        java.util.Set<String> meetings = new java.util.HashSet<>();
        for (Meeting m : meetings(s)) {
            if (m.cycle().equals(c.id())) {
                meetings.add(m.id());
            }
        }
        Map<String, String> loanMeeting = new java.util.HashMap<>();
        long shares = 0;
        long charges = 0;
        long fines = 0;
        long social = 0;
        boolean posted = false;
        Map<String, Long> holdings = new TreeMap<>();
        List<GroupRepository.Entry> all = GroupRepository.entries(s);
        for (GroupRepository.Entry e : all) {
            if (e.type().equals(OpType.GROUP_SHAREOUT) && c.id().equals(e.cycle())) {
                posted = true;
            }
            if (e.meeting() == null || !meetings.contains(e.meeting())) {
                continue;
            }
            switch (e.type()) {
                case OpType.GROUP_SHARES -> {
                    shares = Math.addExact(shares, e.amount());
                    holdings.merge(e.member(), e.count(), Math::addExact);
                }
                case OpType.GROUP_LOAN_REPAY -> charges = Math.addExact(charges, e.charge());
                case OpType.GROUP_FINE -> fines = Math.addExact(fines, e.amount());
                case OpType.GROUP_SOCIAL -> social = Math.addExact(social, e.amount());
                default -> { }
            }
        }
        ShareOut r = ShareOut.compute(new ShareOut.Cycle(shares, charges, fines, 0, 0, 0, social),
                holdings.entrySet().stream().map(h -> new ShareOut.Holding(h.getKey(), h.getValue())).toList());
        return new ShareOutView(c, r, names(s), posted);
    }

    /// Posts the share-out: each member's savings and the cycle's income go back out of the cash
    /// box. Refused while a loan of the cycle is not repaid, and a second time.
    public ShareOutView postShareOut() {
        String id = Ids.owned(ws.selfId(), ws.log().now());
        ws.write(w -> {
            ShareOutView v = shareOut(w);
            if (v.posted()) {
                throw new MinkaException(ErrorCode.GROUP_ALREADY_SHARED_OUT);
            }
            long owed = loans(w).stream().mapToLong(l -> l.position().principalOwed() + l.position().chargeOwed())
                    .sum();
            if (owed > 0) {
                throw new MinkaException(ErrorCode.GROUP_LOANS_OUTSTANDING, Money.format(owed, ws.currency()));
            }
            List<Meeting> ms = meetings(w).stream().filter(m -> m.cycle().equals(v.cycle().id())).toList();
            LocalDate date = ms.isEmpty() ? LocalDate.now() : ms.getLast().date();
            Words words = words(w);
            Map<String, Long> lines = new LinkedHashMap<>();
            long savingsTotal = 0;
            Map<String, Long> bought = new TreeMap<>();
            for (GroupRepository.Entry e : GroupRepository.entries(w)) {
                if (e.type().equals(OpType.GROUP_SHARES) && ms.stream().anyMatch(m -> m.id().equals(e.meeting()))) {
                    bought.merge(e.member(), e.amount(), Math::addExact);
                }
            }
            for (Map.Entry<String, Long> b : bought.entrySet()) {
                Member member = MemberService.find(w, b.getKey());
                lines.merge(memberAccount(w, words, SAVINGS, "group.account.savings", AccountType.LIABILITY, member),
                        b.getValue(), Math::addExact);
                savingsTotal += b.getValue();
            }
            long profit = v.result().distributable() - savingsTotal;
            if (profit > 0) {
                lines.put(account(w, SHARED_OUT, words.t("group.account.sharedOut"), AccountType.EQUITY), profit);
            }
            String tx = null;
            if (v.result().distributable() > 0) {
                lines.put(cash(w, words), -v.result().distributable());
                tx = post(w, date, words.t("group.memo.shareOut", date.toString()), lines);
            }
            w.append(OpType.GROUP_SHAREOUT, id, OpData.builder().put("cycle", v.cycle().id()).put("date", date.toString())
                    .put("distributable", v.result().distributable()).put("tx", tx).build());
            return id;
        });
        return shareOut();
    }

    // ---- metrics ----

    /// One calendar quarter's SAVIX-style figures (design notes 32), money in minor units,
    /// percentages with one decimal, rounded half up (null when the divisor is 0).
    public record QuarterMetrics(String quarter, LocalDate start, LocalDate end, int members, int women,
                                 BigDecimal womenPercent, long attended, long expected, BigDecimal attendancePercent,
                                 long savings, long loansOutstanding, long atRisk30, BigDecimal parPercent,
                                 long income, long averageSavings, BigDecimal returnPercent, int dropOuts) {
    }

    /// The figures of every calendar quarter intersecting `from`–`to` (null: the first cycle's
    /// start, today); empty without a cycle.
    public List<QuarterMetrics> metrics(LocalDate from, LocalDate to) {
        return ws.read(s -> {
            List<GroupRepository.Cycle> cycles = GroupRepository.cycles(s);
            if (cycles.isEmpty()) {
                return List.<QuarterMetrics>of();
            }
            LocalDate f = from != null ? from : cycles.getFirst().rules().start();
            LocalDate t = to != null ? to : LocalDate.now();
            if (t.isBefore(f)) {
                throw new MinkaException(ErrorCode.BAD_DATE, t.toString());
            }
            List<GroupRepository.Entry> all = GroupRepository.entries(s);
            List<Meeting> meetings = meetings(s);
            Map<String, Member> people = new java.util.HashMap<>();
            MemberRepository.all(s).forEach(m -> people.put(m.id(), m));
            List<QuarterMetrics> out = new ArrayList<>();
            LocalDate q = f.withMonth((f.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
            for (; !q.isAfter(t); q = q.plusMonths(3)) {
                out.add(quarter(q, q.plusMonths(3).minusDays(1), cycles, meetings, all, people));
            }
            return out;
        });
    }

    private static QuarterMetrics quarter(LocalDate qs, LocalDate qe, List<GroupRepository.Cycle> cycles,
                                          List<Meeting> meetings, List<GroupRepository.Entry> all,
                                          Map<String, Member> people) {
        String cycle = null;
        for (GroupRepository.Cycle c : cycles) {
            if (!c.rules().start().isAfter(qe)) {
                cycle = c.id();
            }
        }
        Map<String, LocalDate> held = new java.util.HashMap<>();
        for (Meeting m : meetings) {
            if (m.cycle().equals(cycle) && !m.date().isAfter(qe)) {
                held.put(m.id(), m.date());
            }
        }
        java.util.Set<String> takingPart = new java.util.HashSet<>();
        TreeMap<LocalDate, Long> boughtOn = new TreeMap<>();
        Map<String, Long> repaid = new java.util.HashMap<>();
        long income = 0;
        for (GroupRepository.Entry e : all) {
            if (e.meeting() == null || !held.containsKey(e.meeting())) {
                continue;
            }
            if (e.member() != null) {
                takingPart.add(e.member());
            }
            switch (e.type()) {
                case OpType.GROUP_SHARES -> boughtOn.merge(held.get(e.meeting()), e.amount(), Math::addExact);
                case OpType.GROUP_LOAN_REPAY -> {
                    repaid.merge(e.loan(), e.amount(), Math::addExact);
                    income = Math.addExact(income, e.charge());
                }
                case OpType.GROUP_FINE -> income = Math.addExact(income, e.amount());
                default -> { }
            }
        }
        java.util.Set<String> active = new java.util.HashSet<>();
        int women = 0;
        int dropOuts = 0;
        for (String id : takingPart) {
            Member m = people.get(id);
            if (m == null || m.status() == MemberStatus.INACTIVE) {
                dropOuts++;
            } else {
                active.add(id);
                if (m.gender() == coop.minka.domain.Gender.WOMAN) {
                    women++;
                }
            }
        }
        long attended = 0;
        long meetingsInQuarter = held.values().stream().filter(d -> !d.isBefore(qs)).count();
        for (GroupRepository.Entry e : all) {
            if (e.type().equals(OpType.GROUP_ATTEND) && held.containsKey(e.meeting())
                    && !held.get(e.meeting()).isBefore(qs) && active.contains(e.member())
                    && !"absent".equals(e.status())) {
                attended++;
            }
        }
        long expected = meetingsInQuarter * active.size();
        long savings = 0;
        long savingsSum = 0;
        for (long v : boughtOn.values()) {
            savings += v;
            savingsSum += savings;
        }
        long average = boughtOn.isEmpty() ? 0 : savingsSum / boughtOn.size();
        long outstanding = 0;
        long atRisk = 0;
        for (GroupRepository.Entry e : all) {
            if (!e.type().equals(OpType.GROUP_LOAN_ISSUE) || !held.containsKey(e.meeting())) {
                continue;
            }
            LoanSchedule sch = LoanSchedule.of(e.date(), e.amount(), e.months().intValue(), e.chargeBp().intValue(),
                    GroupConstitution.ChargeMethod.fromWire(e.method()));
            LoanSchedule.Position p = sch.position(Math.min(repaid.getOrDefault(e.id(), 0L), sch.totalDue()), qe);
            outstanding += p.principalOwed();
            if (p.atRisk30()) {
                atRisk += p.principalOwed();
            }
        }
        return new QuarterMetrics(qs.getYear() + "-Q" + ((qs.getMonthValue() - 1) / 3 + 1), qs, qe, active.size(),
                women, percent(women, active.size()), attended, expected, percent(attended, expected), savings,
                outstanding, atRisk, percent(atRisk, outstanding), income, average, percent(income, average),
                dropOuts);
    }

    /// `part ÷ whole × 100`, one decimal, half up; null when `whole` is 0.
    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_UP);
    }

    // ---- helpers ----

    private static Map<String, String> names(Session s) {
        Map<String, String> out = new java.util.HashMap<>();
        MemberRepository.all(s).forEach(m -> out.put(m.id(), m.name()));
        return out;
    }

    /// A member's savings in the cycle: the shares bought.
    private static long savings(Session s, Cycle c, String member) {
        java.util.Set<String> ms = new java.util.HashSet<>();
        meetings(s).stream().filter(m -> m.cycle().equals(c.id())).forEach(m -> ms.add(m.id()));
        return GroupRepository.entries(s).stream().filter(e -> e.type().equals(OpType.GROUP_SHARES)
                && member.equals(e.member()) && ms.contains(e.meeting())).mapToLong(GroupRepository.Entry::amount).sum();
    }

    private static Member activeMember(Session s, String ref) {
        Member m = MemberService.find(s, ref);
        if (m.status() == MemberStatus.INACTIVE) {
            throw new MinkaException(ErrorCode.INACTIVE_MEMBER, m.name());
        }
        return m;
    }

    private Words words(Session s) {
        return Words.of(null, ws.coop());
    }

    private String appendEntry(ChangeLog.Writer w, String type, OpData.Builder data) {
        String id = Ids.owned(ws.selfId(), ws.log().now());
        w.append(type, id, data.build());
        return id;
    }

    /// A balanced transaction through the one write path's rules: the date must be open.
    private String post(ChangeLog.Writer w, LocalDate date, String memo, Map<String, Long> lines) {
        periods.checkOpen(w, date);
        String id = Ids.owned(ws.selfId(), ws.log().now());
        List<Map<String, Object>> wire = new ArrayList<>();
        new TreeMap<>(lines).forEach((account, amount) -> {
            if (amount != 0) {
                wire.add(Map.of("account", account, "amount", amount));
            }
        });
        w.append(OpType.TX_POST, id, OpData.builder().put("date", date.toString()).put("memo", memo)
                .put("postings", wire).build());
        return id;
    }

    /// The cash box: the cooperative's cash account (code 1000 first), made if there is none.
    private String cash(ChangeLog.Writer w, Words words) {
        Optional<Account> a = cashAccount(w);
        if (a.isPresent()) {
            return a.get().id();
        }
        return addAccount(w, CASH, words.t("starter.account.cash"), AccountType.ASSET, null, true);
    }

    /// The cooperative's account with this code, made with this name and type if there is none.
    private String account(ChangeLog.Writer w, String code, String name, AccountType type) {
        return LedgerRepository.accountByCode(w, code).map(Account::id)
                .orElseGet(() -> addAccount(w, code, name, type, null, false));
    }

    /// A member's account (`prefix-` + the first digits of the member's id), made if missing.
    private String memberAccount(ChangeLog.Writer w, Words words, String prefix, String nameKey, AccountType type,
                                 Member m) {
        String code = prefix + "-" + m.id().replace("-", "").substring(0, 12);
        return LedgerRepository.accounts(w).stream()
                .filter(a -> m.id().equals(a.memberId()) && a.code().startsWith(prefix + "-")).map(Account::id)
                .findFirst().orElseGet(() -> addAccount(w, code, words.t(nameKey, m.name()), type, m.id(), false));
    }

    private String addAccount(ChangeLog.Writer w, String code, String name, AccountType type, String member,
                              boolean cash) {
        String id = Ids.owned(ws.selfId(), ws.log().now());
        w.append(OpType.ACCOUNT_ADD, id, OpData.builder().put("code", code).put("name", name)
                .put("type", type.wire()).put("member", member).put("cash", cash ? Boolean.TRUE : null).build());
        return id;
    }

    // ---- one meeting, member by member (the desktop meeting screen, design notes 33) ----

    /// What one member did at a meeting: attendance as recorded last (`present`, `represented`,
    /// `absent`; null when not recorded), shares bought (count and money), social fund paid,
    /// repaid on loans, fines paid and lent to them; money in minor units.
    public record AtMeeting(String member, String attendance, long shares, long sharesAmount, long social,
                            long repaid, long fines, long lent) {
        /// What this member put into the cash box at the meeting.
        public long cashIn() {
            return sharesAmount + social + repaid + fines;
        }
    }

    /// Per member (by id), what was recorded at the meeting `meetingId`; members with nothing
    /// recorded are absent from the map.
    public Map<String, AtMeeting> atMeeting(String meetingId) {
        String want = meetingId == null ? "" : meetingId.strip();
        return ws.read(s -> {
            List<GroupRepository.Entry> all = GroupRepository.entries(s);
            Map<String, String> loanMember = new java.util.HashMap<>();
            for (GroupRepository.Entry e : all) {
                if (e.type().equals(OpType.GROUP_LOAN_ISSUE)) {
                    loanMember.put(e.id(), e.member());
                }
            }
            Map<String, AtMeeting> out = new TreeMap<>();
            for (GroupRepository.Entry e : all) {
                if (!want.equals(e.meeting())) {
                    continue;
                }
                String member = e.type().equals(OpType.GROUP_LOAN_REPAY) ? loanMember.get(e.loan()) : e.member();
                if (member == null) {
                    continue;
                }
                AtMeeting a = out.getOrDefault(member, new AtMeeting(member, null, 0, 0, 0, 0, 0, 0));
                long amount = e.amount() == null ? 0 : e.amount();
                a = switch (e.type()) {
                    case OpType.GROUP_ATTEND -> new AtMeeting(member, e.status(), a.shares(), a.sharesAmount(),
                            a.social(), a.repaid(), a.fines(), a.lent());
                    case OpType.GROUP_SHARES -> new AtMeeting(member, a.attendance(),
                            Math.addExact(a.shares(), e.count()), Math.addExact(a.sharesAmount(), amount), a.social(),
                            a.repaid(), a.fines(), a.lent());
                    case OpType.GROUP_SOCIAL -> new AtMeeting(member, a.attendance(), a.shares(), a.sharesAmount(),
                            Math.addExact(a.social(), amount), a.repaid(), a.fines(), a.lent());
                    case OpType.GROUP_LOAN_REPAY -> new AtMeeting(member, a.attendance(), a.shares(),
                            a.sharesAmount(), a.social(), Math.addExact(a.repaid(), amount), a.fines(), a.lent());
                    case OpType.GROUP_FINE -> new AtMeeting(member, a.attendance(), a.shares(), a.sharesAmount(),
                            a.social(), a.repaid(), Math.addExact(a.fines(), amount), a.lent());
                    case OpType.GROUP_LOAN_ISSUE -> new AtMeeting(member, a.attendance(), a.shares(),
                            a.sharesAmount(), a.social(), a.repaid(), a.fines(), Math.addExact(a.lent(), amount));
                    default -> a;
                };
                out.put(member, a);
            }
            return out;
        });
    }
}
