package coop.minka.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.ReportFixture;
import coop.minka.app.Services;
import coop.minka.app.WorkService;
import coop.minka.app.Workspace;
import coop.minka.app.report.ReportTable;
import coop.minka.app.report.ReportTables;
import coop.minka.cli.CliRunner;
import coop.minka.store.Keys;
import coop.minka.store.RecoveryKeyFile;
import coop.minka.ui.UiFixture;
import coop.minka.ui.reports.ReportsViewModel.Choice;
import coop.minka.ui.reports.ReportsViewModel.Period;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void hoursByCategoryMonthAndGenderAddUp() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "r")) {
            int year = UiFixture.today().getYear();
            s.work().add(new WorkService.Entry("Ana Quispe", LocalDate.of(year, 1, 15), "2", "CARE", null, null));
            s.work().add(new WorkService.Entry("Juan Mamani", LocalDate.of(year, 1, 16), "1", "MEET", null, null));
            s.work().add(new WorkService.Entry("Ana Quispe", LocalDate.of(year - 1, 6, 1), "5", "CARE", null, null));
            ReportsViewModel vm = new ReportsViewModel(f.ui, s);
            vm.shown();
            ReportsViewModel.Figures r = vm.figuresProperty().get();
            assertEquals(180, r.totalMinutes());
            assertEquals(2, r.hoursByCategory().size());
            assertEquals(12, r.hoursByMonth().size());
            assertEquals(120, r.hoursByMonth().getFirst().women());
            assertEquals(60, r.hoursByMonth().getFirst().men());
            assertEquals(180, r.hoursByGender().stream().mapToLong(ReportsViewModel.Bar::value).sum());
            vm.lastYear();
            assertEquals(300, vm.figuresProperty().get().totalMinutes());
            vm.thisMonth();
            assertEquals(1, vm.figuresProperty().get().hoursByMonth().size());
        }
    }

    @Test
    void quickChoicesFollowAFiscalYearThatStartsInJuly() {
        UiFixture f = new UiFixture(); // today is 2026-06-15
        try (Services s = f.books(dir, "q")) {
            ReportsViewModel vm = new ReportsViewModel(f.ui, s);
            vm.shown();
            assertEquals(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), vm.period().orElseThrow());
            vm.yearStartMonthProperty().set(7);
            assertEquals(new Period(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30)), vm.period().orElseThrow());
            vm.lastYear();
            assertEquals(new Period(LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30)), vm.period().orElseThrow());
            vm.thisMonth();
            assertEquals(new Period(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)), vm.period().orElseThrow());
            assertEquals(new Period(LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30)),
                    ReportsViewModel.fiscalYear(LocalDate.of(2026, 7, 1), 7));
            vm.to().valueProperty().set(LocalDate.of(2026, 5, 1)); // before the first day
            assertTrue(vm.period().isEmpty());
            assertEquals(f.i18n.t("reports.periodMissing"), vm.periodTextProperty().get());
        }
    }

    /// The screen's tables are the command line's `--csv` rows, and the CSV export's (the tables
    /// the pack prints, from one read of the books), for several periods: a quarter, a fiscal
    /// year from July, a period across the turn of a year, one month.
    @Test
    void theScreenShowsTheSameFiguresAsTheCommandLineAndTheExport() {
        ReportFixture.create(dir).close();
        Path db = dir.resolve("warmi.db");
        List<Period> periods = List.of(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                ReportsViewModel.fiscalYear(LocalDate.of(2026, 3, 1), 7),
                new Period(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 2, 28)),
                new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        Map<Choice, String> commands = new LinkedHashMap<>();
        commands.put(Choice.TRIAL_BALANCE, "trial-balance");
        commands.put(Choice.BALANCE_SHEET, "balance-sheet");
        commands.put(Choice.INCOME, "income");
        commands.put(Choice.CASH_BOOK, "cash-book");
        commands.put(Choice.MEMBER_STATEMENT, "member-statement");
        commands.put(Choice.AUDIT, "audit");
        CliRunner cli = new CliRunner(db);
        List<String> fromCli = new ArrayList<>();
        for (Period p : periods) {
            for (String c : commands.values()) {
                fromCli.add(cli.ok("report", c, "--from", p.from().toString(), "--to", p.to().toString(), "--csv"));
            }
        }
        UiFixture f = new UiFixture();
        try (Services s = new Services(Workspace.open(db, () -> ReportFixture.NOW))) {
            f.i18n.currencyProperty().set(s.workspace().currency());
            ReportsViewModel vm = new ReportsViewModel(f.ui, s);
            vm.shown();
            assertEquals(Locale.forLanguageTag("es"), vm.packLanguageProperty().get(),
                    "the pack is in the cooperative's language (es,en) unless another is chosen");
            int i = 0;
            for (Period p : periods) {
                vm.setPeriod(p);
                List<ReportTable> exported = s.exports().tables(p.from(), p.to(), Locale.ENGLISH);
                for (Choice c : commands.keySet()) {
                    vm.choiceProperty().set(c);
                    ReportTable shown = vm.tableProperty().get();
                    String where = c + " " + p;
                    assertEquals(lines(fromCli.get(i++)), lines(shown.csv()), where);
                    ReportTable same = exported.stream().filter(t -> t.name().equals(shown.name())).findFirst()
                            .orElseThrow();
                    assertEquals(same.csv(), shown.csv(), where);
                    assertEquals(same.kinds(), shown.kinds(), where);
                }
            }
            // the member statement shows money and hours: Ana's hours as the statement service has them
            Period q = periods.getFirst();
            vm.setPeriod(q);
            vm.choiceProperty().set(Choice.MEMBER_STATEMENT);
            vm.memberProperty().set(vm.members().stream().filter(m -> m.name().equals("Ana Quispe")).findFirst()
                    .orElseThrow());
            ReportTable ana = vm.tableProperty().get();
            var st = s.reports().statements().memberStatements("Ana Quispe", q.from(), q.to()).getFirst();
            assertEquals(390, st.workMinutes());
            List<String> work = ana.rows().getLast();
            assertEquals(List.of("Ana Quispe", "", "", "Work in the period", "", "", "", "",
                    ReportTables.h(st.workMinutes()), ReportTables.m(st.workValueMinor(), s.workspace().currency())),
                    work);
            assertEquals(ReportTable.RowKind.TOTAL, ana.kinds().getLast());
            assertTrue(ana.rows().stream().allMatch(r -> r.getFirst().equals("Ana Quispe")));
            assertEquals("100.00", ana.rows().get(ana.rows().size() - 2).get(7), "closing balance of her savings");
        }
    }

    /// In Spanish the trial balance on screen says "activo", not Minka's code `asset`, as the
    /// command line prints it, and its amounts are written the Spanish way; the table behind it
    /// (the CSV file's) keeps the code and the plain number.
    @Test
    void theSpanishTrialBalanceOnScreenIsInWordsAndSpanishNumbers() {
        ReportFixture.create(dir).close();
        Path db = dir.resolve("warmi.db");
        Period p = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        String fromCli = new CliRunner(db).ok("--lang", "es", "report", "trial-balance", "--from",
                p.from().toString(), "--to", p.to().toString());
        UiFixture f = new UiFixture();
        f.i18n.localeProperty().set(Locale.forLanguageTag("es"));
        try (Services s = new Services(Workspace.open(db, () -> ReportFixture.NOW))) {
            f.i18n.currencyProperty().set(s.workspace().currency());
            ReportsViewModel vm = new ReportsViewModel(f.ui, s);
            vm.shown();
            vm.setPeriod(p);
            vm.choiceProperty().set(Choice.TRIAL_BALANCE);
            ReportTable csv = vm.tableProperty().get();
            ReportTable screen = vm.readableProperty().get();
            assertEquals(csv.rows().size(), screen.rows().size());
            assertTrue(csv.rows().stream().anyMatch(r -> r.get(2).equals("asset")), "the CSV keeps the code");
            assertTrue(screen.rows().stream().anyMatch(r -> r.get(2).equals("activo")), "activo on screen");
            assertTrue(screen.rows().stream().noneMatch(r -> r.get(2).equals("asset")));
            assertTrue(fromCli.contains("activo"), "the command line says the same word");
            assertEquals(csv.csv(), vm.tableProperty().get().csv());
            for (int i = 0; i < csv.rows().size(); i++) {
                for (int c = 3; c < csv.headers().size(); c++) {
                    String plain = csv.rows().get(i).get(c);
                    String shown = screen.rows().get(i).get(c);
                    if (!plain.isEmpty()) {
                        assertEquals(new java.math.BigDecimal(plain), new java.math.BigDecimal(
                                shown.replace(".", "").replace(',', '.').replace('\u2212', '-')), plain + " " + shown);
                    }
                }
            }
            assertTrue(screen.rows().stream().anyMatch(r -> r.get(3).matches("-?[0-9.]*[0-9],[0-9]{2}")),
                    "amounts with a decimal comma: " + screen.rows());
        }
    }

    /// The lines of a CSV text (the command line's output is captured with plain line ends).
    private static List<String> lines(String csv) {
        return csv.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void theShownTableIsSavedAsCsvAndThePackInTheChosenLanguageIsOfferedToOpen() throws Exception {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "p")) {
            int year = UiFixture.today().getYear();
            s.work().add(new WorkService.Entry("Ana Quispe", LocalDate.of(year, 1, 15), "2", "CARE", null, null));
            ReportsViewModel vm = new ReportsViewModel(f.ui, s);
            vm.shown();
            vm.choiceProperty().set(Choice.MEMBER_STATEMENT);
            f.dialogs.fileAnswer = Optional.of(dir.resolve("ana"));
            vm.saveCsv();
            assertEquals(vm.tableProperty().get().csv(), Files.readString(dir.resolve("ana.csv")));
            assertTrue(Files.readString(dir.resolve("ana.csv")).contains("HOURS,VALUE"));
            assertEquals(Locale.ENGLISH, vm.packLanguageProperty().get(), "the cooperative's language");
            vm.packLanguageProperty().set(Locale.forLanguageTag("es"));
            Path pdf = dir.resolve("pack.pdf");
            f.dialogs.fileAnswer = Optional.of(pdf);
            vm.makePack();
            assertTrue(Files.size(pdf) > 1000);
            assertEquals(List.of(pdf), f.dialogs.opened, "offered to open, and opened");
            assertTrue(f.notices.latest().text().contains("pack.pdf"), f.notices.latest().text());
            f.dialogs.confirmAnswer = false;
            Path other = dir.resolve("other.pdf");
            f.dialogs.fileAnswer = Optional.of(other);
            vm.makePack();
            assertTrue(Files.exists(other));
            assertEquals(List.of(pdf), f.dialogs.opened, "not opened when the person says no");
            Path zip = dir.resolve("year");
            f.dialogs.fileAnswer = Optional.of(zip);
            vm.exportCsv();
            assertTrue(Files.size(dir.resolve("year.zip")) > 100, "a .zip is added to a bare name");
            f.dialogs.fileAnswer = Optional.of(pdf);
            vm.makePack();
            assertEquals(coop.minka.ui.common.Notices.Kind.ERROR, f.notices.latest().kind(), "never overwrites a file");
        }
    }

    @Test
    void thePackWithTheRecoveryKeyAsksForItsFileAndRefusesAnotherCooperativesKey() throws Exception {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "p")) {
            s.security().setEncryption(true);
            Path key = dir.resolve("key.txt");
            s.security().writeRecoveryKey(key, false);
            Path other = dir.resolve("other-key.txt");
            RecoveryKeyFile.write(other, Keys.generateAge().identity(), "another cooperative");
            ReportsViewModel vm = new ReportsViewModel(f.ui, s);
            vm.shown();
            vm.packRecoveryKeyProperty().set(true);
            Path pdf = dir.resolve("sealed.pdf");
            f.dialogs.fileAnswer = Optional.of(pdf);
            f.dialogs.confirmAnswer = false;

            f.dialogs.openAnswer = Optional.empty();
            vm.makePack();
            assertFalse(Files.exists(pdf), "no key file chosen: no pack");

            f.dialogs.openAnswer = Optional.of(other);
            vm.makePack();
            assertEquals(coop.minka.ui.common.Notices.Kind.ERROR, f.notices.latest().kind());
            assertTrue(f.notices.latest().text().contains("not the recovery key of this cooperative"),
                    f.notices.latest().text());
            assertFalse(Files.exists(pdf), "another cooperative's key: nothing written");

            f.dialogs.openAnswer = Optional.of(key);
            vm.makePack();
            assertTrue(f.notices.latest().text().contains("sealed.pdf"), f.notices.latest().text());
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                var text = new org.apache.pdfbox.text.PDFTextStripper();
                text.setStartPage(doc.getNumberOfPages());
                assertTrue(text.getText(doc).replaceAll("\\s+", "").contains(RecoveryKeyFile.readIdentity(key)));
            }
        }
    }

    @Test
    void aPrintedCodeMatchesTheBooksUntilTheyChange() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "c")) {
            ReportFixture.post(s, "2026-02-01", "Dues", null, "1000", "20", "4000");
            ReportsViewModel vm = new ReportsViewModel(f.ui, s);
            vm.shown();
            vm.setPeriod(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
            String printed = s.checkCodes().compute(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).text();
            assertNull(vm.checkResultProperty().get());
            vm.codeProperty().set(printed);
            vm.checkCode();
            assertEquals(ReportsViewModel.CheckOutcome.MATCHES, vm.checkResultProperty().get().outcome());
            // only the ten characters, lower case, for the period chosen on the screen
            vm.codeProperty().set(printed.substring(printed.indexOf(' ') + 1).toLowerCase(Locale.ROOT));
            vm.checkCode();
            assertEquals(ReportsViewModel.CheckOutcome.MATCHES, vm.checkResultProperty().get().outcome());
            ReportFixture.post(s, "2026-03-01", "Dues", null, "1000", "5", "4000");
            vm.codeProperty().set(printed);
            vm.checkCode();
            ReportsViewModel.CheckResult r = vm.checkResultProperty().get();
            assertEquals(ReportsViewModel.CheckOutcome.DIFFERS, r.outcome());
            assertTrue(r.message().startsWith("A different code"), r.message());
            vm.codeProperty().set("2026-01-01..2026-03-31 ABCD");
            vm.checkCode();
            assertEquals(ReportsViewModel.CheckOutcome.UNREADABLE, vm.checkResultProperty().get().outcome());
            assertNotNull(vm.checkResultProperty().get().message());
        }
    }
}
