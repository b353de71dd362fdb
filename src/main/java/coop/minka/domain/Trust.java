package coop.minka.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Who is trusted, as a pure function of the trust ops held (`coop.create`, `replica.join`,
/// `replica.admit`, `replica.revoke`): the author of the earliest `coop.create` is the founder;
/// a replica admitted by a trusted replica is trusted; a replica revoked by a trusted replica
/// never is, whatever else says so (revocation wins, like a void).
public final class Trust {
    private Trust() {
    }

    public static Map<String, ReplicaStatus> statuses(List<Op> trustOps) {
        List<Op> ops = new ArrayList<>(trustOps);
        ops.sort(Op.STAMP_ORDER);
        String founder = null;
        Set<String> known = new HashSet<>();
        for (Op op : ops) {
            if (op.type().equals(OpType.COOP_CREATE) && founder == null) {
                founder = op.replica();
            }
            known.add(op.replica());
            if (op.type().equals(OpType.REPLICA_ADMIT) || op.type().equals(OpType.REPLICA_REVOKE)) {
                known.add(op.entity());
            }
        }
        Set<String> trusted = new HashSet<>();
        Set<String> revoked = new HashSet<>();
        if (founder != null) {
            trusted.add(founder);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Op op : ops) {
                if (!trusted.contains(op.replica()) || revoked.contains(op.replica())) {
                    continue;
                }
                if (op.type().equals(OpType.REPLICA_REVOKE) && !op.entity().equals(founder) && revoked.add(op.entity())) {
                    changed = true;
                }
            }
            for (Op op : ops) {
                if (op.type().equals(OpType.REPLICA_ADMIT) && trusted.contains(op.replica())
                        && !revoked.contains(op.replica()) && !revoked.contains(op.entity()) && trusted.add(op.entity())) {
                    changed = true;
                }
            }
            if (trusted.removeAll(revoked)) {
                changed = true;
            }
        }
        Map<String, ReplicaStatus> out = new HashMap<>();
        for (String r : known) {
            if (r.equals(founder)) {
                out.put(r, ReplicaStatus.FOUNDER);
            } else if (revoked.contains(r)) {
                out.put(r, ReplicaStatus.REVOKED);
            } else if (trusted.contains(r)) {
                out.put(r, ReplicaStatus.ADMITTED);
            } else {
                out.put(r, ReplicaStatus.PENDING);
            }
        }
        return out;
    }
}
