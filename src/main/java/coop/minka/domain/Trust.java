package coop.minka.domain;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Who is trusted, as a pure function of the trust ops held (`replica.join`, `replica.admit`,
/// `replica.revoke`) and of facts fixed when the cooperative was made (docs/design-notes.md
/// items 10–13). Nothing a file merely claims makes anyone trusted:
///
/// - the founder is the laptop whose key derives the cooperative's id (or, for a cooperative
///   made before ids were derived, the founder pinned in this database);
/// - a laptop's key is the one in its own first entry, its `replica.join`; a join whose id does
///   not derive from its key makes an **impostor**, never trusted;
/// - `replica.admit` by a trusted laptop trusts exactly the key whose fingerprint it names;
/// - a `replica.join` vouched for by a trusted laptop's key (a restored or copied database's new
///   identity) is trusted as long as that laptop is;
/// - `replica.revoke` by a trusted laptop, naming the key, wins over everything but the founder.
public final class Trust {
    /// The facts trust is derived from besides the ops.
    ///
    /// @param coopId        the cooperative's id
    /// @param pinnedFounder the founder of a cooperative made before ids were derived, else null
    /// @param vouches       checks a successor's `vouch`: (join op, predecessor's key) → valid
    public record Roots(String coopId, String pinnedFounder, VouchCheck vouches) {
    }

    /// Checks the signature by which a predecessor's key vouches for a successor's join.
    @FunctionalInterface
    public interface VouchCheck {
        boolean valid(Op join, byte[] predecessorKey);
    }

    /// A laptop as trust sees it: its key (from its own join) and its status.
    /// `countsUpTo`: for a revoked laptop whose revocation names the last entry that still
    /// counts (a fork resolved by a person), that entry's number; else null.
    public record Laptop(String id, String name, byte[] key, ReplicaStatus status, long joinedHlc, Long countsUpTo) {
    }

    private Trust() {
    }

    /// The key a laptop announced in its own first entry, if that entry is a well-formed join.
    public static byte[] joinKey(Op op) {
        if (!op.type().equals(OpType.REPLICA_JOIN) || !op.entity().equals(op.replica()) || op.seq() != 1) {
            return null;
        }
        try {
            String k = op.data().str("key");
            return k == null ? null : Base64.getDecoder().decode(k);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /// True if `author`'s id may stand for `key`: derived from it, or a laptop of a cooperative
    /// made before ids were derived.
    static boolean idFitsKey(String author, byte[] key, String coopId) {
        if (Ids.isLegacy(author)) {
            return Ids.isLegacy(coopId);
        }
        return Ids.replicaIdFor(key).equals(author);
    }

    public static Map<String, Laptop> laptops(List<Op> trustOps, Roots roots) {
        List<Op> ops = new ArrayList<>(trustOps);
        ops.sort(Op.STAMP_ORDER);
        Map<String, Op> joins = new HashMap<>();
        Map<String, byte[]> keys = new HashMap<>();
        Set<String> impostors = new HashSet<>();
        for (Op op : ops) {
            byte[] key = joinKey(op);
            if (key != null && joins.putIfAbsent(op.replica(), op) == null) {
                if (idFitsKey(op.replica(), key, roots.coopId())) {
                    keys.put(op.replica(), key);
                } else {
                    impostors.add(op.replica());
                }
            }
        }
        String founder = null;
        for (var e : keys.entrySet()) {
            boolean derived = !Ids.isLegacy(roots.coopId()) && Ids.coopIdFor(e.getValue()).equals(roots.coopId());
            if (derived || e.getKey().equals(roots.pinnedFounder())) {
                founder = e.getKey();
            }
        }
        Set<String> revoked = new HashSet<>();
        Map<String, Long> upTo = new HashMap<>();
        Set<String> trustedOnce = closure(ops, founder, keys, revoked, roots);
        Set<String> trusted = trustedOnce;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Op op : ops) {
                if (op.type().equals(OpType.REPLICA_REVOKE) && trusted.contains(op.replica())
                        && !op.entity().equals(founder) && namesKey(op, keys, impostors)) {
                    upTo.merge(op.entity(), keptUpTo(op), Math::min);
                    if (revoked.add(op.entity())) {
                        changed = true;
                    }
                }
            }
            if (changed) {
                trusted = closure(ops, founder, keys, revoked, roots);
            }
        }
        // an admission naming another key than the one held shows the holder as an impostor
        for (Op op : ops) {
            if (op.type().equals(OpType.REPLICA_ADMIT) && trusted.contains(op.replica())
                    && keys.containsKey(op.entity()) && !namesKey(op, keys, impostors) && !trusted.contains(op.entity())) {
                impostors.add(op.entity());
            }
        }
        Map<String, Laptop> out = new HashMap<>();
        for (var e : joins.entrySet()) {
            String r = e.getKey();
            Op join = e.getValue();
            byte[] key = joinKey(join);
            ReplicaStatus status = r.equals(founder) ? ReplicaStatus.FOUNDER
                    : revoked.contains(r) ? ReplicaStatus.REVOKED
                    : impostors.contains(r) ? ReplicaStatus.IMPOSTOR
                    : trusted.contains(r) ? ReplicaStatus.ADMITTED : ReplicaStatus.PENDING;
            String name = join.data().str("name");
            Long counts = status == ReplicaStatus.REVOKED && trustedOnce.contains(r) ? upTo.get(r) : null;
            out.put(r, new Laptop(r, name == null ? "?" : name, key, status, join.hlc(), counts));
        }
        return out;
    }

    /// The statuses alone.
    public static Map<String, ReplicaStatus> statuses(List<Op> trustOps, Roots roots) {
        Map<String, ReplicaStatus> out = new HashMap<>();
        laptops(trustOps, roots).forEach((id, l) -> out.put(id, l.status()));
        return out;
    }

    /// The last entry of a revoked laptop that still counts: `upTo` of the revocation, else none.
    private static long keptUpTo(Op revoke) {
        Object v = revoke.data().asMap().get("upTo");
        return v instanceof Long n && n > 0 ? n : 0L;
    }

    /// Everyone trusted from the founder through admissions and vouches of trusted, unrevoked laptops.
    private static Set<String> closure(List<Op> ops, String founder, Map<String, byte[]> keys, Set<String> revoked,
                                       Roots roots) {
        Set<String> trusted = new HashSet<>();
        if (founder == null) {
            return trusted;
        }
        trusted.add(founder);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Op op : ops) {
                String candidate = null;
                if (op.type().equals(OpType.REPLICA_ADMIT) && trusted.contains(op.replica())
                        && !revoked.contains(op.replica()) && namesKey(op, keys, Set.of())) {
                    candidate = op.entity();
                } else if (joinKey(op) != null && keys.containsKey(op.replica())) {
                    String predecessor = op.data().str("copyOf");
                    if (predecessor != null && trusted.contains(predecessor) && !revoked.contains(predecessor)
                            && op.data().str("vouch") != null && keys.containsKey(predecessor)
                            && roots.vouches().valid(op, keys.get(predecessor))) {
                        candidate = op.replica();
                    }
                }
                if (candidate != null && keys.containsKey(candidate) && !revoked.contains(candidate)
                        && trusted.add(candidate)) {
                    changed = true;
                }
            }
        }
        return trusted;
    }

    /// True if an admission or revocation names the key held for its laptop (an entry without a
    /// fingerprint, written before admissions named keys, is taken for a legacy laptop only).
    private static boolean namesKey(Op op, Map<String, byte[]> keys, Set<String> impostors) {
        byte[] key = keys.get(op.entity());
        if (key == null) {
            return op.type().equals(OpType.REPLICA_REVOKE) && impostors.contains(op.entity());
        }
        String fp = op.data().str("fingerprint");
        if (fp == null) {
            return Ids.isLegacy(op.entity());
        }
        return fp.equals(Fingerprints.of(key));
    }
}
