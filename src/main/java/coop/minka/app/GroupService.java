package coop.minka.app;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.GroupBacking;
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
    static final String CASH = BookWriter.CASH;
    static final String LOANS = GroupBacking.LOANS;
    static final String SAVINGS = GroupBacking.SAVINGS;
    static final String SOCIAL_FUND = GroupBacking.SOCIAL_FUND;
    static final String SHARED_OUT = GroupBacking.SHARED_OUT;
    static final String CHARGES = GroupBacking.CHARGES;
    static final String FINES = GroupBacking.FINES;
    static final String EXPENSES = GroupBacking.EXPENSES;
    static final String WRITE_OFFS = GroupBacking.WRITE_OFFS;

    private final Workspace ws;
    private final PeriodRules periods;
    private final BookWriter books;

    public GroupService(Workspace ws, PeriodRules periods) {
        this.ws = ws;
        this.periods = periods;
        this.books = new BookWriter(ws, periods);
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

    /// A loan with its schedule and what was repaid; `writtenOff` is the principal written off by
    /// decision (0 if none), after which nothing more is owed.
    public record Loan(String id, String member, String memberName, LocalDate issued, long principal, int months,
                       LoanSchedule schedule, long repaid, LoanSchedule.Position position, long writtenOff) {
    }

    /// A repayment: the amount and how it was divided.
    public record Repayment(String id, String loan, long amount, long charge, long principal) {
    }

    /// The share-out of the current cycle; `posted` once the payouts are in the books.
    public record ShareOutView(Cycle cycle, ShareOut result, Map<String, String> names, boolean posted,
                               Totals totals) {
    }

    /// The cycle's figures behind the share-out (minor units): what goes in, what comes off, and
    /// the social fund's contributions and grants (the fund is not shared).
    public record Totals(long sharesBought, long serviceCharges, long fines, long writeOffs, long expenses,
                         long socialContributions, long grants) {
    }

    /// One group entry as listed for corrections: `voided` once a void takes it out, `held` the
    /// reason it is held invalid (null when it stands).
    public record EntryView(String id, String type, String meeting, LocalDate date, String member, String memberName,
                            Long amount, String tx, String note, boolean voided, String held) {
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
    static int hundredths(String s, int scale) {
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

    /// The cycle a meeting belongs to: its rules price what is bought there, even once a later
    /// cycle has been started (design notes 37).
    private static Cycle cycleOf(Session s, Meeting m) {
        return GroupRepository.cycles(s).stream().filter(c -> c.id().equals(m.cycle())).findFirst()
                .map(c -> new Cycle(c.id(), c.rules())).orElseGet(() -> requireCycle(s));
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
        // the latest close or reopen (by stamp) decides: a reopened meeting's count no longer stands
        Map<String, GroupRepository.Entry> closes = new LinkedHashMap<>();
        for (GroupRepository.Entry e : all) {
            if (e.type().equals(OpType.GROUP_MEETING_CLOSE) || e.type().equals(OpType.GROUP_MEETING_REOPEN)) {
                closes.put(e.meeting(), e);
            }
        }
        return all.stream().filter(e -> e.type().equals(OpType.GROUP_MEETING_OPEN))
                .sorted(java.util.Comparator.comparing(GroupRepository.Entry::date))
                .map(e -> {
                    GroupRepository.Entry c = closes.get(e.id());
                    boolean closed = c != null && c.type().equals(OpType.GROUP_MEETING_CLOSE);
                    return new Meeting(e.id(), e.cycle(), e.date(), closed, closed ? c.counted() : null,
                            closed ? c.expected() : null);
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
        return BookWriter.cashAccount(s);
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
            Cycle c = cycleOf(w, m);
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
            Cycle c = cycleOf(w, m);
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
            Cycle c = cycleOf(w, m);
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
            Cycle c = cycleOf(w, m);
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

    // ---- corrections (design notes 36) ----

    /// Opens again the last meeting of the cycle in force (`meetingRef`: its id or date, null for
    /// the last): only once it is closed, and only if no later meeting exists. Its count no longer
    /// stands; closing it again records a new one.
    public Meeting reopenMeeting(String meetingRef) {
        String id = Ids.owned(ws.selfId(), ws.log().now());
        String meeting = ws.write(w -> {
            Cycle c = requireCycle(w);
            List<Meeting> ms = meetings(w).stream().filter(m -> m.cycle().equals(c.id())).toList();
            if (ms.isEmpty()) {
                throw new MinkaException(ErrorCode.GROUP_NO_MEETING);
            }
            Meeting last = ms.getLast();
            Meeting m = meetingRef == null || meetingRef.isBlank() ? last : ms.stream()
                    .filter(x -> x.id().equals(meetingRef.strip()) || x.date().toString().equals(meetingRef.strip()))
                    .reduce((a, b) -> b).orElseThrow(() -> new MinkaException(ErrorCode.GROUP_UNKNOWN_ENTRY,
                            meetingRef));
            if (!m.id().equals(last.id())) {
                throw new MinkaException(ErrorCode.GROUP_NOT_LAST_MEETING, m.date().toString(),
                        last.date().toString());
            }
            if (!m.closed()) {
                throw new MinkaException(ErrorCode.GROUP_MEETING_STILL_OPEN, m.date().toString());
            }
            openMeeting(w).ifPresent(o -> {
                throw new MinkaException(ErrorCode.GROUP_MEETING_STILL_OPEN, o.date().toString());
            });
            periods.checkOpen(w, m.date());
            w.append(OpType.GROUP_MEETING_REOPEN, id, OpData.builder().put("meeting", m.id()).build());
            return m.id();
        });
        return meetings().stream().filter(m -> m.id().equals(meeting)).findFirst().orElseThrow();
    }

    /// Every group entry of a meeting (null: the open one, else the last), voided and held
    /// invalid ones too, in the order they were made: the ids `void` takes.
    public List<EntryView> entries(String meetingRef) {
        return ws.read(s -> {
            List<Meeting> ms = meetings(s);
            Meeting m;
            if (meetingRef == null || meetingRef.isBlank()) {
                m = openMeeting(s).or(() -> ms.isEmpty() ? Optional.empty() : Optional.of(ms.getLast()))
                        .orElseThrow(() -> new MinkaException(ErrorCode.GROUP_NO_MEETING));
            } else {
                m = ms.stream().filter(x -> x.id().equals(meetingRef.strip())
                        || x.date().toString().equals(meetingRef.strip())).reduce((a, b) -> b)
                        .orElseThrow(() -> new MinkaException(ErrorCode.GROUP_UNKNOWN_ENTRY, meetingRef));
            }
            Map<String, String> names = names(s);
            Map<String, String> loanMember = new java.util.HashMap<>();
            List<GroupRepository.Entry> all = GroupRepository.allEntries(s);
            all.stream().filter(e -> e.type().equals(OpType.GROUP_LOAN_ISSUE))
                    .forEach(e -> loanMember.put(e.id(), e.member()));
            List<EntryView> out = new ArrayList<>();
            for (GroupRepository.Entry e : all) {
                if (!m.id().equals(e.meeting()) || e.type().equals(OpType.GROUP_MEETING_OPEN)) {
                    continue;
                }
                String member = e.member() != null ? e.member() : loanMember.get(e.loan());
                out.add(new EntryView(e.id(), e.type(), e.meeting(), m.date(), member,
                        member == null ? null : names.getOrDefault(member, "?"), e.amount(), e.tx(), e.note(),
                        e.voidedBy() != null, e.held()));
            }
            return out;
        });
    }

    /// Voids one group entry and, in the same write, its transaction (the `tx.void` of
    /// `minka tx void`): a correction is a void, never an edit. Only while the entry's meeting is
    /// open (or the last meeting reopened); a loan with repayments or a write-off cannot be voided
    /// before they are.
    public EntryView voidEntry(String entryId, String reason) {
        String r = Texts.required(reason, "reason");
        String ref = entryId == null ? "" : entryId.strip();
        String id = Ids.owned(ws.selfId(), ws.log().now());
        String meeting = ws.write(w -> {
            GroupRepository.Entry target = GroupRepository.allEntries(w).stream().filter(e -> e.id().equals(ref))
                    .findFirst().orElseThrow(() -> new MinkaException(ErrorCode.GROUP_UNKNOWN_ENTRY, entryId));
            if (target.voidedBy() != null) {
                throw new MinkaException(ErrorCode.ALREADY_VOIDED, ref);
            }
            if (target.held() != null || !coop.minka.domain.GroupBook.VOIDABLE.contains(target.type())) {
                throw new MinkaException(ErrorCode.GROUP_NOT_VOIDABLE, ref);
            }
            Meeting m = meetings(w).stream().filter(x -> x.id().equals(target.meeting())).findFirst()
                    .orElseThrow(() -> new MinkaException(ErrorCode.GROUP_UNKNOWN_ENTRY, entryId));
            if (m.closed()) {
                throw new MinkaException(ErrorCode.GROUP_MEETING_CLOSED, m.date().toString());
            }
            if (!target.type().equals(OpType.GROUP_GRANT)) {
                requireNotSharedOut(w, m);
            }
            if (target.type().equals(OpType.GROUP_LOAN_ISSUE) && GroupRepository.entries(w).stream()
                    .anyMatch(e -> ref.equals(e.loan()))) {
                throw new MinkaException(ErrorCode.GROUP_NOT_VOIDABLE, ref);
            }
            w.append(OpType.GROUP_VOID, id, OpData.builder().put("entry", ref).put("reason", r).build());
            if (target.tx() != null) {
                LedgerService.appendVoid(w, periods, target.tx(), r);
            }
            return m.id();
        });
        return entries(meeting).stream().filter(e -> e.id().equals(ref)).findFirst().orElseThrow();
    }

    /// Refuses a change to a cycle already shared out: the share-out in the books would no longer
    /// match it.
    private static void requireNotSharedOut(Session s, Meeting m) {
        if (GroupRepository.entries(s).stream().anyMatch(e -> e.type().equals(OpType.GROUP_SHAREOUT)
                && m.cycle().equals(e.cycle()))) {
            throw new MinkaException(ErrorCode.GROUP_ALREADY_SHARED_OUT);
        }
    }

    /// The social fund's balance: contributions less grants, over every cycle.
    public long socialFund() {
        return ws.read(GroupService::socialFund);
    }

    private static long socialFund(Session s) {
        long fund = 0;
        for (GroupRepository.Entry e : GroupRepository.entries(s)) {
            if (e.type().equals(OpType.GROUP_SOCIAL)) {
                fund = Math.addExact(fund, e.amount());
            } else if (e.type().equals(OpType.GROUP_GRANT)) {
                fund = Math.subtractExact(fund, e.amount());
            }
        }
        return fund;
    }

    /// A grant from the social fund to a member (an emergency, a funeral), paid from the cash box
    /// at the open meeting; never more than the fund holds, and always with its reason.
    public long grant(String memberRef, String amount, String reason) {
        String r = Texts.required(reason, "reason");
        long a = Money.parse(Texts.required(amount, "amount"), ws.currency());
        if (a <= 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, amount);
        }
        return ws.write(w -> {
            Meeting m = requireMeeting(w);
            Member member = MemberService.find(w, memberRef);
            long fund = socialFund(w);
            if (a > fund) {
                throw new MinkaException(ErrorCode.GROUP_OVER_SOCIAL_FUND, Money.format(a, ws.currency()),
                        Money.format(fund, ws.currency()));
            }
            Words words = words(w);
            String fundAccount = account(w, SOCIAL_FUND, words.t("starter.account.socialFund"), AccountType.EQUITY);
            String tx = post(w, m.date(), words.t("group.memo.grant", member.name(), r),
                    Map.of(fundAccount, a, cash(w, words), -a));
            appendEntry(w, OpType.GROUP_GRANT, OpData.builder().put("meeting", m.id()).put("member", member.id())
                    .put("amount", a).put("reason", r).put("tx", tx));
            return a;
        });
    }

    /// Writes off what a loan still owes in principal, by the group's decision (two people when
    /// the cooperative has people): it moves from the member's loan account to the write-off
    /// expense, and the loan shows written off. Returns the loan.
    public Loan writeOff(String loanId, String reason) {
        String r = Texts.required(reason, "reason");
        String lid = loanId == null ? "" : loanId.strip();
        ws.write(w -> {
            Meeting m = requireMeeting(w);
            requireNotSharedOut(w, m);
            Loan loan = loans(w).stream().filter(l -> l.id().equals(lid)).findFirst()
                    .orElseThrow(() -> new MinkaException(ErrorCode.GROUP_UNKNOWN_LOAN, loanId));
            long owed = principalOwed(w, loan);
            if (owed <= 0) {
                throw new MinkaException(ErrorCode.GROUP_NOTHING_OWED, lid);
            }
            Words words = words(w);
            Member member = MemberService.find(w, loan.member());
            String loanAccount = memberAccount(w, words, LOANS, "group.account.loan", AccountType.ASSET, member);
            String off = account(w, WRITE_OFFS, words.t("group.account.writeOffs"), AccountType.EXPENSE);
            String tx = post(w, m.date(), words.t("group.memo.writeOff", member.name(), r),
                    Map.of(off, owed, loanAccount, -owed));
            return appendEntry(w, OpType.GROUP_LOAN_WRITEOFF, OpData.builder().put("meeting", m.id())
                    .put("loan", loan.id()).put("member", member.id()).put("amount", owed).put("reason", r)
                    .put("tx", tx));
        });
        return loan(lid);
    }

    /// The principal a loan still owes by its entries (what its loan account holds for it):
    /// principal lent less the principal repaid and written off.
    private static long principalOwed(Session s, Loan loan) {
        long owed = loan.principal();
        for (GroupRepository.Entry e : GroupRepository.entries(s)) {
            if (loan.id().equals(e.loan())) {
                if (e.type().equals(OpType.GROUP_LOAN_REPAY)) {
                    owed -= e.principal();
                } else if (e.type().equals(OpType.GROUP_LOAN_WRITEOFF)) {
                    owed -= e.amount();
                }
            }
        }
        return owed;
    }

    /// An expense of the cycle paid from the cash box at the open meeting (a notebook, a
    /// padlock); it comes off the share-out.
    public long expense(String amount, String memo) {
        String text = Texts.required(memo, "memo");
        long a = Money.parse(Texts.required(amount, "amount"), ws.currency());
        if (a <= 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, amount);
        }
        return ws.write(w -> {
            Meeting m = requireMeeting(w);
            requireNotSharedOut(w, m);
            Words words = words(w);
            String expenses = account(w, EXPENSES, words.t("group.account.expenses"), AccountType.EXPENSE);
            String tx = post(w, m.date(), words.t("group.memo.expense", text), Map.of(expenses, a, cash(w, words), -a));
            appendEntry(w, OpType.GROUP_EXPENSE, OpData.builder().put("meeting", m.id()).put("amount", a)
                    .put("memo", text).put("tx", tx));
            return a;
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
        return loans(s, null);
    }

    /// The loans as they stood on `day`, from the meetings held by then (null: every meeting,
    /// positions today).
    private static List<Loan> loans(Session s, LocalDate day) {
        java.util.Set<String> upTo = new java.util.HashSet<>();
        meetings(s).stream().filter(m -> day == null || !m.date().isAfter(day)).forEach(m -> upTo.add(m.id()));
        List<GroupRepository.Entry> all = GroupRepository.entries(s).stream()
                .filter(e -> day == null || (e.meeting() != null && upTo.contains(e.meeting()))).toList();
        Map<String, Long> repaid = new java.util.HashMap<>();
        Map<String, Long> writtenOff = new java.util.HashMap<>();
        for (GroupRepository.Entry e : all) {
            if (e.type().equals(OpType.GROUP_LOAN_REPAY)) {
                repaid.merge(e.loan(), e.amount(), Math::addExact);
            } else if (e.type().equals(OpType.GROUP_LOAN_WRITEOFF)) {
                writtenOff.merge(e.loan(), e.amount(), Math::addExact);
            }
        }
        Map<String, String> names = names(s);
        LocalDate today = day == null ? LocalDate.now() : day;
        List<Loan> out = new ArrayList<>();
        for (GroupRepository.Entry e : all) {
            if (!e.type().equals(OpType.GROUP_LOAN_ISSUE)) {
                continue;
            }
            LoanSchedule sch = LoanSchedule.of(e.date(), e.amount(), e.months().intValue(), e.chargeBp().intValue(),
                    GroupConstitution.ChargeMethod.fromWire(e.method()));
            long paid = Math.min(repaid.getOrDefault(e.id(), 0L), sch.totalDue());
            long off = writtenOff.getOrDefault(e.id(), 0L);
            // written off: nothing more is owed, nothing is late
            out.add(new Loan(e.id(), e.member(), names.getOrDefault(e.member(), "?"), e.date(), e.amount(),
                    e.months().intValue(), sch, paid, sch.position(off > 0 ? sch.totalDue() : paid, today), off));
        }
        return out;
    }

    // ---- share-out ----

    /// The share-out of the cycle in force, as it would be posted (or was).
    public ShareOutView shareOut() {
        return ws.read(GroupService::shareOut);
    }

    private static ShareOutView shareOut(Session s) {
        return shareOut(s, requireCycle(s));
    }

    /// The share-out of cycle `c`, as it would be posted (or was).
    private static ShareOutView shareOut(Session s, Cycle c) {
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
        long writeOffs = 0;
        long expenses = 0;
        long social = 0;
        long grants = 0;
        long fund = 0; // the social fund's balance over every cycle: it is carried, never shared
        boolean posted = false;
        Map<String, Long> holdings = new TreeMap<>();
        List<GroupRepository.Entry> all = GroupRepository.entries(s);
        for (GroupRepository.Entry e : all) {
            if (e.type().equals(OpType.GROUP_SHAREOUT) && c.id().equals(e.cycle())) {
                posted = true;
            }
            if (e.type().equals(OpType.GROUP_SOCIAL)) {
                fund = Math.addExact(fund, e.amount());
            } else if (e.type().equals(OpType.GROUP_GRANT)) {
                fund = Math.subtractExact(fund, e.amount());
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
                case OpType.GROUP_GRANT -> grants = Math.addExact(grants, e.amount());
                case OpType.GROUP_LOAN_WRITEOFF -> writeOffs = Math.addExact(writeOffs, e.amount());
                case OpType.GROUP_EXPENSE -> expenses = Math.addExact(expenses, e.amount());
                default -> { }
            }
        }
        ShareOut r = ShareOut.compute(new ShareOut.Cycle(shares, charges, fines, 0, writeOffs, expenses,
                Math.max(0, fund)), holdings.entrySet().stream()
                .map(h -> new ShareOut.Holding(h.getKey(), h.getValue())).toList());
        return new ShareOutView(c, r, names(s), posted,
                new Totals(shares, charges, fines, writeOffs, expenses, social, grants));
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
            // what the cycle earned (debited), or what write-offs and expenses took from the
            // savings (credited): either way the members' savings go back to zero
            long profit = v.result().distributable() - savingsTotal;
            if (profit != 0) {
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
        java.util.Set<String> writtenOff = new java.util.HashSet<>();
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
                case OpType.GROUP_LOAN_WRITEOFF -> {
                    income = Math.subtractExact(income, e.amount());
                    writtenOff.add(e.loan());
                }
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
            if (!e.type().equals(OpType.GROUP_LOAN_ISSUE) || !held.containsKey(e.meeting())
                    || writtenOff.contains(e.id())) { // written off by E: nothing more is owed
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

    private String post(ChangeLog.Writer w, LocalDate date, String memo, Map<String, Long> lines) {
        return books.post(w, date, memo, lines);
    }

    private String cash(ChangeLog.Writer w, Words words) {
        return books.cash(w, words);
    }

    private String account(ChangeLog.Writer w, String code, String name, AccountType type) {
        return books.account(w, code, name, type);
    }

    private String memberAccount(ChangeLog.Writer w, Words words, String prefix, String nameKey, AccountType type,
                                 Member m) {
        return books.memberAccount(w, words, prefix, nameKey, type, m);
    }

    // ---- printed papers (design note 34) ----

    /// One member's line on a meeting sheet, money in minor units: attendance as recorded
    /// (`present`, `represented`, `absent`; null when not marked), shares bought and their value,
    /// the social fund paid, loan repayments, fines and the loans issued to the member.
    public record SheetLine(String member, String name, String attendance, long shares, long savings, long social,
                            long repaid, long fines, long lent) {
    }

    /// A closed meeting's sheet to sign: a line for every member with an entry at the meeting
    /// and every active member with an entry at an earlier meeting of the cycle (name order;
    /// attendance null where it was not marked), the totals (member and name null), the loans issued
    /// at it, and the cash: expected by the books at the close, counted (null: not counted) and
    /// the difference (null when not counted).
    public record MeetingSheet(Meeting meeting, List<SheetLine> lines, SheetLine totals, List<Loan> loans,
                               long expected, Long counted, Long difference) {
    }

    /// A share-out posted in a period: the date it was posted for and the statement.
    public record PostedShareOut(LocalDate date, ShareOutView view) {
    }

    /// The savings group's papers of a period: the sheets of the closed meetings dated in it and
    /// the share-outs posted with a date in it (oldest first).
    public record Papers(List<MeetingSheet> meetings, List<PostedShareOut> shareOuts) {
        public boolean isEmpty() {
            return meetings.isEmpty() && shareOuts.isEmpty();
        }
    }

    /// The papers of [from, to] (null: open on that side).
    public Papers papers(LocalDate from, LocalDate to) {
        return ws.read(s -> papers(s, from, to));
    }

    /// The papers of [from, to] in one read of the books (for the pack and its check code).
    public static Papers papers(Session s, LocalDate from, LocalDate to) {
        java.util.function.Predicate<LocalDate> in = d -> d != null && (from == null || !d.isBefore(from))
                && (to == null || !d.isAfter(to));
        List<GroupRepository.Entry> all = GroupRepository.entries(s);
        Map<String, Member> people = new java.util.HashMap<>();
        MemberRepository.all(s).forEach(m -> people.put(m.id(), m));
        Map<String, Loan> loans = new java.util.HashMap<>();
        loans(s).forEach(l -> loans.put(l.id(), l));
        Map<String, String> loanMember = new java.util.HashMap<>();
        loans.values().forEach(l -> loanMember.put(l.id(), l.member()));
        List<MeetingSheet> sheets = new ArrayList<>();
        Map<String, Meeting> held = new LinkedHashMap<>();
        meetings(s).forEach(m -> held.put(m.id(), m));
        for (Meeting m : held.values()) {
            if (!m.closed() || !in.test(m.date())) {
                continue;
            }
            Map<String, SheetLine> lines = new java.util.HashMap<>();
            java.util.function.Function<String, SheetLine> line = id -> lines.computeIfAbsent(id, k -> new SheetLine(k,
                    people.containsKey(k) ? people.get(k).name() : "?", null, 0, 0, 0, 0, 0, 0));
            // the group as it stood: every active member with an entry at a meeting of the cycle up to this one
            java.util.Set<String> upTo = new java.util.HashSet<>();
            held.forEach((id, x) -> {
                if (x.cycle().equals(m.cycle()) && !x.date().isAfter(m.date())) {
                    upTo.add(id);
                }
            });
            for (GroupRepository.Entry e : all) {
                String who = e.type().equals(OpType.GROUP_LOAN_REPAY) ? loanMember.get(e.loan()) : e.member();
                if (who != null && upTo.contains(e.meeting()) && people.containsKey(who)
                        && people.get(who).status() == MemberStatus.ACTIVE) {
                    line.apply(who);
                }
            }
            List<Loan> issued = new ArrayList<>();
            for (GroupRepository.Entry e : all) {
                if (!m.id().equals(e.meeting())) {
                    continue;
                }
                String who = e.type().equals(OpType.GROUP_LOAN_REPAY) ? loanMember.get(e.loan()) : e.member();
                if (who == null) {
                    continue;
                }
                SheetLine l = line.apply(who);
                long a = e.amount() == null ? 0 : e.amount();
                SheetLine n = switch (e.type()) {
                    case OpType.GROUP_ATTEND -> new SheetLine(l.member(), l.name(), e.status(), l.shares(), l.savings(),
                            l.social(), l.repaid(), l.fines(), l.lent());
                    case OpType.GROUP_SHARES -> new SheetLine(l.member(), l.name(), l.attendance(),
                            Math.addExact(l.shares(), e.count()), Math.addExact(l.savings(), a), l.social(), l.repaid(),
                            l.fines(), l.lent());
                    case OpType.GROUP_SOCIAL -> new SheetLine(l.member(), l.name(), l.attendance(), l.shares(),
                            l.savings(), Math.addExact(l.social(), a), l.repaid(), l.fines(), l.lent());
                    case OpType.GROUP_LOAN_REPAY -> new SheetLine(l.member(), l.name(), l.attendance(), l.shares(),
                            l.savings(), l.social(), Math.addExact(l.repaid(), a), l.fines(), l.lent());
                    case OpType.GROUP_FINE -> new SheetLine(l.member(), l.name(), l.attendance(), l.shares(),
                            l.savings(), l.social(), l.repaid(), Math.addExact(l.fines(), a), l.lent());
                    case OpType.GROUP_LOAN_ISSUE -> {
                        if (loans.containsKey(e.id())) {
                            issued.add(loans.get(e.id()));
                        }
                        yield new SheetLine(l.member(), l.name(), l.attendance(), l.shares(), l.savings(), l.social(),
                                l.repaid(), l.fines(), Math.addExact(l.lent(), a));
                    }
                    default -> l;
                };
                lines.put(who, n);
            }
            List<SheetLine> sorted = lines.values().stream().sorted(java.util.Comparator
                    .comparing(SheetLine::name).thenComparing(SheetLine::member)).toList();
            SheetLine totals = new SheetLine(null, null, null, sorted.stream().mapToLong(SheetLine::shares).sum(),
                    sorted.stream().mapToLong(SheetLine::savings).sum(), sorted.stream().mapToLong(SheetLine::social).sum(),
                    sorted.stream().mapToLong(SheetLine::repaid).sum(), sorted.stream().mapToLong(SheetLine::fines).sum(),
                    sorted.stream().mapToLong(SheetLine::lent).sum());
            issued.sort(java.util.Comparator.comparing(Loan::memberName).thenComparing(Loan::id));
            long expected = m.expected() == null ? 0 : m.expected();
            sheets.add(new MeetingSheet(m, sorted, totals, List.copyOf(issued), expected, m.counted(),
                    m.counted() == null ? null : m.counted() - expected));
        }
        Map<String, Cycle> cycles = new java.util.HashMap<>();
        GroupRepository.cycles(s).forEach(c -> cycles.put(c.id(), new Cycle(c.id(), c.rules())));
        List<PostedShareOut> shareOuts = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (GroupRepository.Entry e : all) {
            if (e.type().equals(OpType.GROUP_SHAREOUT) && in.test(e.date()) && cycles.containsKey(e.cycle())
                    && seen.add(e.cycle())) {
                shareOuts.add(new PostedShareOut(e.date(), shareOut(s, cycles.get(e.cycle()))));
            }
        }
        shareOuts.sort(java.util.Comparator.comparing(PostedShareOut::date));
        return new Papers(List.copyOf(sheets), List.copyOf(shareOuts));
    }

    /// A member's loan on the passbook: what is owed on the day, and the next installment (the
    /// first not fully paid: its number, due date and what is left of it; null once repaid).
    public record PassbookLoan(Loan loan, long owed, LoanSchedule.Installment next, long nextLeft) {
    }

    /// A member's passbook on `asOf` for the cycle in force that day, counting the meetings dated
    /// on or before it: shares bought and their value, the social fund paid, fines paid, the
    /// member's loans (of the cycle, or older ones still owed), and the work logged from the
    /// cycle's start to `asOf` (minutes and number of entries, voided ones left out).
    public record Passbook(String member, String name, Cycle cycle, LocalDate asOf, long shares, long savings,
                           long social, long fines, int fineCount, List<PassbookLoan> loans, long workMinutes,
                           int workEntries) {
    }

    /// The passbook of `memberRef` (id or name) on `asOf` (null: today). `UNKNOWN_MEMBER`
    /// when there is no such member, `GROUP_NO_CYCLE` when no cycle had started by then.
    public Passbook passbook(String memberRef, LocalDate asOf) {
        return ws.read(s -> passbook(s, memberRef, asOf));
    }

    /// [#passbook(String, LocalDate)] in a read of the books (for the printed passbook).
    public static Passbook passbook(Session s, String memberRef, LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        Member member = MemberService.find(s, memberRef);
        GroupRepository.Cycle c = null;
        for (GroupRepository.Cycle x : GroupRepository.cycles(s)) {
            if (!x.rules().start().isAfter(day)) {
                c = x;
            }
        }
        if (c == null) {
            throw new MinkaException(ErrorCode.GROUP_NO_CYCLE);
        }
        Map<String, LocalDate> held = new java.util.HashMap<>();
        java.util.Set<String> ofCycle = new java.util.HashSet<>();
        for (Meeting m : meetings(s)) {
            if (!m.date().isAfter(day)) {
                held.put(m.id(), m.date());
                if (m.cycle().equals(c.id())) {
                    ofCycle.add(m.id());
                }
            }
        }
        long shares = 0;
        long savings = 0;
        long social = 0;
        long fines = 0;
        int fineCount = 0;
        Map<String, Long> repaid = new java.util.HashMap<>();
        List<GroupRepository.Entry> all = GroupRepository.entries(s);
        for (GroupRepository.Entry e : all) {
            if (e.meeting() == null || !held.containsKey(e.meeting())) {
                continue;
            }
            if (e.type().equals(OpType.GROUP_LOAN_REPAY)) {
                repaid.merge(e.loan(), e.amount(), Math::addExact);
            }
            if (!ofCycle.contains(e.meeting()) || !member.id().equals(e.member())) {
                continue;
            }
            switch (e.type()) {
                case OpType.GROUP_SHARES -> {
                    shares = Math.addExact(shares, e.count());
                    savings = Math.addExact(savings, e.amount());
                }
                case OpType.GROUP_SOCIAL -> social = Math.addExact(social, e.amount());
                case OpType.GROUP_FINE -> {
                    fines = Math.addExact(fines, e.amount());
                    fineCount++;
                }
                default -> { }
            }
        }
        List<PassbookLoan> loans = new ArrayList<>();
        for (Loan l : loans(s, day)) {
            if (!member.id().equals(l.member())) {
                continue;
            }
            LoanSchedule sch = l.schedule();
            long paid = l.repaid();
            long owed = l.writtenOff() > 0 ? 0 : sch.totalDue() - paid;
            if (owed == 0 && l.issued().isBefore(c.rules().start())) {
                continue; // settled in an earlier cycle
            }
            LoanSchedule.Installment next = null;
            long nextLeft = 0;
            long cumulative = 0;
            for (LoanSchedule.Installment i : sch.installments()) {
                cumulative += i.total();
                if (owed > 0 && cumulative > paid) {
                    next = i;
                    nextLeft = cumulative - paid;
                    break;
                }
            }
            loans.add(new PassbookLoan(l, owed, next, nextLeft));
        }
        long minutes = 0;
        int entries = 0;
        for (coop.minka.domain.WorkEntry w : coop.minka.store.WorkRepository.entries(s, member.id(),
                c.rules().start(), day, false)) {
            minutes += w.minutes();
            entries++;
        }
        return new Passbook(member.id(), member.name(), new Cycle(c.id(), c.rules()), day, shares, savings, social,
                fines, fineCount, List.copyOf(loans), minutes, entries);
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
