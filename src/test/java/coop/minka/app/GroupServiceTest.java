package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.report.StatementService;
import coop.minka.domain.Account;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.domain.ShareOut;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Issue 14's worked example of a savings-group cycle through the service: every money entry is
/// in the books, the trial balance balances, verify passes, the share-out matches the issue.
class GroupServiceTest {
    @TempDir
    Path dir;

    /// Three members, two meetings: shares 5/3/2 at each, the social fund, a loan of 100.00 at 10 %
    /// flat for a month repaid with 110.00, one fine of 5.00.
    static void workedExample(Services s) {
        s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
        s.members().add("Rosa Condori", Gender.WOMAN, null, null, null);
        s.members().add("Juan Mamani", Gender.MAN, null, null, null);
        s.group().startCycle(LocalDate.of(2026, 1, 1), "10.00", 1, 5, "2.00", "10", "flat", null, null,
                Map.of("late", "5.00"));
        s.group().openMeeting(LocalDate.of(2026, 1, 5));
        buyAll(s);
        GroupService.Loan loan = s.group().issueLoan("Ana", "100.00", 1);
        assertEquals(11000, loan.schedule().totalDue());
        GroupService.Close first = s.group().closeMeeting("6.00");
        assertEquals(600, first.expected(), "106.00 in, 100.00 lent");
        assertEquals(0, first.difference());
        s.group().openMeeting(LocalDate.of(2026, 2, 5));
        buyAll(s);
        GroupService.Repayment r = s.group().repay(loan.id(), "110.00");
        assertEquals(1000, r.charge());
        assertEquals(10000, r.principal());
        assertEquals(500, s.group().fine("Rosa", "late", null));
    }

    private static void buyAll(Services s) {
        s.group().attend("Ana", "present");
        s.group().attend("Rosa", "present");
        s.group().attend("Juan", "represented");
        assertEquals(5000, s.group().buyShares("Ana", 5));
        s.group().buyShares("Rosa", 3);
        s.group().buyShares("Juan", 2);
        for (String m : List.of("Ana", "Rosa", "Juan")) {
            assertEquals(200, s.group().paySocial(m));
        }
    }

    @Test
    void theWorkedExampleSharesOutExactlyAndKeepsTheBooksBalanced() {
        try (Services s = Fixtures.create(dir, "group")) {
            workedExample(s);
            GroupService.Close close = s.group().closeMeeting("226.00");
            assertEquals(22700, close.expected(), "6 + 100 + 6 + 110 + 5");
            assertEquals(-100, close.difference(), "the missing 1.00 is recorded, not hidden");

            GroupService.ShareOutView preview = s.group().shareOut();
            ShareOut r = preview.result();
            assertEquals(21500, r.distributable());
            assertEquals(20, r.totalShares());
            assertEquals(1075, r.valuePerShare());
            assertEquals(1200, r.socialFund());
            Map<String, Long> payouts = r.members().stream()
                    .collect(Collectors.toMap(p -> preview.names().get(p.member()), ShareOut.Payout::payout));
            assertEquals(Map.of("Ana Quispe", 10750L, "Rosa Condori", 6450L, "Juan Mamani", 4300L), payouts);
            assertFalse(preview.posted());

            GroupService.ShareOutView posted = s.group().postShareOut();
            assertTrue(posted.posted());
            assertEquals(ErrorCode.GROUP_ALREADY_SHARED_OUT,
                    assertThrows(MinkaException.class, () -> s.group().postShareOut()).code());

            // the books: the cash box keeps the social fund, every member account is back to zero
            Map<String, Long> balances = s.ledger().accounts().stream()
                    .collect(Collectors.toMap(b -> b.account().name(), LedgerService.AccountBalance::balance));
            assertEquals(1200, s.group().expectedCash(), "the cash box keeps the social fund by the books");
            assertEquals(-1200L, balances.get("Fondo social"));
            assertEquals(0L, balances.get("Ahorros – Ana Quispe"));
            assertEquals(0L, balances.get("Préstamo a Ana Quispe"));
            assertEquals(-1000L, balances.get("Cargos por servicio"));
            assertEquals(-500L, balances.get("Multas"));
            assertEquals(1500L, balances.get("Ganancia repartida"));
            StatementService.TrialBalance tb = s.reports().statements().trialBalance(null, null);
            assertEquals(tb.totalDebits(), tb.totalCredits());
            assertEquals(0, tb.totalClosing());
            var v = s.verify().verify();
            assertTrue(v.ok(), v.problems().toString());

            // a rebuild from the log gives the same state
            String digest = s.verify().digest();
            s.workspace().db().transaction(x -> {
                new coop.minka.store.Projector(s.workspace().selfId()).rebuild(x);
                return null;
            });
            assertEquals(digest, s.verify().digest());
        }
    }

    @Test
    void aLoanOverTheLimitIsRefusedInPlainWordsAndNothingIsWritten() {
        try (Services s = Fixtures.create(dir, "refusal")) {
            s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            s.group().startCycle(LocalDate.of(2026, 1, 1), "10.00", 1, 5, "2.00", "10", "flat", "3", 3, Map.of());
            s.group().openMeeting(LocalDate.of(2026, 1, 5));
            s.group().buyShares("Ana", 5);
            long ops = s.verify().verify().ops();
            MinkaException over = assertThrows(MinkaException.class, () -> s.group().issueLoan("Ana", "150.01", 1));
            assertEquals(ErrorCode.GROUP_LOAN_OVER_LIMIT, over.code());
            assertEquals("A loan of 150.01 to Ana Quispe is over the limit: with savings of 50.00 the most the group "
                    + "can lend is 150.00.", ErrorMessages.message(over, Locale.ENGLISH));
            MinkaException term = assertThrows(MinkaException.class, () -> s.group().issueLoan("Ana", "10", 4));
            assertEquals(ErrorCode.GROUP_TERM_TOO_LONG, term.code());
            assertTrue(ErrorMessages.message(term, Locale.ENGLISH).contains("at most 3 months"));
            assertEquals(ErrorCode.GROUP_SHARES_OUT_OF_RANGE,
                    assertThrows(MinkaException.class, () -> s.group().buyShares("Ana", 6)).code());
            assertEquals(ops, s.verify().verify().ops(), "nothing was written");
            assertEquals(List.of(), s.group().loans());
            assertEquals(5000, s.group().expectedCash());
        }
    }
}
