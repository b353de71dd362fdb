package coop.minka.store;

import static coop.minka.store.schema.Tables.ACCOUNT;
import static coop.minka.store.schema.Tables.ACCOUNT_BALANCE;
import static coop.minka.store.schema.Tables.ACCOUNT_MONTH;
import static coop.minka.store.schema.Tables.CAPITAL_ENTRY;
import static coop.minka.store.schema.Tables.CONFLICT;
import static coop.minka.store.schema.Tables.COOPERATIVE;
import static coop.minka.store.schema.Tables.GROUP_CYCLE;
import static coop.minka.store.schema.Tables.GROUP_ENTRY;
import static coop.minka.store.schema.Tables.INVALID_OP;
import static coop.minka.store.schema.Tables.MEMBER;
import static coop.minka.store.schema.Tables.OP;
import static coop.minka.store.schema.Tables.PERSON;
import static coop.minka.store.schema.Tables.POSTING;
import static coop.minka.store.schema.Tables.REPLICA;
import static coop.minka.store.schema.Tables.SURPLUS_ALLOCATION;
import static coop.minka.store.schema.Tables.SURPLUS_REFUND;
import static coop.minka.store.schema.Tables.TX;
import static coop.minka.store.schema.Tables.VOID;
import static coop.minka.store.schema.Tables.WORK_CATEGORY;
import static coop.minka.store.schema.Tables.WORK_ENTRY;
import static coop.minka.store.schema.Tables.WORK_RATE;

import coop.minka.domain.CapitalRegister;
import coop.minka.domain.EntityFold;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.GroupBacking;
import coop.minka.domain.GroupBook;
import coop.minka.domain.Hlc;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpRules;
import coop.minka.domain.OpType;
import coop.minka.domain.People;
import coop.minka.domain.Person;
import coop.minka.domain.ReplicaStatus;
import coop.minka.domain.Trust;
import coop.minka.domain.WorkCategory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.exception.DataAccessException;

/// Keeps the projections in step with the change log. Projections are a pure function of the
/// set of ops held (DESIGN.md §4): facts are inserted once, voids keep the earliest and win over
/// everything, descriptive fields are folded by [EntityFold], balances add up non-voided
/// postings. Ops of authors that are not trusted (and not this laptop itself) are kept in the
/// log but never reach the projections; ops of counted authors that break the rule book are
/// **held invalid** (listed in `invalid_op` with the reason, never projected; design-notes 14).
/// Use one [Batch] per write transaction.
public final class Projector {
    /// Projection tables in digest order; the change-log tables and `meta` are not projections.
    public static final List<Table<?>> TABLES = List.of(COOPERATIVE, REPLICA, PERSON, MEMBER, WORK_CATEGORY, WORK_RATE,
            WORK_ENTRY, ACCOUNT, TX, POSTING, VOID, ACCOUNT_BALANCE, ACCOUNT_MONTH, CONFLICT, INVALID_OP, GROUP_CYCLE,
            GROUP_ENTRY, CAPITAL_ENTRY, SURPLUS_ALLOCATION, SURPLUS_REFUND);
    private static final List<String> TRUST_TYPES = List.of(OpType.COOP_CREATE, OpType.REPLICA_JOIN,
            OpType.REPLICA_ADMIT, OpType.REPLICA_REVOKE);
    /// Ops that create an entity with an id owned by their author (design-notes item 10).
    static final Set<String> CREATE_TYPES = createTypes();

    private static Set<String> createTypes() {
        Set<String> t = new HashSet<>(List.of(OpType.MEMBER_ADD, OpType.CATEGORY_ADD, OpType.ACCOUNT_ADD,
                OpType.WORK_ADD, OpType.TX_POST, OpType.PERIOD_CLOSE, OpType.PERSON_ADD));
        t.addAll(OpType.GROUP_TYPES);
        t.addAll(OpType.CAPITAL_TYPES);
        return Set.copyOf(t);
    }
    /// Ops of the descriptive entities that are folded field by field.
    private static final Set<String> FOLDED_TYPES = Set.of(OpType.COOP_CREATE, OpType.COOP_UPDATE,
            OpType.MEMBER_ADD, OpType.MEMBER_UPDATE, OpType.CATEGORY_ADD, OpType.CATEGORY_UPDATE,
            OpType.ACCOUNT_ADD, OpType.ACCOUNT_UPDATE, OpType.CONFLICT_RESOLVE);

    /// True if `author` may create an entity with this id: the id carries the author's owner
    /// tag, or both are legacy (made before ids carried owners).
    public static boolean ownedBy(String entity, String author) {
        return Ids.isOwnedBy(entity, author) || (Ids.isLegacy(entity) && Ids.isLegacy(author));
    }

    /// The rule book's verdict on one op alone ([coop.minka.domain.OpRules]); null if it passes.
    static String ruleViolation(Op op) {
        return coop.minka.domain.OpRules.check(op.type(), op.entity(), op.data())
                .map(coop.minka.domain.OpRules.Violation::reason).orElse(null);
    }

    private final String self;

    /// `self` is this laptop's replica id: its own ops always count here, admitted or not.
    public Projector(String self) {
        this.self = self;
    }

    /// Per counted author, the last of its entries that counts: every one for the founder,
    /// admitted laptops and this laptop itself (`self`); up to the entry its revocation names for
    /// a revoked laptop whose fork was resolved that way.
    public static Map<String, Long> countedAuthors(DSLContext d, String self) {
        Map<String, Long> out = new HashMap<>();
        d.select(REPLICA.ID, REPLICA.STATUS, REPLICA.COUNTS_UP_TO).from(REPLICA).forEach(r -> {
            if (ReplicaStatus.FOUNDER.wire().equals(r.value2()) || ReplicaStatus.ADMITTED.wire().equals(r.value2())) {
                out.put(r.value1(), Long.MAX_VALUE);
            } else if (r.value3() != null && r.value3() > 0) {
                out.put(r.value1(), r.value3());
            }
        });
        out.put(self, Long.MAX_VALUE);
        return out;
    }

    /// The latest op (by hlc, replica, seq) of an entity that counts here: the `base` a new edit
    /// records, so that it descends from everything this laptop shows for the entity.
    public static java.util.Optional<Op> latestCounted(Session s, String entity) {
        return latestCounted(s.dsl(), entity);
    }

    public static java.util.Optional<Op> latestCounted(DSLContext d, String entity) {
        Map<String, Long> counted = countedAuthors(d, Meta.get(d, Meta.SELF).orElse(""));
        Set<String> invalid = new HashSet<>();
        d.select(INVALID_OP.REPLICA, INVALID_OP.SEQ).from(INVALID_OP).where(INVALID_OP.ENTITY.eq(entity))
                .forEach(r -> invalid.add(r.value1() + "#" + r.value2()));
        return OpStore.byEntity(d, entity).stream()
                .filter(op -> op.seq() <= counted.getOrDefault(op.replica(), 0L)
                        && FOLDED_TYPES.contains(op.type()) && !invalid.contains(op.replica() + "#" + op.seq()))
                .max(Op.STAMP_ORDER);
    }

