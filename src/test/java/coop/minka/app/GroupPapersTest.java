package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.pack.PackService;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The savings group's papers (design note 34): the pack of a period with issue 14's worked
/// example holds a sheet to sign for each meeting and the share-out statement, with the issue's
/// figures, in the pack's language, covered by the check code that `verify-code` checks; and a
/// member's passbook, as figures and as a PDF slip with its own period's check code.
/// Set `-Dminka.groupOutDir=FOLDER` to keep the PDFs to look at.
class GroupPapersTest {
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);

    @TempDir
    Path dir;

    static String text(Path pdf) throws IOException {
        String keep = System.getProperty("minka.groupOutDir");
        if (keep != null) {
            Files.copy(pdf, Path.of(keep).resolve(pdf.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void thePackHoldsTheMeetingSheetsAndTheShareOutWithTheIssuesFigures() throws IOException {
        try (Services s = GroupFixture.create(dir)) {
            PackService.Pack pack = s.pack().write(FROM, TO, dir.resolve("pack-en.pdf"), Locale.ENGLISH);
            String t = text(pack.file());
            assertTrue(t.contains("Savings group: a sheet to sign for each meeting"), t);
            assertTrue(t.contains("Savings-group meeting of Jan 5, 2026"), t);
            assertTrue(t.contains("Savings-group meeting of Feb 5, 2026"), t);
            // first meeting: shares 5/3/2, the social fund, the loan to Ana; 6.00 counted, no difference
            for (String line : List.of("Ana Quispe present 5 50.00 2.00 0.00 0.00 100.00", "Member Attendance Shares Saved Social fund Repaid Fines Lent",
                    "Juan Mamani represented 2 20.00 2.00 0.00 0.00 0.00",
                    "Total 10 100.00 6.00 0.00 0.00 100.00",
                    "Ana Quispe: 100.00 for 1 months at 10 % a month (flat charge), 110.00 to repay in all",
                    // second meeting: Ana repays 110.00, Rosa's fine; 1.00 short
                    "Ana Quispe present 5 50.00 2.00 110.00 0.00 0.00",
                    "Rosa Condori present 3 30.00 2.00 0.00 5.00 0.00",
                    "Total 10 100.00 6.00 110.00 5.00 0.00",
                    "Cash the box should hold (by the books) 227.00", "Cash counted 226.00",
                    "Difference (counted minus expected) -1.00",
                    // the share-out
                    "Share-out of the cycle started Jan 1, 2026", "To share out 215.00", "Shares in all 20",
                    "Value of one share 10.75", "Social fund kept 12.00", "Ana Quispe 10 107.50",
                    "Rosa Condori 6 64.50", "Juan Mamani 4 43.00", "Total 20 215.00",
                    "Treasurer — name and signature", "Secretary — name and signature",
                    "Member — name and signature")) {
                assertTrue(t.contains(line), "missing \"" + line + "\" in:\n" + t);
            }
            assertTrue(t.contains("Cash the box should hold (by the books) 6.00\nCash counted 6.00\n"
                    + "Difference (counted minus expected) 0.00"), t);

            // the code on the pages is the period's code, and verify-code accepts it
            assertEquals(s.checkCodes().compute(FROM, TO), pack.code());
            assertEquals(pack.code(), s.checkCodes().verify(pack.code().text(), null, null));
            assertTrue(t.contains("Check code: " + pack.code().text()));

            // printed in Spanish: the group's words in Spanish, the same code
            PackService.Pack es = s.pack().write(FROM, TO, dir.resolve("pack-es.pdf"), Locale.forLanguageTag("es"));
            String e = text(es.file());
            assertEquals(pack.code(), es.code());
            for (String line : List.of("Reunión del grupo de ahorro del",
                    "Socia o socio Asistencia Acciones Ahorro Fondo social Devuelto Multas Préstamo",
                    "Ana Quispe presente 5 50.00 2.00 110.00 0.00 0.00", "Juan Mamani representada/o",
                    "Efectivo contado 226.00", "Diferencia (contado menos esperado) -1.00",
                    "Reparto del ciclo iniciado el", "A repartir 215.00", "Valor de una acción 10.75",
                    "Fondo social que se guarda 12.00", "Rosa Condori 6 64.50",
                    "Tesorera/o — nombre y firma", "Secretaria/o — nombre y firma",
                    "Código de control: " + pack.code().text())) {
                assertTrue(e.contains(line), "missing \"" + line + "\" in:\n" + e);
            }
            for (String english : List.of("Savings-group meeting", "Treasurer", "To share out", "Cash counted")) {
                assertFalse(e.contains(english), english);
            }
            // and in French and Portuguese
            for (String[] l : new String[][] {{"fr", "Réunion du groupe d'épargne du", "Trésorier(ère) — nom et signature",
                "À partager 215.00", "Valeur d'une part 10.75"}, {"pt", "Reunião do grupo de poupança de",
                "Tesoureira/o — nome e assinatura", "A partilhar 215.00", "Valor de uma cota 10.75"}}) {
                PackService.Pack p = s.pack().write(FROM, TO, dir.resolve("pack-" + l[0] + ".pdf"),
                        Locale.forLanguageTag(l[0]));
                assertEquals(pack.code(), p.code());
                String x = text(p.file());
                for (int i = 1; i < l.length; i++) {
                    assertTrue(x.contains(l[i]), "missing \"" + l[i] + "\" in:\n" + x);
                }
                for (String english : List.of("Savings-group meeting", "Treasurer", "To share out", "Cash counted")) {
                    assertFalse(x.contains(english), l[0] + ": " + english);
                }
            }
        }
    }

    @Test
    void theCheckCodeCoversWhatOnlyTheSheetsPrint() {
        try (Services s = GroupFixture.create(dir)) {
            s.members().add("Pedro Choque", coop.minka.domain.Gender.MAN, null, null, null);
            CheckCodeServiceView before = new CheckCodeServiceView(s);
            // a meeting with attendance only: no money, no transaction — only its sheet shows it
            s.group().openMeeting(LocalDate.of(2026, 3, 5));
            s.group().attend("Juan", "absent");
            s.group().closeMeeting(null);
            GroupService.Papers papers = s.group().papers(FROM, TO);
            assertEquals(3, papers.meetings().size());
            GroupService.MeetingSheet third = papers.meetings().getLast();
            assertNull(third.counted());
            assertNull(third.difference());
            assertEquals("absent", third.lines().stream().filter(l -> l.name().equals("Juan Mamani")).findFirst()
                    .orElseThrow().attendance());
            // the group as it stood: Ana and Rosa unmarked, a member outside the group not listed
            assertEquals(List.of("Ana Quispe", "Juan Mamani", "Rosa Condori"),
                    third.lines().stream().map(GroupService.SheetLine::name).toList());
            assertNull(third.lines().getFirst().attendance());
            assertEquals(0, third.totals().savings());
            assertNotEquals(before.code, s.checkCodes().compute(FROM, TO).code(), "the sheets are covered");
            MinkaException e = assertThrows(MinkaException.class,
                    () -> s.checkCodes().verify(before.text, null, null));
            assertEquals(ErrorCode.CODE_MISMATCH, e.code());
            // a period without the group's meetings keeps the code it had before the group existed
            assertTrue(s.group().papers(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)).isEmpty());
        }
    }

    /// The code of the worked example's first quarter, taken before a change.
    private record CheckCodeServiceView(String code, String text) {
        CheckCodeServiceView(Services s) {
            this(s.checkCodes().compute(FROM, TO).code(), s.checkCodes().compute(FROM, TO).text());
        }
    }

    @Test
    void thePassbookGivesAMembersFiguresAndItsSlipIsCheckedByItsCode() throws IOException {
        try (Services s = GroupFixture.create(dir)) {
            // after the first meeting: Ana owes the whole loan, the installment is due on Feb 5
            GroupService.Passbook mid = s.group().passbook("Ana", LocalDate.of(2026, 1, 20));
            assertEquals("Ana Quispe", mid.name());
            assertEquals(5, mid.shares());
            assertEquals(5000, mid.savings());
            assertEquals(200, mid.social());
            assertEquals(0, mid.fines());
            assertEquals(150, mid.workMinutes());
            assertEquals(1, mid.loans().size());
            GroupService.PassbookLoan loan = mid.loans().getFirst();
            assertEquals(11000, loan.owed());
            assertEquals(LocalDate.of(2026, 2, 5), loan.next().due());
            assertEquals(11000, loan.nextLeft());

            GroupService.Passbook end = s.group().passbook("Rosa", LocalDate.of(2026, 2, 28));
            assertEquals(6, end.shares());
            assertEquals(6000, end.savings());
            assertEquals(400, end.social());
            assertEquals(500, end.fines());
            assertEquals(1, end.fineCount());
            assertEquals(List.of(), end.loans());
            GroupService.Passbook ana = s.group().passbook("Ana", LocalDate.of(2026, 2, 28));
            assertEquals(0, ana.loans().getFirst().owed());
            assertNull(ana.loans().getFirst().next(), "repaid in full");

            PackService.Passbook slip = s.pack().writePassbook("Ana", LocalDate.of(2026, 1, 20), dir,
                    Locale.forLanguageTag("es"));
            assertEquals("passbook-2026-01-20-Ana-Quispe.pdf", slip.file().getFileName().toString());
            assertEquals(mid, slip.passbook());
            assertEquals(LocalDate.of(2026, 1, 1), slip.code().from());
            assertEquals(LocalDate.of(2026, 1, 20), slip.code().to());
            assertEquals(slip.code(), s.checkCodes().verify(slip.code().text(), null, null));
            String t = text(slip.file());
            for (String line : List.of("Libreta de ahorro", "Ana Quispe", "Acciones compradas 5",
                    "Ahorro (valor de las acciones) 50.00", "Fondo social pagado 2.00", "Multas pagadas 0.00",
                    "Horas de trabajo desde el inicio del ciclo 2.5", "Préstamo de 100.00 dado el",
                    "quedan 110.00 por devolver", "Próxima cuota: 110.00 hasta el",
                    "Código de control: " + slip.code().text(), "minka verify-code")) {
                assertTrue(t.contains(line), "missing \"" + line + "\" in:\n" + t);
            }
        }
    }

    @Test
    void anUnknownMemberOrNoCycleWritesNoPassbook() throws IOException {
        try (Services s = GroupFixture.create(dir)) {
            Path out = dir.resolve("nobody.pdf");
            MinkaException e = assertThrows(MinkaException.class,
                    () -> s.pack().writePassbook("Nadie", LocalDate.of(2026, 1, 20), out, null));
            assertEquals(ErrorCode.UNKNOWN_MEMBER, e.code());
            MinkaException early = assertThrows(MinkaException.class,
                    () -> s.pack().writePassbook("Ana", LocalDate.of(2025, 12, 31), out, null));
            assertEquals(ErrorCode.GROUP_NO_CYCLE, early.code());
            assertFalse(Files.exists(out));
        }
    }
}
