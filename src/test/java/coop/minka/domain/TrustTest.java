package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/// Trust rooted in keys (design-notes items 10–13), as a pure function of the trust entries.
class TrustTest {
    private static byte[] key() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
    }

    private static Op op(String replica, long seq, long hlc, String type, String entity, OpData data) throws Exception {
        byte[] body = (replica + seq + hlc + type + entity + data).getBytes(StandardCharsets.UTF_8);
        return new Op(replica, seq, new byte[32], hlc, type, entity, data,
                MessageDigest.getInstance("SHA-256").digest(body), body);
    }

    private static Op join(String id, byte[] key, long hlc) throws Exception {
        return op(id, 1, hlc, OpType.REPLICA_JOIN, id, OpData.builder().put("name", "L " + id.substring(0, 4))
                .put("key", Base64.getEncoder().encodeToString(key)).build());
    }

    private static Op admit(String by, long seq, String whom, byte[] key) throws Exception {
        return op(by, seq, 100 + seq, OpType.REPLICA_ADMIT, whom, OpData.builder().put("fingerprint",
                Fingerprints.of(key)).build());
    }

    private static Map<String, ReplicaStatus> statuses(String coop, List<Op> ops) {
        List<Op> shuffled = new ArrayList<>(ops);
        Map<String, ReplicaStatus> first = Trust.statuses(shuffled, new Trust.Roots(coop, null, (j, k) -> true));
        Random rnd = new Random(7);
        for (int i = 0; i < 20; i++) { // any order of the same entries gives the same statuses
            Collections.shuffle(shuffled, rnd);
            assertEquals(first, Trust.statuses(shuffled, new Trust.Roots(coop, null, (j, k) -> true)));
        }
        return first;
    }

    @Test
    void theFounderIsWhoeverKeyDerivesTheCooperativeNotTheEarliestClaim() throws Exception {
        byte[] fk = key();
        byte[] xk = key();
        String coop = Ids.coopIdFor(fk);
        String founder = Ids.replicaIdFor(fk);
        String outsider = Ids.replicaIdFor(xk);
        Op fakeCreate = op(outsider, 2, 1, OpType.COOP_CREATE, coop, OpData.builder().put("name", "mine").build());
        var s = statuses(coop, List.of(join(founder, fk, 50), join(outsider, xk, 1), fakeCreate));
        assertEquals(ReplicaStatus.FOUNDER, s.get(founder));
        assertEquals(ReplicaStatus.PENDING, s.get(outsider));
    }

    @Test
    void anAdmissionLetsInExactlyTheKeyItNames() throws Exception {
        byte[] fk = key();
        byte[] bk = key();
        String coop = Ids.coopIdFor(fk);
        String founder = Ids.replicaIdFor(fk);
        String b = Ids.replicaIdFor(bk);
        assertEquals(ReplicaStatus.ADMITTED, statuses(coop, List.of(join(founder, fk, 1), join(b, bk, 2),
                admit(founder, 2, b, bk))).get(b));
        // an admission naming another key's fingerprint admits nobody
        assertEquals(ReplicaStatus.IMPOSTOR, statuses(coop, List.of(join(founder, fk, 1), join(b, bk, 2),
                admit(founder, 2, b, key()))).get(b));
        // a join whose id does not derive from its key is an impostor, whoever admits it
        byte[] other = key();
        assertEquals(ReplicaStatus.IMPOSTOR, statuses(coop, List.of(join(founder, fk, 1), join(b, other, 2),
                admit(founder, 2, b, other))).get(b));
        // an admission by someone not trusted counts for nothing
        byte[] ck = key();
        String c = Ids.replicaIdFor(ck);
        assertEquals(ReplicaStatus.PENDING, statuses(coop, List.of(join(founder, fk, 1), join(b, bk, 2),
                join(c, ck, 3), admit(c, 2, b, bk))).get(b));
    }

    @Test
    void aVouchedSuccessorIsTrustedWhileItsPredecessorIsAndRevocationWins() throws Exception {
        byte[] fk = key();
        byte[] nk = key();
        String coop = Ids.coopIdFor(fk);
        String founder = Ids.replicaIdFor(fk);
        String successor = Ids.replicaIdFor(nk);
        Op vouched = op(successor, 1, 9, OpType.REPLICA_JOIN, successor, OpData.builder().put("name", "copy")
                .put("key", Base64.getEncoder().encodeToString(nk)).put("copyOf", founder).put("vouch", "sig").build());
        assertEquals(ReplicaStatus.ADMITTED, statuses(coop, List.of(join(founder, fk, 1), vouched)).get(successor));
        // a vouch that does not verify counts for nothing
        assertEquals(ReplicaStatus.PENDING, Trust.statuses(List.of(join(founder, fk, 1), vouched),
                new Trust.Roots(coop, null, (j, k) -> false)).get(successor));
        // revoking a laptop also ends the trust of the copies it vouched for
        byte[] bk = key();
        String b = Ids.replicaIdFor(bk);
        byte[] ck = key();
        String c = Ids.replicaIdFor(ck);
        Op cVouchedByB = op(c, 1, 9, OpType.REPLICA_JOIN, c, OpData.builder().put("name", "copy of b")
                .put("key", Base64.getEncoder().encodeToString(ck)).put("copyOf", b).put("vouch", "sig").build());
        Op revokeB = op(founder, 3, 200, OpType.REPLICA_REVOKE, b, OpData.builder().put("fingerprint",
                Fingerprints.of(bk)).build());
        var s = statuses(coop, List.of(join(founder, fk, 1), join(b, bk, 2), admit(founder, 2, b, bk), cVouchedByB,
                revokeB));
        assertEquals(ReplicaStatus.REVOKED, s.get(b));
        assertEquals(ReplicaStatus.PENDING, s.get(c));
    }

    @Test
    void aLegacyCooperativeKeepsItsPinnedFounder() throws Exception {
        String coop = Ids.newId();
        byte[] fk = key();
        String founder = Ids.newId(); // a laptop id of before ids were derived
        byte[] xk = key();
        String claimant = Ids.newId();
        var s = Trust.statuses(List.of(join(claimant, xk, 1), join(founder, fk, 2)),
                new Trust.Roots(coop, founder, (j, k) -> true));
        assertEquals(ReplicaStatus.FOUNDER, s.get(founder));
        assertEquals(ReplicaStatus.PENDING, s.get(claimant));
    }

    // ------------------------------------------------------------ lost and stolen laptops (item 30)

    private static Op revoke(String by, long seq, String whom, byte[] key, long upTo) throws Exception {
        return op(by, seq, 300 + seq, OpType.REPLICA_REVOKE, whom, OpData.builder().put("fingerprint",
                Fingerprints.of(key)).put("reason", "stolen").put("upTo", upTo <= 0 ? null : upTo).build());
    }

    private static Map<String, Trust.Laptop> laptops(String coop, List<Op> ops) {
        List<Op> shuffled = new ArrayList<>(ops);
        Map<String, Trust.Laptop> first = Trust.laptops(shuffled, new Trust.Roots(coop, null, (j, k) -> true));
        Random rnd = new Random(30);
        for (int i = 0; i < 30; i++) { // any order of the same entries gives the same laptops
            Collections.shuffle(shuffled, rnd);
            var again = Trust.laptops(shuffled, new Trust.Roots(coop, null, (j, k) -> true));
            for (var e : first.entrySet()) {
                assertEquals(e.getValue().status(), again.get(e.getKey()).status(), e.getKey());
                assertEquals(e.getValue().countsUpTo(), again.get(e.getKey()).countsUpTo(), e.getKey());
            }
        }
        return first;
    }

    /// The founder `f` and laptops `s` (to be stolen), `t` (the treasurer's) and `n` (a new key
    /// the thief brings), `s` and `t` admitted by `f`.
    private record Coop(String coop, String f, byte[] fk, String s, byte[] sk, String t, byte[] tk, String n, byte[] nk,
                        List<Op> base) {
        static Coop make() throws Exception {
            byte[] fk = key();
            byte[] sk = key();
            byte[] tk = key();
            byte[] nk = key();
            String f = Ids.replicaIdFor(fk);
            String s = Ids.replicaIdFor(sk);
            String t = Ids.replicaIdFor(tk);
            String n = Ids.replicaIdFor(nk);
            return new Coop(Ids.coopIdFor(fk), f, fk, s, sk, t, tk, n, nk, List.of(join(f, fk, 1), join(s, sk, 2),
                    join(t, tk, 3), join(n, nk, 4), admit(f, 2, s, sk), admit(f, 3, t, tk)));
        }

        List<Op> with(Op... more) {
            List<Op> all = new ArrayList<>(base);
            all.addAll(List.of(more));
            return all;
        }
    }

    @Test
    void aStolenLaptopRevokedCannotAdmitAccomplicesNorRevokeOthersAfterItsLastCountingEntry() throws Exception {
        Coop c = Coop.make();
        // the founder revokes s: its entries up to 3 still count; after that the thief admits n
        // and revokes the treasurer's laptop, and n (were it trusted) would revoke the founder
        var l = laptops(c.coop(), c.with(revoke(c.f(), 4, c.s(), c.sk(), 3),
                admit(c.s(), 4, c.n(), c.nk()), revoke(c.s(), 5, c.t(), c.tk(), 0), revoke(c.n(), 2, c.f(), c.fk(), 0)));
        assertEquals(ReplicaStatus.REVOKED, l.get(c.s()).status());
        assertEquals(3L, l.get(c.s()).countsUpTo(), "its entries up to the one named still count");
        assertEquals(ReplicaStatus.PENDING, l.get(c.n()).status(), "its admission after its revocation counts for nothing");
        assertEquals(ReplicaStatus.ADMITTED, l.get(c.t()).status(), "its revocation after its revocation counts for nothing");
        assertEquals(ReplicaStatus.FOUNDER, l.get(c.f()).status());
        // what it did before its last counting entry still counts: an admission at 3
        var before = laptops(c.coop(), c.with(admit(c.s(), 3, c.n(), c.nk()), revoke(c.f(), 4, c.s(), c.sk(), 3)));
        assertEquals(ReplicaStatus.ADMITTED, before.get(c.n()).status());
        // it cannot admit itself again either
        var self = laptops(c.coop(), c.with(revoke(c.f(), 4, c.s(), c.sk(), 3), admit(c.s(), 4, c.s(), c.sk())));
        assertEquals(ReplicaStatus.REVOKED, self.get(c.s()).status());
    }

    @Test
    void theFounderCanBeRevokedAndWhatItAdmittedBeforeStillCounts() throws Exception {
        Coop c = Coop.make();
        var l = laptops(c.coop(), c.with(revoke(c.t(), 2, c.f(), c.fk(), 3), admit(c.f(), 4, c.n(), c.nk())));
        assertEquals(ReplicaStatus.REVOKED, l.get(c.f()).status());
        assertEquals(3L, l.get(c.f()).countsUpTo());
        assertEquals(ReplicaStatus.ADMITTED, l.get(c.t()).status(), "admitted by the founder before its revocation");
        assertEquals(ReplicaStatus.ADMITTED, l.get(c.s()).status());
        assertEquals(ReplicaStatus.PENDING, l.get(c.n()).status(), "admitted by the founder after it was revoked");
        assertTrue(Trust.isFounder(c.f(), c.fk(), c.coop(), null), "it is still the one that made the cooperative");
    }

    @Test
    void twoLaptopsRevokingEachOtherUnseenAreBothRevokedAndNothingElseTheThiefRevokedCounts() throws Exception {
        Coop c = Coop.make();
        // f revokes s (keeping 1..3) without having seen that s, stolen, revoked f (keeping 1..4)
        // and t: neither saw the other's revocation, so neither can be believed over the other
        var l = laptops(c.coop(), c.with(revoke(c.f(), 4, c.s(), c.sk(), 3), revoke(c.s(), 4, c.f(), c.fk(), 3),
                revoke(c.s(), 5, c.t(), c.tk(), 0)));
        assertEquals(ReplicaStatus.REVOKED, l.get(c.f()).status());
        assertEquals(ReplicaStatus.REVOKED, l.get(c.s()).status());
        assertEquals(3L, l.get(c.f()).countsUpTo());
        assertEquals(3L, l.get(c.s()).countsUpTo());
        assertEquals(ReplicaStatus.ADMITTED, l.get(c.t()).status(),
                "the thief's other revocation, after the entry the founder named, does not count");
        // the same without a founder involved: t and s revoke each other
        var ts = laptops(c.coop(), c.with(revoke(c.t(), 2, c.s(), c.sk(), 1), revoke(c.s(), 2, c.t(), c.tk(), 1)));
        assertEquals(ReplicaStatus.REVOKED, ts.get(c.t()).status());
        assertEquals(ReplicaStatus.REVOKED, ts.get(c.s()).status());
        assertEquals(ReplicaStatus.FOUNDER, ts.get(c.f()).status());
    }

    @Test
    void aCounterRevocationWrittenAfterSeeingOnesOwnRevocationDoesNotCount() throws Exception {
        Coop c = Coop.make();
        // s held f's revocation (f's entry 4, keeping s's 1..3) and still revoked f at its entry 4,
        // naming f's 1..4 as counting: f's revocation is among what it kept, so f wins
        var l = laptops(c.coop(), c.with(revoke(c.f(), 4, c.s(), c.sk(), 3), revoke(c.s(), 4, c.f(), c.fk(), 4)));
        assertEquals(ReplicaStatus.REVOKED, l.get(c.s()).status());
        assertEquals(ReplicaStatus.FOUNDER, l.get(c.f()).status());
        assertEquals(null, l.get(c.f()).countsUpTo());
    }

    @Test
    void aLaptopAdmittedOnlyByARevokedLaptopAfterItsCutCannotRevokeAnyone() throws Exception {
        Coop c = Coop.make();
        byte[] mk = key();
        String m = Ids.replicaIdFor(mk);
        // s (revoked keeping 1..3) admits n at 4 and m at 5; n and m each revoke t and f
        var l = laptops(c.coop(), c.with(join(m, mk, 5), revoke(c.f(), 4, c.s(), c.sk(), 3),
                admit(c.s(), 4, c.n(), c.nk()), admit(c.s(), 5, m, mk), revoke(c.n(), 2, c.t(), c.tk(), 0),
                revoke(m, 2, c.f(), c.fk(), 0), revoke(c.n(), 3, c.f(), c.fk(), 0)));
        assertEquals(ReplicaStatus.ADMITTED, l.get(c.t()).status());
        assertEquals(ReplicaStatus.FOUNDER, l.get(c.f()).status());
        assertEquals(ReplicaStatus.PENDING, l.get(c.n()).status());
        assertEquals(ReplicaStatus.PENDING, l.get(m).status());
        // the accomplice revokes the founder keeping exactly the entries the founder wrote before
        // revoking s (so that s, and with it n, would stay trusted): still nothing of it counts
        var keepsAdmissions = laptops(c.coop(), c.with(revoke(c.f(), 4, c.s(), c.sk(), 3),
                admit(c.s(), 4, c.n(), c.nk()), revoke(c.n(), 2, c.f(), c.fk(), 3)));
        assertEquals(ReplicaStatus.FOUNDER, keepsAdmissions.get(c.f()).status());
        assertEquals(ReplicaStatus.REVOKED, keepsAdmissions.get(c.s()).status());
        assertEquals(ReplicaStatus.PENDING, keepsAdmissions.get(c.n()).status());
    }
}
