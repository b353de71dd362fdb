package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.GroupFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// `minka group passbook`: a member's figures as text or JSON, the PDF slip in the language
/// asked for with a check code `verify-code` accepts; an unknown member is refused in one line
/// and writes no file.
class GroupPassbookCliTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        GroupFixture.create(dir).close();
        cli = new CliRunner(dir.resolve("group.db"));
    }

    @Test
    void theFiguresAsJsonAndAsText() {
        JsonNode j = cli.run("group", "passbook", "--member", "Ana", "--date", "2026-01-20", "--json").json();
        assertEquals("Ana Quispe", j.get("name").asString());
        assertEquals("2026-01-20", j.get("date").asString());
        assertEquals("2026-01-01", j.get("cycleStart").asString());
        assertEquals(5, j.get("shares").asLong());
        assertEquals("50.00", j.get("savings").asString());
        assertEquals("2.00", j.get("socialFund").asString());
        assertEquals("0.00", j.get("fines").asString());
        assertEquals("2.5", j.get("workHours").asString());
        JsonNode loan = j.get("loans").get(0);
        assertEquals("100.00", loan.get("principal").asString());
        assertEquals("110.00", loan.get("owed").asString());
        assertEquals("2026-02-05", loan.get("nextDue").asString());
        assertEquals("110.00", loan.get("nextAmount").asString());
        assertTrue(j.get("file").isNull(), "no --out, no file");

        JsonNode rosa = cli.run("group", "passbook", "--member", "Rosa", "--date", "2026-02-28", "--json").json();
        assertEquals(6, rosa.get("shares").asLong());
        assertEquals("60.00", rosa.get("savings").asString());
        assertEquals("4.00", rosa.get("socialFund").asString());
        assertEquals("5.00", rosa.get("fines").asString());
        assertEquals(0, rosa.get("loans").size());

        String es = cli.ok("--lang", "es", "group", "passbook", "--member", "Rosa", "--date", "2026-02-28");
        assertTrue(es.contains("Libreta de Rosa Condori al 2026-02-28"), es);
        assertTrue(es.contains("Acciones: 6, ahorro 60.00"), es);
        assertTrue(es.contains("Multas pagadas: 5.00"), es);
        String en = cli.ok("--lang", "en", "group", "passbook", "--member", "Ana", "--date", "2026-01-20");
        assertTrue(en.contains("Loan of 100.00 given on 2026-01-05: 110.00 still to repay"), en);
        assertTrue(en.contains("next installment: 110.00 by 2026-02-05"), en);
    }

    @Test
    void thePdfInSpanishWithACheckCodeThatVerifies() throws Exception {
        Path pdf = dir.resolve("ana.pdf");
        JsonNode j = cli.run("group", "passbook", "--member", "Ana", "--date", "2026-01-20", "--out", pdf.toString(),
                "--language", "es", "--json").json();
        assertEquals(pdf.toString(), j.get("file").asString());
        String code = j.get("checkCode").asString();
        assertTrue(code.startsWith("2026-01-01..2026-01-20 "), code);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        for (String line : new String[] {"Libreta de ahorro", "Ana Quispe", "Acciones compradas 5",
            "Ahorro (valor de las acciones) 50.00", "Fondo social pagado 2.00", "Próxima cuota: 110.00",
            "Código de control: " + code}) {
            assertTrue(text.contains(line), "missing \"" + line + "\" in:\n" + text);
        }
        assertTrue(cli.ok("verify-code", code).contains(code));

        // the words of the command line follow --lang, the PDF --language
        Path en = dir.resolve("ana-en.pdf");
        String out = cli.ok("--lang", "es", "group", "passbook", "--member", "Ana", "--date", "2026-01-20", "--out",
                en.toString(), "--language", "en");
        assertTrue(out.contains("Se escribió " + en) && out.contains("Código de control: " + code), out);
        try (PDDocument doc = Loader.loadPDF(en.toFile())) {
            assertTrue(new PDFTextStripper().getText(doc).contains("Savings passbook"));
        }
    }

    @Test
    void anUnknownMemberIsRefusedAndWritesNoFile() {
        Path pdf = dir.resolve("nobody.pdf");
        CliRunner.Result r = cli.run("group", "passbook", "--member", "Nadie", "--out", pdf.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("There is no member called \"Nadie\"."), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(pdf));
        CliRunner.Result es = cli.run("--lang", "es", "group", "passbook", "--member", "Nadie", "--out",
                pdf.toString());
        assertEquals(2, es.exit(), es.err());
        assertFalse(es.err().contains("There is no member"), es.err());
        assertFalse(Files.exists(pdf));
        CliRunner.Result lang = cli.run("group", "passbook", "--member", "Ana", "--out", pdf.toString(),
                "--language", "xx");
        assertEquals(2, lang.exit(), lang.err());
        assertTrue(lang.err().contains("\"xx\" is not one of the choices"), lang.err());
        assertFalse(Files.exists(pdf));
    }
}
