package coop.minka.app;

import coop.minka.app.export.ExportService;
import coop.minka.app.report.ReportTable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// CSV files Minka writes never carry a formula a spreadsheet would run, while amounts stay
/// numbers a spreadsheet can add up.
class CsvFormulaTest {
    @TempDir
    Path dir;

    @Test
    void cellsThatStartLikeAFormulaAreDefusedButNumbersStayNumbers() {
        assertEquals("'=1+1", ReportTable.cell("=1+1"));
        assertEquals("'+1+1", ReportTable.cell("+1+1"));
        assertEquals("'@SUM(A1)", ReportTable.cell("@SUM(A1)"));
        assertEquals("'-1+1", ReportTable.cell("-1+1"), "a minus and a digit is not enough to be a number");
        assertEquals("'-2+3+cmd|' /C calc'!A0", ReportTable.cell("-2+3+cmd|' /C calc'!A0"));
        assertEquals("'\tx", ReportTable.cell("\tx"));
        assertEquals("\"'\rx\"", ReportTable.cell("\rx"));
        assertEquals("'＝1+1", ReportTable.cell("＝1+1"), "the full-width equals sign too");
        assertEquals("-12.50", ReportTable.cell("-12.50"));
        assertEquals("-3", ReportTable.cell("-3"));
        assertEquals("1.5", ReportTable.cell("1.5"));
        assertEquals("Ana - 2", ReportTable.cell("Ana - 2"));
    }

    @Test
    void theExportedFilesAreDefused() throws Exception {
        try (Services s = Fixtures.create(dir, "csv")) {
            s.members().add("=HYPERLINK(\"http://x\",\"clic\")", Gender.WOMAN, null, "+59170012345", "@notes");
            s.ledger().addAccount("1000", "Cash box", AccountType.ASSET, null);
            s.ledger().addAccount("5000", "-1+1 supplies", AccountType.EXPENSE, null);
            s.ledger().post(LocalDate.of(2026, 3, 1), "-2+3+cmd|' /C calc'!A0", null,
                    List.of(new LedgerService.Line("5000", "12.50"), new LedgerService.Line("1000", "-12.50")));
            Path out = dir.resolve("export");
            s.exports().export(ExportService.Format.CSV, out, null, null);

            String members = Files.readString(out.resolve("members.csv"), StandardCharsets.UTF_8);
            assertTrue(members.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\","), members);
            assertTrue(members.contains(",'+59170012345,'@notes\r\n"), members);
            String txs = Files.readString(out.resolve("transactions.csv"), StandardCharsets.UTF_8);
            assertTrue(txs.contains(",'-2+3+cmd|' /C calc'!A0,"), txs);
            assertTrue(txs.contains(",'-1+1 supplies,12.50,"), txs);
            assertTrue(txs.contains(",Cash box,-12.50,"), "the negative amount stays a number: " + txs);
            String accounts = Files.readString(out.resolve("accounts.csv"), StandardCharsets.UTF_8);
            assertTrue(accounts.contains(",Cash box,asset,,,no,-12.50\r\n"), accounts);
        }
    }
}
