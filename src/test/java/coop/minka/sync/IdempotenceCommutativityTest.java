package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.MemberService;
import coop.minka.app.sync.SyncService;
import coop.minka.domain.Gender;
import coop.minka.domain.ImportReceipt;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A then B equals B then A; A twice equals A once ("nothing new").
class IdempotenceCommutativityTest {
    @TempDir
    Path tmp;

    @Test
    void orderAndRepetitionDoNotMatter() throws Exception {
        try (Village f = Village.found(tmp, "f", SyncService.Options.DEFAULT)) {
            String ana = f.s.members().add("Ana", Gender.WOMAN, null, null, null).id();
            Path full = f.exportFull(Village.mkdir(tmp.resolve("s0")));
            try (Village x = Village.join(tmp, "x", full, SyncService.Options.DEFAULT);
                 Village y = Village.join(tmp, "y", full, SyncService.Options.DEFAULT)) {
                for (Village v : new Village[] {x, y}) {
                    f.sync.importBundle(v.exportFull(Village.mkdir(tmp.resolve("j" + v.id()))));
                    f.trust().admit(v.id());
                }
                x.s.members().update(ana, new MemberService.Changes("Ana X", null, null, null, null, null));
                y.s.members().update(ana, new MemberService.Changes("Ana Y", null, null, null, null, null));
                y.s.members().add("Yola", Gender.WOMAN, null, null, null);
                Path bx = x.export(Village.mkdir(tmp.resolve("bx")), SyncService.Mode.DEFAULT, null);
                Path by = y.export(Village.mkdir(tmp.resolve("by")), SyncService.Mode.DEFAULT, null);
                Path snap = tmp.resolve("f.snapshot");
                f.s.workspace().db().backupTo(snap);

                f.sync.importBundle(bx);
                f.sync.importBundle(by);
                String xy = f.digest();
                restore(f, snap);
                f.sync.importBundle(by);
                f.sync.importBundle(bx);
                assertEquals(xy, f.digest(), "A then B equals B then A");

                ImportReceipt again = f.sync.importBundle(bx);
                assertTrue(again.nothingNew(), "A twice: nothing new");
                assertEquals(xy, f.digest(), "A twice equals A once");
                assertTrue(f.s.verify().verify().ok());
            }
        }
    }

    private static void restore(Village v, Path snapshot) throws Exception {
        try (Statement st = v.s.workspace().db().connection().createStatement()) {
            st.executeUpdate("restore from " + snapshot.toAbsolutePath());
        }
    }
}
