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
/// - `replica.revoke` by a trusted laptop, naming the key, ends that laptop's trust after the entry
///   it names (`upTo`; none if absent): the later entries, admissions and revocations of the
///   revoked laptop count for nothing — the founder can be revoked too (item 30).
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
            if (isFounder(e.getKey(), e.getValue(), roots.coopId(), roots.pinnedFounder())) {
                founder = e.getKey();
            }
        }
        Map<String, Long> cut = revocations(ops, founder, keys, impostors, roots);
        Set<String> trusted = closure(ops, founder, keys, cut, roots);
        // an admission naming another key than the one held shows the holder as an impostor
        for (Op op : ops) {
            if (op.type().equals(OpType.REPLICA_ADMIT) && counts(op, trusted, cut)
                    && keys.containsKey(op.entity()) && !namesKey(op, keys, impostors) && !trusted.contains(op.entity())) {
                impostors.add(op.entity());
            }
        }
        Map<String, Laptop> out = new HashMap<>();
        for (var e : joins.entrySet()) {
            String r = e.getKey();
            Op join = e.getValue();
            byte[] key = joinKey(join);
            ReplicaStatus status = cut.containsKey(r) ? ReplicaStatus.REVOKED
                    : r.equals(founder) ? ReplicaStatus.FOUNDER
                    : impostors.contains(r) ? ReplicaStatus.IMPOSTOR
                    : trusted.contains(r) ? ReplicaStatus.ADMITTED : ReplicaStatus.PENDING;
            String name = join.data().str("name");
            Long counts = status == ReplicaStatus.REVOKED && trusted.contains(r) && cut.get(r) > 0 ? cut.get(r) : null;
            out.put(r, new Laptop(r, name == null ? "?" : name, key, status, join.hlc(), counts));
        }
        return out;
    }

    /// True if `id` with `key` is the founder of the cooperative: its key derives the cooperative's
    /// id, or it is the founder pinned for a cooperative made before ids were derived. A revoked
    /// founder is still the one who made the cooperative.
    public static boolean isFounder(String id, byte[] key, String coopId, String pinnedFounder) {
        if (id.equals(pinnedFounder)) {
            return true;
        }
        return key != null && !Ids.isLegacy(coopId) && Ids.coopIdFor(key).equals(coopId);
    }

    /// The revocations that count, as laptop → the last of its entries that still counts (0: none).
    /// docs/design-notes.md item 30. A revocation counts if its author is trusted and the revocation
    /// is not after the author's own last counting entry. Revocations are taken in rounds, each
    /// judged against the same state, so the outcome is a function of the set alone:
    ///
    /// 0. a revocation that would end its own author's trust (or cut its author before it) never
    ///    counts: no laptop can saw off the branch it sits on;
    /// 1. a revocation that would still count whatever the other laptops' revocations of this round
    ///    do (they can only cut more) counts;
    /// 2. if none is that sure, revocations stop each other: of those that no revocation outside
    ///    their own circle stops, the ones whose authors stay trusted when the whole circle counts
    ///    count — two laptops that revoke each other, neither having seen the other's revocation,
    ///    are both revoked, each keeping the entries the other said still count, while a laptop
    ///    trusted only through a revoked one's later admission counts for nothing.
    private static Map<String, Long> revocations(List<Op> ops, String founder, Map<String, byte[]> keys,
                                                 Set<String> impostors, Roots roots) {
        List<Op> revokes = new ArrayList<>();
        for (Op op : ops) {
            if (op.type().equals(OpType.REPLICA_REVOKE) && namesKey(op, keys, impostors)) {
                revokes.add(op);
            }
        }
        Map<String, Long> cut = new HashMap<>();
        Set<Op> counted = new HashSet<>();
        while (true) {
            Set<String> trusted = closure(ops, founder, keys, cut, roots);
            // what trust would be if each revocation alone counted, by the cut it makes
            Map<String, Set<String>> alone = new HashMap<>();
            List<Op> candidates = new ArrayList<>();
            for (Op r : revokes) {
                if (!counted.contains(r) && counts(r, trusted, cut)) {
                    Map<String, Long> c = new HashMap<>(cut);
                    apply(c, r);
                    Set<String> t = alone.computeIfAbsent(r.entity() + ":" + c.get(r.entity()),
                            k -> closure(ops, founder, keys, c, roots));
                    if (counts(r, t, c)) {
                        candidates.add(r);
                    }
                }
            }
            if (candidates.isEmpty()) {
                return cut;
            }
            List<Op> sure = new ArrayList<>();
            Map<String, Set<String>> trustedWithoutAuthor = new HashMap<>();
            Map<String, Map<String, Long>> cutWithoutAuthor = new HashMap<>();
            for (Op a : candidates) {
                Map<String, Long> others = cutWithoutAuthor.computeIfAbsent(a.replica(), author -> {
                    Map<String, Long> c = new HashMap<>(cut);
                    candidates.stream().filter(b -> !b.replica().equals(author)).forEach(b -> apply(c, b));
                    return c;
                });
                Set<String> t = trustedWithoutAuthor.computeIfAbsent(a.replica(),
                        author -> closure(ops, founder, keys, others, roots));
                if (counts(a, t, others)) {
                    sure.add(a);
                }
            }
            List<Op> taken = sure.isEmpty() ? circles(candidates, alone, ops, founder, keys, cut, roots) : sure;
            for (Op r : taken) {
                counted.add(r);
                apply(cut, r);
            }
        }
    }

    /// Step 2 of [#revocations]: the graph "b stops a" (b alone would make a not count), taken by
    /// circles (strongly connected parts); of each circle that nothing outside it stops, the
    /// revocations whose authors stay trusted when the whole circle counts (all, if none would).
    private static List<Op> circles(List<Op> candidates, Map<String, Set<String>> alone, List<Op> ops, String founder,
                                    Map<String, byte[]> keys, Map<String, Long> cut, Roots roots) {
        int n = candidates.size();
        boolean[][] stops = new boolean[n][n];
        for (int b = 0; b < n; b++) {
            Map<String, Long> c = new HashMap<>(cut);
            apply(c, candidates.get(b));
            Set<String> t = alone.get(candidates.get(b).entity() + ":" + c.get(candidates.get(b).entity()));
            for (int a = 0; a < n; a++) {
                stops[b][a] = !counts(candidates.get(a), t, c);
            }
        }
        boolean[][] reach = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            reach[i] = stops[i].clone();
            reach[i][i] = true;
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                if (reach[i][k]) {
                    for (int j = 0; j < n; j++) {
                        reach[i][j] |= reach[k][j];
                    }
                }
            }
        }
        List<Op> out = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int a = 0; a < n; a++) {
            if (done[a]) {
                continue;
            }
            List<Integer> circle = new ArrayList<>();
            for (int m = 0; m < n; m++) {
                if (reach[a][m] && reach[m][a]) {
                    circle.add(m);
                    done[m] = true;
                }
            }
            boolean source = true;
            for (int b = 0; b < n && source; b++) {
                if (!circle.contains(b)) {
                    for (int m : circle) {
                        if (stops[b][m]) {
                            source = false;
                            break;
                        }
                    }
                }
            }
            if (!source) {
                continue;
            }
            Map<String, Long> c = new HashMap<>(cut);
            circle.forEach(m -> apply(c, candidates.get(m)));
            Set<String> t = closure(ops, founder, keys, c, roots);
            List<Op> kept = new ArrayList<>();
            circle.forEach(m -> {
                if (t.contains(candidates.get(m).replica())) {
                    kept.add(candidates.get(m));
                }
            });
            if (kept.isEmpty()) {
                circle.forEach(m -> kept.add(candidates.get(m)));
            }
            out.addAll(kept);
        }
        return out;
    }

    private static void apply(Map<String, Long> cut, Op revoke) {
        cut.merge(revoke.entity(), keptUpTo(revoke), Math::min);
    }

    /// True if a trust entry counts: its author is trusted and it is not after the author's last
    /// counting entry.
    private static boolean counts(Op op, Set<String> trusted, Map<String, Long> cut) {
        return trusted.contains(op.replica()) && op.seq() <= cut.getOrDefault(op.replica(), Long.MAX_VALUE);
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

    /// Everyone trusted from the founder through admissions that count and vouches of trusted,
    /// unrevoked laptops. A revoked laptop stays in the set (its entries up to its cut still count,
    /// its admissions among them); a vouch carries no number, so a revoked laptop's vouches never count.
    private static Set<String> closure(List<Op> ops, String founder, Map<String, byte[]> keys, Map<String, Long> cut,
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
                if (op.type().equals(OpType.REPLICA_ADMIT) && counts(op, trusted, cut)
                        && namesKey(op, keys, Set.of())) {
                    candidate = op.entity();
                } else if (joinKey(op) != null && keys.containsKey(op.replica())) {
                    String predecessor = op.data().str("copyOf");
                    if (predecessor != null && trusted.contains(predecessor) && !cut.containsKey(predecessor)
                            && op.data().str("vouch") != null && keys.containsKey(predecessor)
                            && roots.vouches().valid(op, keys.get(predecessor))) {
                        candidate = op.replica();
                    }
                }
                if (candidate != null && keys.containsKey(candidate) && trusted.add(candidate)) {
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
