package coop.minka.sync;

import static coop.minka.sync.TestCoop.assertHeldInvalid;
import static coop.minka.sync.TestCoop.assertVerifies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Pins;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.People;
import coop.minka.domain.Permissions;
import coop.minka.domain.Person;
import coop.minka.domain.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// People and roles across laptops (design notes 26): one permission table for changes typed
/// (refused) and received (held invalid), judged at each change's own time, the same in any
/// order of arrival.
class PeopleSyncTest {
    @TempDir
    Path tmp;

    /// The people of a cooperative in the tests: a president, a keyholder, and one person
    /// holding only each role.
    private record Cast(Person pres, Person key, Map<Role, Person> only) {
    }

    private static Cast cast(Village a) {
        Person pres = a.s.people().add("Pres", EnumSet.of(Role.PRESIDENT), null, "1111");
        a.s.people().actAs(pres, null);
        Person key = a.s.people().add("Key", EnumSet.of(Role.KEYHOLDER), null, "2222");
        a.s.people().actAs(pres, key);
        Map<Role, Person> only = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            only.put(r, a.s.people().add("Only " + r.wire(), EnumSet.of(r), null, "3333"));
        }
        a.s.people().lock();
        return new Cast(pres, key, only);
    }

    /// Valid data (for the rule book) of one change of each kind the table names.
    private static OpData sample(TestCoop c, String type, Person target, int n) {
        String hash = "ab".repeat(32);
        return switch (type) {
            case OpType.COOP_UPDATE -> OpData.builder().put("name", "Coop " + n).build();
            case OpType.MEMBER_ADD, OpType.MEMBER_UPDATE -> OpData.builder().put("name", "M " + n).build();
            case OpType.CATEGORY_ADD -> OpData.builder().put("code", "C" + n).put("name", "Cat " + n).build();
            case OpType.CATEGORY_UPDATE -> OpData.builder().put("name", "Cat " + n).build();
            case OpType.WORK_ADD -> c.work("2026-05-03", 30);
            case OpType.WORK_VOID, OpType.TX_VOID -> OpData.builder().put("reason", "r " + n).build();
            case OpType.ACCOUNT_ADD -> OpData.builder().put("code", "9" + n).put("name", "A " + n)
                    .put("type", "expense").build();
            case OpType.ACCOUNT_UPDATE -> OpData.builder().put("name", "Expenses " + n).build();
            case OpType.TX_POST -> TestCoop.tx("2026-05-04", "t " + n, c.cash, 100L, c.dues, -100L);
            case OpType.PERIOD_ACCEPT -> OpData.builder().put("entry", hash).build();
            case OpType.CONFLICT_RESOLVE -> OpData.builder().put("loser", hash).build();
            case OpType.PERIOD_CLOSE -> OpData.builder().put("to", "2000-01-31").build();
            case OpType.REPLICA_ADMIT, OpType.REPLICA_REVOKE -> OpData.builder()
                    .put("fingerprint", "AAAA BBBB CCCC DDDD EEEE").build();
            case OpType.PERSON_ADD -> OpData.builder().put("name", "New " + n).put("roles", "member")
                    .put("pin", Pins.hash("4444", 1000)).build();
            case OpType.PERSON_UPDATE -> OpData.builder().put("name", target.name() + " " + n).build();
            case OpType.PERSON_PIN -> OpData.builder().put("pin", Pins.hash("5555", 1000)).build();
            case OpType.CAPITAL_SUBSCRIBE -> OpData.builder().put("member", c.ana).put("shares", 2L)
                    .put("price", 100L).put("amount", 200L).put("date", "2026-05-04").put("tx", c.duesTx).build();
            case OpType.CAPITAL_PAY -> OpData.builder().put("member", c.ana).put("amount", 100L)
                    .put("date", "2026-05-04").put("tx", c.duesTx).build();
            case OpType.CAPITAL_TRANSFER, OpType.CAPITAL_REDEEM -> OpData.builder().put("member", c.ana)
                    .put("to", c.category).put("shares", 1L).put("price", 100L).put("amount", 100L)
                    .put("date", "2026-05-04").put("tx", c.duesTx).build();
            case OpType.SURPLUS_ALLOCATE -> OpData.builder().put("year", 2000L + n).put("date", "2026-05-04")
                    .put("basis", "capital").put("surplus", 0L).put("reserveBp", 0L).put("educationBp", 0L)
                    .put("cashBp", 0L).put("reserve", 0L).put("education", 0L).put("members", List.of()).build();
            default -> type.startsWith("group.") ? groupSample(c, type, n) : fail(type);
        };
    }

    private static OpData fail(String type) {
        throw new IllegalArgumentException(type);
    }

    /// Valid data (for the rule book) of a savings-group entry; the ids it names need not exist:
    /// what is judged here is who may make it.
    private static OpData groupSample(TestCoop c, String type, int n) {
        String some = Ids.owned(c.coopId, 1_000_000L + n);
        return switch (type) {
            case OpType.GROUP_CYCLE -> new coop.minka.domain.GroupConstitution(java.time.LocalDate.of(2026, 1, 1),
                    1000, 1, 5, 200, 30_000, 3, 1000, coop.minka.domain.GroupConstitution.ChargeMethod.FLAT,
                    new java.util.TreeMap<>()).toData();
            case OpType.GROUP_MEETING_OPEN -> OpData.builder().put("cycle", some).put("date", "2026-01-05").build();
            case OpType.GROUP_MEETING_CLOSE -> OpData.builder().put("meeting", some).put("counted", 100L)
                    .put("expected", 100L).build();
            case OpType.GROUP_ATTEND -> OpData.builder().put("meeting", some).put("member", c.ana)
                    .put("status", "present").build();
            case OpType.GROUP_SHARES -> OpData.builder().put("meeting", some).put("member", c.ana).put("tx", some)
                    .put("amount", 1000L).put("count", 1L).build();
            case OpType.GROUP_SOCIAL -> OpData.builder().put("meeting", some).put("member", c.ana).put("tx", some)
                    .put("amount", 200L).build();
            case OpType.GROUP_FINE -> OpData.builder().put("meeting", some).put("member", c.ana).put("tx", some)
                    .put("amount", 500L).put("kind", "late").build();
            case OpType.GROUP_LOAN_ISSUE -> OpData.builder().put("meeting", some).put("member", c.ana).put("tx", some)
                    .put("amount", 5000L).put("months", 1L).put("chargeBp", 1000L).put("method", "flat")
                    .put("date", "2026-01-05").build();
            case OpType.GROUP_LOAN_REPAY -> OpData.builder().put("meeting", some).put("loan", some).put("tx", some)
                    .put("amount", 1100L).put("charge", 100L).put("principal", 1000L).build();
            case OpType.GROUP_SHAREOUT -> OpData.builder().put("cycle", some).put("date", "2026-12-01")
                    .put("distributable", 0L).build();
            case OpType.GROUP_MEETING_REOPEN -> OpData.builder().put("meeting", some).build();
            case OpType.GROUP_VOID -> OpData.builder().put("entry", some).put("reason", "r " + n).build();
            case OpType.GROUP_GRANT -> OpData.builder().put("meeting", some).put("member", c.ana).put("tx", some)
                    .put("amount", 300L).put("reason", "r " + n).build();
            case OpType.GROUP_LOAN_WRITEOFF -> OpData.builder().put("meeting", some).put("loan", some)
                    .put("tx", some).put("amount", 300L).put("reason", "r " + n).build();
            case OpType.GROUP_EXPENSE -> OpData.builder().put("meeting", some).put("tx", some).put("amount", 300L)
                    .put("memo", "m " + n).build();
            default -> fail(type);
        };
    }

    private static String entity(TestCoop c, String type, String author, Person self, Person target) {
        return switch (type) {
            case OpType.COOP_UPDATE -> c.coopId;
            case OpType.MEMBER_UPDATE, OpType.CONFLICT_RESOLVE -> c.ana;
            case OpType.CATEGORY_UPDATE -> c.category;
            case OpType.ACCOUNT_UPDATE -> c.expenses;
            case OpType.TX_VOID, OpType.PERIOD_ACCEPT -> c.duesTx;
            case OpType.PERSON_UPDATE -> target.id();
            case OpType.PERSON_PIN -> self.id();
            case OpType.REPLICA_ADMIT, OpType.REPLICA_REVOKE -> author;
            default -> Ids.owned(author, System.currentTimeMillis());
        };
    }

    private static OpData by(OpData data, Person by, Person also) {
        Map<String, Object> m = new HashMap<>(data.asMap());
        m.put(Permissions.BY, by.id());
        if (also != null) {
            m.put(Permissions.ALSO, also.id());
        }
        return OpData.of(m);
    }

    /// Every role × every kind of change in the table: typed on a laptop it is refused exactly
    /// when the table says no, and the same change received from another laptop is held invalid
    /// exactly then — on every laptop. Visited in a seeded random order.
    @Test
    void everyRoleTimesEveryKindOfChangeLocallyAndImported() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            Cast cast = cast(a);
            Person target = cast.only().get(Role.MEMBER);
            c.fromATo(c.laptops);
            List<String[]> cases = new ArrayList<>();
            for (String type : Permissions.table().keySet()) {
                for (Role r : Role.values()) {
                    cases.add(new String[] {type, r.name()});
                }
            }
            java.util.Collections.shuffle(cases, new Random(26));
            long from = h.seq() + 1;
            Map<Op, Boolean> imported = new LinkedHashMap<>();
            int n = 0;
            for (String[] k : cases) {
                String type = k[0];
                Role role = Role.valueOf(k[1]);
                Person p = cast.only().get(role);
                Person also = p.equals(cast.key()) ? cast.pres() : cast.key();
                boolean allowed = Permissions.allows(type, Set.of(role));
                n++;
                // typed here
                a.s.people().actAs(p, also);
                OpData data = sample(c, type, target, n);
                String entity = entity(c, type, a.id(), p, target);
                long before = a.opCount();
                MinkaException refused = null;
                try {
                    a.s.workspace().write(w -> w.append(type, entity, data));
                } catch (MinkaException e) {
                    refused = e;
                }
                if (allowed && refused != null && type.startsWith("group.")) {
                    // made-up meeting and transaction: refused by the group's rules, not for who made it
                    assertEquals(ErrorCode.INVALID_ENTRY, refused.code(), type + " by " + role);
                    assertEquals(before, a.opCount());
                    refused = null;
                }
                assertEquals(!allowed, refused != null, type + " by " + role + ": " + refused);
                if (refused != null) {
                    assertEquals(ErrorCode.NOT_ALLOWED, refused.code(), type + " by " + role);
                    assertEquals(before, a.opCount());
                }
                // received from another laptop
                String e2 = entity(c, type, h.author.id(), p, target);
                // (another number than the typed one: one year's surplus is allocated once)
                imported.put(h.append(type, e2, by(sample(c, type, target, n + cases.size()), p, also)), allowed);
            }
            a.s.people().lock();
            Path file = c.forged(h, from, h.seq());
            for (Village v : c.laptops) {
                v.sync.importBundle(file);
                Set<String> invalid = new HashSet<>();
                for (var row : TestCoop.invalidRows(v)) {
                    invalid.add(row.get("replica") + "#" + row.get("seq"));
                }
                Map<String, String> reasons = new HashMap<>();
                for (var row : TestCoop.invalidRows(v)) {
                    reasons.put(row.get("replica") + "#" + row.get("seq"), row.get("reason"));
                }
                imported.forEach((op, allowed) -> {
                    if (!allowed) {
                        assertHeldInvalid(v, op);
                        assertTrue(People.REASONS.contains(reasons.getOrDefault(op.replica() + "#" + op.seq(), "")),
                                op.type() + " held for who made it");
                    } else if (op.type().startsWith("group.") || OpType.CAPITAL_TYPES.contains(op.type())) {
                        // its cycle, meeting, shares held or transaction are made up: only who made it
                        // is judged
                        assertFalse(People.REASONS.contains(reasons.getOrDefault(op.replica() + "#" + op.seq(), "")),
                                op.type() + " " + op.data());
                    } else {
                        assertFalse(invalid.contains(op.replica() + "#" + op.seq()), op.type() + " " + op.data());
                    }
                });
                assertVerifies(v);
            }
            c.fromATo(c.laptops);
            assertEquals(a.digest(), c.get("b").digest());
        }
    }

    /// A dual-control change needs a second, different person holding a role that may confirm it.
    @Test
    void dualControlReceivedWithoutASecondPersonIsHeldInvalid() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            Cast cast = cast(a);
            c.fromATo(c.laptops);
            long from = h.seq() + 1;
            Person tes = cast.only().get(Role.TREASURER);
            Person aud = cast.only().get(Role.AUDITOR);
            OpData close = OpData.builder().put("to", "2000-01-31").build();
            Op alone = h.append(OpType.PERIOD_CLOSE, ForgeKit.ownedId(h.author.id()), by(close, tes, null));
            Op self = h.append(OpType.PERIOD_CLOSE, ForgeKit.ownedId(h.author.id()), by(close, tes, tes));
            Op auditor = h.append(OpType.PERIOD_CLOSE, ForgeKit.ownedId(h.author.id()), by(close, tes, aud));
            Op both = h.append(OpType.PERIOD_CLOSE, ForgeKit.ownedId(h.author.id()), by(close, tes, cast.key()));
            Op nobody = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    TestCoop.tx("2026-05-04", "no person", c.cash, 100L, c.dues, -100L));
            Op stranger = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()), by(TestCoop.tx("2026-05-04",
                    "unknown person", c.cash, 100L, c.dues, -100L), new Person(Ids.newId(), "x", Set.of(), null, "x"),
                    null));
            // a laptop asks to join; the hostile laptop admits it with one person only
            ForgeKit.Chain x = new ForgeKit.Chain(ForgeKit.Author.fresh(), c.coopId);
            x.join("Newcomer");
            Path joinFile = c.forgedAll(x);
            OpData admitData = OpData.builder().put("fingerprint", x.author.fingerprint()).build();
            Op admitAlone = h.append(OpType.REPLICA_ADMIT, x.author.id(), by(admitData, cast.key(), null));
            Path file = c.forged(h, from, h.seq());
            for (Village v : c.laptops) {
                v.sync.importBundle(joinFile);
                v.sync.importBundle(file);
                assertEquals("pending", v.s.workspace().db().read(dd -> dd.select(
                        coop.minka.store.schema.Tables.REPLICA.STATUS).from(coop.minka.store.schema.Tables.REPLICA)
                        .where(coop.minka.store.schema.Tables.REPLICA.ID.eq(x.author.id()))
                        .fetchOne(coop.minka.store.schema.Tables.REPLICA.STATUS)), "one person cannot admit a laptop");
                Map<String, String> reasons = new HashMap<>();
                TestCoop.invalidRows(v).forEach(r -> reasons.put(r.get("replica") + "#" + r.get("seq"), r.get("reason")));
                assertEquals(People.NEEDS_SECOND_PERSON, reasons.get(alone.replica() + "#" + alone.seq()));
                assertEquals(People.NEEDS_SECOND_PERSON, reasons.get(self.replica() + "#" + self.seq()));
                assertEquals(People.NEEDS_SECOND_PERSON, reasons.get(auditor.replica() + "#" + auditor.seq()));
                assertFalse(reasons.containsKey(both.replica() + "#" + both.seq()));
                assertEquals(People.NO_PERSON, reasons.get(nobody.replica() + "#" + nobody.seq()));
                assertEquals(People.UNKNOWN_PERSON, reasons.get(stranger.replica() + "#" + stranger.seq()));
                assertEquals(People.NEEDS_SECOND_PERSON, reasons.get(admitAlone.replica() + "#" + admitAlone.seq()));
                assertVerifies(v);
            }
        }
    }

    /// A hostile admitted laptop names the auditor on a payment: judged at its own time, it is
    /// held invalid everywhere, while the president-treasurer's payment in the same file counts.
    /// The person ops arriving after the changes they decide re-judge them; both orders of
    /// arrival end in the same books, and a rebuild from the log gives them again.
    @Test
    void personOpsArrivingAfterTheChangesTheyDecideGiveTheSameBooksInEitherOrder() {
        try (TestCoop c = TestCoop.found(tmp, "b", "d", "e")) {
            Village b = c.get("b");
            Village d = c.get("d");
            Village e = c.get("e");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            // b founds the people
            Person pres = b.s.people().add("Pres", EnumSet.of(Role.PRESIDENT, Role.TREASURER), null, "1111");
            b.s.people().actAs(pres, null);
            Person aud = b.s.people().add("Aud", EnumSet.of(Role.AUDITOR), null, "2222");
            b.s.people().lock();
            Path peopleFile = b.export(c.dir(), coop.minka.app.sync.SyncService.Mode.DEFAULT, null);
            long from = h.seq() + 1;
            Op honest = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()), by(TestCoop.tx("2026-05-05",
                    "By the treasurer", c.cash, 700L, c.dues, -700L), pres, null));
            Op forged = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()), by(TestCoop.tx("2026-05-06",
                    "By the auditor", c.cash, -500L, c.expenses, 500L), aud, null));
            Path changes = c.forged(h, from, h.seq());
            // d: the changes first, the people after; e: the people first
            d.sync.importBundle(changes);
            assertTrue(TestCoop.invalidRows(d).isEmpty(), "without people yet, every change stands as before");
            long withBoth = TestCoop.balance(d, "1000");
            d.sync.importBundle(peopleFile);
            e.sync.importBundle(peopleFile);
            e.sync.importBundle(changes);
            for (Village v : List.of(d, e)) {
                assertHeldInvalid(v, forged);
                assertFalse(TestCoop.invalidRows(v).stream().anyMatch(r -> r.get("seq").equals(
                        Long.toString(honest.seq())) && r.get("replica").equals(honest.replica())));
                assertEquals(withBoth + 500L, TestCoop.balance(v, "1000"), "the auditor's payment is out");
                assertVerifies(v);
            }
            assertEquals(d.digest(), e.digest());
            String before = d.digest();
            d.s.workspace().db().transaction(s -> {
                new coop.minka.store.Projector(d.id()).rebuild(s);
                return null;
            });
            assertEquals(before, d.digest(), "a rebuild from the log gives the same books");
        }
    }
}
