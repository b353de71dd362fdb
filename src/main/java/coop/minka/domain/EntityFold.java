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

/// The merge rule for descriptive entities (cooperative, member, category, account). An op
/// records in `data.base` the hash of the latest op of that entity its author had seen, so edits
/// form a history: each field holds the value of the latest edit in that history, and of edits
/// made concurrently the one with the greatest (hlc, replica, seq). A concurrent edit that set
/// the field to another value is a **conflict**, kept for review until a `conflict.resolve` op
/// names it. Pure: the result depends only on the set of ops.
public final class EntityFold {
    /// The key in `data` that carries the base hash; never a field (nor are the people who made
    /// the change, [Permissions#BY] and [Permissions#ALSO]).
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
    ///
    /// A field holds the value of the edit that no other edit of that field descends from
    /// (through `base`); among such concurrent edits the greatest (hlc, replica, seq) wins. So a
    /// clock far ahead wins only against edits made without seeing it (design-notes item 17).
    public static Optional<Folded> fold(List<Op> ops, String createType) {
        List<Op> sorted = new ArrayList<>(ops);
        sorted.sort(Op.STAMP_ORDER);
        Op created = null;
        Map<String, Op> byHash = new HashMap<>();
        Set<String> resolved = new HashSet<>();
        Map<String, List<Op>> setters = new java.util.TreeMap<>();
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
            for (String k : op.data().asMap().keySet()) {
                if (!k.equals(BASE) && !k.equals(Permissions.BY) && !k.equals(Permissions.ALSO)) {
                    setters.computeIfAbsent(k, x -> new ArrayList<>()).add(op);
                }
            }
        }
        if (created == null) {
            return Optional.empty();
        }
        Map<Op, Set<String>> ancestry = new HashMap<>();
        SortedMap<String, Object> values = new TreeMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, List<Op>> e : setters.entrySet()) {
            String field = e.getKey();
            List<Op> candidates = e.getValue();
            List<Op> heads = new ArrayList<>();
            for (Op c : candidates) {
                boolean superseded = false;
                for (Op other : candidates) {
                    if (other != c && ancestry.computeIfAbsent(other, o -> ancestors(o, byHash)).contains(c.hashHex())) {
                        superseded = true;
                        break;
                    }
                }
                if (!superseded) {
                    heads.add(c);
                }
            }
            Op win = heads.getLast(); // heads keep the stamp order of `sorted`
            Object winValue = win.data().asMap().get(field);
            values.put(field, winValue);
            for (Op op : heads) {
                Object v = op.data().asMap().get(field);
                if (op != win && !v.equals(winValue) && !resolved.contains(op.hashHex())) {
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
