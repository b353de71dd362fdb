package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coop.minka.app.LedgerService;
import coop.minka.app.PeriodService;
import coop.minka.app.PeriodService.LateStatus;
import coop.minka.app.WorkService;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Late entries (design notes 23): entries dated in a closed period that arrive after the close
/// are listed for review; a person voids one (a correction the close does not forbid) or accepts
/// it with a `period.accept` entry that syncs, so every laptop that lists it shows the decision.
class LateEntriesTest {
    @TempDir
    Path tmp;

    private static Map<String, LateStatus> statuses(Village v) {
        return v.s.closing().lateEntries().stream()
                .collect(Collectors.toMap(PeriodService.LateEntry::id, PeriodService.LateEntry::status));
    }

    @Test
    void lateEntriesAreVoidedOrAcceptedAndEveryLaptopAgrees() {
        try (TestCoop coop = TestCoop.found(tmp, "b", "c")) {
            Village a = coop.a();
            Village b = coop.get("b");
            Village c = coop.get("c");
            String wrong = b.s.ledger().post(LocalDate.of(2026, 5, 10), "Typed twice", null,
                    List.of(new LedgerService.Line("1000", "30"), new LedgerService.Line("4000", "-30"))).id();
            String fine = b.s.ledger().post(LocalDate.of(2026, 5, 11), "Dues of May, paid at the assembly", null,
                    List.of(new LedgerService.Line("1000", "50"), new LedgerService.Line("4000", "-50"))).id();
            a.s.closing().close(LocalDate.of(2026, 5, 31));
            c.sync.importBundle(a.exportFull(coop.dir())); // c learns of the close first
            Path fromB = b.exportFull(coop.dir());
            a.sync.importBundle(fromB);
            c.sync.importBundle(fromB);
            assertEquals(Map.of(wrong, LateStatus.WAITING, fine, LateStatus.WAITING), statuses(a));
            assertEquals(2, a.s.closing().waitingLate());

            // a void of a late entry is the correction the review offers; an accept keeps one
            a.s.ledger().voidTransaction(wrong, "typed twice on laptop b");
            var accepted = a.s.closing().accept(fine, "paid at the assembly");
            assertEquals(LateStatus.ACCEPTED, accepted.status());
            assertEquals(LateStatus.ACCEPTED, a.s.closing().accept(fine, null).status(), "accepting twice is harmless");
            // ids of one laptop made in the same moment share their beginning: a short prefix is
            // named as ambiguous, never taken as "not late"
            String common = wrong.substring(0, 4);
            if (fine.startsWith(common)) {
                assertEquals(ErrorCode.AMBIGUOUS_ENTRY, assertThrows(MinkaException.class,
                        () -> a.s.closing().accept(common, null)).code());
            }
            assertEquals(Map.of(wrong, LateStatus.VOIDED, fine, LateStatus.ACCEPTED), statuses(a));
            assertEquals(0, a.s.closing().waitingLate());

            // the close still holds for everything else
            assertEquals(ErrorCode.PERIOD_CLOSED, assertThrows(MinkaException.class,
                    () -> a.s.ledger().voidTransaction(fine, "changed my mind")).code());
            assertEquals(ErrorCode.PERIOD_CLOSED, assertThrows(MinkaException.class,
                    () -> a.s.ledger().voidTransaction(coop.duesTx, "not late")).code());
            assertEquals(ErrorCode.NOT_LATE, assertThrows(MinkaException.class,
                    () -> a.s.closing().accept(coop.duesTx, null)).code());
            assertEquals(ErrorCode.ALREADY_VOIDED, assertThrows(MinkaException.class,
                    () -> a.s.closing().accept(wrong, null)).code());

            // the decisions sync: c lists the same entries, decided the same way, and the books agree
            assertEquals(Map.of(wrong, LateStatus.WAITING, fine, LateStatus.WAITING), statuses(c));
            c.sync.importBundle(a.exportFull(coop.dir()));
            assertEquals(Map.of(wrong, LateStatus.VOIDED, fine, LateStatus.ACCEPTED), statuses(c));
            assertEquals(a.digest(), c.digest());
            b.sync.importBundle(a.exportFull(coop.dir()));
            assertEquals(a.digest(), b.digest());
            assertEquals(TestCoop.balance(a, "1000"), TestCoop.balance(b, "1000"));
            TestCoop.assertVerifies(a);
            TestCoop.assertVerifies(c);
        }
    }

    @Test
    void aLateWorkEntryCanBeVoidedToo() {
        try (TestCoop coop = TestCoop.found(tmp, "b")) {
            Village a = coop.a();
            Village b = coop.get("b");
            String work = b.s.work().add(new WorkService.Entry("Ana", LocalDate.of(2026, 5, 20), "2", "K", null, null)).id();
            a.s.closing().close(LocalDate.of(2026, 5, 31));
            a.sync.importBundle(b.exportFull(coop.dir()));
            var late = a.s.closing().lateEntries();
            assertEquals(1, late.size());
            assertEquals("work", late.getFirst().kind());
            assertEquals(120, late.getFirst().amountOrMinutes());
            a.s.work().voidEntry(work, "not that day");
            assertEquals(LateStatus.VOIDED, a.s.closing().lateEntries().getFirst().status());
            b.sync.importBundle(a.exportFull(coop.dir()));
            assertEquals(a.digest(), b.digest());
        }
    }
}
