package coop.minka.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jooq.DSLContext;

/// Prepared statements kept per connection for the hot paths (appending and projecting ops,
/// one or more rows per op): preparing a statement costs SQLite more than running it, and
/// rendering it through jOOQ costs more again. Statements are closed with the connection
/// ([Database#close] calls [#forget]).
final class Statements {
    private static final Map<Connection, Map<String, PreparedStatement>> CACHE = new IdentityHashMap<>();

    private Statements() {
    }

    static Connection connection(DSLContext d) {
        var provider = d.configuration().connectionProvider();
        Connection c = provider.acquire();
        provider.release(c);
        try {
            return c.isWrapperFor(org.sqlite.SQLiteConnection.class) ? c.unwrap(org.sqlite.SQLiteConnection.class) : c;
        } catch (SQLException e) {
            return c;
        }
    }

    static PreparedStatement get(DSLContext d, String sql) throws SQLException {
        Connection c = connection(d);
        Map<String, PreparedStatement> m;
        synchronized (CACHE) {
            m = CACHE.computeIfAbsent(c, k -> new HashMap<>());
        }
        synchronized (m) {
            PreparedStatement ps = m.get(sql);
            if (ps == null || ps.isClosed()) {
                ps = c.prepareStatement(sql);
                m.put(sql, ps);
            }
            return ps;
        }
    }

    static void forget(Connection c) {
        Map<String, PreparedStatement> m;
        synchronized (CACHE) {
            m = CACHE.remove(c);
        }
        if (m != null) {
            for (PreparedStatement ps : m.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // the connection is closing anyway
                }
            }
        }
    }
}
