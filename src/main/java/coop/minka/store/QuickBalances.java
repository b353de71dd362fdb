package coop.minka.store;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/// The running balances read with plain JDBC, read-only, for the quick `minka report balances`:
/// no connection pool, no migration check, no jOOQ or Jackson classes loaded (about half of a cold
/// start). Every value is a bound parameter. Anything unusual — a missing, foreign, older or newer
/// file, a half-made cooperative, any SQL error — gives an empty answer, and the caller takes the
/// regular path, which also gives the catalogued error messages. The rows are those of
/// [LedgerRepository#accounts] with [LedgerRepository#balances] (same order: code, then id).
public final class QuickBalances {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> TABLES = List.of("meta", "op", "flyway_schema_history", "account",
            "account_balance", "cooperative");

    /// One account and its current balance (minor units, debit positive).
    public record Line(Account account, long balance) {
    }

    /// The cooperative's currency code and every account's balance.
    public record Sheet(String currency, List<Line> lines) {
    }

    private QuickBalances() {
    }

    /// The balances of a current Minka database, or empty if `db` is anything else.
    public static Optional<Sheet> read(Path db) {
        if (!looksLikeSqlite(db)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.setProperty("busy_timeout", "2000");
        p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: a report changes nothing
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), p)) {
            if (!isCurrentMinka(c)) {
                return Optional.empty();
            }
            String coopId = meta(c, Meta.COOP_ID);
            if (coopId == null || meta(c, Meta.DATABASE_ID) == null) {
                return Optional.empty();
            }
            String currency = one(c, "SELECT currency FROM cooperative WHERE id = ?", coopId);
            if (currency == null) {
                return Optional.empty();
            }
            List<Line> lines = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT a.id, a.code, a.name, a.type, a.member, a.archived, "
                    + "coalesce(b.balance, 0) FROM account a LEFT JOIN account_balance b ON b.account = a.id "
                    + "ORDER BY a.code, a.id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    lines.add(new Line(new Account(rs.getString(1), rs.getString(2), rs.getString(3),
                            AccountType.fromWire(rs.getString(4)), rs.getString(5), rs.getInt(6) != 0), rs.getLong(7)));
                }
            }
            return Optional.of(new Sheet(currency, List.copyOf(lines)));
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikeSqlite(Path db) {
        if (db == null || !Files.isRegularFile(db)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(db)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isCurrentMinka(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                + "AND name IN (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < TABLES.size(); i++) {
                st.setString(i + 1, TABLES.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != TABLES.size()) {
                    return false;
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement(
                "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1");
             ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getInt(1) == Database.SCHEMA_VERSION;
        }
    }

    private static String meta(Connection c, String key) throws SQLException {
        return one(c, "SELECT value FROM meta WHERE key = ?", key);
    }

    private static String one(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
