package coop.minka.app;

import coop.minka.app.pack.PackService;

import static coop.minka.app.ReportFixture.FROM;
import static coop.minka.app.ReportFixture.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The printed assembly pack renders, carries the check code and page number on every page,
/// and prints the same figures as the reports (here in English; [PackLanguageTest] prints it in
/// every language). Set `-Dminka.packOut=FILE` to keep a copy to look at.
class PackTest {
    @TempDir
    static Path dir;
    static Services s;
    static PackService.Pack pack;
    static String[] pages;

    @BeforeAll
    static void setUp() throws Exception {
        s = ReportFixture.create(dir);
        pack = s.pack().write(FROM, TO, dir.resolve("pack.pdf"), java.util.Locale.ENGLISH);
        try (PDDocument doc = Loader.loadPDF(pack.file().toFile())) {
            pages = new String[doc.getNumberOfPages()];
            for (int i = 0; i < pages.length; i++) {
                PDFTextStripper t = new PDFTextStripper();
                t.setStartPage(i + 1);
                t.setEndPage(i + 1);
                pages[i] = t.getText(doc);
            }
        }
        String keep = System.getProperty("minka.packOut");
        if (keep != null) {
            Files.copy(pack.file(), Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterAll
    static void tearDown() {
        s.close();
    }

    @Test
    void everyPageHasTheCooperativeThePeriodThePageNumberAndTheCheckCode() {
        assertEquals(pack.pages(), pages.length);
        assertTrue(pages.length >= 4, "pages: " + pages.length);
        String code = s.checkCodes().compute(FROM, TO).text();
        assertEquals(code, pack.code().text());
        for (int i = 0; i < pages.length; i++) {
            String p = pages[i];
            assertTrue(p.contains("Cooperativa Warmi Minka"), "page " + (i + 1));
            assertTrue(p.contains("Assembly pack Jan 1, 2026 to Mar 31, 2026"), "page " + (i + 1) + ":\n" + p);
            assertTrue(p.contains("Page " + (i + 1) + " of " + pages.length), "page " + (i + 1));
            assertTrue(p.contains("Check code: " + code), "page " + (i + 1));
            assertTrue(p.contains("on Laptop de la tesorera"), "page " + (i + 1));
        }
    }

    @Test
    void printsTheFiguresOfTheReports() {
        String all = String.join("\n", pages);
        for (String figure : new String[] {"407.50", "450.00", "742.50", "310.00", "92.50", "217.50", "64.7%",
            "182.00", "Cash book", "Income and expenditure", "Recognition of shared work", "Hours by women and men",
            "Collective work days", "Member slips", "Hours of work: 6.5, valued at 60.00 BOB", "Savings Ana"}) {
            assertTrue(all.contains(figure), "missing " + figure + " in:\n" + all);
        }
        assertTrue(!all.contains("Flour again"), "an entry after the period was printed");
        for (String member : new String[] {"Ana Quispe", "Rosa Mamani", "Juan Condori", "Alex Flores"}) {
            assertTrue(pages[pages.length - 1].contains(member) || all.contains(member + "\n"), member);
        }
    }

    @Test
    void neverWritesOverAFileButFillsAFolder() {
        var e = assertThrows(MinkaException.class, () -> s.pack().write(FROM, TO, pack.file()));
        assertEquals(ErrorCode.FILE_EXISTS, e.code());
        var second = s.pack().write(FROM, TO, dir, java.util.Locale.ENGLISH);
        assertEquals("assembly-pack-2026-01-01-to-2026-03-31.pdf", second.file().getFileName().toString());
    }
}
