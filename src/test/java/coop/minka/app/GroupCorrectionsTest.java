package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.report.StatementService;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpType;
import coop.minka.domain.ShareOut;
import coop.minka.store.OpStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Corrections in a savings group's cycle (issue 14, design notes 36): reopening the last
/// meeting, voids of group entries with their transactions, social-fund grants, loans written off
/// by decision and cycle expenses, and what they do to the share-out.
class GroupCorrectionsTest {
    @TempDir
    Path dir;

    private static void refused(ErrorCode code, Services s, Runnable change) {
        long before = s.workspace().read(OpStore::count);
        String digest = s.verify().digest();
        MinkaException e = assertThrows(MinkaException.class, change::run);
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(before, s.workspace().read(OpStore::count), "nothing written");
        assertEquals(digest, s.verify().digest(), "nothing changed");
    }

    private static void balanced(Services s) {
        StatementService.TrialBalance tb = s.reports().statements().trialBalance(null, null);
        assertEquals(tb.totalDebits(), tb.totalCredits());
        assertEquals(0, tb.totalClosing());
        var v = s.verify().verify();
        assertTrue(v.ok(), v.problems().toString());
    }

    private static GroupService.EntryView entry(Services s, String type, String memberName) {
        return s.group().entries(null).stream().filter(e -> e.type().equals(type) && !e.voided()
                && (memberName == null || memberName.equals(e.memberName()))).reduce((a, b) -> b).orElseThrow();
    }

