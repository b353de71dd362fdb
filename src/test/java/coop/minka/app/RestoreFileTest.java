package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.backup.BackupService;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.domain.MinkaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Restoring any database file (not only one of the backups) on real SQLite files: a copy whose
/// newest entries are still in its write-ahead log comes back whole; a file that is not a Minka
/// database, or a damaged one, is refused with a plain error and the books stay exactly as they were.
class RestoreFileTest {
    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(1_767_225_600_000L);

    private static List<String> names(Services s) {
        return s.members().list().stream().map(Member::name).sorted().toList();
    }

    private static String digest(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @Test
    void aCopyWithItsWriteAheadLogIsRestoredWhole() throws Exception {
        Path other = dir.resolve("elsewhere").resolve("copy.db");
        Files.createDirectories(other.getParent());
        Path f;
        try (Services s = Fixtures.create(dir, "books")) {
            f = s.workspace().file();
            s.members().add("Ana", Gender.WOMAN, null, null, null);
            s.workspace().db().backupTo(other);
            s.members().add("Rosa", Gender.WOMAN, null, null, null); // only in the live books
        }
        // a copy that is open elsewhere: its newest entry lives in its -wal only
        try (Services c = new Services(Workspace.open(other, clock::get))) {
            c.members().add("Teresa", Gender.WOMAN, null, null, null);
            Path wal = other.resolveSibling("copy.db-wal");
            assertTrue(Files.size(wal) > 0, "the copy's latest entry is in its write-ahead log");
            Path snapshotDir = dir.resolve("snap");
            Files.createDirectories(snapshotDir);
            Files.copy(other, snapshotDir.resolve("copy.db"));
            Files.copy(wal, snapshotDir.resolve("copy.db-wal"));
            String sourceDigest = digest(snapshotDir.resolve("copy.db"));
            try (Services s = new Services(Workspace.open(f, clock::get))) {
                new BackupService(s.workspace(), clock::get).restoreFile(snapshotDir.resolve("copy.db"));
            }
            assertEquals(sourceDigest, digest(snapshotDir.resolve("copy.db")), "the source is only read");
        }
        assertFalse(Files.exists(f.resolveSibling(f.getFileName() + ".restoring")));
        try (Services s = new Services(Workspace.open(f, clock::get))) {
            assertEquals(List.of("Ana", "Teresa"), names(s), "the entry from the copy's log came along");
            assertTrue(s.verify().verify().ok(), s.verify().verify().problems().toString());
            List<BackupService.Backup> kept = new BackupService(s.workspace(), clock::get).list();
            assertTrue(kept.getFirst().name().contains("before-restore"), "a safety copy was made: " + kept);
        }
    }

    @Test
    void aFileThatIsNotMinkaOrDamagedIsRefusedAndTheBooksStayAsTheyWere() throws Exception {
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "just some notes, not a database");
        Path foreign = dir.resolve("foreign.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + foreign); var st = c.createStatement()) {
            st.execute("CREATE TABLE t (x)");
            st.execute("INSERT INTO t VALUES (1)");
        }
        Path damaged = dir.resolve("damaged.db");
        Path missing = dir.resolve("nothing-here.db");
        try (Services s = Fixtures.create(dir, "live")) {
            Path f = s.workspace().file();
            s.members().add("Ana", Gender.WOMAN, null, null, null);
            s.workspace().db().backupTo(damaged);
            byte[] bytes = Files.readAllBytes(damaged);
            for (int i = 4096; i < bytes.length; i += 7) {
                bytes[i] = (byte) (bytes[i] ^ 0x5A);
            }
            Files.write(damaged, bytes);
            s.workspace().db().checkpoint();
            String before = digest(f);
            BackupService backups = new BackupService(s.workspace(), clock::get);
            for (Path p : List.of(text, foreign, damaged)) {
                var e = assertThrows(MinkaException.class, () -> backups.restoreFile(p), p.toString());
                assertEquals(ErrorCode.NOT_A_DATABASE, e.code(), p.toString());
                assertTrue(ErrorMessages.message(e, java.util.Locale.ENGLISH).contains("not a Minka database"));
            }
            assertEquals(ErrorCode.FILE_NOT_FOUND, assertThrows(MinkaException.class,
                    () -> backups.restoreFile(missing)).code());
            assertEquals(before, digest(f), "the books are byte for byte what they were");
            assertTrue(backups.list().isEmpty(), "no safety copy for a refused file");
            assertFalse(Files.exists(f.resolveSibling(f.getFileName() + ".restoring")));
            s.members().add("Rosa", Gender.WOMAN, null, null, null); // still open
            assertEquals(List.of("Ana", "Rosa"), names(s));
        }
    }
}
