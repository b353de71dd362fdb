package coop.minka.app;

import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.Gender;
import coop.minka.domain.Ids;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A database written by Minka before trust was rooted in keys (schema 4, UUIDv7 ids; kept in
/// `src/test/resources/legacy/`, made with the release before sync format 2) opens, keeps its
/// books and its founder (pinned, design-notes 11), writes under a new identity vouched for by its
/// old key, and a laptop of this version can join it from a format-2 file.
class LegacyDatabaseTest {
    @TempDir
    Path dir;

    private Path legacyCopy() throws Exception {
        Path db = dir.resolve("legacy.db");
        for (String suffix : new String[] {"", ".identity"}) {
            try (InputStream in = getClass().getResourceAsStream("/legacy/schema4.db" + suffix)) {
                Files.copy(in, dir.resolve("legacy.db" + suffix));
            }
        }
        return db;
    }

    private static Set<String> names(Services s) {
        return s.members().list().stream().map(m -> m.name()).collect(Collectors.toSet());
    }

    @Test
    void anOlderDatabaseKeepsItsBooksAndItsFounderAndSyncsWithANewLaptop() throws Exception {
        Path db = legacyCopy();
        Path full;
        String oldFounder;
        try (Services s = new Services(Workspace.open(db, System::currentTimeMillis))) {
            assertTrue(Ids.isLegacy(s.workspace().coop().id()));
            var before = s.verify().verify();
            assertTrue(before.ok(), before.problems().toString());
            assertEquals(Set.of("Ana Quispe"), names(s));
            assertEquals(2500L, s.ledger().accounts().stream().filter(a -> a.account().code().equals("1000"))
                    .findFirst().orElseThrow().balance());
            var laptops = new SyncStatus(s.workspace()).status().laptops();
            assertEquals(1, laptops.size());
            assertEquals("founder", laptops.getFirst().status(), "the founder is pinned from the old log");
            oldFounder = laptops.getFirst().id();

            // a copy (another path): its first write takes a new identity the old key vouches for
            s.members().add("Rosa Mamani", Gender.WOMAN, null, null, null);
            assertNotEquals(oldFounder, s.workspace().selfId());
            var after = new SyncStatus(s.workspace()).status().laptops();
            assertEquals("admitted", after.stream().filter(l -> l.id().equals(s.workspace().selfId()))
                    .findFirst().orElseThrow().status());
            assertTrue(s.verify().verify().ok(), s.verify().verify().problems().toString());
            full = new SyncService(s.workspace(), s.periods()).export(Files.createDirectories(dir.resolve("stick")),
                    SyncService.Mode.FULL, null).file();
        }
        try (Services b = new Services(SyncService.join(dir.resolve("b.db"), full, "Village B",
                System::currentTimeMillis))) {
            assertEquals(Set.of("Ana Quispe", "Rosa Mamani"), names(b));
            assertTrue(Ids.isLegacy(b.workspace().coop().id()));
            assertEquals("founder", new SyncStatus(b.workspace()).status().laptops().stream()
                    .filter(l -> l.id().equals(oldFounder)).findFirst().orElseThrow().status());
            assertTrue(b.verify().verify().ok(), b.verify().verify().problems().toString());
        }
    }
}
