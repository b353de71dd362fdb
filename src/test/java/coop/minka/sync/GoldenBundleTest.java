package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.sync.SyncService;
import coop.minka.domain.Ids;
import coop.minka.sync.format.ManifestJson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A valid sync file of format 2, written by this version's `minka sync export --full` and kept
/// (`src/test/resources/sync/golden/`), is read by every later version: its manifest as written,
/// and a new laptop joining from it sees the same books. A change to the wire format that breaks
/// reading it must bump the format and say so.
class GoldenBundleTest {
    @TempDir
    Path dir;

    @Test
    void theKeptFormat2FileStillReadsAndJoins() throws Exception {
        Path file = dir.resolve("format2-full.minka");
        try (InputStream in = getClass().getResourceAsStream("/sync/golden/format2-full.minka")) {
            Files.copy(in, file);
        }
        ManifestJson m = BundleForge.manifest(BundleForge.entries(file));
        assertEquals(2, m.format());
        assertEquals("Cooperativa Dorada", m.coop().name());
        assertEquals(8, m.opCount());
        assertEquals(m.authors().stream().map(ManifestJson.AuthorRange::replica).toList(), List.copyOf(m.keys().keySet()));
        String founder = m.sender().id();
        assertEquals(Ids.replicaIdFor(java.util.Base64.getDecoder().decode(m.keys().get(founder))), founder,
                "the founder's id derives from its key");
        assertEquals(Ids.coopIdFor(java.util.Base64.getDecoder().decode(m.keys().get(founder))), m.coop().id(),
                "the cooperative's id derives from its founder's key");
        try (Services s = new Services(SyncService.join(dir.resolve("j.db"), file, "Village B",
                System::currentTimeMillis))) {
            assertEquals(List.of("Ana Quispe"), s.members().list().stream().map(x -> x.name()).toList());
            assertEquals(2550L, s.ledger().accounts().stream().filter(a -> a.account().code().equals("1000"))
                    .findFirst().orElseThrow().balance());
            assertEquals(1, s.work().list(null, null, null, false).size());
            assertTrue(s.verify().verify().ok(), s.verify().verify().problems().toString());
        }
    }
}
