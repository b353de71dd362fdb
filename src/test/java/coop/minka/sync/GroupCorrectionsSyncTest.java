package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.GroupService;
import coop.minka.app.sync.SyncService;
import coop.minka.domain.Gender;
import coop.minka.domain.GroupBook;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.OpStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Corrections of a savings group's cycle across laptops (design notes 36): reopens, voids and
/// closes made offline on two laptops end in the same state whichever file is read first; an
/// admitted laptop turned hostile that voids an entry of a closed meeting or grants more than the
/// social fund holds is held invalid on every laptop, in either order of arrival.
class GroupCorrectionsSyncTest {
    @TempDir
    Path tmp;

    private static List<Op> ops(Village v, String type) {
        List<Op> out = new ArrayList<>();
        v.s.workspace().db().read(d -> {
            OpStore.forEach(d, op -> {
                if (op.type().equals(type)) {
                    out.add(op);
                }
            });
            return null;
        });
        return out;
    }

    private static long maxHlc(Village v) {
        List<Long> all = new ArrayList<>();
        v.s.workspace().db().read(d -> {
            OpStore.forEach(d, op -> all.add(op.hlc()));
            return null;
        });
        return all.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    private static String reasonOf(Village v, Op op) {
        return TestCoop.invalidRows(v).stream()
                .filter(r -> op.replica().equals(r.get("replica")) && Long.toString(op.seq()).equals(r.get("seq")))
                .map(r -> r.get("reason")).findFirst().orElse("");
    }

    /// Founder `a` with three members and a cycle, meeting 1 with shares, the social fund and
    /// Rosa's fine, closed; laptop `b` joined, admitted and in step.
    private static Village[] twoLaptops(Path tmp, Path stick) {
        Village a = Village.found(tmp, "a", SyncService.Options.DEFAULT);
        for (String n : List.of("Ana Quispe", "Rosa Condori", "Juan Mamani")) {
            a.s.members().add(n, Gender.WOMAN, null, null, null);
        }
        a.s.group().startCycle(LocalDate.of(2026, 1, 1), "10.00", 1, 5, "2.00", "10", "flat", null, null,
                Map.of("late", "5.00"));
        a.s.group().openMeeting(LocalDate.of(2026, 1, 5));
        for (String n : List.of("Ana", "Rosa", "Juan")) {
            a.s.group().buyShares(n, 2);
            a.s.group().paySocial(n);
        }
        a.s.group().fine("Rosa", "late", null);
        a.s.group().closeMeeting("71.00");
        Village b = Village.join(tmp, "b", a.exportFull(stick), SyncService.Options.DEFAULT);
        a.sync.importBundle(b.export(stick, SyncService.Mode.DEFAULT, null));
        a.trust().admit("Laptop b");
        b.sync.importBundle(a.export(stick, SyncService.Mode.DEFAULT, null));
        return new Village[] {a, b};
    }

    private static void sameEverywhere(Village a, Village b) {
        assertEquals(a.digest(), b.digest());
        assertEquals(a.s.group().meetings(), b.s.group().meetings());
        assertEquals(a.s.group().shareOut(), b.s.group().shareOut());
        assertEquals(a.s.group().expectedCash(), b.s.group().expectedCash());
        for (Village v : List.of(a, b)) {
            assertTrue(v.s.verify().verify().ok(), v.s.verify().verify().problems().toString());
            var tb = v.s.reports().statements().trialBalance(null, null);
            assertEquals(0, tb.totalClosing());
            assertEquals(tb.totalDebits(), tb.totalCredits());
        }
    }

    @Test
    void reopensVoidsAndClosesOnTwoLaptopsConvergeInEitherOrder() {
        Path stick = Village.mkdir(tmp.resolve("stick"));
        Village[] ab = twoLaptops(tmp, stick);
        try (Village a = ab[0]; Village b = ab[1]) {
            // offline: both reopen the last meeting; a voids Rosa's fine, b adds one for Juan
            a.s.group().reopenMeeting(null);
            b.s.group().reopenMeeting(null);
            GroupService.EntryView rosa = a.s.group().entries(null).stream()
                    .filter(e -> e.type().equals(OpType.GROUP_FINE)).findFirst().orElseThrow();
            a.s.group().voidEntry(rosa.id(), "Rosa was on time");
            a.s.group().closeMeeting("66.00");
            b.s.group().fine("Juan", "late", null);
            b.s.group().closeMeeting("76.00");

            Path fromA = a.export(stick, SyncService.Mode.DEFAULT, null);
            Path fromB = b.export(stick, SyncService.Mode.DEFAULT, null);
            b.sync.importBundle(fromA); // b: its own entries first, then a's
            a.sync.importBundle(fromB); // a: its own entries first, then b's
            sameEverywhere(a, b);
            assertTrue(a.s.group().entries(null).stream().anyMatch(e -> e.id().equals(rosa.id()) && e.voided()));
            assertEquals(6000 + 500, a.s.group().shareOut().result().distributable(), "Juan's fine, not Rosa's");
            assertTrue(a.s.group().meetings().getLast().closed(), "the latest close (by stamp) stands");
            // a reopen made while the meeting was already open elsewhere changes nothing: held, or not, alike
            for (Op reopen : ops(a, OpType.GROUP_MEETING_REOPEN)) {
                assertEquals(reasonOf(a, reopen), reasonOf(b, reopen));
            }
        }
    }

    @Test
    void aHostileVoidOfAClosedMeetingAndAGrantBeyondTheFundAreHeldInvalidEverywhere() {
        Path stick = Village.mkdir(tmp.resolve("stick"));
        Village[] ab = twoLaptops(tmp, stick);
        try (Village a = ab[0]; Village b = ab[1]) {
            ForgeKit.Author author = ForgeKit.Author.fresh();
            ForgeKit.Chain h = new ForgeKit.Chain(author, a.s.workspace().coop().id());
            h.join("Hostile");
            var coop = a.s.workspace().coop();
            a.sync.importBundle(ForgeKit.file(coop.id(), coop.name()).sender(author, "Hostile")
                    .range(h.range(1, h.seq())).write(Village.mkdir(tmp.resolve("join"))));
            a.trust().admit(author.id());
            b.sync.importBundle(a.exportFull(Village.mkdir(tmp.resolve("admitted"))));

            a.s.group().openMeeting(LocalDate.of(2026, 2, 5));
            a.s.group().paySocial("Ana");
            GroupService.Meeting second = a.s.group().meetings().getLast();
            String fine = a.s.group().entries("2026-01-05").stream().filter(e -> e.type().equals(OpType.GROUP_FINE))
                    .findFirst().orElseThrow().id();
            long fund = a.s.group().socialFund();
            long distributable = a.s.group().shareOut().result().distributable();
            Path honest = a.export(stick, SyncService.Mode.DEFAULT, null);

            // stamped after everything a holds: the first meeting is closed, the fund holds 8.00
            long after = maxHlc(a) + 1000;
            long from = h.seq() + 1;
            Op badVoid = h.appendAt(after, OpType.GROUP_VOID, ForgeKit.ownedId(author.id()),
                    OpData.builder().put("entry", fine).put("reason", "hidden").build());
            String cashId = a.s.ledger().accounts().stream().filter(x -> x.account().code().equals("1000"))
                    .findFirst().orElseThrow().account().id();
            String fundId = a.s.ledger().accounts().stream().filter(x -> x.account().code().equals("3000"))
                    .findFirst().orElseThrow().account().id();
            String tx = ForgeKit.ownedId(author.id());
            h.appendAt(after + 1, OpType.TX_POST, tx, TestCoop.tx("2026-02-05", "Grant", fundId, fund + 100, cashId,
                    -(fund + 100)));
            Op badGrant = h.appendAt(after + 2, OpType.GROUP_GRANT, ForgeKit.ownedId(author.id()), OpData.builder()
                    .put("meeting", second.id()).put("member", a.s.members().list().getFirst().id())
                    .put("amount", fund + 100).put("reason", "to myself").put("tx", tx).build());
            Path hostile = ForgeKit.file(coop.id(), coop.name()).sender(author, "Hostile")
                    .range(h.range(from, h.seq())).write(Village.mkdir(tmp.resolve("hostile")));

            a.sync.importBundle(hostile);   // a: honest entries first, then the hostile ones
            b.sync.importBundle(hostile);   // b: the hostile ones first, then the honest ones
            b.sync.importBundle(honest);
            for (Village v : List.of(a, b)) {
                assertEquals(GroupBook.MEETING_CLOSED, reasonOf(v, badVoid), "on " + v.id());
                assertEquals(GroupBook.OVER_SOCIAL_FUND, reasonOf(v, badGrant), "on " + v.id());
                assertEquals(fund, v.s.group().socialFund());
                assertEquals(distributable, v.s.group().shareOut().result().distributable(), "the fine still counts");
            }
            sameEverywhere(a, b);
        }
    }
}
