package coop.minka.store;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/// One open Minka database file: a single SQLite connection (Minka has one writer), the
/// pragmas Minka relies on, schema migration, and transactions. Every write goes through
/// [#write], which runs `BEGIN IMMEDIATE` so that a second Minka on the same file is told
/// plainly that the file is busy.
public final class Database implements AutoCloseable {
    /// Bumped by every migration; a file with a higher number comes from a newer Minka.
    public static final int SCHEMA_VERSION = 11;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final Connection connection;
    private final DSLContext dsl;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.dsl = DSL.using(connection, SQLDialect.SQLITE, new Settings().withExecuteLogging(false)
                .withRenderSchema(false));
    }

    /// A throw-away database in memory with the current schema (used to rebuild projections
    /// for verification).
    public static Database inMemory() {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite::memory:", config().toProperties());
            Database db = new Database(Path.of(":memory:"), c);
            db.migrate();
            return db;
        } catch (SQLException e) {
            throw translate(e, Path.of(":memory:"));
        }
    }

    /// Opens an existing Minka database, migrating it if it comes from an older Minka.
    public static Database open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MinkaException(ErrorCode.NO_DATABASE, file);
        }
        checkLooksLikeSqlite(file);
        Database db = connect(file);
        try {
            db.checkIsMinka();
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /// Creates a new, empty Minka database; refuses to touch an existing file.
    public static Database create(Path file) {
        if (Files.exists(file)) {
            throw new MinkaException(ErrorCode.DATABASE_EXISTS, file);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, file);
        }
        Database db = connect(file);
        try {
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void checkLooksLikeSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            if (!Arrays.equals(head, SQLITE_MAGIC)) {
                throw new MinkaException(ErrorCode.NOT_A_DATABASE, file);
            }
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.NO_DATABASE, e, file);
        }
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(2000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Minka never asks for generated keys; left on, the driver prepares and runs an extra
        // `SELECT last_insert_rowid()` after every single INSERT (a third of an import's time).
        config.setGetGeneratedKeys(false);
        return config;
    }

    private static Database connect(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config().toProperties());
            return new Database(file, c);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private void checkIsMinka() {
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('meta','op')")) {
            rs.next();
            if (rs.getInt(1) != 2) {
                throw new MinkaException(ErrorCode.NOT_A_DATABASE, file);
            }
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    /// WAL for readers beside the writer; FULL sync so an acknowledged entry survives a power cut.
    /// Set only once the file is known to be Minka's: checking a stranger's file changes nothing.
    private void setPragmas() {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
            // a 64 MB page cache (used only as needed): imports of 100k+ entries touch the op
            // indexes all over; with the 2 MB default they spill and re-read pages
            st.execute("PRAGMA cache_size=-65536");
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private int installedSchemaVersion() {
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='flyway_schema_history'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return 0;
            }
        } catch (SQLException e) {
            throw translate(e, file);
        }
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private void migrate() {
        int installed = installedSchemaVersion();
        if (installed > SCHEMA_VERSION) {
            throw new MinkaException(ErrorCode.DATABASE_TOO_NEW, file);
        }
        setPragmas();
        if (installed == SCHEMA_VERSION) {
            return; // up to date: starting Flyway would only cost time
        }
        Flyway flyway = Flyway.configure()
                .dataSource(new SingleConnectionDataSource(connection))
                .locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion(String.valueOf(SCHEMA_VERSION)))
                .validateOnMigrate(false)
                .loggers("slf4j")
                .load();
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            Throwable c = e;
            while (c != null) {
                if (c instanceof SQLException s) {
                    throw translate(s, file);
                }
                c = c.getCause();
            }
            throw new MinkaException(ErrorCode.INTERNAL, e, e.getMessage());
        }
    }

    /// Reads without a write lock.
    public <T> T read(Function<DSLContext, T> work) {
        try {
            return work.apply(dsl);
        } catch (org.jooq.exception.DataAccessException e) {
            throw translate(e);
        }
    }

    /// Runs `work` in one write transaction: all of it is stored, or none of it.
    public synchronized <T> T write(Function<DSLContext, T> work) {
        try {
            return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
        } catch (org.jooq.exception.DataAccessException e) {
            throw translate(e);
        }
    }

    /// [#read] for the use cases: they reach the tables only through the repositories.
    public <T> T session(Function<Session, T> work) {
        return read(d -> work.apply(new Session(d)));
    }

    /// [#write] for the use cases: they reach the tables only through the repositories.
    public <T> T transaction(Function<Session, T> work) {
        return write(d -> work.apply(new Session(d)));
    }

    public Path file() {
        return file;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Connection connection() {
        return connection;
    }

    /// Copies the whole database to `target` with `VACUUM INTO` (a consistent online copy).
    public void backupTo(Path target) {
        Statements.forget(connection); // VACUUM refuses to run beside kept prepared statements
        try (Statement st = connection.createStatement()) {
            st.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new MinkaException(ErrorCode.BACKUP_FAILED, e, target);
        }
    }

    /// Whether SQLite's `quick_check` finds the file sound.
    public boolean intact() {
        Statements.forget(connection);
        try (Statement st = connection.createStatement(); var rs = st.executeQuery("PRAGMA quick_check")) {
            return rs.next() && "ok".equalsIgnoreCase(rs.getString(1)) && !rs.next();
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    /// Folds the write-ahead log into the file now and empties it (`wal_checkpoint(TRUNCATE)`).
    public void checkpoint() {
        Statements.forget(connection);
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    @Override
    public void close() {
        Statements.forget(connection);
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection that failed: nothing more to do
        }
    }

    private MinkaException translate(org.jooq.exception.DataAccessException e) {
        Throwable c = e;
        while (c != null) {
            if (c instanceof MinkaException m) {
                return m;
            }
            if (c instanceof SQLException s) {
                return translate(s, file);
            }
            c = c.getCause();
        }
        return new MinkaException(ErrorCode.INTERNAL, e, e.getMessage());
    }

    /// What a failure from below means to a person: the catalogued error found in `t`'s causes,
    /// or the SQLite error there translated (disk full, read-only, I/O error, constraint…), or
    /// null when `t` is neither (a bug: the caller reports an internal error).
    public static MinkaException explain(Throwable t, Path file) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MinkaException m) {
                return m;
            }
            if (c instanceof SQLException s) {
                MinkaException m = translate(s, file);
                return m.code() == ErrorCode.INTERNAL ? null : m;
            }
        }
        return null;
    }

    static MinkaException translate(SQLException e, Path file) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            String name = code.name();
            if (code == SQLiteErrorCode.SQLITE_FULL) {
                return new MinkaException(ErrorCode.DISK_FULL, e, file);
            }
            if (name.startsWith("SQLITE_IOERR")) {
                return name.equals("SQLITE_IOERR_NOMEM") ? new MinkaException(ErrorCode.INTERNAL, e, e.getMessage())
                        : new MinkaException(ErrorCode.DATABASE_IO_ERROR, e, file);
            }
            if (name.startsWith("SQLITE_CONSTRAINT")) {
                return new MinkaException(ErrorCode.DATA_CONFLICT, e);
            }
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code.name().startsWith("SQLITE_BUSY")) {
                return new MinkaException(ErrorCode.DATABASE_LOCKED, e, file);
            }
            if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT) {
                return new MinkaException(ErrorCode.NOT_A_DATABASE, e, file);
            }
            if (code == SQLiteErrorCode.SQLITE_READONLY || code.name().startsWith("SQLITE_READONLY")
                    || code == SQLiteErrorCode.SQLITE_CANTOPEN || code.name().startsWith("SQLITE_CANTOPEN")) {
                return new MinkaException(ErrorCode.DATABASE_READ_ONLY, e, file);
            }
        }
        return new MinkaException(ErrorCode.INTERNAL, e, e.getMessage());
    }
}
