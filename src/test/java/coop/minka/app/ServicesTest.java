package coop.minka.app;

import coop.minka.app.report.ReportService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.Ids;
import coop.minka.store.OpStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The everyday rules: what is refused is refused whole, with nothing written.
class ServicesTest {
    @TempDir
    Path dir;

    private static void refusedWithNothingWritten(Services s, ErrorCode code, Runnable action) {
        long before = s.workspace().read(OpStore::count);
        MinkaException e = assertThrows(MinkaException.class, action::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(before, s.workspace().read(OpStore::count), "nothing may be written");
    }

    private static LedgerService.Line l(String code, String amount) {
        return new LedgerService.Line(code, amount);
    }

    @Test
    void unbalancedOrWrongTransactionsAreRefusedWhole() {
        try (Services s = Fixtures.sample(dir)) {
            LocalDate d = LocalDate.of(2026, 3, 5);
            refusedWithNothingWritten(s, ErrorCode.UNBALANCED, () -> s.ledger().post(d, "x", null, List.of(l("1000", "10"), l("4000", "-9.99"))));
            refusedWithNothingWritten(s, ErrorCode.UNKNOWN_ACCOUNT, () -> s.ledger().post(d, "x", null, List.of(l("1000", "10"), l("9999", "-10"))));
            refusedWithNothingWritten(s, ErrorCode.TOO_MANY_DECIMALS, () -> s.ledger().post(d, "x", null, List.of(l("1000", "10.001"), l("4000", "-10.001"))));
            refusedWithNothingWritten(s, ErrorCode.TOO_FEW_POSTINGS, () -> s.ledger().post(d, "x", null, List.of(l("1000", "0"))));
            refusedWithNothingWritten(s, ErrorCode.EMPTY_FIELD, () -> s.ledger().post(d, " ", null, List.of(l("1000", "1"), l("4000", "-1"))));
            refusedWithNothingWritten(s, ErrorCode.BAD_POSTING, () -> LedgerService.Line.parse("1000:10"));
            var t = s.ledger().post(d, "Three-way", "R-7", List.of(l("1000", "10"), l("1100", "5"), l("4000", "-15")));
            assertEquals(3, t.postings().size());
            assertEquals("R-7", t.reference());
        }
    }

    @Test
    void voidingKeepsTheTransactionVisibleButStopsItCounting() {
        try (Services s = Fixtures.sample(dir)) {
            var t = s.ledger().transactions(null, null, null).getFirst();
            s.ledger().voidTransaction(t.id(), "entered twice");
            var again = s.ledger().transaction(t.id());
            assertTrue(again.voided());
            assertEquals("entered twice", again.voidReason());
            assertTrue(s.ledger().accounts().stream().allMatch(a -> a.balance() == 0));
            refusedWithNothingWritten(s, ErrorCode.ALREADY_VOIDED, () -> s.ledger().voidTransaction(t.id(), "again"));
            refusedWithNothingWritten(s, ErrorCode.UNKNOWN_TRANSACTION, () -> s.ledger().voidTransaction(Ids.newId(), "x"));
            refusedWithNothingWritten(s, ErrorCode.EMPTY_FIELD, () -> s.ledger().voidTransaction(t.id(), ""));
        }
    }

    @Test
    void workNeedsKnownActiveMembersAndCategories() {
        try (Services s = Fixtures.sample(dir)) {
            LocalDate d = LocalDate.of(2026, 3, 3);
            refusedWithNothingWritten(s, ErrorCode.UNKNOWN_MEMBER, () -> s.work().add(new WorkService.Entry("Zoe", d, "1", "KITCHEN", null, null)));
            refusedWithNothingWritten(s, ErrorCode.UNKNOWN_CATEGORY, () -> s.work().add(new WorkService.Entry("Ana", d, "1", "NOPE", null, null)));
            refusedWithNothingWritten(s, ErrorCode.BAD_HOURS, () -> s.work().add(new WorkService.Entry("Ana", d, "30", "KITCHEN", null, null)));
            s.members().add("Ana Lucía", Gender.WOMAN, null, null, null);
            refusedWithNothingWritten(s, ErrorCode.AMBIGUOUS_MEMBER, () -> s.work().add(new WorkService.Entry("An", d, "1", "KITCHEN", null, null)));
            s.members().update("Juan", new MemberService.Changes(null, null, null, MemberStatus.INACTIVE, null, null));
            refusedWithNothingWritten(s, ErrorCode.INACTIVE_MEMBER, () -> s.work().add(new WorkService.Entry("Juan", d, "1", "KITCHEN", null, null)));
            assertEquals("Ana Quispe", s.members().get("ana quispe").name(), "an exact name wins over partial matches");
        }
    }

    @Test
    void aCollectiveWorkDayRecordsOneEntryPerAttendeeAtOnce() {
        try (Services s = Fixtures.sample(dir)) {
            var entries = s.work().addWorkDay(LocalDate.of(2026, 3, 7), "KITCHEN", "4", List.of("Ana", "Juan", "Ana"), "minga");
            assertEquals(2, entries.size());
            assertEquals(entries.get(0).workDayId(), entries.get(1).workDayId());
            refusedWithNothingWritten(s, ErrorCode.UNKNOWN_MEMBER,
                    () -> s.work().addWorkDay(LocalDate.of(2026, 3, 8), "KITCHEN", "4", List.of("Ana", "Nobody"), null));
            var byGender = s.reports().work(ReportService.WorkGrouping.GENDER, null, null);
            assertEquals(List.of("man", "woman"), byGender.stream().map(ReportService.WorkRow::key).toList());
            assertEquals(240, byGender.get(0).minutes());
            assertEquals(150 + 240, byGender.get(1).minutes());
            assertEquals(Math.round(390 * 1250 / 60.0), byGender.get(1).valueMinor());
        }
    }

    @Test
    void duplicateCodesAreRefused() {
        try (Services s = Fixtures.sample(dir)) {
            refusedWithNothingWritten(s, ErrorCode.DUPLICATE_CODE, () -> s.ledger().addAccount("1000", "Other", coop.minka.domain.AccountType.ASSET, null));
            refusedWithNothingWritten(s, ErrorCode.DUPLICATE_CODE, () -> s.work().addCategory("KITCHEN", "Other", null, null));
        }
    }

    @Test
    void entriesInAClosedPeriodAreRefused() {
        try (Services s = Fixtures.sample(dir)) {
            s.workspace().write(w -> w.append(OpType.PERIOD_CLOSE, Ids.owned(w.author(), 0), OpData.builder().put("to", "2026-03-31").build()));
            Supplier<Object> late = () -> s.ledger().post(LocalDate.of(2026, 3, 31), "late", null, List.of(l("1000", "1"), l("4000", "-1")));
            refusedWithNothingWritten(s, ErrorCode.PERIOD_CLOSED, late::get);
            refusedWithNothingWritten(s, ErrorCode.PERIOD_CLOSED, () -> s.work().add(new WorkService.Entry("Ana", LocalDate.of(2026, 1, 1), "1", "KITCHEN", null, null)));
            s.ledger().post(LocalDate.of(2026, 4, 1), "on time", null, List.of(l("1000", "1"), l("4000", "-1")));
        }
    }

    @Test
    void balancesAsOfADateCountOnlyEarlierNonVoidedPostings() {
        try (Services s = Fixtures.sample(dir)) {
            s.ledger().post(LocalDate.of(2026, 4, 1), "April", null, List.of(l("1000", "20"), l("4000", "-20")));
            var march = s.reports().balances(LocalDate.of(2026, 3, 31));
            assertEquals(5000, march.stream().filter(r -> r.account().code().equals("1000")).findFirst().orElseThrow().balance());
            var now = s.reports().balances(null);
            assertEquals(7000, now.stream().filter(r -> r.account().code().equals("1000")).findFirst().orElseThrow().balance());
        }
    }
}
