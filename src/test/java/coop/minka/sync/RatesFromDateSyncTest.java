package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.WorkService;
import coop.minka.app.report.ReportService;
import coop.minka.app.sync.ConflictService;
import coop.minka.app.sync.SyncService;
import coop.minka.domain.Gender;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Issue 12: two laptops change a kind of work's rate. From different dates both rates hold; from
/// the same date, concurrently, the entity fold's last-writer rule keeps one on both laptops (and
/// shows the other as a conflict to review); either way both laptops value the work alike.
class RatesFromDateSyncTest {
    @TempDir
    Path tmp;

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 2);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 2);
    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);

    @Test
    void concurrentRateChangesConverge() {
        Path stick = Village.mkdir(tmp.resolve("stick"));
        try (Village a = Village.found(tmp, "a", SyncService.Options.DEFAULT)) {
            a.s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            a.s.work().addCategory("KITCHEN", "Community kitchen", "10", WorkKind.CARE);
            a.s.work().add(new WorkService.Entry("Ana", MARCH, "2", "KITCHEN", null, null));
            a.s.work().add(new WorkService.Entry("Ana", MAY, "2", "KITCHEN", null, null));
            Path full = a.exportFull(stick);
            try (Village b = Village.join(tmp, "b", full, SyncService.Options.DEFAULT)) {
                a.sync.importBundle(b.export(stick, SyncService.Mode.DEFAULT, null));
                a.trust().admit("Laptop b");
                exchange(a, b, stick);

                // different dates: both rates hold on both laptops
                a.s.work().setRate("KITCHEN", "15", APRIL_1);
                b.s.work().setRate("KITCHEN", "20", LocalDate.of(2026, 5, 1));
                exchange(a, b, stick);
                assertEquals(category(a), category(b));
                assertEquals(2, category(a).ratesFrom().size());
                assertEquals(2000 + 4000, value(a));
                assertEquals(value(a), value(b));
                assertEquals(a.digest(), b.digest());
                assertEquals(List.of(), new ConflictService(a.s.workspace()).list());

                // the same date, concurrently: one rate wins on both, the other is a conflict
                a.s.work().setRate("KITCHEN", "25", LocalDate.of(2026, 5, 1));
                b.s.work().setRate("KITCHEN", "30", LocalDate.of(2026, 5, 1));
                exchange(a, b, stick);
                WorkCategory ca = category(a);
                assertEquals(ca, category(b), "the same rate history on both laptops");
                assertEquals(2, ca.ratesFrom().size(), "one rate per (kind of work, from-date)");
                long may = ca.rateOn(MAY);
                assertTrue(may == 2500 || may == 3000, String.valueOf(may));
                assertEquals(1000L, ca.rateOn(MARCH), "earlier work keeps its rate");
                assertEquals(value(a), value(b));
                assertEquals(2000 + 2 * may, value(a));
                assertEquals(a.digest(), b.digest());
                List<ConflictService.Conflict> conflicts = new ConflictService(a.s.workspace()).list();
                assertEquals(1, conflicts.size());
                assertEquals("rate@2026-05-01", conflicts.getFirst().changes().getFirst().field());
                assertEquals(conflicts, new ConflictService(b.s.workspace()).list());
                assertTrue(a.s.verify().verify().ok(), a.s.verify().verify().problems().toString());
                assertTrue(b.s.verify().verify().ok(), b.s.verify().verify().problems().toString());

                // a person takes the other rate on one laptop; the decision travels
                String other = conflicts.getFirst().changes().getFirst().other().value();
                new ConflictService(a.s.workspace()).resolve("1", ConflictService.Choice.TAKE_OTHER);
                exchange(a, b, stick);
                assertEquals(other, coop.minka.domain.Money.format(category(a).rateOn(MAY), a.s.workspace().currency()));
                assertEquals(category(a), category(b));
                assertEquals(List.of(), new ConflictService(b.s.workspace()).list());
                assertEquals(a.digest(), b.digest());

                // a later change from that date, made after seeing both, settles it everywhere
                b.s.work().setRate("KITCHEN", "27", LocalDate.of(2026, 5, 1));
                exchange(a, b, stick);
                assertEquals(2700L, category(a).rateOn(MAY));
                assertEquals(category(a), category(b));
                assertEquals(a.digest(), b.digest());
            }
        }
    }

    private static WorkCategory category(Village v) {
        return v.s.work().category("KITCHEN");
    }

    private static long value(Village v) {
        return v.s.reports().work(ReportService.WorkGrouping.MEMBER, null, null).stream()
                .mapToLong(ReportService.WorkRow::valueMinor).sum();
    }

    private static void exchange(Village a, Village b, Path stick) {
        Path fromA = a.export(stick, SyncService.Mode.DEFAULT, null);
        Path fromB = b.export(stick, SyncService.Mode.DEFAULT, null);
        b.sync.importBundle(fromA);
        a.sync.importBundle(fromB);
    }
}
