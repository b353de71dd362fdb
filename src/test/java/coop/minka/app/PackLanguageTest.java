package coop.minka.app;

import coop.minka.app.export.ExportService;
import coop.minka.app.pack.PackService;

import static coop.minka.app.ReportFixture.FROM;
import static coop.minka.app.ReportFixture.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.Gender;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The assembly pack and the CSV export speak the cooperative's language (or the one asked
/// for): a pack in Spanish, French or Portuguese holds none of the English phrases of the pack,
/// names with ñ, á, ü and the Quechua apostrophe ʼ print intact, a character the font lacks
/// prints as a visible replacement, and the check code is the same in every language.
/// Set `-Dminka.packOutDir=FOLDER` to keep the four packs to look at.
class PackLanguageTest {
    /// Written with ñ, á, ü and the modifier-letter apostrophe U+02BC of Quechua and Aymara.
    static final String NAME = "Ñusta Qʼori Ayllón Müller";
    /// With a character DejaVu Sans lacks (a CJK ideograph).
    static final String FOREIGN = "Wang 中 Li";
    static final List<String> LANGUAGES = List.of("en", "es", "fr", "pt");

    @TempDir
    static Path dir;
    static Services s;
    static final Map<String, PackService.Pack> packs = new LinkedHashMap<>();
    static final Map<String, String> texts = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        s = ReportFixture.create(dir);
        s.members().add(NAME, Gender.WOMAN, null, null, null);
        s.members().add(FOREIGN, Gender.MAN, null, null, null);
        for (String l : LANGUAGES) {
            PackService.Pack p = s.pack().write(FROM, TO, dir.resolve("pack-" + l + ".pdf"), Locale.forLanguageTag(l));
            packs.put(l, p);
            texts.put(l, text(p.file()));
            String keep = System.getProperty("minka.packOutDir");
            if (keep != null) {
                Files.copy(p.file(), Path.of(keep).resolve("pack-" + l + ".pdf"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @AfterAll
    static void tearDown() {
        s.close();
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PackLanguageTest.class.getResourceAsStream("/coop/minka/i18n/messages" + suffix
                + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /// The literal parts of a pattern (between its `{n}`), apostrophes undoubled.
    static List<String> fragments(String pattern) {
        List<String> out = new ArrayList<>();
        for (String f : pattern.replace("''", "'").split("\\{\\d+}")) {
            out.add(f.strip());
        }
        return out;
    }

    @Test
    void aPackInAnotherLanguageHoldsNoEnglishPhrase() throws IOException {
        Properties en = bundle("");
        for (String l : List.of("es", "fr", "pt")) {
            Properties tr = bundle("_" + l);
            String text = texts.get(l);
            TreeSet<String> found = new TreeSet<>();
            int checked = 0;
            for (String key : en.stringPropertyNames()) {
                if (!key.startsWith("pack.") && !key.startsWith("table.")) {
                    continue;
                }
                String translated = tr.getProperty(key).replace("''", "'");
                for (String phrase : fragments(en.getProperty(key))) {
                    if (phrase.codePoints().filter(Character::isLetter).count() < 5 || translated.contains(phrase)) {
                        continue;
                    }
                    checked++;
                    if (text.contains(phrase)) {
                        found.add(key + ": " + phrase);
                    }
                }
            }
            assertTrue(checked > 60, "phrases checked: " + checked);
            assertEquals(new TreeSet<>(), found, "English phrases in the " + l + " pack");
        }
    }

    @Test
    void eachPackIsInItsLanguage() {
        Map<String, String[]> expected = Map.of(
                "en", new String[] {"Assembly pack Jan 1, 2026 to Mar 31, 2026", "Page 1 of ", "Opening balance",
                    "Closing balance", "Recognition of shared work", "Member slips"},
                "es", new String[] {"Informe de asamblea del ", "Página 1 de ", "Saldo inicial", "Saldo final",
                    "Reconocimiento del trabajo compartido", "Hojas de socias y socios", "Código de control: ",
                    "Horas de trabajo: 6.5, valoradas en 60.00 BOB", "Sin cuentas de socia o socio.", "ene 2026"},
                "fr", new String[] {"Dossier d'assemblée du ", "Page 1 sur ", "Solde d'ouverture", "Solde de clôture",
                    "Reconnaissance du travail partagé", "Fiches des membres", "Code de contrôle : ", "janv. 2026"},
                "pt", new String[] {"Relatório da assembleia de ", "Página 1 de ", "Saldo inicial", "Saldo final",
                    "Reconhecimento do trabalho compartilhado", "Fichas das associadas e associados",
                    "Código de verificação: ", "jan. 2026"});
        expected.forEach((l, phrases) -> {
            for (String p : phrases) {
                assertTrue(texts.get(l).contains(p), "missing in the " + l + " pack: " + p + "\n" + texts.get(l));
            }
        });
    }

    @Test
    void latinExtendedNamesPrintIntactAndMissingGlyphsVisibly() {
        for (String l : LANGUAGES) {
            String text = texts.get(l);
            assertTrue(text.contains(NAME), l + ": " + NAME + " not intact");
            assertTrue(text.contains("Wang \uFFFD Li"), l + ": no visible replacement for 中");
            assertFalse(text.contains("Wang ? Li"), l + ": a silent ? for 中");
        }
    }

    @Test
    void theCheckCodeAndFiguresDoNotDependOnTheLanguage() {
        String code = s.checkCodes().compute(FROM, TO).text();
        for (String l : LANGUAGES) {
            assertEquals(code, packs.get(l).code().text(), l);
            for (String figure : new String[] {code, "407.50", "742.50", "217.50", "64.7%", "182.00"}) {
                assertTrue(texts.get(l).contains(figure), l + " lacks " + figure);
            }
        }
    }

    @Test
    void withoutALanguageThePackIsInTheCooperativesLanguage() throws IOException {
        // the fixture's cooperative speaks "es,en"
        PackService.Pack p = s.pack().write(FROM, TO, dir.resolve("default.pdf"));
        String text = text(p.file());
        assertTrue(text.contains("Informe de asamblea del "), text);
        assertEquals(packs.get("es").code(), p.code());
        // a language Minka does not speak prints English
        String de = text(s.pack().write(FROM, TO, dir.resolve("de.pdf"), Locale.GERMAN).file());
        assertTrue(de.contains("Assembly pack "), de);
    }

    @Test
    void csvHeadersAndLabelsAreInTheLanguageAndTheirCellsKeepTheirCodes() throws IOException {
        Path es = dir.resolve("csv-es");
        s.exports().export(ExportService.Format.CSV, es, FROM, TO, Locale.forLanguageTag("es"));
        String cash = Files.readString(es.resolve("cash-book.csv"), StandardCharsets.UTF_8);
        assertTrue(cash.startsWith("CUENTA,FECHA,CONCEPTO,REFERENCIA,OTRAS CUENTAS,ENTRA,SALE,SALDO\r\n"), cash);
        assertTrue(cash.contains("1000,2026-01-01,Saldo inicial,,,,,500.00\r\n"), cash);
        assertTrue(cash.contains("1000,,Saldo final,,,200.00,292.50,407.50\r\n"), cash);
        String tb = Files.readString(es.resolve("trial-balance.csv"), StandardCharsets.UTF_8);
        assertTrue(tb.startsWith("CÓDIGO,NOMBRE,TIPO,INICIAL,DEBE,HABER,FINAL\r\n"), tb);
        assertTrue(tb.contains("1000,Cash box,asset,500.00,200.00,292.50,407.50\r\n"), "type codes stay: " + tb);
        String income = Files.readString(es.resolve("income.csv"), StandardCharsets.UTF_8);
        assertTrue(income.contains(",,Excedente,217.50\r\n"), income);
        String members = Files.readString(es.resolve("members.csv"), StandardCharsets.UTF_8);
        assertTrue(members.startsWith("ID,NOMBRE,GÉNERO,INGRESO,ESTADO,CONTACTO,NOTAS\r\n"), members);
        assertTrue(members.contains("," + NAME + ",woman,"), "gender codes stay: " + members);
        Path all = dir.resolve("csv-es-all.zip");
        s.exports().export(ExportService.Format.CSV, all, null, null, Locale.forLanguageTag("es"));
        try (var zip = java.nio.file.FileSystems.newFileSystem(all)) {
            String audit = Files.readString(zip.getPath("audit.csv"), StandardCharsets.UTF_8);
            assertTrue(audit.startsWith("CUÁNDO (UTC),COMPUTADORA,"), audit);
            assertTrue(audit.contains(",movimiento registrado,"), audit);
        }

        // without a language: the cooperative's (Spanish); English when asked for
        Path dflt = dir.resolve("csv-default");
        s.exports().export(ExportService.Format.CSV, dflt, FROM, TO);
        assertEquals(cash, Files.readString(dflt.resolve("cash-book.csv"), StandardCharsets.UTF_8));
        Path en = dir.resolve("csv-en");
        s.exports().export(ExportService.Format.CSV, en, FROM, TO, Locale.ENGLISH);
        assertTrue(Files.readString(en.resolve("cash-book.csv"), StandardCharsets.UTF_8)
                .startsWith("ACCOUNT,DATE,MEMO,REFERENCE,OTHER ACCOUNTS,IN,OUT,BALANCE\r\n"));
    }

    @Test
    void theJsonExportKeepsItsKeysInEveryLanguage() throws IOException {
        Path es = s.exports().export(ExportService.Format.JSON, dir.resolve("es.json"), FROM, TO,
                Locale.forLanguageTag("es")).path();
        Path en = s.exports().export(ExportService.Format.JSON, dir.resolve("en.json"), FROM, TO,
                Locale.ENGLISH).path();
        assertEquals(Files.readString(en), Files.readString(es));
    }
}
