package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/// Closing the books: every local write path refuses entries dated in the closed period with a
/// clear error; later dates still work; a close can only move forward and never into the future.
class PeriodCloseTest {
    @TempDir
    Path dir;

    private static void refused(Executable e) {
        MinkaException ex = assertThrows(MinkaException.class, e);
        assertEquals(ErrorCode.PERIOD_CLOSED, ex.code());
        assertEquals(List.of(LocalDate.parse("2026-02-28"), LocalDate.parse("2026-03-31")), List.of(
                LocalDate.parse(String.valueOf(ex.args().get(0))), LocalDate.parse(String.valueOf(ex.args().get(1)))));
    }

    @Test
    void everyWritePathRespectsTheClose() {
        try (Services s = ReportFixture.create(dir)) {
            var oldTx = s.ledger().transactions(LocalDate.parse("2026-02-28"), LocalDate.parse("2026-02-28"), null);
            var oldWork = s.work().list("Ana Quispe", LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-14"), false);
            var closed = s.closing().close(LocalDate.parse("2026-03-31"));
            assertTrue(closed.changed());
            assertEquals(Optional.of(LocalDate.parse("2026-03-31")), s.closing().closedUpTo());
            LocalDate inside = LocalDate.parse("2026-02-28");
            refused(() -> ReportFixture.post(s, "2026-02-28", "Late receipt", null, "5000", "1", "1000"));
            refused(() -> s.work().add(new WorkService.Entry("Ana Quispe", inside, "1", "CARE", null, null)));
            refused(() -> s.work().addWorkDay(inside, "KITCHEN", "1", List.of("Ana Quispe"), null));
            assertTrue(oldTx.isEmpty());
            var feb = s.ledger().transactions(LocalDate.parse("2026-02-10"), LocalDate.parse("2026-02-10"), null).getFirst();
            var ex = assertThrows(MinkaException.class, () -> s.ledger().voidTransaction(feb.id(), "mistake"));
            assertEquals(ErrorCode.PERIOD_CLOSED, ex.code());
            ex = assertThrows(MinkaException.class, () -> s.work().voidEntry(oldWork.getFirst().id(), "mistake"));
            assertEquals(ErrorCode.PERIOD_CLOSED, ex.code());
            ReportFixture.post(s, "2026-04-01", "April dues", null, "1000", "5", "4000");
            ReportFixture.work(s, "Ana Quispe", "2026-04-01", "1", "CARE");
        }
    }

    @Test
    void closesOnlyMoveForwardAndNeverIntoTheFuture() {
        try (Services s = ReportFixture.create(dir)) {
            var p = s.closing();
            assertEquals(Optional.empty(), p.closedUpTo());
            assertTrue(p.close(LocalDate.parse("2026-01-31")).changed());
            var again = p.close(LocalDate.parse("2026-01-15"));
            assertFalse(again.changed());
            assertEquals(LocalDate.parse("2026-01-31"), again.closedUpTo());
            assertTrue(p.close(LocalDate.parse("2026-03-31")).changed());
            assertEquals(List.of(LocalDate.parse("2026-01-31"), LocalDate.parse("2026-03-31")), p.closes());
            var e = assertThrows(MinkaException.class, () -> p.close(LocalDate.parse("2026-04-15")));
            assertEquals(ErrorCode.PERIOD_NOT_ENDED, e.code());
            assertEquals(ErrorCode.EMPTY_FIELD, assertThrows(MinkaException.class, () -> p.close(null)).code());
        }
    }
}
