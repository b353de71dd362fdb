package coop.minka.sync;

import static coop.minka.sync.TestCoop.assertVerifies;
import static coop.minka.sync.TestCoop.balances;
import static coop.minka.sync.TestCoop.status;
import static coop.minka.sync.TestCoop.tryImport;
import static coop.minka.sync.TestCoop.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.sync.SyncStatus;
import coop.minka.app.sync.SyncTrust;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.ReplicaStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Lost and stolen laptops (issue #13, design-notes 30): `minka sync revoke` keeps a laptop's
/// entries up to the last one held when it was revoked; what it writes later — entries,
/// admissions, revocations — counts on no laptop, whatever order the files arrive in.
class RevocationTest {
    @TempDir
    Path tmp;

    private static boolean counted(Village v, Op tx) {
        return v.s.ledger().transactions(null, null, null).stream().anyMatch(t -> t.id().equals(tx.entity()));
    }

    private static Set<String> members(Village v) {
        return v.s.members().list().stream().map(m -> m.name()).collect(Collectors.toSet());
    }

    private static SyncStatus.Revoked revoked(Village v, String id) {
        return new SyncStatus(v.s.workspace()).status().revoked().stream().filter(r -> r.replica().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void aStolenLaptopsFileWrittenAfterItsRevocationCountsNowhereInAnyOrder() {
        try (TestCoop c = TestCoop.found(tmp, "t", "c")) {
            Village a = c.a();
            Village t = c.get("t");
            Village other = c.get("c");
            ForgeKit.Chain h = c.admittedHostile("Laptop in the office");
            Op honest = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    tx("2026-05-03", "Dues paid in the office", c.cash, 500L, c.dues, -500L));
            Path beforeTheft = c.forgedAll(h);
            for (Village v : c.laptops) {
                v.sync.importBundle(beforeTheft);
            }
            Map<String, Long> afterHonest = balances(a);

            // the laptop is stolen: a revokes it, keeping what it held of it (up to #2)
            SyncTrust.RevokePlan plan = a.trust().revokePlan(h.author.id());
            assertEquals(2, plan.upTo(), "the highest entry of that laptop held here is shown before");
            SyncTrust.Revoked r = a.trust().revoke(h.author.id(), "stolen at the market", null);
            assertEquals(2, r.upTo());
            assertTrue(r.laptop().changed());
            Path revocation = a.exportFull(c.dir());

            // the thief, with the laptop's key: a withdrawal, an accomplice admitted, the
            // treasurer's laptop revoked; the accomplice revokes the other laptop and withdraws too
            Op withdrawal = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    tx("2026-05-09", "withdrawal", c.cash, -4000L, c.expenses, 4000L));
            ForgeKit.Author accomplice = ForgeKit.Author.fresh();
            h.append(OpType.REPLICA_ADMIT, accomplice.id(), OpData.builder().put("fingerprint",
                    accomplice.fingerprint()).build());
            h.append(OpType.REPLICA_REVOKE, t.id(), OpData.builder().put("fingerprint",
                    ForgeKit.Author.of(t).fingerprint()).put("reason", "lost").build());
            ForgeKit.Chain n = new ForgeKit.Chain(accomplice, c.coopId);
            n.join("New laptop");
            n.append(OpType.REPLICA_REVOKE, other.id(), OpData.builder().put("fingerprint",
                    ForgeKit.Author.of(other).fingerprint()).put("reason", "lost").build());
            Op accompliceTx = n.append(OpType.TX_POST, ForgeKit.ownedId(accomplice.id()),
                    tx("2026-05-10", "withdrawal", c.cash, -3000L, c.expenses, 3000L));
            Path forged = ForgeKit.file(c.coopId, c.coopName).sender(h.author, "Laptop in the office")
                    .range(h.all()).range(n.all()).write(c.dir());

            // forged file first on t, revocation first on c; a wrote the revocation itself
            tryImport(t, forged);
            t.sync.importBundle(revocation);
            other.sync.importBundle(revocation);
            tryImport(other, forged);
            tryImport(a, forged);
            for (Village v : c.laptops) {
                assertEquals(ReplicaStatus.REVOKED.wire(), status(v, h.author.id()));
                assertNotEquals(ReplicaStatus.ADMITTED.wire(), status(v, accomplice.id()),
                        "an admission written after the revocation counts for nothing");
                assertEquals(ReplicaStatus.ADMITTED.wire(), status(v, t.id()), "the thief cannot revoke t");
                assertEquals(ReplicaStatus.ADMITTED.wire(), status(v, other.id()), "nor can its accomplice revoke c");
                assertEquals(ReplicaStatus.FOUNDER.wire(), status(v, a.id()));
                assertTrue(counted(v, honest), "the entry before the theft still counts");
                assertFalse(counted(v, withdrawal), "the thief's withdrawal counts nowhere");
                assertFalse(counted(v, accompliceTx));
                assertEquals(afterHonest, balances(v));
                SyncStatus.Revoked seen = revoked(v, h.author.id());
                assertEquals("stolen at the market", seen.reason());
                assertEquals(2, seen.upTo());
                assertEquals(3, seen.heldAfter(), "its three later entries are shown as held");
                List<String> keys = v.trust().recipients().stream().map(SyncTrust.Recipient::id).toList();
                assertEquals(Set.of(a.id(), t.id(), other.id()), Set.copyOf(keys),
                        "new files are written for the laptops that count, not the revoked one or its accomplice");
                assertVerifies(v);
            }
            assertEquals(a.digest(), t.digest());
            assertEquals(a.digest(), other.digest());
            c.exchangeAll();
            assertEquals(a.digest(), t.digest());
            assertEquals(a.digest(), other.digest());
        }
    }

    @Test
    void aLostFounderLaptopIsRevokedFromAnotherAndWhatItWritesLaterCountsNowhere() {
        try (TestCoop c = TestCoop.found(tmp, "t", "c")) {
            Village a = c.a();
            Village t = c.get("t");
            Village other = c.get("c");
            SyncTrust.Revoked r = t.trust().revoke(a.id(), "lost on the bus", null);
            assertEquals(ReplicaStatus.REVOKED.wire(), r.laptop().status());
            assertEquals(ReplicaStatus.ADMITTED.wire(), status(t, t.id()), "t was admitted before the revocation");
            assertEquals(Set.of(t.id(), other.id()),
                    Set.copyOf(t.trust().recipients().stream().map(SyncTrust.Recipient::id).toList()));
            // whoever has the lost laptop keeps writing on it
            a.s.members().add("Written on the lost laptop", Gender.MAN, null, null, null);
            Path fromLost = a.exportFull(c.dir());
            Path revocation = t.exportFull(c.dir());
            other.sync.importBundle(fromLost);
            other.sync.importBundle(revocation);
            for (Village v : List.of(t, other)) {
                if (v == t) {
                    v.sync.importBundle(fromLost);
                }
                assertEquals(ReplicaStatus.REVOKED.wire(), status(v, a.id()));
                assertFalse(members(v).contains("Written on the lost laptop"));
                assertTrue(members(v).contains("Ana"), "what the founder wrote before still counts");
                assertVerifies(v);
            }
            assertEquals(t.digest(), other.digest());
            // a revoked founder cannot be revoked twice, and the laptops still admit and work
            other.s.members().add("Written on c", Gender.WOMAN, null, null, null);
            t.sync.importBundle(other.exportFull(c.dir()));
            assertTrue(members(t).contains("Written on c"));
            assertFalse(t.trust().revoke(a.id(), "again", null).laptop().changed());
        }
    }

    @Test
    void aRevocationThatCannotBeRightIsRefusedAndWritesNothing() {
        try (TestCoop c = TestCoop.found(tmp, "t")) {
            Village a = c.a();
            Village t = c.get("t");
            ForgeKit.Author waiting = ForgeKit.Author.fresh();
            ForgeKit.Chain w = new ForgeKit.Chain(waiting, c.coopId);
            w.join("Waiting laptop");
            a.sync.importBundle(c.forgedAll(w));
            long before = a.opCount();
            assertEquals(ErrorCode.CANNOT_REVOKE, assertThrows(MinkaException.class,
                    () -> a.trust().revoke(a.id(), "mine", null)).code(), "not this laptop itself");
            assertEquals(ErrorCode.CANNOT_REVOKE, assertThrows(MinkaException.class,
                    () -> a.trust().revoke(waiting.id(), "never admitted", null)).code(), "a waiting one is rejected");
            assertEquals(ErrorCode.REASON_REQUIRED, assertThrows(MinkaException.class,
                    () -> a.trust().revoke(t.id(), "  ", null)).code());
            long held = a.trust().revokePlan(t.id()).upTo();
            assertEquals(ErrorCode.BAD_KEEP_UP_TO, assertThrows(MinkaException.class,
                    () -> a.trust().revoke(t.id(), "stolen", held + 1)).code(), "not beyond what is held here");
            // t revoking the founder keeping only its join would undo t's own admission
            long tBefore = t.opCount();
            assertEquals(ErrorCode.REVOKE_UNDOES_ITSELF, assertThrows(MinkaException.class,
                    () -> t.trust().revoke(a.id(), "lost", 1L)).code());
            assertEquals(tBefore, t.opCount());
            assertEquals(ReplicaStatus.FOUNDER.wire(), status(t, a.id()));
            assertEquals(before, a.opCount(), "nothing was written");
        }
    }

    /// Every order of five files — the stolen laptop's entries before the theft, the revocation,
    /// its entries after (a withdrawal, an accomplice admitted, the treasurer's laptop revoked), the
    /// accomplice's own file, and the treasurer's next entries — gives one state on a laptop that
    /// joined before any of them: 120 orders, one digest.
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void everyOrderOfTheRevocationAndTheThiefsFilesGivesOneDigest() throws Exception {
        try (TestCoop c = TestCoop.found(tmp, "t", "c")) {
            Village a = c.a();
            Village t = c.get("t");
            Village other = c.get("c");
            ForgeKit.Chain h = c.admittedHostile("Laptop in the office");
            Village d = Village.join(tmp, "d", a.exportFull(c.dir()), c.options);
            // d counts on a and t before they write their files: encrypted files are addressed to it
            a.sync.importBundle(d.exportFull(c.dir()));
            a.trust().admit(d.id());
            t.sync.importBundle(a.exportFull(c.dir()));
            d.sync.importBundle(a.exportFull(c.dir()));
            List<Path> files = new java.util.ArrayList<>();
            Op honest = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    tx("2026-05-03", "Dues paid in the office", c.cash, 500L, c.dues, -500L));
            files.add(c.forgedAll(h));
            a.sync.importBundle(files.getLast());
            a.trust().revoke(h.author.id(), "stolen", null);
            files.add(a.export(c.dir(), coop.minka.app.sync.SyncService.Mode.FOR_PEER, other.id()));
            Op withdrawal = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    tx("2026-05-09", "withdrawal", c.cash, -4000L, c.expenses, 4000L));
            ForgeKit.Author accomplice = ForgeKit.Author.fresh();
            h.append(OpType.REPLICA_ADMIT, accomplice.id(), OpData.builder().put("fingerprint",
                    accomplice.fingerprint()).build());
            h.append(OpType.REPLICA_REVOKE, t.id(), OpData.builder().put("fingerprint",
                    ForgeKit.Author.of(t).fingerprint()).put("reason", "lost").build());
            files.add(c.forged(h, 3, h.seq()));
            ForgeKit.Chain n = new ForgeKit.Chain(accomplice, c.coopId);
            n.join("New laptop");
            n.append(OpType.REPLICA_REVOKE, a.id(), OpData.builder().put("fingerprint",
                    ForgeKit.Author.of(a).fingerprint()).put("reason", "lost").build());
            files.add(c.forgedAll(n));
            t.s.members().add("Tess", Gender.WOMAN, null, null, null);
            files.add(t.export(c.dir(), coop.minka.app.sync.SyncService.Mode.FOR_PEER, other.id()));

            Path snap = tmp.resolve("d.snapshot");
            d.s.workspace().db().backupTo(snap);
            Map<String, List<String>> digests = new java.util.TreeMap<>();
            List<Integer> idx = new java.util.ArrayList<>(List.of(0, 1, 2, 3, 4));
            do {
                TestCoop.restore(d, snap);
                for (int i : idx) {
                    tryImport(d, files.get(i));
                }
                digests.computeIfAbsent(d.digest(), k -> new java.util.ArrayList<>()).add(idx.toString());
            } while (OrderPermutationTest.nextPermutation(idx));
            assertEquals(1, digests.size(), () -> "orders giving each digest: " + digests);
            assertEquals(ReplicaStatus.REVOKED.wire(), status(d, h.author.id()));
            assertNotEquals(ReplicaStatus.ADMITTED.wire(), status(d, accomplice.id()));
            assertEquals(ReplicaStatus.ADMITTED.wire(), status(d, t.id()));
            assertEquals(ReplicaStatus.FOUNDER.wire(), status(d, a.id()));
            assertTrue(counted(d, honest));
            assertFalse(counted(d, withdrawal));
            assertTrue(members(d).contains("Tess"));
            assertEquals(3, revoked(d, h.author.id()).heldAfter());
            assertVerifies(d);
            d.close();
        }
    }
}
