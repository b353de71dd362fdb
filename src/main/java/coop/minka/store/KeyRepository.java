package coop.minka.store;

import static coop.minka.store.schema.Tables.COOPERATIVE;
import static coop.minka.store.schema.Tables.REPLICA;

import coop.minka.domain.Op;
import coop.minka.domain.OpRules;
import coop.minka.domain.OpType;
import coop.minka.domain.ReplicaStatus;
import java.util.HashSet;
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

    /// A laptop that counts and the key sync files are encrypted to (null: it announced none,
    /// having joined before Minka had encryption keys).
    public record Recipient(String replica, String name, String recipient) {
    }

    public static Encryption encryption(Session s) {
        var r = s.dsl().select(COOPERATIVE.ENCRYPTION, COOPERATIVE.RECOVERY).from(COOPERATIVE).limit(1).fetchOne();
        return r == null ? new Encryption(false, null) : new Encryption(r.value1() != null && r.value1() != 0,
                r.value2());
    }

    /// Every laptop that counts (founder or admitted; not pending, revoked or an impostor), in the
    /// order they joined, with its encryption key — except a laptop whose key was replaced by a
    /// rotation (`sync rotate-key`, design-notes item 29): its successor stands for it.
    public static List<Recipient> counted(Session s) {
        Map<String, String> joined = new LinkedHashMap<>();
        Set<String> rotatedAway = new HashSet<>();
        Map<String, String> recipients = new java.util.HashMap<>();
        Set<String> counted = new HashSet<>(s.dsl().select(REPLICA.ID).from(REPLICA)
                .where(REPLICA.STATUS.in(ReplicaStatus.FOUNDER.wire(), ReplicaStatus.ADMITTED.wire())).fetch(REPLICA.ID));
        s.dsl().select(REPLICA.ID, REPLICA.NAME).from(REPLICA).orderBy(REPLICA.JOINED_HLC, REPLICA.ID)
                .forEach(r -> joined.put(r.value1(), r.value2()));
        for (Op op : OpStore.byTypes(s.dsl(), List.of(OpType.REPLICA_JOIN))) {
            if (op.seq() != 1 || !op.entity().equals(op.replica()) || !counted.contains(op.replica())) {
                continue;
            }
            String rec = op.data().str("recipient");
            if (OpRules.isRecipient(rec)) {
                recipients.put(op.replica(), rec);
            }
            if (Boolean.TRUE.equals(op.data().bool("rotation")) && op.data().str("copyOf") != null) {
                rotatedAway.add(op.data().str("copyOf"));
            }
        }
        return joined.entrySet().stream().filter(e -> counted.contains(e.getKey()) && !rotatedAway.contains(e.getKey()))
                .map(e -> new Recipient(e.getKey(), e.getValue(), recipients.get(e.getKey()))).toList();
    }
}
