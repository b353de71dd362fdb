package coop.minka.cli;

import coop.minka.app.DefaultLocations;
import coop.minka.store.Database;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Properties;

/// A quick start for the most common question, `minka [--db FILE] report balances`: the same
/// table, byte for byte, read with plain JDBC from the running balances, without starting the
/// command-line framework, jOOQ or Jackson (about half of a cold start). Anything unusual — other
/// options, a missing, foreign, older or newer database, a half-made cooperative — is left to
/// the regular path, which also gives the catalogued error messages.
public final class FastBalances {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private FastBalances() {
    }

    /// Prints the balances and returns true, or returns false having printed nothing.
    public static boolean tryRun(String[] args, PrintWriter out) {
        Path db = database(args);
        if (db == null || !looksLikeSqlite(db)) {
            return false;
        }
        Properties p = new Properties();
        p.setProperty("busy_timeout", "2000");
        p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: a report changes nothing
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), p);
             Statement st = c.createStatement()) {
            if (!isCurrentMinka(st)) {
                return false;
            }
            String coopId = meta(st, "coop_id");
            if (coopId == null || meta(st, "database_id") == null) {
                return false;
            }
            String code = null;
            try (ResultSet rs = st.executeQuery("SELECT currency FROM cooperative WHERE id = '"
                    + coopId.replace("'", "''") + "'")) {
                if (rs.next()) {
                    code = rs.getString(1);
                }
            }
            if (code == null) {
                return false;
            }
            int digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
            List<List<String>> rows = new ArrayList<>();
            long total = 0;
            try (ResultSet rs = st.executeQuery("SELECT a.code, a.name, a.type, coalesce(b.balance, 0) FROM account a "
                    + "LEFT JOIN account_balance b ON b.account = a.id ORDER BY a.code, a.id")) {
                while (rs.next()) {
                    long balance = rs.getLong(4);
                    total += balance;
                    rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), money(balance, digits)));
                }
            }
            StringBuilder sb = new StringBuilder();
            table(sb, List.of("CODE", "NAME", "TYPE", "BALANCE"), rows);
            sb.append("Total: ").append(money(total, digits)).append(' ').append(code).append(System.lineSeparator());
            out.print(sb);
            out.flush();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /// The database of `[--db FILE | --db=FILE] report balances`, or null for any other command line.
    static Path database(String[] args) {
        List<String> a = Arrays.asList(args);
        if (a.equals(List.of("report", "balances"))) {
            return DefaultLocations.database();
        }
        if (a.size() == 4 && a.get(0).equals("--db") && a.subList(2, 4).equals(List.of("report", "balances"))) {
            return Path.of(a.get(1));
        }
        if (a.size() == 3 && a.get(0).startsWith("--db=") && a.subList(1, 3).equals(List.of("report", "balances"))) {
            return Path.of(a.get(0).substring(5));
        }
        return null;
    }

    private static boolean looksLikeSqlite(Path db) {
        if (!Files.isRegularFile(db)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(db)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean isCurrentMinka(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                + "('meta', 'op', 'flyway_schema_history', 'account', 'account_balance', 'cooperative')")) {
            if (!rs.next() || rs.getInt(1) != 6) {
                return false;
            }
        }
        try (ResultSet rs = st.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            return rs.next() && rs.getInt(1) == Database.SCHEMA_VERSION;
        }
    }

    private static String meta(Statement st, String key) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = '" + key + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /// As [coop.minka.domain.Money#format].
    private static String money(long minor, int digits) {
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    private static void table(StringBuilder sb, List<String> headers, List<List<String>> rows) {
        sb.append(TextTable.render(headers, rows));
    }
}
