package coop.minka.app;

import coop.minka.app.backup.BackupRotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Backups are rotated per database: two databases in one folder share `backups/`, and one's
/// backups never push the other's out.
class BackupRotationTest {
    @TempDir
    Path dir;

    @Test
    void twoDatabasesInOneFolderEachKeepTheirOwnBackups() throws Exception {
        // "coop" and "coop-old": one name is the start of the other's, the case a prefix match gets wrong
        try (Services a = Fixtures.create(dir, "coop"); Services b = Fixtures.create(dir, "coop-old")) {
            BackupRotation ra = new BackupRotation(a.workspace().db().file(), 3);
            BackupRotation rb = new BackupRotation(b.workspace().db().file(), 3);
            long t = 1_700_000_000_000L;
            for (int i = 0; i < 3; i++) {
                rb.backup(b.workspace().db(), "before-import", t + i);
            }
            for (int i = 0; i < 6; i++) {
                ra.backup(a.workspace().db(), "before-import", t + 10 + i);
            }
            rb.backup(b.workspace().db(), "manual", t + 100);

            List<Path> as = ra.list();
            List<Path> bs = rb.list();
            assertEquals(3, as.size(), "coop keeps its newest 3");
            assertEquals(3, bs.size(), "coop-old keeps its newest 3, however many coop made in between");
            assertTrue(as.stream().allMatch(p -> p.getFileName().toString().matches("coop-\\d{8}-.*")), as.toString());
            assertTrue(bs.stream().allMatch(p -> p.getFileName().toString().startsWith("coop-old-")), bs.toString());
            assertTrue(as.getFirst().getFileName().toString().endsWith("-013-before-import.db"),
                "coop's three oldest of its 6 are the ones rotated away: " + as);
            assertTrue(bs.getLast().getFileName().toString().contains("manual"), "the newest of coop-old is kept");
            assertTrue(bs.getFirst().getFileName().toString().endsWith("-001-before-import.db"),
                    "coop-old's oldest of its 4 is the one rotated away: " + bs);
            for (Path p : as) {
                assertTrue(Files.isRegularFile(p), p.toString());
            }
            for (Path p : bs) {
                assertTrue(Files.isRegularFile(p), p.toString());
            }
            try (Stream<Path> s = Files.list(ra.folder())) {
                assertEquals(7, s.count(), "3 + 3 backups and the one index");
            }
        }
    }
}
