package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.ReportFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `--lang` chooses the language of the printed pack and of the CSV export's headers.
class PackLanguageCliTest {
    @TempDir
    static Path dir;
    static CliRunner cli;

    @BeforeAll
    static void setUp() {
        ReportFixture.create(dir).close();
        cli = new CliRunner(dir.resolve("warmi.db"));
    }

    @Test
    void thePackIsInTheLanguageGiven() throws Exception {
        Path pdf = dir.resolve("dossier.pdf");
        cli.ok("--lang", "fr", "report", "pack", "--from", "2026-01-01", "--to", "2026-03-31", "--out", pdf.toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Dossier d'assemblée du ") && text.contains("Page 1 sur "), text);
        }
    }

    @Test
    void theCsvHeadersAreInTheLanguageGiven() throws Exception {
        Path es = dir.resolve("csv-es");
        cli.ok("--lang", "es", "export", "--format", "csv", "--out", es.toString());
        String tb = Files.readString(es.resolve("trial-balance.csv"), StandardCharsets.UTF_8);
        assertTrue(tb.startsWith("CÓDIGO,NOMBRE,TIPO,INICIAL,DEBE,HABER,FINAL\r\n"), tb);
        Path en = dir.resolve("csv-en");
        cli.ok("--lang", "en", "export", "--format", "csv", "--out", en.toString());
        tb = Files.readString(en.resolve("trial-balance.csv"), StandardCharsets.UTF_8);
        assertTrue(tb.startsWith("CODE,NAME,TYPE,OPENING,DEBITS,CREDITS,CLOSING\r\n"), tb);
    }
}
