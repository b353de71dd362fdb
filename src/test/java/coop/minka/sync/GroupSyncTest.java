package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.sync.SyncService;
import coop.minka.domain.Gender;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Issue 14: two laptops record entries of the same savings-group meeting offline; whichever
/// receives the other's file first, both end with the same books, the same share-out and the
/// same state digest (each laptop applies its own entries first, then the other's: the two
/// orders).
class GroupSyncTest {
    @TempDir
    Path tmp;

    @Test
    void meetingEntriesFromTwoLaptopsConvergeInEitherOrder() {
        Path stick = Village.mkdir(tmp.resolve("stick"));
        try (Village a = Village.found(tmp, "a", SyncService.Options.DEFAULT)) {
            a.s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            a.s.members().add("Rosa Condori", Gender.WOMAN, null, null, null);
            a.s.group().startCycle(LocalDate.of(2026, 1, 1), "10.00", 1, 5, "2.00", "10", "flat", null, null,
                    Map.of("late", "5.00"));
            a.s.group().openMeeting(LocalDate.of(2026, 1, 5));
            a.s.group().buyShares("Ana", 5); // makes the cash box before the other laptop joins
            Path full = a.exportFull(stick);
            try (Village b = Village.join(tmp, "b", full, SyncService.Options.DEFAULT)) {
                a.sync.importBundle(b.export(stick, SyncService.Mode.DEFAULT, null));
                a.trust().admit("Laptop b");
                Path joined = a.export(stick, SyncService.Mode.DEFAULT, null);
                b.sync.importBundle(joined);

                // the same meeting, on two laptops, offline
                a.s.group().paySocial("Ana");
                a.s.group().issueLoan("Ana", "40.00", 1);
                b.s.group().buyShares("Rosa", 3);
                b.s.group().paySocial("Rosa");
                b.s.group().fine("Rosa", "late", null);

                Path fromA = a.export(stick, SyncService.Mode.DEFAULT, null);
                Path fromB = b.export(stick, SyncService.Mode.DEFAULT, null);
                b.sync.importBundle(fromA); // b: its own entries first, then a's
                a.sync.importBundle(fromB); // a: its own entries first, then b's
                assertEquals(a.digest(), b.digest());
                assertEquals(a.s.group().shareOut(), b.s.group().shareOut());
                assertEquals(8000 + 400 + 500, a.s.group().shareOut().result().distributable()
                        + a.s.group().shareOut().result().socialFund(), "shares, social fund and the fine");
                assertEquals(5000 + 3000 + 400 + 500 - 4000, a.s.group().expectedCash());
                assertEquals(a.s.group().expectedCash(), b.s.group().expectedCash());
                assertEquals(1, b.s.group().loans().size());
                assertTrue(a.s.verify().verify().ok(), a.s.verify().verify().problems().toString());
                assertTrue(b.s.verify().verify().ok(), b.s.verify().verify().problems().toString());
                assertEquals(a.s.group().closeMeeting("49.00").difference(), 0);
            }
        }
    }
}
