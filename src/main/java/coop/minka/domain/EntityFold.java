package coop.minka.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/// The merge rule for descriptive entities (cooperative, member, category, account): each field
/// holds the value of the op with the greatest (hlc, replica, seq) that set it. An op records in
/// `data.base` the hash of the latest op of that entity its author had seen; an op that set a
/// field to another value and is not an ancestor of the winner is a **conflict**, kept for
/// review until a `conflict.resolve` op names it. Pure: the result depends only on the set of ops.
public final class EntityFold {
    /// The key in `data` that carries the base hash; never a field.
    public static final String BASE = "base";

    /// One field where two concurrent edits disagreed.
    public record Conflict(String field, Op winner, Object winnerValue, Op loser, Object loserValue) {
    }

    /// The entity's current fields and open conflicts; `created` is the op that made it.
    public record Folded(Op created, SortedMap<String, Object> values, List<Conflict> conflicts) {
        public String str(String key) {
            Object v = values.get(key);
            return v == null ? null : v.toString();
        }

        public Long lng(String key) {
            Object v = values.get(key);
            return v instanceof Number n ? n.longValue() : null;
        }
    }

    private EntityFold() {
    }

    /// Folds all held ops of one entity. Empty if the creating op has not arrived yet.
    public static Optional<Folded> fold(List<Op> ops, String createType) {
        List<Op> sorted = new ArrayList<>(ops);
        sorted.sort(Op.STAMP_ORDER);
        Op created = null;
        Map<String, Op> byHash = new HashMap<>();
        Set<String> resolved = new HashSet<>();
        SortedMap<String, Object> values = new TreeMap<>();
        Map<String, Op> winner = new HashMap<>();
        for (Op op : sorted) {
            byHash.put(op.hashHex(), op);
            if (op.type().equals(OpType.CONFLICT_RESOLVE)) {
                String loser = op.data().str("loser");
                if (loser != null) {
                    resolved.add(loser);
                }
                continue;
            }
            if (op.type().equals(createType) && created == null) {
                created = op;
            }
            op.data().asMap().forEach((k, v) -> {
                if (!k.equals(BASE)) {
                    values.put(k, v);
                    winner.put(k, op);
                }
            });
        }
        if (created == null) {
            return Optional.empty();
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, Op> w : winner.entrySet()) {
            String field = w.getKey();
            Op win = w.getValue();
            Set<String> ancestors = ancestors(win, byHash);
            Object winValue = values.get(field);
            for (Op op : sorted) {
                if (op == win || !op.data().has(field) || op.type().equals(OpType.CONFLICT_RESOLVE)) {
                    continue;
                }
                Object v = op.data().asMap().get(field);
                String h = op.hashHex();
                if (!v.equals(winValue) && !ancestors.contains(h) && !resolved.contains(h)) {
                    conflicts.add(new Conflict(field, win, winValue, op, v));
                }
            }
        }
        conflicts.sort(java.util.Comparator.comparing(Conflict::field).thenComparing(c -> c.loser().hashHex()));
        return Optional.of(new Folded(created, values, conflicts));
    }

    private static Set<String> ancestors(Op op, Map<String, Op> byHash) {
        Set<String> seen = new HashSet<>();
        String base = op.data().str(BASE);
        while (base != null && seen.add(base)) {
            Op b = byHash.get(base);
            base = b == null ? null : b.data().str(BASE);
        }
        return seen;
    }
}
