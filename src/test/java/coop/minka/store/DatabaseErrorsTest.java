package coop.minka.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/// SQLite failures a person can meet (a full disk, a broken stick, a clash with what is stored)
/// become catalogued errors with their own exit codes, not "internal error" (70).
class DatabaseErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskIsSaidPlainlyAndNothingIsStored() {
        try (Database db = Database.create(dir.resolve("full.db"))) {
            db.write(d -> d.execute("CREATE TABLE filler(x BLOB)"));
            long pages = db.read(d -> d.resultQuery("PRAGMA page_count").fetchOne(0, Long.class));
            // the file may not grow beyond a few more pages: SQLite then answers SQLITE_FULL
            db.read(d -> d.execute("PRAGMA max_page_count = " + (pages + 2)));
            MinkaException e = assertThrows(MinkaException.class, () -> db.write(d -> {
                for (int i = 0; i < 50; i++) {
                    d.execute("INSERT INTO filler VALUES (zeroblob(4096))");
                }
                return null;
            }));
            assertEquals(ErrorCode.DISK_FULL, e.code());
            assertEquals(4, e.code().exitCode(), "the database cannot be written (README exit codes)");
            assertEquals(0L, (long) db.read(d -> d.resultQuery("SELECT count(*) FROM filler").fetchOne(0, Long.class)),
                    "the transaction was rolled back whole");
        }
    }

    @Test
    void aConstraintViolationIsADataConflict() {
        try (Database db = Database.create(dir.resolve("c.db"))) {
            db.write(d -> d.execute("CREATE TABLE t(code TEXT PRIMARY KEY)"));
            db.write(d -> d.execute("INSERT INTO t VALUES ('1000')"));
            MinkaException e = assertThrows(MinkaException.class,
                    () -> db.write(d -> d.execute("INSERT INTO t VALUES ('1000')")));
            assertEquals(ErrorCode.DATA_CONFLICT, e.code());
            assertEquals(2, e.code().exitCode());
        }
    }

    @Test
    void everySqliteFailureAPersonCanMeetHasItsCode() {
        Path f = dir.resolve("x.db");
        assertEquals(ErrorCode.DISK_FULL, explain(SQLiteErrorCode.SQLITE_FULL, f));
        assertEquals(ErrorCode.DATABASE_IO_ERROR, explain(SQLiteErrorCode.SQLITE_IOERR, f));
        assertEquals(ErrorCode.DATABASE_IO_ERROR, explain(SQLiteErrorCode.SQLITE_IOERR_WRITE, f));
        assertEquals(ErrorCode.DATABASE_READ_ONLY, explain(SQLiteErrorCode.SQLITE_READONLY, f));
        assertEquals(ErrorCode.DATA_CONFLICT, explain(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE, f));
        assertEquals(ErrorCode.DATABASE_LOCKED, explain(SQLiteErrorCode.SQLITE_BUSY, f));
        // wrapped the way jOOQ and the command line meet them
        assertEquals(ErrorCode.DISK_FULL, Database.explain(new RuntimeException(new org.jooq.exception.DataAccessException(
                "x", new SQLiteException("disk full", SQLiteErrorCode.SQLITE_FULL))), f).code());
        assertNull(Database.explain(new IllegalStateException("a bug"), f), "a bug stays an internal error");
    }

    private static ErrorCode explain(SQLiteErrorCode code, Path f) {
        return Database.explain(new SQLiteException("x", code), f).code();
    }
}
