package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Opening what is not a usable Minka database ends in a catalogued error and changes nothing.
class OpenErrorsTest {
    @TempDir
    Path dir;

    private static MinkaException openFails(Path p) {
        return assertThrows(MinkaException.class, () -> Workspace.open(p, System::currentTimeMillis).close());
    }

    @Test
    void noSuchDatabase() {
        assertEquals(ErrorCode.NO_DATABASE, openFails(dir.resolve("missing.db")).code());
        assertFalse(Files.exists(dir.resolve("missing.db")), "opening must not create the file");
    }

    @Test
    void aPhotoIsNotADatabase() throws Exception {
        Path photo = dir.resolve("photo.db");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3, 4, 5, 6, 7};
        Files.write(photo, jpeg);
        assertEquals(ErrorCode.NOT_A_DATABASE, openFails(photo).code());
        assertArrayEquals(jpeg, Files.readAllBytes(photo));
    }

    @Test
    void anotherSqliteFileIsNotAMinkaDatabase() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE photos (id INTEGER)");
        }
        byte[] before = Files.readAllBytes(other);
        assertEquals(ErrorCode.NOT_A_DATABASE, openFails(other).code());
        assertArrayEquals(before, Files.readAllBytes(other));
    }

    @Test
    void aDatabaseFromANewerMinka() throws Exception {
        Path f;
        try (Services s = Fixtures.create(dir, "new")) {
            f = s.workspace().db().file();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, installed_on, execution_time, success) VALUES (99, '99', 'future', 'SQL', "
                    + "'V99__future.sql', 0, 'minka', '2030-01-01', 0, 1)");
        }
        assertEquals(ErrorCode.DATABASE_TOO_NEW, openFails(f).code());
    }

    @Test
    void creatingOverAnExistingFileIsRefused() throws Exception {
        Path f = dir.resolve("exists.db");
        Files.writeString(f, "keep me");
        MinkaException e = assertThrows(MinkaException.class,
                () -> Workspace.create(f, "X", "BOB", "L", "es", System::currentTimeMillis));
        assertEquals(ErrorCode.DATABASE_EXISTS, e.code());
        assertEquals("keep me", Files.readString(f));
    }

    @Test
    void aBadCurrencyCreatesNothing() {
        Path f = dir.resolve("cur.db");
        MinkaException e = assertThrows(MinkaException.class,
                () -> Workspace.create(f, "X", "BOLIVIANOS", "L", "es", System::currentTimeMillis));
        assertEquals(ErrorCode.BAD_CURRENCY, e.code());
        assertFalse(Files.exists(f));
    }

    @Test
    void aDatabaseLockedByAnotherMinkaIsReportedAndNothingIsWritten() throws Exception {
        try (Services s = Fixtures.create(dir, "locked")) {
            Path f = s.workspace().db().file();
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                MinkaException e = assertThrows(MinkaException.class,
                        () -> s.members().add("Ana", Gender.WOMAN, null, null, null));
                assertEquals(ErrorCode.DATABASE_LOCKED, e.code());
                st.execute("ROLLBACK");
            }
            assertEquals(0, s.members().list().size());
            s.members().add("Ana", Gender.WOMAN, null, null, null);
            assertEquals(1, s.members().list().size());
        }
    }
}
