package coop.minka.store;

import static coop.minka.store.schema.Tables.GROUP_CYCLE;
import static coop.minka.store.schema.Tables.GROUP_ENTRY;

import coop.minka.domain.GroupConstitution;
import coop.minka.store.schema.tables.records.GroupCycleRecord;
import coop.minka.store.schema.tables.records.GroupEntryRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

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

    /// Every entry that stands (not held invalid, not voided), in the order they were made
    /// (stamp, then id): the same on every laptop.
    public static List<Entry> entries(Session s) {
        return s.dsl().selectFrom(GROUP_ENTRY).where(GROUP_ENTRY.HELD.isNull()).and(GROUP_ENTRY.VOIDED_BY.isNull())
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
