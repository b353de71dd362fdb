package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.sync.SyncService;
import coop.minka.domain.MinkaException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Replays damaged bundles kept from earlier fuzzing failures (`src/test/resources/sync/regressions/`,
/// plus a few fixed samples there): each must be refused with a `BUNDLE_*` code, leaving the
/// database unchanged.
class RegressionBundlesTest {
    @TempDir
    Path tmp;

    @Test
    void keptBadBundlesAreRefusedCleanly() throws Exception {
        URL url = getClass().getResource("/sync/regressions");
        assertTrue(url != null, "the regression folder is on the test class path");
        Path dir = Path.of(url.toURI());
        MutationFuzzTest.Fixture f = MutationFuzzTest.Fixture.make(tmp);
        String hash = Village.sha256(f.aDb());
        int n = 0;
        for (Path p : MutationFuzzTest.listing(dir)) {
            if (!p.getFileName().toString().endsWith(".minka")) {
                continue;
            }
            n++;
            try (Village a = Village.open(f.aDb(), SyncService.Options.DEFAULT)) {
                MinkaException e = org.junit.jupiter.api.Assertions.assertThrows(MinkaException.class,
                        () -> a.sync.importBundle(p), p.toString());
                assertTrue(e.code().name().startsWith("BUNDLE_"), p + ": " + e);
            }
            assertEquals(hash, Village.sha256(f.aDb()), p + " changed the database");
        }
        assertTrue(n > 0, "at least one kept bundle");
        assertTrue(Files.isDirectory(dir));
    }
}
