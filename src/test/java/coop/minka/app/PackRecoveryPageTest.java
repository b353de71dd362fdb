package coop.minka.app;

import static coop.minka.app.ReportFixture.FROM;
import static coop.minka.app.ReportFixture.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.pack.PackService;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.store.Keys;
import coop.minka.store.RecoveryKeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The assembly pack's sealed page (issue #13): with the cooperative's recovery key file, the
/// pack has one more page, the last, holding the key, its title and the signature lines in the
/// pack's language; the key is on no other page and the check code does not change. A file
/// that is not this cooperative's current recovery key is refused and nothing is written.
/// Set `-Dminka.packOutDir=FOLDER` to keep the packs to look at.
class PackRecoveryPageTest {
    @TempDir
    static Path dir;
    static Services s;
    static Path keyFile;
    static String secret;

    @BeforeAll
    static void setUp() {
        s = ReportFixture.create(dir);
        s.security().setEncryption(true);
        keyFile = dir.resolve("recovery-key.txt");
        s.security().writeRecoveryKey(keyFile, false);
        secret = RecoveryKeyFile.readIdentity(keyFile);
    }

    @AfterAll
    static void tearDown() {
        s.close();
    }

    /// The text of each page, whitespace kept.
    static String[] pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String[] pages = new String[doc.getNumberOfPages()];
            for (int i = 0; i < pages.length; i++) {
                PDFTextStripper t = new PDFTextStripper();
                t.setStartPage(i + 1);
                t.setEndPage(i + 1);
                pages[i] = t.getText(doc);
            }
            String title = doc.getDocumentInformation().getTitle();
            assertFalse(squeeze(title).contains(secret.substring(16)), "the key is in the PDF's title");
            return pages;
        }
    }

    static String squeeze(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "");
    }

    static void keep(PackService.Pack p, String name) throws IOException {
        String keep = System.getProperty("minka.packOutDir");
        if (keep != null) {
            Files.copy(p.file(), Path.of(keep).resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void theKeyIsOnOneMoreLastPageInTheLanguageOfThePack() throws IOException {
        String[][] expected = {
            {"en", "Recovery key of Cooperativa Warmi Minka — keep sealed in the cash box",
                "This page is not covered by the check code", "Name and signature",
                "minka security recovery-key --new --out FILE", "Check code: "},
            {"es", "Clave de recuperación de Cooperativa Warmi Minka: guardar sellada en la caja",
                "Esta hoja no está cubierta por el código de control", "Nombre y firma",
                "minka security recovery-key --new --out ARCHIVO", "Código de control: "},
        };
        for (String[] e : expected) {
            Locale l = Locale.forLanguageTag(e[0]);
            PackService.Pack plain = s.pack().write(FROM, TO, dir.resolve("plain-" + e[0] + ".pdf"), l);
            PackService.Pack sealed = s.pack().write(FROM, TO, dir.resolve("sealed-" + e[0] + ".pdf"), l, keyFile,
                    Progress.NONE);
            keep(sealed, "sealed-" + e[0] + ".pdf");
            assertEquals(plain.pages() + 1, sealed.pages(), e[0]);
            assertEquals(plain.code(), sealed.code(), "the check code does not cover the sealed page");
            String[] pages = pages(sealed.file());
            assertEquals(sealed.pages(), pages.length);
            String last = pages[pages.length - 1].replaceAll("\\s+", " ");
            assertTrue(squeeze(last).contains(secret), e[0] + ": the key, in groups, is on the last page:\n" + last);
            for (int i = 1; i < 5; i++) {
                assertTrue(last.contains(e[i]), e[0] + " lacks " + e[i] + ":\n" + last);
            }
            assertFalse(last.contains(e[5] + sealed.code().text()), "the sealed page shows no check code");
            String pageWord = e[0].equals("en") ? "Page " : "Página ";
            assertTrue(last.contains(pageWord + pages.length + " "), "the sealed page is numbered:\n" + last);
            for (int i = 0; i < pages.length - 1; i++) {
                assertFalse(squeeze(pages[i]).contains(secret.substring(16)), e[0] + ": the key on page " + (i + 1));
                assertFalse(pages[i].replaceAll("\\s+", " ").contains(e[1]), e[0] + ": the title on page " + (i + 1));
                assertTrue(pages[i].contains(e[5] + sealed.code().text()), "page " + (i + 1) + " keeps its check code");
            }
        }
    }

    @Test
    void withoutTheOptionTheKeyIsNowhere() throws IOException {
        PackService.Pack p = s.pack().write(FROM, TO, dir.resolve("none.pdf"), Locale.ENGLISH);
        String all = String.join("\n", pages(p.file()));
        assertFalse(squeeze(all).contains(secret.substring(16)), all);
        assertFalse(all.contains("Recovery key of"), all);
    }

    @Test
    void aKeyOfAnotherCooperativeOrNoKeyIsRefusedAndNothingIsWritten() throws IOException {
        Path other = dir.resolve("other-key.txt");
        RecoveryKeyFile.write(other, Keys.generateAge().identity(), "another cooperative");
        Path out = dir.resolve("refused.pdf");
        MinkaException e = assertThrows(MinkaException.class,
                () -> s.pack().write(FROM, TO, out, Locale.ENGLISH, other, Progress.NONE));
        assertEquals(ErrorCode.NOT_THIS_RECOVERY_KEY, e.code());
        assertFalse(Files.exists(out));
        assertEquals(ErrorCode.NOT_THIS_RECOVERY_KEY, assertThrows(MinkaException.class,
                () -> s.pack().checkRecoveryKey(other)).code());

        Path garbage = dir.resolve("notes.txt");
        Files.writeString(garbage, "shopping list\n");
        assertEquals(ErrorCode.KEY_FILE_UNREADABLE, assertThrows(MinkaException.class,
                () -> s.pack().write(FROM, TO, out, Locale.ENGLISH, garbage, Progress.NONE)).code());
        assertFalse(Files.exists(out));

        // a mistyped key (its checksum breaks) is not this cooperative's either
        Path typo = dir.resolve("typo.txt");
        char last = secret.charAt(secret.length() - 1);
        RecoveryKeyFile.write(typo, secret.substring(0, secret.length() - 1) + (last == 'Q' ? 'P' : 'Q'), "typo");
        assertEquals(ErrorCode.NOT_THIS_RECOVERY_KEY, assertThrows(MinkaException.class,
                () -> s.pack().write(FROM, TO, out, Locale.ENGLISH, typo, Progress.NONE)).code());
        assertFalse(Files.exists(out));
    }

    @Test
    void theKeyTypedBackFromThePageInGroupsAndLowerCaseIsRead() throws IOException {
        Path typed = dir.resolve("typed.txt");
        String rest = secret.substring(16).toLowerCase(Locale.ROOT);
        StringBuilder groups = new StringBuilder("AGE-SECRET-KEY-1 ");
        for (int i = 0; i < rest.length(); i += 4) {
            groups.append(rest, i, Math.min(rest.length(), i + 4)).append(' ');
        }
        Files.writeString(typed, "# typed back\n" + groups + "\n");
        assertEquals(secret, RecoveryKeyFile.readIdentity(typed));
        s.pack().checkRecoveryKey(typed);
    }

    @Test
    void anOldKeyIsRefusedOnceANewOneWasMade() throws IOException {
        try (Services other = ReportFixture.create(Files.createDirectories(dir.resolve("renewed")))) {
            other.security().setEncryption(true);
            Path old = dir.resolve("renewed-old.txt");
            other.security().writeRecoveryKey(old, false);
            other.pack().checkRecoveryKey(old);
            Path fresh = dir.resolve("renewed-new.txt");
            other.security().writeRecoveryKey(fresh, true);
            assertEquals(ErrorCode.NOT_THIS_RECOVERY_KEY, assertThrows(MinkaException.class,
                    () -> other.pack().checkRecoveryKey(old)).code());
            other.pack().checkRecoveryKey(fresh);
            // the first cooperative's key is not the second's
            assertEquals(ErrorCode.NOT_THIS_RECOVERY_KEY, assertThrows(MinkaException.class,
                    () -> other.pack().checkRecoveryKey(keyFile)).code());
        }
    }
}
