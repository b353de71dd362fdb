package coop.minka.store;

import static coop.minka.store.schema.Tables.META;

import java.util.Optional;
import org.jooq.DSLContext;

/// Facts about this database file that are not replicated: its own id, the cooperative it
/// holds, this laptop's replica id and the hybrid logical clock.
public final class Meta {
    public static final String DATABASE_ID = "database_id";
    public static final String COOP_ID = "coop_id";
    public static final String SELF = "self_replica";
    public static final String HLC = "hlc";
    /// The founder of a cooperative made before ids were derived from keys (design-notes item 11).
    public static final String FOUNDER = "founder";
    /// Set by a migration whose rules change the projections: rebuilt at the next opening.
    public static final String REBUILD = "rebuild";

    private Meta() {
    }

    public static Optional<String> get(DSLContext d, String key) {
        return d.select(META.VALUE).from(META).where(META.KEY.eq(key)).fetchOptional(META.VALUE);
    }

    public static void remove(DSLContext d, String key) {
        d.deleteFrom(META).where(META.KEY.eq(key)).execute();
    }

    public static Optional<String> get(Session s, String key) {
        return get(s.dsl(), key);
    }

    public static void remove(Session s, String key) {
        remove(s.dsl(), key);
    }

    public static void put(Session s, String key, String value) {
        put(s.dsl(), key, value);
    }

    public static void put(DSLContext d, String key, String value) {
        d.insertInto(META).set(META.KEY, key).set(META.VALUE, value)
                .onConflict(META.KEY).doUpdate().set(META.VALUE, value).execute();
    }
}
