package coop.minka.app;

import coop.minka.app.report.ReportService;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coop.minka.domain.AccountType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The figures the screens show, each computed once in the app: totals per account type (Reports
/// and Accounts) and the cash and bank (Home and Reports).
class ReportFiguresTest {
    @TempDir
    Path dir;

    /// The sample's dues (cash 50 / dues 50), Ana's savings of 30 and a loan of 10 to Ana from the cash box.
    private static Services books(Path dir) {
        Services s = Fixtures.sample(dir);
        s.ledger().addAccount("2001", "Savings of Ana", AccountType.LIABILITY, "Ana Quispe");
        s.ledger().addAccount("1300", "Loan to Ana", AccountType.ASSET, "Ana Quispe");
        s.ledger().post(LocalDate.of(2026, 3, 5), "Savings", null,
                List.of(new LedgerService.Line("1000", "30"), new LedgerService.Line("2001", "-30")));
        s.ledger().post(LocalDate.of(2026, 3, 6), "Loan", null,
                List.of(new LedgerService.Line("1300", "10"), new LedgerService.Line("1000", "-10")));
        return s;
    }

    @Test
    void totalsByTypeAreOnTheirNaturalSideInTypeOrderNowAndAsOfADay() {
        try (Services s = books(dir)) {
            assertEquals(List.of(new ReportService.TypeTotal(AccountType.ASSET, 8000),
                    new ReportService.TypeTotal(AccountType.LIABILITY, 3000),
                    new ReportService.TypeTotal(AccountType.EQUITY, 0),
                    new ReportService.TypeTotal(AccountType.INCOME, 5000),
                    new ReportService.TypeTotal(AccountType.EXPENSE, 0)), s.reports().totalsByType(null));
            assertEquals(List.of(5000L, 0L, 0L, 5000L, 0L), s.reports().totalsByType(LocalDate.of(2026, 3, 4)).stream()
                    .map(ReportService.TypeTotal::total).toList(), "as it stood before the savings");
            assertEquals(s.reports().totalsByType(null), ReportService.totalsByTypeOf(s.reports().balances(null)));
        }
    }

    @Test
    void cashAndBankAreTheCooperativesOwnAssetAccounts() {
        try (Services s = books(dir)) {
            assertEquals(List.of("1000=7000", "1100=0"), s.reports().cashAndBank(null).stream()
                    .map(r -> r.account().code() + "=" + r.balance()).toList(), "not the loan to a member");
            assertEquals(List.of("1000=8000", "1100=0"), s.reports().cashAndBank(LocalDate.of(2026, 3, 5)).stream()
                    .map(r -> r.account().code() + "=" + r.balance()).toList());
        }
    }
}
