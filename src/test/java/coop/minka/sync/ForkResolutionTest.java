package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncStatus;
import coop.minka.domain.Gender;
import coop.minka.domain.Ids;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.ChangeLog;
import coop.minka.store.Database;
import coop.minka.sync.format.ManifestJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A fork resolved by a person (issue #11): an admitted laptop's database runs on two computers
/// under one identity and they write different entries with the same numbers; two laptops each
/// hold one of the histories. The founder rejects it, keeping its entries before the fork: after
/// that decision travels, both laptops count exactly the same entries and agree.
class ForkResolutionTest {
    @TempDir
    Path tmp;

    private static Set<String> names(Village v) {
        return v.s.members().list().stream().map(m -> m.name()).collect(Collectors.toSet());
    }

    @Test
    void rejectingAForkedLaptopUpToTheForkMakesBothHistoriesAgree() throws Exception {
        SyncService.Options opts = new SyncService.Options(false, 1, false, BundleLimits.DEFAULT);
        try (Village f = Village.found(tmp, "f", opts)) {
            try (Village b = Village.join(tmp, "b", f.exportFull(Village.mkdir(tmp.resolve("s1"))), opts);
                 Village c = Village.join(tmp, "c", f.exportFull(Village.mkdir(tmp.resolve("s2"))), opts)) {
                f.sync.importBundle(b.exportFull(Village.mkdir(tmp.resolve("s3"))));
                f.sync.importBundle(c.exportFull(Village.mkdir(tmp.resolve("s4"))));
                f.trust().admit(b.id());
                f.trust().admit(c.id());
                b.s.members().add("Before the copy", Gender.WOMAN, null, null, null);
                Path shared = f.exportFull(Village.mkdir(tmp.resolve("s5")));
                b.sync.importBundle(shared);
                c.sync.importBundle(shared);
                f.sync.importBundle(b.exportFull(Village.mkdir(tmp.resolve("s6"))));
                c.sync.importBundle(b.exportFull(Village.mkdir(tmp.resolve("s7"))));
                long forkAt = b.opCount() > 0 ? b.s.workspace().db().read(d ->
                        coop.minka.store.OpStore.head(d, b.id()).seq()) + 1 : 0;

                // b's disk is cloned: the clone writes a different entry with the same number
                Path clone = Village.mkdir(tmp.resolve("clone")).resolve("b.db");
                b.s.workspace().db().backupTo(clone);
                Path fromClone;
                try (Database db = Database.open(clone)) {
                    ChangeLog log = new ChangeLog(db, b.s.workspace().log().identity(), b.s.workspace().coop().id(),
                            System::currentTimeMillis);
                    log.write(w -> w.append(OpType.MEMBER_ADD, Ids.owned(b.id(), System.currentTimeMillis()),
                            OpData.builder().put("name", "On the clone").put("gender", "man").put("status", "active")
                                    .build()));
                    fromClone = db.read(d -> BundleWriter.write(d, tmp.resolve("clone.minka"), new BundleWriter.Sender(
                            new ManifestJson.Party(b.s.workspace().coop().id(), "c"), new ManifestJson.Party(b.id(), "b"),
                            b.s.workspace().log().identity().privateKey(), b.s.workspace().log().identity().publicKey()),
                            Map.of(), System.currentTimeMillis())).file();
                    Village.seal(fromClone);
                }
                b.s.members().add("On the original", Gender.WOMAN, null, null, null);
                f.sync.importBundle(b.exportFull(Village.mkdir(tmp.resolve("s8"))));
                c.sync.importBundle(fromClone);
                assertTrue(names(f).contains("On the original"));
                assertTrue(names(c).contains("On the clone"));
                assertTrue(f.digest().equals(f.digest()) && !f.digest().equals(c.digest()), "the two histories differ");

                // f learns of the fork and a person decides: b's entries before it keep counting
                f.sync.importBundle(fromClone);
                List<SyncStatus.Fork> forks = new SyncStatus(f.s.workspace()).status().forks();
                assertEquals(1, forks.size());
                assertEquals(forkAt, forks.getFirst().seq());
                f.trust().reject(b.id(), forks.getFirst().seq() - 1);
                c.sync.importBundle(f.exportFull(Village.mkdir(tmp.resolve("s9"))));
                f.sync.importBundle(c.exportFull(Village.mkdir(tmp.resolve("s10"))));

                for (Village v : List.of(f, c)) {
                    assertTrue(names(v).contains("Before the copy"), "entries before the fork still count");
                    assertTrue(!names(v).contains("On the original") && !names(v).contains("On the clone"));
                    assertTrue(v.s.verify().verify().ok(), v.s.verify().verify().problems().toString());
                }
                assertEquals(f.digest(), c.digest(), "both histories now count the same entries");
            }
        }
    }
}
