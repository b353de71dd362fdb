package coop.minka.app.sync;

import coop.minka.app.Services;
import coop.minka.app.ErrorMessages;
import coop.minka.app.Fixtures;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.sync.BundleLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Two laptops syncing with one shared folder at once: a file the other laptop removes between
/// our listing the folder and reading the file is skipped as gone, never reported damaged; a
/// really damaged file is still refused.
class SharedFolderRaceTest {
    private static final SyncService.Options QUIET = new SyncService.Options(false, 10, false, BundleLimits.DEFAULT);

    @TempDir
    Path dir;

    @Test
    void aFileRemovedBetweenListingAndReadingIsGoneNotDamaged() throws Exception {
        try (Services a = Fixtures.create(dir, "a")) {
            SyncService sa = new SyncService(a.workspace(), a.periods(), QUIET);
            Path full = sa.export(dir.resolve("full.minka"), SyncService.Mode.FULL, null).file();
            Path bdir = Files.createDirectories(dir.resolve("b"));
            try (Services b = new Services(SyncService.join(bdir.resolve("b.db"), full, "Laptop B",
                    System::currentTimeMillis))) {
                b.members().add("Rosa Condori", Gender.WOMAN, null, null, null);
                Path stick = Files.createDirectories(dir.resolve("stick"));
                Path fromB = new SyncService(b.workspace(), b.periods(), QUIET).export(stick, SyncService.Mode.DEFAULT,
                        null).file();
                byte[] bytes = Files.readAllBytes(fromB);
                Path damaged = Files.write(stick.resolve("zz-cut-short.minka"), Arrays.copyOf(bytes, bytes.length - 40));

                // B removes its file (as it does with its older ones) just as A gets to it
                sa.beforeReading = p -> {
                    if (p.equals(fromB)) {
                        try {
                            Files.delete(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                };
                SyncService.FolderResult r = sa.syncFolder(stick);

                Map<Path, SyncService.FolderItem> items = r.items().stream()
                        .collect(Collectors.toMap(SyncService.FolderItem::file, Function.identity()));
                SyncService.FolderItem gone = items.get(fromB);
                assertEquals(SyncService.GONE, gone.skipped(), "skipped quietly as gone");
                assertNull(gone.error(), "never reported as damaged");
                assertNull(gone.receipt());

                SyncService.FolderItem cut = items.get(damaged);
                assertNotNull(cut.error(), "a really damaged file is still refused");
                assertTrue(cut.error().code().name().startsWith("BUNDLE_"), cut.error().code().name());
                assertNull(cut.skipped());
                assertTrue(r.anyRefused());
                assertTrue(a.members().list().isEmpty(), "nothing of B's vanished file was imported");
                assertTrue(Files.exists(r.written().file()), "A still writes its own file there");
            }
        }
    }

    @Test
    void aMissingFileOrAFolderIsSaidPlainly() throws Exception {
        try (Services a = Fixtures.create(dir, "a")) {
            SyncService sa = new SyncService(a.workspace(), a.periods(), QUIET);
            assertEquals(ErrorCode.FILE_NOT_FOUND,
                    assertThrows(MinkaException.class, () -> sa.importBundle(dir.resolve("nothing.minka"))).code());
            Path folder = Files.createDirectories(dir.resolve("looks-like.minka"));
            assertEquals(ErrorCode.SYNC_FILE_IS_FOLDER,
                    assertThrows(MinkaException.class, () -> sa.importBundle(folder)).code());
        }
    }

    @Test
    void aFileThatChangesWhileCopiedIsNeverCheckedHalfRead() throws Exception {
        try (Services a = Fixtures.create(dir, "a")) {
            SyncService sa = new SyncService(a.workspace(), a.periods(), QUIET);
            Path file = sa.export(dir.resolve("a.minka"), SyncService.Mode.FULL, null).file();
            MinkaException e = assertThrows(MinkaException.class, () -> SyncQuarantine.copyOf(file,
                    BundleLimits.DEFAULT, () -> append(file, new byte[] {1, 2, 3})));
            assertEquals(ErrorCode.FILE_CHANGED, e.code(), "refused as changing, not checked as it was");

            // removed by its laptop once we hold the whole copy: the copy is still good
            Path again = sa.export(dir.resolve("b.minka"), SyncService.Mode.FULL, null).file();
            byte[] whole = Files.readAllBytes(again);
            try (SyncQuarantine q = SyncQuarantine.copyOf(again, BundleLimits.DEFAULT, () -> delete(again))) {
                assertTrue(Arrays.equals(whole, Files.readAllBytes(q.copy())));
            }
        }
    }

    private static void append(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes, java.nio.file.StandardOpenOption.APPEND);
            // a coarse file-system clock may keep the time; the size has changed anyway
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theGoneLineIsTranslated() {
        for (String lang : new String[] {"en", "es", "fr", "pt"}) {
            String line = ErrorMessages.text("cli.sync.gone", Locale.forLanguageTag(lang), "x.minka");
            assertTrue(line.startsWith("x.minka"), lang + ": " + line);
            assertTrue(!line.contains("''") && !line.contains("{"), lang + ": " + line);
        }
    }
}
