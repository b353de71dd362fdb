package coop.minka.store;

import static coop.minka.store.schema.Tables.GROUP_CYCLE;
import static coop.minka.store.schema.Tables.GROUP_ENTRY;
import static coop.minka.store.schema.Tables.ACCOUNT;
import static coop.minka.store.schema.Tables.POSTING;
import static coop.minka.store.schema.Tables.TX;
import static coop.minka.store.schema.Tables.VOID;

import coop.minka.domain.AccountType;
import coop.minka.domain.GroupBacking;
import coop.minka.domain.GroupConstitution;
import coop.minka.domain.OpType;
import coop.minka.store.schema.tables.records.GroupCycleRecord;
import coop.minka.store.schema.tables.records.GroupEntryRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// Savings-group cycles and entries as they were projected (design notes 32).
public final class GroupRepository {
    private GroupRepository() {
    }

    /// A cycle: the id of its `group.cycle` entry and its constitution.
    public record Cycle(String id, GroupConstitution rules) {
    }

    /// One savings-group entry; the fields its type does not use are null. `ref` is the entry a
    /// void names, `note` a correction's reason or memo; `held` the reason the entry is held
    /// invalid by the cycle's rules and `voidedBy` the void that takes it out (design notes 36).
    public record Entry(String id, String type, String cycle, String meeting, String member, String loan,
                        LocalDate date, String kind, String status, Long count, Long amount, Long charge,
                        Long principal, Long months, Long chargeBp, String method, Long counted, Long expected,
                        String tx, String ref, String note, String held, String voidedBy) {
        /// True if the entry counts: not held invalid, not voided.
        public boolean stands() {
            return held == null && voidedBy == null;
        }
    }

    /// Every cycle, by start date (then by the order it was made in).
    public static List<Cycle> cycles(Session s) {
        return s.dsl().selectFrom(GROUP_CYCLE).orderBy(GROUP_CYCLE.START, GROUP_CYCLE.HLC, GROUP_CYCLE.ID)
                .fetch(GroupRepository::cycle);
    }

    /// Every entry that stands (not held invalid, not voided, its transaction not voided), in the
    /// order they were made (stamp, then id): the same on every laptop.
    public static List<Entry> entries(Session s) {
        return s.dsl().selectFrom(GROUP_ENTRY).where(GROUP_ENTRY.HELD.isNull()).and(GROUP_ENTRY.VOIDED_BY.isNull())
                .and(GROUP_ENTRY.TX.isNull().or(GROUP_ENTRY.TX.notIn(
                        DSL.select(VOID.ENTITY).from(VOID).where(VOID.KIND.eq("tx")))))
                .orderBy(GROUP_ENTRY.HLC, GROUP_ENTRY.REPLICA, GROUP_ENTRY.ID).fetch(GroupRepository::entry);
    }

    /// Every entry held, voided and held invalid ones too, in the same order.
    public static List<Entry> allEntries(Session s) {
        return s.dsl().selectFrom(GROUP_ENTRY).orderBy(GROUP_ENTRY.HLC, GROUP_ENTRY.REPLICA, GROUP_ENTRY.ID)
                .fetch(GroupRepository::entry);
    }

    /// Why the entry is held invalid by the cycle's rules; null if it stands or is not held.
    public static String held(Session s, String id) {
        return s.dsl().select(GROUP_ENTRY.HELD).from(GROUP_ENTRY).where(GROUP_ENTRY.ID.eq(id)).fetchOne(0, String.class);
    }

