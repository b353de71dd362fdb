package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.report.ReportService;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Issue 12: a kind of work's rate changes from a date on; work is valued at the rate in effect
/// on its date, so earlier work keeps its value; an old entry with a rate and no date is the
/// rate from the beginning.
class RatesFromDateTest {
    @TempDir
    Path dir;

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 2);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 2);

    private static Services withWork(Path dir) {
        Services s = Fixtures.create(dir, "rates");
        s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
        s.work().addCategory("KITCHEN", "Community kitchen", "10", WorkKind.CARE);
        s.work().add(new WorkService.Entry("Ana", MARCH, "2", "KITCHEN", null, null));
        s.work().add(new WorkService.Entry("Ana", MAY, "2", "KITCHEN", null, null));
        return s;
    }

    private static long workValue(Services s) {
        return s.reports().work(ReportService.WorkGrouping.CATEGORY, null, null).stream()
                .mapToLong(ReportService.WorkRow::valueMinor).sum();
    }

    private static int ops(Services s) {
        return s.workspace().db().read(d -> d.fetchCount(coop.minka.store.schema.Tables.OP));
    }

    @Test
    void workIsValuedAtTheRateInEffectOnItsDate() {
        try (Services s = withWork(dir)) {
            assertEquals(4000, workValue(s), "4 hours at 10.00");
            WorkCategory c = s.work().setRate("KITCHEN", "15", LocalDate.of(2026, 4, 1));
            assertEquals(1000L, c.rateOn(MARCH));
            assertEquals(1500L, c.rateOn(MAY));
            assertEquals(1500L, c.rateOn(LocalDate.of(2026, 4, 1)), "the rate applies from its first day");
            assertEquals(List.of(new WorkCategory.Rate(null, 1000), new WorkCategory.Rate(LocalDate.of(2026, 4, 1), 1500)),
                    c.rateHistory());
            assertEquals(2000 + 3000, workValue(s), "March keeps 10.00, May is at 15.00");
            for (ReportService.WorkGrouping g : ReportService.WorkGrouping.values()) {
                assertEquals(5000, s.reports().work(g, null, null).stream()
                        .mapToLong(ReportService.WorkRow::valueMinor).sum(), g.name());
            }
            assertEquals(5000, s.reports().recognition().recognition(null, null).total().valueMinor());
            assertEquals(5000, s.reports().statements().memberStatements("Ana", null, null).getFirst().workValueMinor());
            var entries = s.work().list(null, null, null, false);
            assertEquals(2000L, s.work().value(entries.getFirst()).orElseThrow());
            assertEquals(3000L, s.work().value(entries.getLast()).orElseThrow());
            assertTrue(s.verify().verify().ok(), "the projections are what a rebuild gives");
        }
    }

    @Test
    void aLaterRateFromALaterDateAndTheSameDateAgain() {
        try (Services s = withWork(dir)) {
            s.work().setRate("KITCHEN", "15", LocalDate.of(2026, 4, 1));
            s.work().setRate("KITCHEN", "20", LocalDate.of(2026, 5, 1));
            assertEquals(2000 + 4000, workValue(s));
            s.work().setRate("KITCHEN", "12", LocalDate.of(2026, 5, 1));
            WorkCategory c = s.work().category("KITCHEN");
            assertEquals(2, c.ratesFrom().size(), "one rate per date");
            assertEquals(2000 + 2400, workValue(s));
            assertEquals(1000L, c.rateOn(LocalDate.of(1999, 1, 1)));
        }
    }

    @Test
    void anOldEntryWithARateAndNoDateIsTheRateFromTheBeginning() {
        try (Services s = withWork(dir)) {
            s.work().setRate("KITCHEN", "15", LocalDate.of(2026, 4, 1));
            String id = s.work().category("KITCHEN").id();
            // what every earlier version wrote: category.update with `rate` and no date
            s.workspace().write(w -> w.append(OpType.CATEGORY_UPDATE, id,
                    MemberService.withBase(w, id, OpData.builder().put("rate", 1200L).build())));
            WorkCategory c = s.work().category("KITCHEN");
            assertEquals(1200L, c.rateMinor());
            assertEquals(1200L, c.rateOn(MARCH), "before the first dated rate: the undated rate");
            assertEquals(1500L, c.rateOn(MAY), "the dated rate still holds from its date");
            assertEquals(2400 + 3000, workValue(s));
            assertTrue(s.verify().verify().ok());
        }
    }

    @Test
    void aKindWithoutARateGetsOneFromADate() {
        try (Services s = Fixtures.create(dir, "norate")) {
            s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            s.work().addCategory("MEET", "Meetings", null, WorkKind.GOVERNANCE);
            s.work().add(new WorkService.Entry("Ana", MARCH, "1", "MEET", null, null));
            s.work().add(new WorkService.Entry("Ana", MAY, "1", "MEET", null, null));
            assertEquals(0, workValue(s));
            WorkCategory c = s.work().setRate("MEET", "6", LocalDate.of(2026, 4, 1));
            assertNull(c.rateOn(MARCH));
            assertEquals(600, workValue(s), "only the work from the date on has a value");
            var entries = s.work().list(null, null, null, false);
            assertTrue(s.work().value(entries.getFirst()).isEmpty());
        }
    }

    @Test
    void renameAndRefusals() {
        try (Services s = withWork(dir)) {
            assertEquals("Olla común", s.work().renameCategory("KITCHEN", " Olla común ").name());
            int before = ops(s);
            s.work().renameCategory("KITCHEN", "Olla común");
            assertEquals(before, ops(s), "the same name writes nothing");
            assertEquals(ErrorCode.EMPTY_FIELD, assertThrows(MinkaException.class,
                    () -> s.work().updateCategory("KITCHEN", null, "15", null)).code(), "a rate needs its date");
            assertEquals(ErrorCode.BAD_AMOUNT, assertThrows(MinkaException.class,
                    () -> s.work().setRate("KITCHEN", "-1", MAY)).code());
            assertEquals(ErrorCode.BAD_DATE, assertThrows(MinkaException.class,
                    () -> s.work().setRate("KITCHEN", "1", LocalDate.of(10000, 1, 1))).code());
            assertEquals(ErrorCode.UNKNOWN_CATEGORY, assertThrows(MinkaException.class,
                    () -> s.work().setRate("NOPE", "1", MAY)).code());
            s.closing().close(LocalDate.of(2026, 3, 31));
            assertEquals(ErrorCode.PERIOD_CLOSED, assertThrows(MinkaException.class,
                    () -> s.work().setRate("KITCHEN", "30", LocalDate.of(2026, 3, 1))).code(),
                    "closed figures keep their value");
            s.work().setRate("KITCHEN", "30", LocalDate.of(2026, 4, 1));
            assertEquals(2000 + 6000, workValue(s));
        }
    }
}
