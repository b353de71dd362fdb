package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.Gender;
import coop.minka.store.IdentityFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A database file that was copied elsewhere or restored from an older copy gets a new replica
/// identity, so two laptops never write as one.
class IdentityTest {
    @TempDir
    Path dir;

    @Test
    void reopeningTheSameFileKeepsItsIdentity() {
        Path f;
        String self;
        try (Services s = Fixtures.create(dir, "a")) {
            f = s.workspace().db().file();
            self = s.workspace().selfId();
        }
        try (Services s = new Services(Workspace.open(f, System::currentTimeMillis))) {
            assertEquals(self, s.workspace().selfId());
            assertFalse(s.workspace().identityRenewed());
            s.members().add("Ana", Gender.WOMAN, null, null, null);
        }
        try (Services s = new Services(Workspace.open(f, System::currentTimeMillis))) {
            assertEquals(self, s.workspace().selfId());
        }
    }

    @Test
    void aCopiedFileGetsANewIdentityAndBothCopiesWriteUnderDifferentAuthors() throws Exception {
        Path original;
        String self;
        try (Services s = Fixtures.sample(dir)) {
            original = s.workspace().db().file();
            self = s.workspace().selfId();
        }
        Path elsewhere = Files.createDirectories(dir.resolve("usb"));
        Path copy = elsewhere.resolve("sample.db");
        Files.copy(original, copy);
        Files.copy(IdentityFile.pathFor(original), IdentityFile.pathFor(copy));
        String copySelf;
        try (Services c = new Services(Workspace.open(copy, System::currentTimeMillis))) {
            assertTrue(c.workspace().identityRenewed());
            copySelf = c.workspace().selfId();
            assertNotEquals(self, copySelf);
            String digestBefore = c.verify().digest();
            c.members().add("Rosa", Gender.WOMAN, null, null, null);
            assertNotEquals(digestBefore, c.verify().digest());
            assertTrue(c.verify().verify().ok(), c.verify().verify().problems().toString());
        }
        try (Services o = new Services(Workspace.open(original, System::currentTimeMillis))) {
            assertEquals(self, o.workspace().selfId());
            assertFalse(o.workspace().identityRenewed());
        }
        try (Services c = new Services(Workspace.open(copy, System::currentTimeMillis))) {
            assertEquals(copySelf, c.workspace().selfId(), "the copy keeps its new identity from now on");
        }
    }

    @Test
    void aFileRestoredFromAnOlderCopyGetsANewIdentity() throws Exception {
        Path f;
        String self;
        Path backup = dir.resolve("backup.db");
        try (Services s = Fixtures.create(dir, "b")) {
            f = s.workspace().db().file();
            self = s.workspace().selfId();
            s.workspace().db().backupTo(backup);
            s.members().add("Ana", Gender.WOMAN, null, null, null);
        }
        Files.copy(backup, f, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(f.resolveSibling(f.getFileName() + "-wal"));
        Files.deleteIfExists(f.resolveSibling(f.getFileName() + "-shm"));
        try (Services s = new Services(Workspace.open(f, System::currentTimeMillis))) {
            assertTrue(s.workspace().identityRenewed());
            assertNotEquals(self, s.workspace().selfId());
        }
    }
}