    public Batch batch(DSLContext d) {
        return new Batch(d);
    }

    /// Clears every projection and replays the whole log. Triggers that forbid changing posted
    /// rows are lifted for the duration of the (enclosing) transaction and put back as they were.
    public void rebuild(Session s) {
        rebuild(s.dsl());
    }

    public void rebuild(DSLContext d) {
        var triggers = d.resultQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                + "('work_entry','tx','posting')").fetch();
        for (var t : triggers) {
            d.execute("DROP TRIGGER " + t.get(0, String.class));
        }
        for (Table<?> t : TABLES.reversed()) {
            d.deleteFrom(t).execute();
        }
        for (var t : triggers) {
            d.execute(t.get(1, String.class));
        }
        Batch b = new Batch(d);
        b.refreshTrust(false);
        b.peopleTouched = true;
        b.groupTouched = true;
        b.capitalTouched = true;
        b.contested = b.contested();
        OpStore.forEach(d, b::applyNonTrust);
        b.finish();
    }

    private record AccountMonth(String account, String month) {
    }

    /// Applies ops to the projections within one transaction; [#finish] folds what changed.
    public final class Batch {
        private final DSLContext d;
        private final Set<String> dirty = new LinkedHashSet<>();
        private Map<String, Long> applied;
        /// Authors whose non-trust ops this batch has applied or skipped so far.
        private final Set<String> seen = new HashSet<>();
        /// The log's highest row id before this batch inserted anything.
        private final long lastIdBefore;
        private boolean needsRebuild;
        /// Changes to the running totals (`account_balance`, `account_month`) not yet written:
        /// a bundle of 100k entries moves a few dozen accounts, so they are added up here and
        /// written once per account (and month) by [#flush], not once per posting.
        private final Map<String, long[]> balanceDelta = new HashMap<>();
        private final Map<AccountMonth, long[]> monthDelta = new HashMap<>();
        /// Entities with a void held, loaded when a batch has many transactions.
        private Set<String> voided;
        private int voidLookups;
        private String coopId;
        private String founder;
        /// Ids created by two counted authors (legacy ids only); read by [Projector#rebuild].
        private Set<String> contested = Set.of();
        /// Who held which roles when (design notes 26), folded from the log when first asked.
        private People people;
        /// True once a person op came in: the `person` table is written again at [#finish].
        private boolean peopleTouched;
        /// The greatest hlc of the ops this batch applied, and of those held before it.
        private long maxHlcApplied = Long.MIN_VALUE;
        private Long maxHlcBefore;
        /// True once a savings-group entry or an account came in: every group entry is judged
        /// again at [#finish] (design notes 36, 37).
        private boolean groupTouched;
        /// The `coop.update`s in the log that carry `currency`, loaded when a transaction is
        /// first inserted: such a change counts only before any money (design notes 25).
        private List<Op> currencyChanges;
        /// True once a capital entry came in: the register is folded again at [#finish].
        private boolean capitalTouched;
        /// True once a transaction, a void or an account came in: what backs a capital entry may
        /// have changed, so the register is folded again if the log holds any capital entry.
        private boolean capitalBooks;
        /// The transactions this batch inserted: a group entry held earlier may name one of them
        /// (its author can send the entry in one file and the transaction in the next), and is
        /// then judged again at [#finish] (design notes 37).
        private final Set<String> postedTx = new HashSet<>();

        private Batch(DSLContext d) {
            this.d = d;
            Long max = d.select(DSL.max(OP.ID)).from(OP).fetchOne(0, Long.class);
            this.lastIdBefore = max == null ? 0 : max;
        }

        /// Applies one op that is already stored in the log. A trust op re-derives whose ops
        /// count at once; everything is replayed at [#finish] only if that changes the fate of
        /// an op held before this batch or already met in it (so a new laptop joining from a
        /// full bundle projects every op once, not twice).
        public void apply(Op op) {
            if (OpType.affectsTrust(op.type())) {
                Map<String, Long> before = new HashMap<>(appliedAuthors());
                refreshTrust(false);
                Map<String, Long> after = appliedAuthors();
                Set<String> changed = new HashSet<>(before.keySet());
                changed.addAll(after.keySet());
                changed.removeIf(a -> java.util.Objects.equals(before.get(a), after.get(a)));
                for (String author : changed) {
                    if (!needsRebuild && (seen.contains(author) || heldBefore(author))) {
                        needsRebuild = true;
                    }
                }
                if (op.type().equals(OpType.COOP_CREATE)) {
                    applyNonTrust(op);
                }
                return;
            }
            if (OpType.PERSON_TYPES.contains(op.type())) {
                // who may do what changed: a change already judged with a later stamp than this
                // person op may have another verdict now, so everything is judged again
                people = null;
                peopleTouched = true;
                if (!needsRebuild && (op.hlc() <= maxHlcApplied || op.hlc() <= maxHlcBefore())) {
                    needsRebuild = true;
                }
            }
            applyNonTrust(op);
            maxHlcApplied = Math.max(maxHlcApplied, op.hlc());
        }

        private long maxHlcBefore() {
            if (maxHlcBefore == null) {
                Long max = d.select(DSL.max(OP.HLC)).from(OP).where(OP.ID.le(lastIdBefore)).fetchOne(0, Long.class);
                maxHlcBefore = max == null ? Long.MIN_VALUE : max;
            }
            return maxHlcBefore;
        }

        /// The people and their roles at every stamp, from the person ops that count here and
        /// pass the rule book.
        public People people() {
            if (people == null) {
                List<Op> ops = new ArrayList<>();
                for (Op op : OpStore.personOps(d)) {
                    if (counts(op) && ruleViolation(op) == null
                            && (!op.type().equals(OpType.PERSON_ADD) || ownedBy(op.entity(), op.replica()))) {
                        ops.add(op);
                    }
                }
                people = People.fold(ops);
            }
            return people;
        }

        private void writePeople() {
            d.deleteFrom(PERSON).execute();
            for (Person p : people().current().values()) {
                d.insertInto(PERSON).set(PERSON.ID, p.id()).set(PERSON.NAME, p.name())
                        .set(PERSON.ROLES, Person.rolesWire(p.roles())).set(PERSON.MEMBER, p.member())
                        .set(PERSON.PIN_HASH, p.pinHash()).execute();
            }
            peopleTouched = false;
        }

        void applyNonTrust(Op op) {
            if (OpType.affectsTrust(op.type()) && !op.type().equals(OpType.COOP_CREATE)) {
                return;
            }
            seen.add(op.replica());
            if (!counts(op)) {
                return;
            }
            String invalid = invalidReason(op);
            if (invalid != null) {
                recordInvalid(op, invalid);
                return;
            }
            if (OpType.GROUP_TYPES.contains(op.type())) {
                groupTouched = true;
            }
            switch (op.type()) {
                case OpType.WORK_ADD -> insertWork(op);
                case OpType.TX_POST -> {
                    insertTx(op);
                    capitalBooks = true;
                    postedTx.add(op.entity());
                }
                case OpType.WORK_VOID, OpType.TX_VOID -> {
                    applyVoid(op);
                    capitalBooks = true;
                    if (op.type().equals(OpType.TX_VOID)) {
                        postedTx.add(op.entity()); // a group entry on it no longer carries money
                    }
                }
                case OpType.PERIOD_CLOSE, OpType.PERIOD_ACCEPT -> { /* read from the log by the period rules */ }
                case OpType.PERSON_ADD, OpType.PERSON_UPDATE, OpType.PERSON_PIN -> peopleTouched = true;
                case OpType.GROUP_CYCLE -> insertCycle(op);
                case OpType.GROUP_MEETING_OPEN, OpType.GROUP_MEETING_CLOSE, OpType.GROUP_ATTEND, OpType.GROUP_SHARES,
                     OpType.GROUP_SOCIAL, OpType.GROUP_FINE, OpType.GROUP_LOAN_ISSUE, OpType.GROUP_LOAN_REPAY,
                     OpType.GROUP_SHAREOUT -> insertGroupEntry(op);
                case OpType.GROUP_MEETING_REOPEN, OpType.GROUP_VOID, OpType.GROUP_GRANT, OpType.GROUP_LOAN_WRITEOFF,
                     OpType.GROUP_EXPENSE -> {
                    insertGroupEntry(op);
                    insertCorrection(op);
                }
                case OpType.CAPITAL_SUBSCRIBE, OpType.CAPITAL_PAY, OpType.CAPITAL_TRANSFER, OpType.CAPITAL_REDEEM,
                     OpType.SURPLUS_ALLOCATE -> capitalTouched = true;
                default -> {
                    dirty.add(op.entity());
                    if (op.type().equals(OpType.ACCOUNT_ADD) || op.type().equals(OpType.ACCOUNT_UPDATE)) {
                        groupTouched = true;
                        capitalBooks = true;
                    }
                }
            }
        }

        /// Folds the entities touched by this batch; re-derives trust if a trust op came in and
        /// replays everything if that changed whose ops count.
        public void finish() {
            if (needsRebuild) { // whose entries count changed, or two laptops used one id
                needsRebuild = false;
                postedTx.clear();
                balanceDelta.clear(); // the replay adds everything up again
                monthDelta.clear();
                rebuild(d);
                return;
            }
            flush();
            for (String entity : dirty) {
                foldEntity(entity);
            }
            dirty.clear();
            if (peopleTouched) {
                writePeople();
            }
            if (capitalTouched || capitalBooks && d.fetchExists(d.selectOne().from(OP).where(OP.TYPE.in(
                    OpType.CAPITAL_TYPES.stream().map(DSL::inline).toList())))) {
                writeCapital();
            }
            capitalBooks = false;
            if (!groupTouched && !postedTx.isEmpty() && d.fetchExists(GROUP_ENTRY)) {
                groupTouched = postedTx.size() > 500 // a large file: judging again costs less than asking
                        || d.fetchExists(d.selectOne().from(GROUP_ENTRY).where(GROUP_ENTRY.TX.in(postedTx)));
            }
            postedTx.clear();
            if (groupTouched) {
                judgeGroup();
            }
        }

        /// The savings group's verdicts, written from scratch from the projections (accounts,
        /// transactions, cycles, entries), so they are the same whatever order the entries
        /// arrived in: first the entries their transactions do not back (design notes 37), then,
        /// in stamp order, the rules that need the entries before one — reopen, void, grant,
        /// write-off (design notes 36, [GroupBook#judge]). `held` and `voided_by` and the
        /// `invalid_op` rows of those reasons are rewritten each time.
        private void judgeGroup() {
            groupTouched = false;
            d.execute("UPDATE group_entry SET held = NULL, voided_by = NULL "
                    + "WHERE held IS NOT NULL OR voided_by IS NOT NULL");
            List<String> reasons = new ArrayList<>(GroupBook.REASONS);
            reasons.add(GroupBacking.MISMATCH);
            d.deleteFrom(INVALID_OP).where(INVALID_OP.REASON.in(reasons))
                    .and(INVALID_OP.TYPE.in(OpType.GROUP_TYPES)).execute();
            if (!d.fetchExists(GROUP_ENTRY)) {
                return;
            }
            Map<String, String> held = new LinkedHashMap<>();
            for (GroupRepository.Entry e : GroupRepository.unbacked(d)) {
                held.put(e.id(), GroupBacking.MISMATCH);
            }
            List<GroupBook.Fact> facts = new ArrayList<>();
            Map<String, Object[]> ops = new HashMap<>();
            // an entry whose transaction was voided carries no money for the rules
            d.resultQuery("SELECT g.id, g.type, g.cycle, g.meeting, g.loan, g.ref, g.date, "
                    + "CASE WHEN v.entity IS NULL THEN g.amount ELSE 0 END, "
                    + "CASE WHEN v.entity IS NULL THEN g.principal ELSE 0 END, "
                    + "g.replica, op.seq FROM group_entry g JOIN op ON op.replica = g.replica AND op.entity = g.id "
                    + "AND op.type = g.type AND op.hlc = g.hlc LEFT JOIN void v ON v.kind = 'tx' AND v.entity = g.tx "
                    + "ORDER BY g.hlc, g.replica, op.seq").forEach(r -> {
                        String id = r.get(0, String.class);
                        ops.put(id, new Object[] {r.get(9, String.class), r.get(10, Long.class), r.get(1, String.class)});
                        if (held.containsKey(id)) {
                            return; // not backed: as if it had not come
                        }
                        String date = r.get(6, String.class);
                        Long amount = r.get(7, Long.class);
                        Long principal = r.get(8, Long.class);
                        facts.add(new GroupBook.Fact(id, r.get(1, String.class),
                                r.get(2, String.class), r.get(3, String.class), r.get(4, String.class),
                                r.get(5, String.class), date == null ? null : java.time.LocalDate.parse(date),
                                amount == null ? 0 : amount, principal == null ? 0 : principal));
                    });
            GroupBook.Verdicts v = GroupBook.judge(facts);
            v.held().forEach(held::putIfAbsent);
            held.forEach((id, reason) -> {
                d.execute("UPDATE group_entry SET held = ? WHERE id = ?", reason, id);
                Object[] o = ops.get(id);
                if (o != null) {
                    recordInvalid((String) o[0], (Long) o[1], (String) o[2], id, reason);
                }
            });
            v.voidedBy().forEach((id, by) -> d.execute("UPDATE group_entry SET voided_by = ? WHERE id = ?", by, id));
        }

        /// What a correction adds to its group entry: the entry a void names, the reason or memo.
        private void insertCorrection(Op op) {
            var data = op.data();
            String note = data.str(op.type().equals(OpType.GROUP_EXPENSE) ? "memo" : "reason");
            d.execute("UPDATE group_entry SET ref = ?, note = ? WHERE id = ? AND replica = ?", data.str("entry"), note,
                    op.entity(), op.replica());
        }

        /// The share register and the allocations, written again from every capital entry that
        /// counts and passes the rule book ([CapitalRegister#fold], design notes 35): a pure
        /// function of the set held, so the numbers and the entries held invalid agree on every
        /// laptop whatever order the entries came in.
        private void writeCapital() {
            capitalTouched = false;
            Map<String, Op> ops = new HashMap<>();
            Map<String, Op> byId = new HashMap<>();
            List<CapitalRegister.Entry> entries = new ArrayList<>();
            d.deleteFrom(INVALID_OP).where(INVALID_OP.TYPE.in(OpType.CAPITAL_TYPES))
                    .and(INVALID_OP.REASON.in(CapitalRegister.OVER_HOLDING, CapitalRegister.ALLOCATED_TWICE,
                            CapitalRegister.TX_MISMATCH, "id-used-twice")).execute();
            List<Op> held = new ArrayList<>();
            for (Op op : OpStore.capitalOps(d)) {
                if (counts(op) && invalidReason(op) == null) {
                    held.add(op);
                }
            }
            held.sort(Op.STAMP_ORDER);
            Books books = capitalBooks(held);
            Set<String> usedTx = new HashSet<>();
            for (Op op : held) {
                if (byId.putIfAbsent(op.entity(), op) != null) {
                    recordInvalid(op, "id-used-twice"); // an author that wrote one id twice
                    continue;
                }
                CapitalRegister.Entry e = CapitalRegister.Entry.of(op);
                if (e.tx() != null && books.voided().contains(e.tx())) {
                    continue; // gone with its transaction
                }
                var data = op.data();
                var claim = CapitalRegister.claim(e, orZero(data.lng("surplus")), orZero(data.lng("reserve")),
                        orZero(data.lng("education")), e.type().equals(OpType.SURPLUS_ALLOCATE)
                                ? data.list("members") : List.of());
                boolean own = e.tx() == null || op.replica().equals(books.author().get(e.tx()));
                if (!own || (e.tx() != null && !usedTx.add(e.tx()))
                        || !CapitalRegister.backs(claim, e.tx() == null ? null : books.lines().get(e.tx()))) {
                    recordInvalid(op, CapitalRegister.TX_MISMATCH);
                    continue;
                }
                ops.put(op.replica() + "#" + op.seq(), op);
                entries.add(e);
            }
            d.deleteFrom(CAPITAL_ENTRY).execute();
            d.deleteFrom(SURPLUS_REFUND).execute();
            d.deleteFrom(SURPLUS_ALLOCATION).execute();
            CapitalRegister.Result r = CapitalRegister.fold(entries);
            for (CapitalRegister.Numbered n : r.register()) {
                var e = n.entry();
                d.insertInto(CAPITAL_ENTRY).set(CAPITAL_ENTRY.ID, e.id()).set(CAPITAL_ENTRY.NUMBER, n.number())
                        .set(CAPITAL_ENTRY.TYPE, e.type()).set(CAPITAL_ENTRY.DATE, e.date().toString())
                        .set(CAPITAL_ENTRY.MEMBER, e.member()).set(CAPITAL_ENTRY.TO_MEMBER, e.to())
                        .set(CAPITAL_ENTRY.SHARES, e.shares()).set(CAPITAL_ENTRY.PRICE, e.price())
                        .set(CAPITAL_ENTRY.AMOUNT, e.amount()).set(CAPITAL_ENTRY.TX, e.tx())
                        .set(CAPITAL_ENTRY.REPLICA, e.replica()).set(CAPITAL_ENTRY.HLC, e.hlc())
                        .set(CAPITAL_ENTRY.SEQ, e.seq()).execute();
            }
            for (CapitalRegister.Entry e : r.allocations()) {
                var data = ops.get(e.replica() + "#" + e.seq()).data();
                d.insertInto(SURPLUS_ALLOCATION).set(SURPLUS_ALLOCATION.ID, e.id())
                        .set(SURPLUS_ALLOCATION.YEAR, e.year()).set(SURPLUS_ALLOCATION.DATE, e.date().toString())
                        .set(SURPLUS_ALLOCATION.BASIS, data.str("basis"))
                        .set(SURPLUS_ALLOCATION.SURPLUS, data.lng("surplus"))
                        .set(SURPLUS_ALLOCATION.RESERVE_BP, data.lng("reserveBp"))
                        .set(SURPLUS_ALLOCATION.EDUCATION_BP, data.lng("educationBp"))
                        .set(SURPLUS_ALLOCATION.CASH_BP, data.lng("cashBp"))
                        .set(SURPLUS_ALLOCATION.RESERVE, data.lng("reserve"))
                        .set(SURPLUS_ALLOCATION.EDUCATION, data.lng("education"))
                        .set(SURPLUS_ALLOCATION.TX, e.tx()).set(SURPLUS_ALLOCATION.REPLICA, e.replica())
                        .set(SURPLUS_ALLOCATION.HLC, e.hlc()).set(SURPLUS_ALLOCATION.SEQ, e.seq()).execute();
                for (Map<String, Object> m : data.list("members")) {
                    d.insertInto(SURPLUS_REFUND).set(SURPLUS_REFUND.ALLOCATION, e.id())
                            .set(SURPLUS_REFUND.MEMBER, String.valueOf(m.get("member")))
                            .set(SURPLUS_REFUND.WEIGHT, ((Number) m.get("weight")).longValue())
                            .set(SURPLUS_REFUND.CASH, ((Number) m.get("cash")).longValue())
                            .set(SURPLUS_REFUND.RETAINED, ((Number) m.get("retained")).longValue()).execute();
                }
            }
            for (CapitalRegister.Held h : r.held()) {
                recordInvalid(ops.get(h.entry().replica() + "#" + h.entry().seq()), h.reason());
            }
        }

        /// The transactions capital entries name: their author, their lines with what the books
        /// say of each account, and those voided.
        private record Books(Map<String, String> author, Map<String, List<CapitalRegister.Line>> lines,
                             Set<String> voided) {
        }

        private Books capitalBooks(List<Op> entries) {
            Set<String> ids = new HashSet<>();
            entries.forEach(op -> {
                String tx = op.data().str("tx");
                if (tx != null) {
                    ids.add(tx);
                }
            });
            Map<String, String> author = new HashMap<>();
            Map<String, List<CapitalRegister.Line>> lines = new HashMap<>();
            Set<String> voided = new HashSet<>();
            if (!ids.isEmpty()) {
                d.select(TX.ID, TX.REPLICA).from(TX).where(TX.ID.in(ids)).forEach(r -> author.put(r.value1(), r.value2()));
                d.select(POSTING.TX, ACCOUNT.CODE, ACCOUNT.TYPE, ACCOUNT.MEMBER, POSTING.AMOUNT).from(POSTING)
                        .leftJoin(ACCOUNT).on(ACCOUNT.ID.eq(POSTING.ACCOUNT)).where(POSTING.TX.in(ids))
                        .orderBy(POSTING.TX, POSTING.LINE)
                        .forEach(r -> lines.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(
                                new CapitalRegister.Line(r.value2(), r.value3() == null ? null
                                        : coop.minka.domain.AccountType.fromWire(r.value3()), r.value4(), r.value5())));
                d.select(VOID.ENTITY).from(VOID).where(VOID.KIND.eq("tx")).and(VOID.ENTITY.in(ids))
                        .forEach(r -> voided.add(r.value1()));
            }
            return new Books(author, lines, voided);
        }

        private static long orZero(Long v) {
            return v == null ? 0 : v;
        }

        /// Writes the running totals changed since the last flush. A total holds a row only
        /// while it is not zero, so the rows are the same in whatever order entries arrive.
        public void flush() {
            if (balanceDelta.isEmpty() && monthDelta.isEmpty()) {
                return;
            }
            try {
                var add = Statements.get(d, "INSERT INTO account_balance (account, balance) VALUES (?, ?) "
                        + "ON CONFLICT (account) DO UPDATE SET balance = balance + excluded.balance");
                var zero = Statements.get(d, "DELETE FROM account_balance WHERE account = ? AND balance = 0");
                for (var e : balanceDelta.entrySet()) {
                    if (e.getValue()[0] != 0) {
                        add.setString(1, e.getKey());
                        add.setLong(2, e.getValue()[0]);
                        add.executeUpdate();
                        zero.setString(1, e.getKey());
                        zero.executeUpdate();
                    }
                }
                var addMonth = Statements.get(d, "INSERT INTO account_month (account, month, debit, credit) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (account, month) DO UPDATE SET "
                        + "debit = debit + excluded.debit, credit = credit + excluded.credit");
                var zeroMonth = Statements.get(d, "DELETE FROM account_month WHERE account = ? AND month = ? "
                        + "AND debit = 0 AND credit = 0");
                for (var e : monthDelta.entrySet()) {
                    long[] v = e.getValue();
                    if (v[0] != 0 || v[1] != 0) {
                        addMonth.setString(1, e.getKey().account());
                        addMonth.setString(2, e.getKey().month());
                        addMonth.setLong(3, v[0]);
                        addMonth.setLong(4, v[1]);
                        addMonth.executeUpdate();
                        zeroMonth.setString(1, e.getKey().account());
                        zeroMonth.setString(2, e.getKey().month());
                        zeroMonth.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                if (String.valueOf(e.getMessage()).contains("REAL")) { // an INTEGER total overflowed into a REAL
                    throw new MinkaException(ErrorCode.AMOUNTS_TOO_LARGE, e, "");
                }
                throw new DataAccessException(e.getMessage(), e);
            } finally {
                balanceDelta.clear();
                monthDelta.clear();
            }
        }

        /// Adds one posting (or takes it off again: `sign` -1) to the pending running totals.
        private void count(String account, String date, long amount, int sign) {
            try {
                long[] b = balanceDelta.computeIfAbsent(account, k -> new long[1]);
                b[0] = Math.addExact(b[0], Math.multiplyExact(sign, amount));
                long[] m = monthDelta.computeIfAbsent(new AccountMonth(account, date.substring(0, 7)), k -> new long[2]);
                m[amount >= 0 ? 0 : 1] = Math.addExact(m[amount >= 0 ? 0 : 1], Math.multiplyExact(sign, Math.abs(amount)));
            } catch (ArithmeticException e) {
                throw new MinkaException(ErrorCode.AMOUNTS_TOO_LARGE, e, account);
            }
        }

        /// A few transactions (a person typing) ask SQLite one by one; a bundle's worth loads
        /// every void once.
        private boolean isVoided(String entity) throws SQLException {
            if (voided == null && ++voidLookups <= 64) {
                var find = Statements.get(d, "SELECT 1 FROM void WHERE entity = ? AND kind = 'tx'");
                find.setString(1, entity);
                try (var rs = find.executeQuery()) {
                    return rs.next();
                }
            }
            if (voided == null) {
                voided = new HashSet<>();
                try (var st = Statements.connection(d).createStatement();
                     var rs = st.executeQuery("SELECT entity FROM void WHERE kind = 'tx'")) {
                    while (rs.next()) {
                        voided.add(rs.getString(1));
                    }
                }
            }
            return voided.contains(entity);
        }

        private Map<String, Long> appliedAuthors() {
            if (applied == null) {
                applied = countedAuthors(d, self);
            }
            return applied;
        }

        private boolean counts(Op op) {
            Long last = appliedAuthors().get(op.replica());
            return last != null && op.seq() <= last;
        }

        /// Transactions and work entries whose id two counted authors created validly: only legacy
        /// ids can be (an owned id names its author). None of them counts, whatever arrived first,
        /// so every laptop holding them agrees (design-notes 11). Read once per rebuild.
        private Set<String> contested() {
            Map<String, Set<String>> authors = new HashMap<>();
            d.resultQuery("SELECT prev, body FROM op WHERE type IN ('tx.post', 'work.add') AND entity IN "
                    + "(SELECT entity FROM op WHERE type IN ('tx.post', 'work.add') GROUP BY entity "
                    + "HAVING count(DISTINCT replica) > 1)").forEach(r -> {
                        Op op = OpCodec.decode(r.get(0, byte[].class), r.get(1, byte[].class));
                        if (counts(op) && invalidReason(op) == null) {
                            authors.computeIfAbsent(op.entity(), e -> new HashSet<>()).add(op.replica());
                        }
                    });
            Set<String> out = new HashSet<>();
            authors.forEach((entity, by) -> {
                if (by.size() > 1) {
                    out.add(entity);
                }
            });
            return out;
        }

        private boolean heldBefore(String author) {
            return d.fetchExists(d.selectOne().from(OP).where(OP.REPLICA.eq(author)).and(OP.ID.le(lastIdBefore)));
        }

        /// Recomputes the replica table from the trust ops that pass the rule book; true if the
        /// set of counted authors changed.
        boolean refreshTrust(boolean compare) {
            Map<String, Long> before = compare ? new HashMap<>(appliedAuthors()) : Map.of();
            List<Op> all = OpStore.byTypes(d, TRUST_TYPES);
            List<Op> valid = new ArrayList<>(all.size());
            List<Op> broken = new ArrayList<>();
            for (Op op : all) {
                if (op.type().equals(OpType.COOP_CREATE) || ruleViolation(op) == null) {
                    valid.add(op);
                } else {
                    broken.add(op);
                }
            }
            String coopId = Meta.get(d, Meta.COOP_ID).orElse("");
            var roots = new Trust.Roots(coopId, Meta.get(d, Meta.FOUNDER).orElse(null),
                    (join, key) -> vouchValid(coopId, join, key));
            var laptops = Trust.laptops(valid, roots);
            writeReplicas(laptops.values());
            // admissions and revocations need their people too (design notes 26): judged against
            // the people written by the laptops that count without this check, then trust once more
            people = null;
            Map<Op, String> unpeopled = new java.util.LinkedHashMap<>();
            for (Op op : valid) {
                if (op.type().equals(OpType.REPLICA_ADMIT) || op.type().equals(OpType.REPLICA_REVOKE)) {
                    people().judge(op).ifPresent(reason -> unpeopled.put(op, reason));
                }
            }
            people = null;
            if (!unpeopled.isEmpty()) {
                valid.removeAll(unpeopled.keySet());
                laptops = Trust.laptops(valid, roots);
                writeReplicas(laptops.values());
            }
            String pinned = Meta.get(d, Meta.FOUNDER).orElse(null);
            founder = laptops.values().stream().filter(l -> l.status() != ReplicaStatus.IMPOSTOR
                            && Trust.isFounder(l.id(), l.key(), coopId, pinned))
                    .map(Trust.Laptop::id).findFirst().orElse(null);
            applied = null;
            d.deleteFrom(INVALID_OP).where(INVALID_OP.TYPE.in(OpType.REPLICA_JOIN, OpType.REPLICA_ADMIT,
                    OpType.REPLICA_REVOKE)).execute();
            for (Op op : broken) {
                if (counts(op)) {
                    recordInvalid(op, ruleViolation(op));
                }
            }
            unpeopled.forEach((op, reason) -> {
                if (counts(op)) {
                    recordInvalid(op, reason);
                }
            });
            return compare && !before.equals(appliedAuthors());
        }

        private void writeReplicas(java.util.Collection<Trust.Laptop> laptops) {
            d.deleteFrom(REPLICA).execute();
            for (Trust.Laptop l : laptops) {
                d.insertInto(REPLICA).set(REPLICA.ID, l.id()).set(REPLICA.NAME, l.name())
                        .set(REPLICA.PUBLIC_KEY, l.key()).set(REPLICA.STATUS, l.status().wire())
                        .set(REPLICA.JOINED_HLC, l.joinedHlc()).set(REPLICA.COUNTS_UP_TO, l.countsUpTo()).execute();
            }
            applied = null;
        }

        static boolean vouchValid(String coopId, Op join, byte[] predecessorKey) {
            try {
                byte[] sig = Base64.getDecoder().decode(join.data().str("vouch"));
                return Keys.verify(predecessorKey, Keys.successorMessage(coopId, join.replica(), Trust.joinKey(join)),
                        sig);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        /// Why a counted author's op breaks the rule book, judged from the op alone and the facts
        /// fixed at the cooperative's creation; null if it does not.
        private String invalidReason(Op op) {
            String rule = ruleViolation(op);
            if (rule != null) {
                return rule;
            }
            if (CREATE_TYPES.contains(op.type()) && !ownedBy(op.entity(), op.replica())) {
                return "id-not-owned";
            }
            if (op.type().equals(OpType.COOP_CREATE) || op.type().equals(OpType.COOP_UPDATE)) {
                if (!op.entity().equals(coopId())) {
                    return "wrong-cooperative";
                }
                if (op.type().equals(OpType.COOP_CREATE) && !op.replica().equals(founder())) {
                    return "not-founder";
                }
            }
            return people().judge(op).orElse(null);
        }

        private String coopId() {
            if (coopId == null) {
                coopId = Meta.get(d, Meta.COOP_ID).orElse("");
            }
            return coopId;
        }

        private String founder() {
            if (founder == null) {
                // the founder made the cooperative even if it was revoked later (item 30)
                String pinned = Meta.get(d, Meta.FOUNDER).orElse(null);
                founder = d.select(REPLICA.ID, REPLICA.PUBLIC_KEY, REPLICA.STATUS).from(REPLICA).fetch().stream()
                        .filter(r -> !ReplicaStatus.IMPOSTOR.wire().equals(r.value3())
                                && Trust.isFounder(r.value1(), r.value2(), coopId(), pinned))
                        .map(r -> r.value1()).findFirst().orElse("");
            }
            return founder;
        }

        private void recordInvalid(Op op, String reason) {
            recordInvalid(op.replica(), op.seq(), op.type(), op.entity(), reason);
        }

        private void recordInvalid(String replica, long seq, String type, String entity, String reason) {
            try {
                var ps = Statements.get(d, "INSERT INTO invalid_op (replica, seq, type, entity, reason) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                ps.setString(1, replica);
                ps.setLong(2, seq);
                ps.setString(3, type);
                ps.setString(4, entity);
                ps.setString(5, reason);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        }

        private void insertWork(Op op) {
            var data = op.data();
            if (contested.contains(op.entity())) {
                recordInvalid(op, "id-used-twice");
                return;
            }
            try {
                var ps = Statements.get(d, "INSERT INTO work_entry (id, member, date, minutes, category, note, witness, "
                        + "work_day, replica, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                ps.setString(1, op.entity());
                ps.setString(2, data.str("member"));
                ps.setString(3, data.str("date"));
                setLong(ps, 4, data.lng("minutes"));
                ps.setString(5, data.str("category"));
                ps.setString(6, data.str("note"));
                // nobody confirms their own work: such a claim (from a laptop that did not check) is
                // kept in the log without effect, and the work still counts (rule book, "Witnesses")
                String witness = data.str("witness");
                ps.setString(7, witness != null && witness.equals(data.str("member")) ? null : witness);
                ps.setString(8, data.str("workday"));
                ps.setString(9, op.replica());
                ps.setLong(10, op.hlc());
                if (ps.executeUpdate() == 0) {
                    collided(op, "work_entry");
                }
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        }

        /// A savings group's constitution, a fact inserted once (design notes 32).
        private void insertCycle(Op op) {
            var c = coop.minka.domain.GroupConstitution.fromData(op.data());
            StringBuilder fines = new StringBuilder();
            c.fines().forEach((k, v) -> fines.append(fines.isEmpty() ? "" : ",").append(k).append('=').append(v));
            try {
                var ps = Statements.get(d, "INSERT INTO group_cycle (id, start, share_price, min_shares, max_shares, "
                        + "social_fund, loan_multiple_bp, max_term_months, charge_bp, method, fines, replica, hlc) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                ps.setString(1, op.entity());
                ps.setString(2, c.start().toString());
                ps.setLong(3, c.sharePrice());
                ps.setLong(4, c.minShares());
                ps.setLong(5, c.maxShares());
                ps.setLong(6, c.socialFund());
                ps.setLong(7, c.loanMultipleBp());
                ps.setLong(8, c.maxTermMonths());
                ps.setLong(9, c.chargeBpPerMonth());
                ps.setString(10, c.chargeMethod().wire());
                ps.setString(11, fines.toString());
                ps.setString(12, op.replica());
                ps.setLong(13, op.hlc());
                if (ps.executeUpdate() == 0) {
                    collided(op, "group_cycle");
                }
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        }

        /// Any other savings-group entry, a fact inserted once; its money is in the `tx.post`
        /// written with it.
        private void insertGroupEntry(Op op) {
            var data = op.data();
            try {
                var ps = Statements.get(d, "INSERT INTO group_entry (id, type, cycle, meeting, member, loan, date, kind, "
                        + "status, count, amount, charge, principal, months, charge_bp, method, counted, expected, tx, "
                        + "replica, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING");
                ps.setString(1, op.entity());
                ps.setString(2, op.type());
                int i = 3;
                for (String k : List.of("cycle", "meeting", "member", "loan", "date", "kind", "status")) {
                    ps.setString(i++, data.str(k));
                }
                for (String k : List.of("count", "amount", "charge", "principal", "months", "chargeBp")) {
                    // a share-out's amount is the distributable it claims (design notes 37)
                    setLong(ps, i++, k.equals("amount") && op.type().equals(OpType.GROUP_SHAREOUT)
                            ? data.lng("distributable") : data.lng(k));
                }
                ps.setString(i++, data.str("method"));
                setLong(ps, i++, data.lng("counted"));
                setLong(ps, i++, data.lng("expected"));
                ps.setString(i++, data.str("tx"));
                ps.setString(i++, op.replica());
                ps.setLong(i, op.hlc());
                if (ps.executeUpdate() == 0) {
                    collided(op, "group_entry");
                }
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        }

        private void insertTx(Op op) {
            var data = op.data();
            String date = data.str("date");
            if (contested.contains(op.entity())) {
                recordInvalid(op, "id-used-twice");
                return;
            }
            try {
                var tx = Statements.get(d, "INSERT INTO tx (id, date, memo, reference, replica, hlc) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                tx.setString(1, op.entity());
                tx.setString(2, date);
                tx.setString(3, data.str("memo"));
                tx.setString(4, data.str("reference"));
                tx.setString(5, op.replica());
                tx.setLong(6, op.hlc());
                if (tx.executeUpdate() == 0) {
                    collided(op, "tx");
                    return;
                }
                var posting = Statements.get(d, "INSERT INTO posting (tx, line, account, amount, date) VALUES (?, ?, ?, ?, ?)");
                boolean counted = !isVoided(op.entity()); // a void that arrived first keeps it out of the totals
                long line = 0;
                for (Map<String, Object> p : data.list("postings")) {
                    String account = String.valueOf(p.get("account"));
                    long amount = ((Number) p.get("amount")).longValue();
                    posting.setString(1, op.entity());
                    posting.setLong(2, ++line);
                    posting.setString(3, account);
                    posting.setLong(4, amount);
                    posting.setString(5, date);
                    posting.executeUpdate();
                    if (counted) {
                        count(account, date, amount, 1);
                    }
                }
                rejudgeCurrency(op);
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        }

        /// Money stamped before a currency change already folded makes that change invalid: the
        /// cooperative is folded again at [#finish] (design notes 25). Rare, so the changes are
        /// read once per batch, by the index on the entity.
        private void rejudgeCurrency(Op tx) {
            if (currencyChanges == null) {
                currencyChanges = OpStore.byEntity(d, coopId()).stream()
                        .filter(o -> o.type().equals(OpType.COOP_UPDATE) && o.data().has("currency")).toList();
            }
            for (Op change : currencyChanges) {
                if (Op.STAMP_ORDER.compare(tx, change) < 0) {
                    dirty.add(change.entity());
                    return;
                }
            }
        }

        /// True if a transaction held (counted and valid, voided or not) is stamped before `op`
        /// (by hlc, replica, seq): then a currency change in `op` comes after money.
        private boolean moneyBefore(Op op) {
            try {
                var ps = Statements.get(d, "SELECT 1 FROM tx JOIN op ON op.replica = tx.replica AND op.entity = tx.id "
                        + "AND op.hlc = tx.hlc AND op.type = 'tx.post' WHERE (tx.hlc, tx.replica, op.seq) < (?, ?, ?) "
                        + "LIMIT 1");
                ps.setLong(1, op.hlc());
                ps.setString(2, op.replica());
                ps.setLong(3, op.seq());
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        }

        /// A second creation of a transaction or work entry id already held: by the same author,
        /// the later one in its chain is held invalid; by another author (legacy ids), every
        /// creation of that id is, which a rebuild decides from the whole log.
        private void collided(Op op, String table) throws SQLException {
            var holder = Statements.get(d, "SELECT replica FROM " + table + " WHERE id = ?");
            holder.setString(1, op.entity());
            String held;
            try (var rs = holder.executeQuery()) {
                held = rs.next() ? rs.getString(1) : op.replica();
            }
            if (held.equals(op.replica())) {
                recordInvalid(op, "id-used-twice");
            } else {
                needsRebuild = true;
            }
        }

        private static void setLong(java.sql.PreparedStatement ps, int i, Long v) throws SQLException {
            if (v == null) {
                ps.setNull(i, java.sql.Types.BIGINT);
            } else {
                ps.setLong(i, v);
            }
        }

        /// The earliest void (by hlc, replica, seq) of an entity is kept; the first one held
        /// takes the voided transaction's postings out of the balances.
        private void applyVoid(Op op) {
            String kind = op.type().equals(OpType.TX_VOID) ? "tx" : "work";
            try {
                var find = Statements.get(d, "SELECT 1 FROM void WHERE entity = ? AND kind = ?");
                find.setString(1, op.entity());
                find.setString(2, kind);
                boolean exists;
                try (var rs = find.executeQuery()) {
                    exists = rs.next();
                }
                if (exists) {
                    var earlier = Statements.get(d, "UPDATE void SET reason = ?, replica = ?, hlc = ?, seq = ? "
                            + "WHERE entity = ? AND kind = ? AND (?, ?, ?) < (hlc, replica, seq)");
                    earlier.setString(1, op.data().str("reason"));
                    earlier.setString(2, op.replica());
                    earlier.setLong(3, op.hlc());
                    earlier.setLong(4, op.seq());
                    earlier.setString(5, op.entity());
                    earlier.setString(6, kind);
                    earlier.setLong(7, op.hlc());
                    earlier.setString(8, op.replica());
                    earlier.setLong(9, op.seq());
                    earlier.executeUpdate();
                    return;
                }
                var insert = Statements.get(d, "INSERT INTO void (entity, kind, reason, replica, hlc, seq) "
                        + "VALUES (?, ?, ?, ?, ?, ?)");
                insert.setString(1, op.entity());
                insert.setString(2, kind);
                insert.setString(3, op.data().str("reason"));
                insert.setString(4, op.replica());
                insert.setLong(5, op.hlc());
                insert.setLong(6, op.seq());
                insert.executeUpdate();
                if (kind.equals("tx")) {
                    if (voided != null) {
                        voided.add(op.entity());
                    }
                    var postings = Statements.get(d, "SELECT account, date, amount FROM posting WHERE tx = ?");
                    postings.setString(1, op.entity());
                    try (var rs = postings.executeQuery()) {
                        while (rs.next()) {
                            count(rs.getString(1), rs.getString(2), rs.getLong(3), -1);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        }

        private void foldEntity(String entity) {
            List<Op> ops = new ArrayList<>();
            for (Op op : OpStore.byEntity(d, entity)) {
                if (counts(op) && FOLDED_TYPES.contains(op.type())
                        && invalidReason(op) == null) {
                    ops.add(op);
                }
            }
            d.deleteFrom(INVALID_OP).where(INVALID_OP.ENTITY.eq(entity))
                    .and(INVALID_OP.REASON.in("entity-kind", "created-twice", OpRules.CURRENCY_AFTER_MONEY)).execute();
            if (ops.isEmpty()) {
                return;
            }
            Op creation = creationOf(ops);
            if (creation == null) {
                return; // only edits so far: the entity's creation has not arrived
            }
            String createType = creation.type();
            List<Op> kept = new ArrayList<>(ops.size());
            for (Op op : ops) {
                if (op.type().equals(OpType.CONFLICT_RESOLVE) || op == creation) {
                    kept.add(op);
                } else if (CREATE_TYPES.contains(op.type()) || op.type().equals(OpType.COOP_CREATE)) {
                    recordInvalid(op, "created-twice");
                } else if (!createType.equals(createTypeOf(List.of(op)))) {
                    recordInvalid(op, "entity-kind");
                } else if (op.type().equals(OpType.COOP_UPDATE) && op.data().has("currency") && moneyBefore(op)) {
                    recordInvalid(op, OpRules.CURRENCY_AFTER_MONEY);
                } else {
                    kept.add(op);
                }
            }
            ops = kept;
            var folded = EntityFold.fold(ops, createType);
            d.deleteFrom(CONFLICT).where(CONFLICT.ENTITY.eq(entity)).execute();
            if (folded.isEmpty()) {
                return;
            }
            var f = folded.get();
            switch (createType) {
                case OpType.COOP_CREATE -> d.insertInto(COOPERATIVE).set(COOPERATIVE.ID, entity)
                        .set(COOPERATIVE.NAME, f.str("name")).set(COOPERATIVE.CURRENCY, f.str("currency"))
                        .set(COOPERATIVE.CREATED_AT, Hlc.millis(f.created().hlc()))
                        .set(COOPERATIVE.LANGUAGES, f.values().getOrDefault("languages", "en").toString())
                        .set(COOPERATIVE.ENCRYPTION, Boolean.TRUE.equals(f.values().get("encryption")) ? 1L : 0L)
                        .set(COOPERATIVE.RECOVERY, f.str("recovery"))
                        .onConflict(COOPERATIVE.ID).doUpdate()
                        .set(COOPERATIVE.NAME, f.str("name")).set(COOPERATIVE.CURRENCY, f.str("currency"))
                        .set(COOPERATIVE.LANGUAGES, f.values().getOrDefault("languages", "en").toString())
                        .set(COOPERATIVE.ENCRYPTION, Boolean.TRUE.equals(f.values().get("encryption")) ? 1L : 0L)
                        .set(COOPERATIVE.RECOVERY, f.str("recovery")).execute();
                case OpType.MEMBER_ADD -> {
                    var r = d.newRecord(MEMBER);
                    r.setId(entity);
                    r.setName(f.str("name"));
                    r.setGender(f.values().getOrDefault("gender", "unspecified").toString());
                    r.setJoined(f.str("joined"));
                    r.setStatus(f.values().getOrDefault("status", "active").toString());
                    r.setContact(f.str("contact"));
                    r.setNotes(f.str("notes"));
                    r.setCreatedHlc(f.created().hlc());
                    d.insertInto(MEMBER).set(r).onConflict(MEMBER.ID).doUpdate().set(r).execute();
                }
                case OpType.CATEGORY_ADD -> {
                    var r = d.newRecord(WORK_CATEGORY);
                    r.setId(entity);
                    r.setCode(f.str("code"));
                    r.setName(f.str("name"));
                    r.setRate(f.lng("rate"));
                    r.setKind(f.values().getOrDefault("kind", "other").toString());
                    r.setCreatedHlc(f.created().hlc());
                    d.insertInto(WORK_CATEGORY).set(r).onConflict(WORK_CATEGORY.ID).doUpdate().set(r).execute();
                    // each dated rate is its own field of the fold: one rate per (category, from-date)
                    d.deleteFrom(WORK_RATE).where(WORK_RATE.CATEGORY.eq(entity)).execute();
                    WorkCategory.ratesIn(f.values()).forEach((from, rate) -> d.insertInto(WORK_RATE)
                            .set(WORK_RATE.CATEGORY, entity).set(WORK_RATE.FROM_DATE, from.toString())
                            .set(WORK_RATE.RATE, rate).execute());
                }
                case OpType.ACCOUNT_ADD -> {
                    var r = d.newRecord(ACCOUNT);
                    r.setId(entity);
                    r.setCode(f.str("code"));
                    r.setName(f.str("name"));
                    r.setType(f.str("type"));
                    r.setMember(f.str("member"));
                    r.setArchived(Boolean.TRUE.equals(f.values().get("archived")) ? 1L : 0L);
                    // a cash flag on an account that cannot hold the cooperative's money (an update
                    // from a laptop that did not check) is kept in the log and has no effect
                    r.setCash(Boolean.TRUE.equals(f.values().get("cash")) && "asset".equals(f.str("type"))
                            && f.str("member") == null ? 1L : 0L);
                    r.setCreatedHlc(f.created().hlc());
                    d.insertInto(ACCOUNT).set(r).onConflict(ACCOUNT.ID).doUpdate().set(r).execute();
                }
                default -> {
                    return;
                }
            }
            for (var c : f.conflicts()) {
                d.insertInto(CONFLICT).set(CONFLICT.ENTITY, entity).set(CONFLICT.FIELD, c.field())
                        .set(CONFLICT.WINNER_HASH, c.winner().hash()).set(CONFLICT.LOSER_HASH, c.loser().hash())
                        .set(CONFLICT.WINNER_VALUE, String.valueOf(c.winnerValue()))
                        .set(CONFLICT.LOSER_VALUE, String.valueOf(c.loserValue())).execute();
            }
        }

        /// The op that created the entity: of its owner's creations the first in the owner's
        /// chain; among legacy authors (no owner tag) the first by (hlc, replica, seq).
        private static Op creationOf(List<Op> ops) {
            Op best = null;
            for (Op op : ops) {
                if (!(CREATE_TYPES.contains(op.type()) || op.type().equals(OpType.COOP_CREATE))) {
                    continue;
                }
                if (best == null || (best.replica().equals(op.replica()) ? op.seq() < best.seq()
                        : Op.STAMP_ORDER.compare(op, best) < 0)) {
                    best = op;
                }
            }
            return best;
        }

        private static String createTypeOf(List<Op> ops) {
            for (Op op : ops) {
                switch (op.type()) {
                    case OpType.COOP_CREATE, OpType.COOP_UPDATE -> {
                        return OpType.COOP_CREATE;
                    }
                    case OpType.MEMBER_ADD, OpType.MEMBER_UPDATE -> {
                        return OpType.MEMBER_ADD;
                    }
                    case OpType.CATEGORY_ADD, OpType.CATEGORY_UPDATE -> {
                        return OpType.CATEGORY_ADD;
                    }
                    case OpType.ACCOUNT_ADD, OpType.ACCOUNT_UPDATE -> {
                        return OpType.ACCOUNT_ADD;
                    }
                    default -> {
                        // keep looking (conflict.resolve ops carry no type of their own)
                    }
                }
            }
            return null;
        }
    }
}
