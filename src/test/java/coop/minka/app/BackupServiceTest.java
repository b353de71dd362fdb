package coop.minka.app;

import coop.minka.app.backup.BackupService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.domain.MinkaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Restoring a backup is done by the app, not by a screen: it replaces the live file safely (the
/// current books backed up first, no stale write-ahead log left to be replayed, no staging file
/// left behind) and the books opened next write under a new laptop identity.
class BackupServiceTest {
    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(1_767_225_600_000L); // 2026-01-01T00:00Z

    private List<String> names(Services s) {
        return s.members().list().stream().map(Member::name).sorted().toList();
    }

    @Test
    void aRestoreReplacesTheLiveFileAndTheNextOpenGetsANewIdentity() throws Exception {
        Path f;
        String self;
        String chosen;
        try (Services s = Fixtures.create(dir, "r")) {
            f = s.workspace().file();
            self = s.workspace().selfId();
            s.members().add("Ana", Gender.WOMAN, null, null, null);
            BackupService backups = new BackupService(s.workspace(), clock::get);
            chosen = backups.backupNow().name();
            clock.addAndGet(1_000);
            s.members().add("Rosa", Gender.WOMAN, null, null, null); // in the live file only
            assertTrue(Files.exists(f.resolveSibling(f.getFileName() + "-wal")), "the books are open in WAL mode");
            assertEquals(List.of(chosen), backups.list().stream().map(BackupService.Backup::name).toList());
            backups.restore(chosen);
            assertFalse(Files.exists(f.resolveSibling(f.getFileName() + "-wal")), "no stale log to replay");
            assertFalse(Files.exists(f.resolveSibling(f.getFileName() + "-shm")));
            assertFalse(Files.exists(f.resolveSibling(f.getFileName() + ".restoring")), "nothing staged is left");
        }
        try (Services s = new Services(Workspace.open(f, clock::get))) {
            assertEquals(List.of("Ana"), names(s), "the books are those of the backup");
            assertTrue(s.workspace().identityRenewed(), "a restored file is not the laptop that wrote on");
            s.members().add("Lucía", Gender.WOMAN, null, null, null);
            assertNotEquals(self, s.workspace().selfId(), "it writes under a new identity");
            assertTrue(s.verify().verify().ok(), s.verify().verify().problems().toString());
            List<String> kept = new BackupService(s.workspace(), clock::get).list().stream()
                    .map(BackupService.Backup::name).toList();
            assertEquals(2, kept.size(), "the books as they were before the restore were backed up: " + kept);
            assertTrue(kept.getFirst().contains("before-restore"), kept.toString());
        }
        try (Services s = new Services(Workspace.open(f, clock::get))) {
            assertFalse(s.workspace().identityRenewed(), "the new identity is its own from then on");
        }
    }

    @Test
    void aNameThatIsNotOneOfItsBackupsChangesNothing() {
        try (Services s = Fixtures.create(dir, "n")) {
            s.members().add("Ana", Gender.WOMAN, null, null, null);
            BackupService backups = new BackupService(s.workspace(), clock::get);
            backups.backupNow();
            for (String name : new String[] {"../n.db", "n.db", "elsewhere.db", null}) {
                var e = assertThrows(MinkaException.class, () -> backups.restore(name));
                assertEquals(ErrorCode.FILE_NOT_FOUND, e.code());
            }
            s.members().add("Rosa", Gender.WOMAN, null, null, null); // the books are still open
            assertEquals(List.of("Ana", "Rosa"), names(s));
            assertEquals(1, backups.list().size(), "no before-restore copy for a refused restore");
        }
    }
}
