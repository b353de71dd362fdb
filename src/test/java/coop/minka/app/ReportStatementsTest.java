package coop.minka.app;

import coop.minka.app.report.ReportTable;
import coop.minka.app.report.ReportTables;

import static coop.minka.app.ReportFixture.FROM;
import static coop.minka.app.ReportFixture.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.report.StatementService;
import coop.minka.app.report.StatementService.AccountBook;
import coop.minka.app.report.StatementService.Line;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/// Every money statement of the fixed cooperative against figures computed by hand
/// (docs/reports.md, "Worked example"). Amounts are in centavos.
class ReportStatementsTest extends OnReportFixture {

    @Test
    void trialBalanceOfTheQuarter() {
        var tb = s.reports().statements().trialBalance(FROM, TO);
        Map<String, List<Long>> rows = tb.rows().stream().collect(Collectors.toMap(r -> r.account().code(),
                r -> List.of(r.opening(), r.debits(), r.credits(), r.closing())));
        assertEquals(List.of(50000L, 20000L, 29250L, 40750L), rows.get("1000"));
        assertEquals(List.of(0L, 45000L, 0L, 45000L), rows.get("1100"));
        assertEquals(List.of(0L, 0L, 10000L, -10000L), rows.get("2100"));
        assertEquals(List.of(0L, 0L, 4000L, -4000L), rows.get("2101"));
        assertEquals(List.of(-50000L, 0L, 0L, -50000L), rows.get("3000"));
        assertEquals(List.of(0L, 0L, 6000L, -6000L), rows.get("4000"));
        assertEquals(List.of(0L, 0L, 25000L, -25000L), rows.get("4100"));
        assertEquals(List.of(0L, 8000L, 0L, 8000L), rows.get("5000"));
        assertEquals(List.of(0L, 1250L, 0L, 1250L), rows.get("5100"));
        assertEquals(74250, tb.totalDebits());
        assertEquals(74250, tb.totalCredits());
        assertEquals(0, tb.totalOpening());
        assertEquals(0, tb.totalClosing());
    }

    @Test
    void balanceSheetAtTheEndOfMarch() {
        var bs = s.reports().statements().balanceSheet(TO);
        assertEquals(Map.of("1000", 40750L, "1100", 45000L), amounts(bs.assets()));
        assertEquals(85750, bs.totalAssets());
        assertEquals(Map.of("2100", 10000L, "2101", 4000L), amounts(bs.liabilities()));
        assertEquals(14000, bs.totalLiabilities());
        assertEquals(Map.of("3000", 50000L), amounts(bs.equity()));
        assertEquals(21750, bs.surplus());
        assertEquals(85750, bs.totalLiabilitiesAndEquity());
    }

    @Test
    void incomeAndExpenditureOfTheQuarter() {
        var is = s.reports().statements().income(FROM, TO);
        assertEquals(Map.of("4000", 6000L, "4100", 25000L), amounts(is.income()));
        assertEquals(31000, is.totalIncome());
        assertEquals(Map.of("5000", 8000L, "5100", 1250L), amounts(is.expenses()));
        assertEquals(9250, is.totalExpenses());
        assertEquals(21750, is.surplus());
    }

    @Test
    void cashBooksWithRunningBalances() {
        List<AccountBook> books = s.reports().statements().cashBooks(List.of(), FROM, TO);
        assertEquals(List.of("1000", "1100"), books.stream().map(b -> b.account().code()).toList());
        AccountBook cash = books.getFirst();
        assertEquals(50000, cash.opening());
        assertEquals(List.of(56000L, 66000L, 58000L, 62000L, 60750L, 40750L),
                cash.lines().stream().map(StatementService.BookLine::balance).toList());
        assertEquals(List.of("Dues January", "Ana savings deposit", "Flour", "Juan savings", "Bus to market",
                "Deposit to bank"), cash.lines().stream().map(StatementService.BookLine::memo).toList());
        assertEquals("4000", cash.lines().getFirst().otherAccounts());
        assertEquals("R1", cash.lines().getFirst().reference());
        assertEquals(20000, cash.totalIn());
        assertEquals(29250, cash.totalOut());
        assertEquals(40750, cash.closing());
        AccountBook bank = books.get(1);
        assertEquals(List.of(25000L, 45000L), bank.lines().stream().map(StatementService.BookLine::balance).toList());
        assertEquals(1, s.reports().statements().cashBooks(List.of("1100"), FROM, TO).size());
    }

    @Test
    void memberStatementsShowSavingsAndWork() {
        var all = s.reports().statements().memberStatements(null, FROM, TO);
        assertEquals(List.of("Alex Flores", "Ana Quispe", "Juan Condori", "Rosa Mamani"),
                all.stream().map(m -> m.member().name()).toList());
        var ana = s.reports().statements().memberStatements("Ana Quispe", FROM, TO).getFirst();
        assertEquals(1, ana.accounts().size());
        AccountBook savings = ana.accounts().getFirst();
        assertEquals("2100", savings.account().code());
        assertEquals(0, savings.opening());
        assertEquals(10000, savings.totalIn());
        assertEquals(10000, savings.closing());
        assertEquals(390, ana.workMinutes());
        assertEquals(6000, ana.workValueMinor());
        var juan = all.get(2);
        assertEquals(4000, juan.accounts().getFirst().closing());
        assertEquals(240, juan.workMinutes());
        assertEquals(4800, juan.workValueMinor());
        assertTrue(all.getFirst().accounts().isEmpty());
    }

    @Test
    void tablesPrintTheSameFigures() {
        var cur = s.workspace().currency();
        var tb = ReportTables.trialBalance(s.reports().statements().trialBalance(FROM, TO), cur);
        assertEquals(List.of("1000", "Cash box", "asset", "500.00", "200.00", "292.50", "407.50"), tb.rows().getFirst());
        assertEquals(List.of("", "Total", "", "0.00", "742.50", "742.50", "0.00"), tb.rows().getLast());
        var cash = ReportTables.cashBooks(s.reports().statements().cashBooks(List.of("1000"), FROM, TO), FROM, cur);
        assertEquals(List.of("1000", "2026-01-01", "Opening balance", "", "", "", "", "500.00"), cash.rows().getFirst());
        assertEquals(List.of("1000", "", "Closing balance", "", "", "200.00", "292.50", "407.50"), cash.rows().getLast());
        assertTrue(cash.csv().startsWith("ACCOUNT,DATE,MEMO,REFERENCE,OTHER ACCOUNTS,IN,OUT,BALANCE\r\n"));
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertEquals("\"a,b\"", ReportTable.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ReportTable.cell("say \"hi\""));
        assertEquals("'=SUM(A1)", ReportTable.cell("=SUM(A1)"));
        assertEquals("-12.50", ReportTable.cell("-12.50"));
        assertEquals("'-x", ReportTable.cell("-x"));
    }

    private static Map<String, Long> amounts(List<Line> lines) {
        return lines.stream().collect(Collectors.toMap(l -> l.account().code(), Line::amount));
    }
}
