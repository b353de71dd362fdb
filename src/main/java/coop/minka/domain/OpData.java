package coop.minka.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/// The `data` object of an op: keys in sorted order, values are `String`, `Long`, `Boolean`,
/// or lists of such maps (postings). Absent keys mean "not set". Immutable.
public final class OpData {
    private final SortedMap<String, Object> values;

    private OpData(SortedMap<String, Object> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static OpData of(Map<String, ?> map) {
        SortedMap<String, Object> m = new TreeMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                m.put(k, normalise(v));
            }
        });
        return new OpData(m);
    }

    private static Object normalise(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Short s) {
            return s.longValue();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(e -> e instanceof Map<?, ?> m ? normaliseMap(m) : normalise(e)).toList();
        }
        return v;
    }

    private static SortedMap<String, Object> normaliseMap(Map<?, ?> m) {
        SortedMap<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(String.valueOf(k), normalise(v));
            }
        });
        return Collections.unmodifiableSortedMap(out);
    }

    public SortedMap<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String str(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    public Long lng(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(v.toString());
    }

    public Boolean bool(String key) {
        Object v = values.get(key);
        return v == null ? null : (v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString()));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String key) {
        Object v = values.get(key);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpData d && d.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /// Collects values, skipping nulls so that "not set" is always an absent key.
    public static final class Builder {
        private final SortedMap<String, Object> m = new TreeMap<>();

        public Builder put(String key, Object value) {
            if (value != null) {
                m.put(key, normalise(value));
            }
            return this;
        }

        public OpData build() {
            return new OpData(new TreeMap<>(m));
        }
    }
}
