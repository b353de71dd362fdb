package coop.minka.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncStatus;
import coop.minka.app.sync.SyncTrust;
import coop.minka.domain.Gender;
import coop.minka.ui.UiFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncViewModelTest {
    @TempDir
    Path dir;

    static SyncViewModel vm(UiFixture f, Services s) {
        var ws = s.workspace();
        // automatic backups are SyncService's subject, not this screen's
        var options = new SyncService.Options(false, 10, true, coop.minka.sync.BundleLimits.DEFAULT);
        return new SyncViewModel(f.ui, new SyncService(ws, s.periods(), options), new SyncStatus(ws), new SyncTrust(ws));
    }

    @Test
    void twoLaptopsConvergeThroughAFolderAfterAdmission() throws Exception {
        UiFixture fa = new UiFixture();
        UiFixture fb = new UiFixture();
        Path stick = Files.createDirectories(dir.resolve("stick"));
        try (Services a = fa.books(dir, "a")) {
            SyncViewModel va = vm(fa, a);
            va.shown();
            Path full = dir.resolve("all.minka");
            fa.dialogs.fileAnswer = Optional.of(full);
            va.exportFor(null);
            assertTrue(Files.exists(full));
            try (Services b = new Services(SyncService.join(dir.resolve("b.db"), full, "Laptop B",
                    System::currentTimeMillis))) {
                b.members().add("Rosa Apaza", Gender.WOMAN, null, null, null);
                SyncViewModel vb = vm(fb, b);
                vb.shown();
                fb.dialogs.folderAnswer = Optional.of(stick);
                vb.syncWithFolder();
                assertFalse(vb.receipt().isEmpty());
                assertTrue(vb.receipt().getLast().contains("safely remove"));
            }
            fa.dialogs.folderAnswer = Optional.of(stick);
            va.syncWithFolder();
            assertTrue(String.join("\n", va.receipt()).contains("waiting for admission"), va.receipt().toString());
            assertEquals(1, va.pending().size());
            assertEquals(2, a.members().list().size());
            fa.dialogs.confirmAnswer = false;
            va.admit(va.pending().getFirst());
            assertEquals(1, va.pending().size());
            fa.dialogs.confirmAnswer = true;
            va.admit(va.pending().getFirst());
            assertTrue(fa.dialogs.asked.getLast().contains("Laptop B"));
            assertEquals(0, va.pending().size());
            assertEquals(3, a.members().list().size());
        }
    }

    @Test
    void aBrokenFileIsRefusedWithAPlainMessage() throws Exception {
        UiFixture f = new UiFixture();
        try (Services a = f.books(dir, "c")) {
            SyncViewModel v = vm(f, a);
            Path bad = Files.writeString(dir.resolve("bad.minka"), "not a bundle");
            v.importFile(bad);
            assertFalse(v.workingProperty().get());
            assertEquals("Sync did not work", v.receiptTitleProperty().get());
            assertEquals(coop.minka.ui.common.Notices.Kind.ERROR, f.notices.latest().kind());
        }
    }
}