    /// The ids of the entries (with their authors) that the transactions they name do not back
    /// ([GroupBacking], design notes 37): the projector holds them invalid. A pure function of
    /// the projections, so every laptop with the same entries comes to the same verdicts. A
    /// transaction backs one entry only (the earliest naming it); a repayment or write-off is
    /// judged after the loans, against the loan's member.
    static List<Entry> unbacked(DSLContext d) {
        Map<String, GroupConstitution> rules = new HashMap<>();
        d.selectFrom(GROUP_CYCLE).forEach(r -> rules.put(r.getId(), cycle(r).rules()));
        List<GroupEntryRecord> all = d.selectFrom(GROUP_ENTRY)
                .orderBy(GROUP_ENTRY.HLC, GROUP_ENTRY.REPLICA, GROUP_ENTRY.ID).fetch();
        Map<String, String> meetingCycle = new HashMap<>();
        for (GroupEntryRecord r : all) {
            if (OpType.GROUP_MEETING_OPEN.equals(r.getType())) {
                meetingCycle.put(r.getId(), r.getCycle());
            }
        }
        Map<String, String> txAuthor = new HashMap<>();
        Map<String, List<GroupBacking.Line>> lines = new HashMap<>();
        d.select(TX.ID, TX.REPLICA).from(TX).where(TX.ID.in(DSL.select(GROUP_ENTRY.TX).from(GROUP_ENTRY)))
                .forEach(r -> txAuthor.put(r.value1(), r.value2()));
        d.select(POSTING.TX, ACCOUNT.CODE, ACCOUNT.TYPE, ACCOUNT.MEMBER, POSTING.AMOUNT).from(POSTING)
                .leftJoin(ACCOUNT).on(ACCOUNT.ID.eq(POSTING.ACCOUNT))
                .where(POSTING.TX.in(DSL.select(GROUP_ENTRY.TX).from(GROUP_ENTRY)))
                .orderBy(POSTING.TX, POSTING.LINE)
                .forEach(r -> lines.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new GroupBacking.Line(
                        r.value2(), r.value3() == null ? null : AccountType.fromWire(r.value3()), r.value4(),
                        r.value5())));
        List<Entry> out = new ArrayList<>();
        Set<String> usedTx = new HashSet<>();
        Map<String, String> loanMember = new HashMap<>();
        for (boolean repayments : new boolean[] {false, true}) {
            for (GroupEntryRecord r : all) {
                boolean onLoan = OpType.GROUP_LOAN_REPAY.equals(r.getType())
                        || OpType.GROUP_LOAN_WRITEOFF.equals(r.getType());
                if (onLoan != repayments || !MONEY_TYPES.contains(r.getType())) {
                    continue;
                }
                String tx = r.getTx();
                boolean ok;
                if (tx == null) {
                    // nothing to hand out: no transaction
                    ok = OpType.GROUP_SHAREOUT.equals(r.getType()) && r.getAmount() != null && r.getAmount() == 0;
                } else {
                    String cycle = OpType.GROUP_SHAREOUT.equals(r.getType()) ? r.getCycle()
                            : meetingCycle.get(r.getMeeting());
                    var claim = new GroupBacking.Claim(r.getType(), r.getMember(), r.getCount(), r.getAmount(),
                            r.getCharge(), r.getPrincipal(), r.getMonths(), r.getChargeBp(), r.getMethod(),
                            loanMember.get(r.getLoan()));
                    ok = r.getReplica().equals(txAuthor.get(tx)) && !usedTx.contains(tx)
                            && GroupBacking.backs(claim, cycle == null ? null : rules.get(cycle), lines.get(tx));
                }
                if (ok) {
                    if (tx != null) {
                        usedTx.add(tx);
                    }
                    if (OpType.GROUP_LOAN_ISSUE.equals(r.getType())) {
                        loanMember.put(r.getId(), r.getMember());
                    }
                } else {
                    out.add(entry(r));
                }
            }
        }
        return out;
    }

    /// The group entries that carry money, and so name a transaction.
    private static final Set<String> MONEY_TYPES = Set.of(OpType.GROUP_SHARES, OpType.GROUP_SOCIAL,
            OpType.GROUP_FINE, OpType.GROUP_LOAN_ISSUE, OpType.GROUP_LOAN_REPAY, OpType.GROUP_SHAREOUT,
            OpType.GROUP_GRANT, OpType.GROUP_EXPENSE, OpType.GROUP_LOAN_WRITEOFF);

    private static Cycle cycle(GroupCycleRecord r) {
        SortedMap<String, Long> fines = new TreeMap<>();
        for (String pair : r.getFines().split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fines.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return new Cycle(r.getId(), new GroupConstitution(LocalDate.parse(r.getStart()), r.getSharePrice(),
                r.getMinShares().intValue(), r.getMaxShares().intValue(), r.getSocialFund(),
                r.getLoanMultipleBp().intValue(), r.getMaxTermMonths().intValue(), r.getChargeBp().intValue(),
                GroupConstitution.ChargeMethod.fromWire(r.getMethod()), fines));
    }

    private static Entry entry(GroupEntryRecord r) {
        return new Entry(r.getId(), r.getType(), r.getCycle(), r.getMeeting(), r.getMember(), r.getLoan(),
                r.getDate() == null ? null : LocalDate.parse(r.getDate()), r.getKind(), r.getStatus(), r.getCount(),
                r.getAmount(), r.getCharge(), r.getPrincipal(), r.getMonths(), r.getChargeBp(), r.getMethod(),
                r.getCounted(), r.getExpected(), r.getTx(), r.getRef(), r.getNote(), r.getHeld(), r.getVoidedBy());
    }
}