    /// The worked example (GroupServiceTest) with, at the second meeting, a loan of 30.00 to Rosa
    /// (10 % flat, a month) of which she repays 13.00 (3.00 charge, 10.00 principal) before the
    /// group writes off the other 20.00, an expense of 4.50 and a grant of 5.00 to Juan.
    ///
    /// By hand: distributable = shares 200.00 + charges (10.00 + 3.00) + fines 5.00 − write-off
    /// 20.00 − expense 4.50 = 193.50 for 20 shares, 9.675 a share: Ana (10) 96.75, Rosa (6)
    /// 58.05, Juan (4) 38.70. The cash box: 227.00 − 30.00 + 13.00 − 4.50 − 5.00 = 200.50; after
    /// the share-out 7.00, the social fund (12.00 − 5.00).
    @Test
    void theWorkedExampleWithAWriteOffAndAnExpenseSharesOutExactly() {
        try (Services s = Fixtures.create(dir, "corrections")) {
            GroupServiceTest.workedExample(s);
            GroupService.Loan rosa = s.group().issueLoan("Rosa", "30.00", 1);
            GroupService.Repayment part = s.group().repay(rosa.id(), "13.00");
            assertEquals(300, part.charge());
            assertEquals(1000, part.principal());
            GroupService.Loan off = s.group().writeOff(rosa.id(), "Rosa moved away; the assembly decided");
            assertEquals(2000, off.writtenOff());
            assertEquals(0, off.position().principalOwed() + off.position().chargeOwed(), "nothing more is owed");
            assertEquals(450, s.group().expense("4.50", "Padlock for the cash box"));
            assertEquals(500, s.group().grant("Juan", "5.00", "Funeral of his mother"));
            assertEquals(700, s.group().socialFund());
            assertEquals(20050, s.group().expectedCash());
            balanced(s);

            GroupService.ShareOutView preview = s.group().shareOut();
            ShareOut r = preview.result();
            assertEquals(19350, r.distributable());
            assertEquals(20, r.totalShares());
            assertEquals(968, r.valuePerShare(), "9.675 shown rounded half up");
            assertFalse(r.valueExact());
            assertEquals(700, r.socialFund());
            assertEquals(new GroupService.Totals(20000, 1300, 500, 2000, 450, 1200, 500), preview.totals());
            Map<String, Long> payouts = r.members().stream()
                    .collect(Collectors.toMap(p -> preview.names().get(p.member()), ShareOut.Payout::payout));
            assertEquals(Map.of("Ana Quispe", 9675L, "Rosa Condori", 5805L, "Juan Mamani", 3870L), payouts);
            assertEquals(r.distributable(), payouts.values().stream().mapToLong(Long::longValue).sum());

            GroupService.QuarterMetrics q1 = s.group().metrics(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))
                    .getFirst();
            assertEquals(1300 + 500 - 2000, q1.income(), "charges and fines less the write-off");
            assertEquals(0, q1.loansOutstanding(), "one loan repaid, the other written off");

            assertEquals(0, s.group().closeMeeting("200.50").difference());
            s.group().postShareOut();
            assertEquals(700, s.group().expectedCash(), "the cash box keeps the social fund");
            s.group().reopenMeeting(null);
            refused(ErrorCode.GROUP_ALREADY_SHARED_OUT, s, () -> s.group().expense("1.00", "Late receipt"));
            String fine = entry(s, OpType.GROUP_FINE, "Rosa Condori").id();
            refused(ErrorCode.GROUP_ALREADY_SHARED_OUT, s, () -> s.group().voidEntry(fine, "after the share-out"));
            s.group().closeMeeting("7.00");
            Map<String, Long> balances = s.ledger().accounts().stream()
                    .collect(Collectors.toMap(b -> b.account().code(), LedgerService.AccountBalance::balance));
            assertEquals(2000L, balances.get(GroupService.WRITE_OFFS));
            assertEquals(-700L, balances.get(GroupService.SOCIAL_FUND));
            assertEquals(-650L, balances.get(GroupService.SHARED_OUT), "the write-off and expense came off savings");
            assertTrue(s.ledger().accounts().stream().filter(b -> b.account().code().startsWith("2000-")
                    || b.account().code().startsWith("1200-")).allMatch(b -> b.balance() == 0));
            balanced(s);

            String digest = s.verify().digest();
            s.workspace().db().transaction(x -> {
                new coop.minka.store.Projector(s.workspace().selfId()).rebuild(x);
                return null;
            });
            assertEquals(digest, s.verify().digest(), "a rebuild gives the same state");
        }
    }

    @Test
    void aVoidTakesOutTheEntryAndItsTransactionWhileTheMeetingIsOpen() {
        try (Services s = Fixtures.create(dir, "void")) {
            GroupServiceTest.workedExample(s);
            long cash = s.group().expectedCash();
            long distributable = s.group().shareOut().result().distributable();
            s.group().fine("Juan", "late", null);
            GroupService.EntryView fine = entry(s, OpType.GROUP_FINE, "Juan Mamani");
            refused(ErrorCode.GROUP_ENTRY_TRANSACTION, s, () -> s.ledger().voidTransaction(fine.tx(), "x"));
            GroupService.EntryView voided = s.group().voidEntry(fine.id(), "Juan was on time");
            assertTrue(voided.voided());
            assertTrue(s.ledger().transaction(fine.tx()).voided(), "its transaction is voided too");
            assertEquals(cash, s.group().expectedCash());
            assertEquals(distributable, s.group().shareOut().result().distributable());
            balanced(s);
            refused(ErrorCode.ALREADY_VOIDED, s, () -> s.group().voidEntry(fine.id(), "again"));

            // a loan with a repayment is voided only after its repayment
            GroupService.Loan loan = s.group().issueLoan("Juan", "10.00", 1);
            s.group().repay(loan.id(), "5.00");
            String loanEntry = loan.id();
            refused(ErrorCode.GROUP_NOT_VOIDABLE, s, () -> s.group().voidEntry(loanEntry, "typed twice"));
            s.group().voidEntry(entry(s, OpType.GROUP_LOAN_REPAY, "Juan Mamani").id(), "typed twice");
            s.group().voidEntry(loanEntry, "typed twice");
            assertEquals(cash, s.group().expectedCash());
            assertEquals(1, s.group().loans().size(), "only Ana's loan is left");
            balanced(s);

            // closed: refused; reopened: allowed, and the new close records a new count
            s.group().fine("Rosa", "late", null);
            GroupService.EntryView rosaFine = entry(s, OpType.GROUP_FINE, "Rosa Condori");
            assertEquals(0, s.group().closeMeeting("232.00").difference());
            refused(ErrorCode.GROUP_MEETING_CLOSED, s, () -> s.group().voidEntry(rosaFine.id(), "wrong member"));
            GroupService.Meeting reopened = s.group().reopenMeeting(null);
            assertFalse(reopened.closed());
            assertNull(reopened.counted(), "the close's count no longer stands");
            s.group().voidEntry(rosaFine.id(), "wrong member");
            GroupService.Close again = s.group().closeMeeting("226.00");
            assertEquals(22700, again.expected());
            assertEquals(-100, again.difference());
            assertEquals(22600L, s.group().meetings().getLast().counted());
            balanced(s);
        }
    }

    /// Corrections change the books: the treasurer's; a write-off is a decision that needs a
    /// second person, like the share-out (docs/roles.md).
    @Test
    void correctionsAreTheTreasurersAndAWriteOffNeedsTwoPeople() {
        try (Services s = Fixtures.create(dir, "roles")) {
            s.members().add("Ana Quispe", coop.minka.domain.Gender.WOMAN, null, null, null);
            var pres = s.people().add("Pres", java.util.EnumSet.of(coop.minka.domain.Role.PRESIDENT), null, "1111");
            s.people().actAs(pres, null);
            var tre = s.people().add("Tre", java.util.EnumSet.of(coop.minka.domain.Role.TREASURER), null, "2222");
            s.people().actAs(pres, tre);
            var sec = s.people().add("Sec", java.util.EnumSet.of(coop.minka.domain.Role.SECRETARY), null, "3333");
            s.people().actAs(tre, pres);
            s.group().startCycle(LocalDate.of(2026, 1, 1), "10", 1, 5, "2", "10", "flat", null, null, Map.of());
            s.people().actAs(tre, null);
            s.group().openMeeting(LocalDate.of(2026, 1, 5));
            s.group().buyShares("Ana", 5);
            s.group().paySocial("Ana");
            String loan = s.group().issueLoan("Ana", "30", 1).id();
            String shares = entry(s, OpType.GROUP_SHARES, "Ana Quispe").id();

            s.people().actAs(sec, null);
            refused(ErrorCode.NOT_ALLOWED, s, () -> s.group().voidEntry(shares, "typed twice"));
            refused(ErrorCode.NOT_ALLOWED, s, () -> s.group().grant("Ana", "1", "Flood"));
            refused(ErrorCode.NOT_ALLOWED, s, () -> s.group().expense("1", "Notebook"));
            s.people().actAs(tre, null);
            refused(ErrorCode.SECOND_PERSON_REQUIRED, s, () -> s.group().writeOff(loan, "Assembly decision"));
            s.people().actAs(tre, sec);
            assertEquals(3000, s.group().writeOff(loan, "Assembly decision").writtenOff());
            s.people().actAs(tre, null);
            s.group().closeMeeting("26");
            s.people().actAs(sec, null);
            refused(ErrorCode.NOT_ALLOWED, s, () -> s.group().reopenMeeting(null));
            s.people().actAs(tre, null);
            assertFalse(s.group().reopenMeeting(null).closed());
            s.group().voidEntry(shares, "typed twice");
            balanced(s);
        }
    }

    @Test
    void everyReasonOfTheCyclesRulesIsToldInFourLanguages() {
        for (String reason : coop.minka.domain.GroupBook.REASONS) {
            for (String lang : List.of("en", "es", "fr", "pt")) {
                String text = ErrorMessages.invalidReason(reason, java.util.Locale.forLanguageTag(lang));
                assertTrue(!text.equals(reason) && !text.contains("''"), reason + " in " + lang + ": " + text);
            }
        }
    }

    @Test
    void onlyTheLastClosedMeetingIsReopened() {
        try (Services s = Fixtures.create(dir, "reopen")) {
            GroupServiceTest.workedExample(s);
            refused(ErrorCode.GROUP_MEETING_STILL_OPEN, s, () -> s.group().reopenMeeting(null));
            s.group().closeMeeting("227.00");
            refused(ErrorCode.GROUP_NOT_LAST_MEETING, s, () -> s.group().reopenMeeting("2026-01-05"));
            List<GroupService.Meeting> ms = s.group().meetings();
            assertEquals(ms.getLast().id(), s.group().reopenMeeting("2026-02-05").id());
            refused(ErrorCode.GROUP_MEETING_STILL_OPEN, s, () -> s.group().reopenMeeting(null));
        }
    }

    @Test
    void grantsWriteOffsAndExpensesAreRefusedBeyondWhatTheRulesAllow() {
        try (Services s = Fixtures.create(dir, "refusals")) {
            GroupServiceTest.workedExample(s);
            assertEquals(1200, s.group().socialFund());
            refused(ErrorCode.GROUP_OVER_SOCIAL_FUND, s, () -> s.group().grant("Juan", "12.01", "Flood"));
            refused(ErrorCode.EMPTY_FIELD, s, () -> s.group().grant("Juan", "1.00", " "));
            String ana = s.group().loans().getFirst().id();
            refused(ErrorCode.GROUP_NOTHING_OWED, s, () -> s.group().writeOff(ana, "repaid loan"));
            refused(ErrorCode.BAD_AMOUNT, s, () -> s.group().expense("0", "Nothing"));
            assertEquals(1200, s.group().grant("Juan", "12.00", "Flood"));
            assertEquals(0, s.group().socialFund());
            refused(ErrorCode.GROUP_OVER_SOCIAL_FUND, s, () -> s.group().grant("Ana", "0.01", "Flood"));
            s.group().closeMeeting(null);
            refused(ErrorCode.GROUP_NO_MEETING, s, () -> s.group().expense("1.00", "Notebook"));
            balanced(s);
        }
    }
}
