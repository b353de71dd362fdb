package coop.minka.app;

import coop.minka.app.demo.DemoGenerator;
import coop.minka.app.report.ReportService;
import coop.minka.app.sync.SyncService;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.sync.BundleLimits;
import coop.minka.sync.BundleReader;
import coop.minka.sync.VerifiedBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A bundle with more entries than [BundleLimits#keptInMemory] is not held decoded between the
/// check and the import: only each entry's hash is kept and the entries are read again from the
/// checked copy. It must give exactly what the in-memory way gives, and a copy that changed in
/// between must be refused.
@Tag("slow")
class LargeBundleTest {
    private static final BundleLimits STREAMED = BundleLimits.DEFAULT.withKeptInMemory(0);

    @TempDir
    Path tmp;

    private Path fullBundleOf(Path db, String name) {
        Path bundle = tmp.resolve(name);
        try (Workspace ws = Workspace.open(db, System::currentTimeMillis)) {
            new SyncService(ws, new PeriodRules()).export(bundle, SyncService.Mode.FULL, null);
        }
        return bundle;
    }

    private DemoGenerator.Result demo() {
        return DemoGenerator.generate(tmp.resolve("demo"),
                new DemoGenerator.Options(10, 1, 2, 7, 12, 12, LocalDate.of(2025, 6, 30), "BOB"));
    }

    @Test
    void streamedEntriesAreTheSameAsKeptOnes() {
        Path bundle = fullBundleOf(demo().founder(), "full.minka");
        VerifiedBundle kept = new BundleReader(BundleLimits.DEFAULT).read(bundle, "t", null, a -> Optional.empty());
        VerifiedBundle streamed = new BundleReader(STREAMED).read(bundle, "t", null, a -> Optional.empty());
        assertEquals(kept.ranges().size(), streamed.ranges().size());
        assertTrue(kept.coopCreated() && streamed.coopCreated());
        assertTrue(kept.ranges().size() >= 2, "several laptops' ranges share one reading of the file");
        for (int r = 0; r < kept.ranges().size(); r++) {
            List<Op> a = kept.ranges().get(r).ops();
            List<Op> b = streamed.ranges().get(r).ops();
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).hash(), b.get(i).hash());
                assertArrayEquals(a.get(i).body(), b.get(i).body());
            }
            // going back reads the file again from the start
            int last = b.size() - 1;
            assertArrayEquals(a.get(last).hash(), b.get(last).hash());
            assertArrayEquals(a.getFirst().hash(), b.getFirst().hash());
            assertArrayEquals(a.get(last / 2).hash(), b.get(last / 2).hash());
        }
    }

    @Test
    void joiningStreamedGivesTheSameBooks() {
        Path bundle = fullBundleOf(demo().founder(), "full.minka");
        String keptDigest;
        String streamedDigest;
        try (Services s = new Services(SyncService.join(tmp.resolve("kept.db"), bundle, "Kept",
                System::currentTimeMillis))) {
            keptDigest = s.verify().digest();
        }
        try (Services s = new Services(SyncService.join(tmp.resolve("streamed.db"), bundle, "Streamed",
                System::currentTimeMillis, STREAMED))) {
            var result = s.verify().verify();
            assertTrue(result.ok(), result.problems().toString());
            streamedDigest = result.digest();
        }
        // each joiner counts its own join request, which the other does not have
        assertFalse(keptDigest.isEmpty());
        try (Services kept = new Services(Workspace.open(tmp.resolve("kept.db"), System::currentTimeMillis));
             Services streamed = new Services(Workspace.open(tmp.resolve("streamed.db"), System::currentTimeMillis))) {
            assertEquals(kept.reports().statements().trialBalance(null, null),
                    streamed.reports().statements().trialBalance(null, null));
            assertEquals(kept.reports().work(ReportService.WorkGrouping.MEMBER, null, null),
                    streamed.reports().work(ReportService.WorkGrouping.MEMBER, null, null));
            assertEquals(kept.workspace().read(coop.minka.store.OpStore::count),
                    streamed.workspace().read(coop.minka.store.OpStore::count));
        }
        assertFalse(streamedDigest.isEmpty());
    }

    @Test
    void aCopyChangedAfterTheCheckIsRefused() throws IOException {
        Path bundle = fullBundleOf(demo().founder(), "full.minka");
        // another cooperative's bundle (laptops of one cooperative that have synced hold the same entries)
        Path other = fullBundleOf(DemoGenerator.generate(tmp.resolve("other"), new DemoGenerator.Options(10, 1, 1, 8,
                12, 12, LocalDate.of(2025, 6, 30), "BOB")).founder(), "other.minka");
        Path copy = Files.copy(bundle, tmp.resolve("checked-copy.minka"));
        VerifiedBundle streamed = new BundleReader(STREAMED).read(copy, "t", null, a -> Optional.empty());
        Files.copy(other, copy, StandardCopyOption.REPLACE_EXISTING);
        MinkaException e = assertThrows(MinkaException.class, () -> {
            for (VerifiedBundle.Range r : streamed.ranges()) {
                for (Op op : r.ops()) {
                    assertTrue(op.hash().length > 0);
                }
            }
        });
        assertEquals(ErrorCode.BUNDLE_TAMPERED, e.code());
        Files.delete(copy);
        MinkaException gone = assertThrows(MinkaException.class, () -> streamed.ranges().getFirst().ops().getFirst());
        assertEquals(ErrorCode.BUNDLE_TAMPERED, gone.code());
    }
}
