package coop.minka.store;

import static coop.minka.store.schema.Tables.COOPERATIVE;
import static coop.minka.store.schema.Tables.REPLICA;

import coop.minka.domain.Op;
import coop.minka.domain.OpRules;
import coop.minka.domain.OpType;
import coop.minka.domain.ReplicaStatus;
import coop.minka.domain.Trust;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// The encryption keys of the cooperative (design-notes item 28): whether its sync files are
/// encrypted, its recovery recipient, and the encryption key (age recipient) of every laptop,
/// as each announced it in its own `replica.join`.
public final class KeyRepository {
    private KeyRepository() {
    }

    /// The cooperative's choice: `on` and the public half of its recovery key (null if none yet).
    public record Encryption(boolean on, String recovery) {
    }

    /// A laptop whose key receives new sync files: its id, name, signing key (whose fingerprint
    /// admissions and revocations name) and encryption key (null: it announced none, having joined
    /// before Minka had encryption keys).
    public record Recipient(String replica, String name, byte[] publicKey, String recipient) {
    }

    public static Encryption encryption(Session s) {
        var r = s.dsl().select(COOPERATIVE.ENCRYPTION, COOPERATIVE.RECOVERY).from(COOPERATIVE).limit(1).fetchOne();
        return r == null ? new Encryption(false, null) : new Encryption(r.value1() != null && r.value1() != 0,
                r.value2());
    }

    /// The laptops whose keys new sync files are written for — the one answer to that question,
    /// for the encryption and for revocation alike: every laptop that counts (founder or admitted;
    /// never pending, revoked, rejected or an impostor), in the order they joined, with its keys —
    /// except a laptop whose key was replaced by a rotation (`sync rotate-key`, design-notes item
    /// 29): its successor stands for it, and it stays left out even once that successor is revoked.
    public static List<Recipient> counted(Session s) {
        Set<String> rotatedAway = rotations(s).keySet();
        Map<String, String> recipients = new HashMap<>();
        for (Op op : OpStore.byTypes(s.dsl(), List.of(OpType.REPLICA_JOIN))) {
            String rec = op.data().str("recipient");
            if (op.seq() == 1 && op.entity().equals(op.replica()) && OpRules.isRecipient(rec)) {
                recipients.put(op.replica(), rec);
            }
        }
        return s.dsl().selectFrom(REPLICA)
                .where(REPLICA.STATUS.in(ReplicaStatus.FOUNDER.wire(), ReplicaStatus.ADMITTED.wire()))
                .orderBy(REPLICA.JOINED_HLC, REPLICA.ID).fetch().stream()
                .filter(r -> !rotatedAway.contains(r.getId()))
                .map(r -> new Recipient(r.getId(), r.getName(), r.getPublicKey(), recipients.get(r.getId()))).toList();
    }

    /// Key rotations (design-notes item 29), as replaced laptop → the laptop that replaced it: a
    /// `replica.join` with `rotation: true` whose `copyOf` names a laptop that counts or was
    /// revoked and whose `vouch` that laptop's key really signed. A join merely claiming to replace
    /// a laptop, without its signature, replaces nothing.
    public static Map<String, String> rotations(Session s) {
        Map<String, byte[]> keys = new HashMap<>();
        s.dsl().select(REPLICA.ID, REPLICA.PUBLIC_KEY).from(REPLICA)
                .where(REPLICA.STATUS.in(ReplicaStatus.FOUNDER.wire(), ReplicaStatus.ADMITTED.wire(),
                        ReplicaStatus.REVOKED.wire()))
                .forEach(r -> keys.put(r.value1(), r.value2()));
        String coopId = Meta.get(s, Meta.COOP_ID).orElse("");
        Map<String, String> out = new LinkedHashMap<>();
        for (Op op : OpStore.byTypes(s.dsl(), List.of(OpType.REPLICA_JOIN))) {
            String old = op.data().str("copyOf");
            if (op.seq() == 1 && op.entity().equals(op.replica()) && Boolean.TRUE.equals(op.data().bool("rotation"))
                    && old != null && keys.containsKey(old) && op.data().str("vouch") != null
                    && Trust.joinKey(op) != null && Projector.Batch.vouchValid(coopId, op, keys.get(old))) {
                out.putIfAbsent(old, op.replica());
            }
        }
        return out;
    }
}
