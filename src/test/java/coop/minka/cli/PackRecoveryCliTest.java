package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.ReportFixture;
import coop.minka.store.Keys;
import coop.minka.store.RecoveryKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `minka report pack --recovery-key KEYFILE`: the key file written by `security recovery-key
/// --out` goes on a last, sealed page, in the pack's language; another cooperative's key is
/// refused with one line and exit 2, and no PDF is written.
class PackRecoveryCliTest {
    @TempDir
    static Path dir;
    static CliRunner cli;
    static Path key;

    @BeforeAll
    static void setUp() {
        ReportFixture.create(dir).close();
        cli = new CliRunner(dir.resolve("warmi.db"));
        cli.ok("security", "encryption", "on");
        key = dir.resolve("recovery-key.txt");
        cli.ok("security", "recovery-key", "--out", key.toString());
    }

    static String lastPage(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper t = new PDFTextStripper();
            t.setStartPage(doc.getNumberOfPages());
            t.setEndPage(doc.getNumberOfPages());
            return t.getText(doc);
        }
    }

    @Test
    void theKeyGoesOnTheLastPageAndTheUserIsToldToDeleteTheFile() throws Exception {
        Path pdf = dir.resolve("sealed.pdf");
        String out = cli.ok("--lang", "es", "report", "pack", "--from", "2026-01-01", "--to", "2026-03-31",
                "--out", pdf.toString(), "--recovery-key", key.toString());
        assertTrue(out.contains("lleva la clave de recuperación") && out.contains(pdf.toString()), out);
        String last = lastPage(pdf);
        assertTrue(last.replaceAll("\\s+", "").contains(RecoveryKeyFile.readIdentity(key)), last);
        assertTrue(last.replaceAll("\\s+", " ").contains("Clave de recuperación de Cooperativa Warmi Minka"), last);
    }

    @Test
    void anotherCooperativesKeyIsRefusedAndNoPdfIsWritten() throws Exception {
        Path other = dir.resolve("other-key.txt");
        RecoveryKeyFile.write(other, Keys.generateAge().identity(), "another cooperative");
        Path pdf = dir.resolve("refused.pdf");
        CliRunner.Result r = cli.run("report", "pack", "--from", "2026-01-01", "--to", "2026-03-31",
                "--out", pdf.toString(), "--recovery-key", other.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("is not the recovery key of this cooperative"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(pdf));
    }
}
