package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
