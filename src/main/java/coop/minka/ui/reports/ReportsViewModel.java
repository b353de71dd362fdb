package coop.minka.ui.reports;

import coop.minka.app.Services;
import coop.minka.app.Words;
import coop.minka.app.export.ExportService;
import coop.minka.app.pack.CheckCode;
import coop.minka.app.pack.CheckCodeService;
import coop.minka.app.pack.PackService;
import coop.minka.app.report.ReportService;
import coop.minka.app.report.ReadableTable;
import coop.minka.app.report.ReportTable;
import coop.minka.domain.Member;
import coop.minka.domain.MinkaException;
import coop.minka.ui.common.DateField;
import coop.minka.ui.common.Labels;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.common.Working;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The treasurer's reports for a chosen period: trial balance, balance sheet, income and
/// expenditure, cash book with running balance, member statements (money and hours), audit
/// trail, and the charts of the period. A report's table is the very [ReportTable] the command
/// line and the CSV export print ([ReportService#table]), so the figures cannot differ; it is
/// saved as CSV with the same writer. The period is any two dates, or this (fiscal) year, last
/// year or this month; the month a fiscal year starts in is chosen on this screen.
public final class ReportsViewModel extends ScreenModel {
    /// What the screen shows: the charts, or one report as a table.
    public enum Choice {
        CHARTS(null), TRIAL_BALANCE(ReportService.Report.TRIAL_BALANCE),
        BALANCE_SHEET(ReportService.Report.BALANCE_SHEET), INCOME(ReportService.Report.INCOME),
        CASH_BOOK(ReportService.Report.CASH_BOOK), MEMBER_STATEMENT(ReportService.Report.MEMBER_STATEMENT),
        AUDIT(ReportService.Report.AUDIT);

        private final ReportService.Report report;

        Choice(ReportService.Report report) {
            this.report = report;
        }

        /// The report's table, or null for the charts.
        public ReportService.Report report() {
            return report;
        }

        /// The key of its name on screen.
        public String key() {
            return switch (this) {
                case CHARTS -> "reports.choice.charts";
                case TRIAL_BALANCE -> "reports.choice.trialBalance";
                case BALANCE_SHEET -> "reports.choice.balanceSheet";
                case INCOME -> "reports.choice.income";
                case CASH_BOOK -> "reports.choice.cashBook";
                case MEMBER_STATEMENT -> "reports.choice.memberStatement";
                case AUDIT -> "reports.choice.audit";
            };
        }
    }

    /// A labelled amount (minor units) or number of minutes.
    public record Bar(String label, long value) {
    }

    /// One month's hours, split by women, men and others.
    public record MonthHours(String month, long women, long men, long others) {
        public long total() {
            return women + men + others;
        }
    }

    /// Everything the charts show for one period.
    public record Figures(List<Bar> balancesByType, List<Bar> assetAccounts, List<Bar> hoursByCategory,
                          List<MonthHours> hoursByMonth, List<Bar> hoursByGender, long totalMinutes, long valueMinor) {
    }

    /// What a check of a printed code found.
    public enum CheckOutcome {
        MATCHES, DIFFERS, UNREADABLE
    }

    /// The answer to "do the books still give this code?", in plain words.
    public record CheckResult(CheckOutcome outcome, String message) {
    }

    /// At most this many months are drawn in the chart by month.
    static final int MAX_MONTHS = 24;

    private final Services services;
    private final ReportService reports;
    private final PackService pack;
    private final ExportService exports;
    private final CheckCodeService checkCodes;
    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(Choice.CHARTS);
    private final DateField from;
    private final DateField to;
    /// The month the (fiscal) year starts in, 1 to 12: chosen on this screen (the cooperative's
    /// settings hold no such choice), so "this year" and "last year" can run July to June.
    private final ObjectProperty<Integer> yearStartMonth = new SimpleObjectProperty<>(1);
    private final ObservableList<Integer> months = FXCollections.observableArrayList();
    private final ObservableList<Member> members = FXCollections.observableArrayList();
    private final ObjectProperty<Member> member = new SimpleObjectProperty<>();
    private final ObservableList<Locale> languages = FXCollections.observableArrayList(Words.LANGUAGES);
    private final ObjectProperty<Locale> packLanguage = new SimpleObjectProperty<>();
    /// Whether the pack gets a last, sealed page with the cooperative's recovery key.
    private final BooleanProperty packRecoveryKey = new SimpleBooleanProperty(false);
    private final ObjectProperty<Figures> figures = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportTable> table = new SimpleObjectProperty<>();
    /// The table as people read it: Minka's codes in words, numbers in the user's language.
    private final ObjectProperty<ReportTable> readable = new SimpleObjectProperty<>();
    private final StringProperty periodText = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final ObjectProperty<CheckResult> checkResult = new SimpleObjectProperty<>();
    /// True while both dates are set together (a quick choice), so the screen loads once.
    private boolean adjusting;

    public ReportsViewModel(UiContext ui, Services services) {
        super(ui);
        this.services = services;
        this.reports = services.reports();
        this.pack = services.pack();
        this.exports = services.exports();
        this.checkCodes = services.checkCodes();
        for (int m = 1; m <= 12; m++) {
            months.add(m);
        }
        LocalDate today = ui.today();
        from = new DateField(ui.i18n(), true, LocalDate.of(today.getYear(), 1, 1), ui::today);
        to = new DateField(ui.i18n(), true, LocalDate.of(today.getYear(), 12, 31), ui::today);
        packLanguage.set(Words.language(services.workspace().coop()));
        table.addListener((o, a, b) -> readable.set(b == null ? null : readable(b)));
        choice.addListener((o, a, b) -> reloadNow());
        member.addListener((o, a, b) -> {
            if (choice.get() == Choice.MEMBER_STATEMENT) {
                reloadNow();
            }
        });
        from.valueProperty().addListener((o, a, b) -> periodChanged());
        to.valueProperty().addListener((o, a, b) -> periodChanged());
        yearStartMonth.addListener((o, a, b) -> {
            if (b != null) {
                thisYear();
            }
        });
        ui.i18n().localeProperty().addListener((o, a, b) -> {
            if (table.get() != null || figures.get() != null) {
                reloadNow();
            }
        });
    }

    // ---------------------------------------------------------------- the period

    /// A period of whole days, both ends included.
    public record Period(LocalDate from, LocalDate to) {
    }

    /// The fiscal year that holds `day`, for a year starting on the first of `startMonth`.
    public static Period fiscalYear(LocalDate day, int startMonth) {
        LocalDate start = LocalDate.of(day.getYear(), startMonth, 1);
        if (day.isBefore(start)) {
            start = start.minusYears(1);
        }
        return new Period(start, start.plusYears(1).minusDays(1));
    }

    /// The (fiscal) year of today.
    public void thisYear() {
        setPeriod(fiscalYear(ui.today(), yearStartMonth.get()));
    }

    /// The (fiscal) year before this one.
    public void lastYear() {
        setPeriod(fiscalYear(ui.today().minusYears(1), yearStartMonth.get()));
    }

    /// This calendar month.
    public void thisMonth() {
        YearMonth m = YearMonth.from(ui.today());
        setPeriod(new Period(m.atDay(1), m.atEndOfMonth()));
    }

    /// Shows the period [from, to].
    public void setPeriod(Period p) {
        adjusting = true;
        try {
            from.reset(p.from());
            to.reset(p.to());
        } finally {
            adjusting = false;
        }
        periodChanged();
    }

    /// The period chosen, or empty while a date is missing or the dates are the wrong way round.
    public Optional<Period> period() {
        LocalDate f = from.valueProperty().get();
        LocalDate t = to.valueProperty().get();
        return f == null || t == null || t.isBefore(f) ? Optional.empty() : Optional.of(new Period(f, t));
    }

    private void periodChanged() {
        if (adjusting) {
            return;
        }
        Optional<Period> p = period();
        periodText.set(p.isPresent() ? "" : ui.i18n().t("reports.periodMissing"));
        checkResult.set(null);
        if (p.isPresent()) {
            reloadNow();
        }
    }

    // ---------------------------------------------------------------- loading

    @Override
    protected void reload() {
        Optional<Period> op = period();
        if (op.isEmpty()) {
            periodChanged();
            return;
        }
        Period p = op.get();
        Choice c = choice.get();
        Member m = member.get();
        Locale language = ui.i18n().locale();
        ui.async().run(services.members()::list, list -> {
            Member keep = m == null ? null : list.stream().filter(x -> x.id().equals(m.id())).findFirst().orElse(null);
            members.setAll(list);
            member.set(keep);
        });
        if (c == Choice.CHARTS) {
            ui.async().run(() -> compute(p), f -> {
                figures.set(f);
                table.set(null);
            });
        } else {
            ui.async().run(() -> reports.table(c.report(), p.from(), p.to(), m == null ? null : m.id(), language),
                    t -> table.set(t));
        }
    }

    /// The chosen report's table for the period, in the screen's language, computed now (the
    /// same call the screen makes).
    public ReportTable tableNow(Choice c, Period p, Member m) {
        return reports.table(c.report(), p.from(), p.to(), m == null ? null : m.id(), ui.i18n().locale());
    }

    private Figures compute(Period p) {
        var balances = reports.balances(p.to());
        List<Bar> byType = ReportService.totalsByTypeOf(balances).stream()
                .map(t -> new Bar(ui.i18n().t(Labels.key(t.type())), t.total())).toList();
        List<Bar> assets = ReportService.cashAndBankOf(balances).stream()
                .map(b -> new Bar(b.account().name(), b.balance())).toList();
        List<ReportService.WorkRow> cats = reports.work(ReportService.WorkGrouping.CATEGORY, p.from(), p.to());
        List<Bar> byCategory = cats.stream().map(r -> new Bar(r.label(), r.minutes())).toList();
        // one query for the months, each already split by women, men and others
        Map<String, ReportService.WorkRow> byMonth = new HashMap<>();
        reports.work(ReportService.WorkGrouping.MONTH, p.from(), p.to()).forEach(r -> byMonth.put(r.key(), r));
        List<MonthHours> monthRows = new ArrayList<>();
        long[] split = new long[3]; // women, men, others, in the months' order and colours
        YearMonth last = YearMonth.from(p.to());
        YearMonth first = YearMonth.from(p.from());
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            first = last.minusMonths(MAX_MONTHS - 1);
        }
        for (YearMonth ym = YearMonth.from(p.from()); !ym.isAfter(last); ym = ym.plusMonths(1)) {
            ReportService.WorkRow r = byMonth.get(ym.toString());
            long women = r == null ? 0 : r.womenMinutes();
            long men = r == null ? 0 : r.menMinutes();
            long others = r == null ? 0 : r.otherMinutes();
            if (!ym.isBefore(first)) {
                monthRows.add(new MonthHours(ui.i18n().month(ym.toString()), women, men, others));
            }
            split[0] += women;
            split[1] += men;
            split[2] += others;
        }
        List<Bar> byGender = split[0] + split[1] + split[2] == 0 ? List.of() : List.of(
                new Bar(ui.i18n().t("reports.women"), split[0]), new Bar(ui.i18n().t("reports.men"), split[1]),
                new Bar(ui.i18n().t("reports.others"), split[2]));
        long total = cats.stream().mapToLong(ReportService.WorkRow::minutes).sum();
        long value = cats.stream().mapToLong(ReportService.WorkRow::valueMinor).sum();
        return new Figures(byType, assets, byCategory, monthRows, byGender, total, value);
    }

    // ---------------------------------------------------------------- saving and printing

    private String suffix(Period p) {
        return p.from() + "-to-" + p.to();
    }

    /// Saves the table on screen as a CSV file, with the CSV export's writer; with the charts
    /// shown, every report of the period as CSV files in one zip.
    public void saveCsv() {
        Optional<Period> op = period();
        ReportTable t = table.get();
        if (op.isEmpty()) {
            ui.notices().info(ui.i18n().t("reports.periodMissing"));
            return;
        }
        if (choice.get() == Choice.CHARTS || t == null) {
            exportCsv();
            return;
        }
        ui.dialogs().saveFile(ui.i18n().t("reports.saveCsv"), t.name() + "-" + suffix(op.get()) + ".csv")
                .ifPresent(file -> {
                    Path target = withExtension(file, ".csv");
                    ui.async().run(() -> ReportService.saveCsv(t, target),
                            done -> ui.notices().success(ui.i18n().t("reports.exportDone", done.getFileName())));
                });
    }

    private static Path withExtension(Path file, String ext) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext) ? file
                : file.resolveSibling(file.getFileName() + ext);
    }

    /// Writes the printable assembly pack (PDF, with its check code) for the period in the
    /// chosen language, then offers to open it. With the recovery key asked for, its file is
    /// chosen and checked first: a file that is not this cooperative's key writes nothing.
    public void makePack() {
        Optional<Period> op = period();
        if (op.isEmpty()) {
            ui.notices().info(ui.i18n().t("reports.periodMissing"));
            return;
        }
        Period p = op.get();
        Locale language = packLanguage.get();
        Path key = null;
        if (packRecoveryKey.get()) {
            Optional<Path> k = ui.dialogs().openFile(ui.i18n().t("reports.packRecoveryPick"), null);
            if (k.isEmpty()) {
                return;
            }
            try {
                pack.checkRecoveryKey(k.get());
            } catch (MinkaException e) {
                ui.notices().error(e);
                return;
            }
            key = k.get();
        }
        Path recoveryKey = key;
        ui.dialogs().saveFile(ui.i18n().t("reports.pack"), "assembly-pack-" + suffix(p) + ".pdf").ifPresent(file ->
                ui.async().runShowing(ui.i18n().t("progress.pack"), Working.Stop.CANCEL,
                        progress -> pack.write(p.from(), p.to(), withExtension(file, ".pdf"), language, recoveryKey,
                                progress), made -> {
                    ui.notices().success(ui.i18n().t("reports.packDone", made.file().getFileName(), made.pages(),
                            made.code().text()));
                    if (recoveryKey != null) {
                        ui.notices().info(ui.i18n().t("reports.packSealed", made.pages(), made.file().getFileName()));
                    }
                    if (ui.dialogs().confirm(ui.i18n().t("reports.openTitle"),
                            ui.i18n().t("reports.openQuestion", made.file().getFileName()), ui.i18n().t("reports.open"))) {
                        ui.async().run(() -> {
                            ui.dialogs().openDocument(made.file());
                            return made.file();
                        }, opened -> {
                        }, e -> ui.notices().info(ui.i18n().t("reports.openFailed", made.file())));
                    }
                }, ui.notices()::error));
    }

    /// Writes every report of the period as CSV files in one zip, for a spreadsheet.
    public void exportCsv() {
        Optional<Period> op = period();
        if (op.isEmpty()) {
            ui.notices().info(ui.i18n().t("reports.periodMissing"));
            return;
        }
        Period p = op.get();
        ui.dialogs().saveFile(ui.i18n().t("reports.exportCsv"), "minka-" + suffix(p) + ".zip").ifPresent(file ->
                ui.async().runShowing(ui.i18n().t("progress.csv"), Working.Stop.CANCEL,
                        progress -> exports.export(ExportService.Format.CSV, withExtension(file, ".zip"), p.from(),
                                p.to(), ui.i18n().locale(), progress),
                        done -> ui.notices().success(ui.i18n().t("reports.exportDone", done.path().getFileName())),
                        ui.notices()::error));
    }

    /// Checks a code printed on a pack against this laptop's books for the period printed with
    /// it (or, when only the ten characters are typed, the period chosen on the screen).
    public void checkCode() {
        String typed = code.get() == null ? "" : code.get().strip();
        Period p = period().orElse(new Period(null, null));
        ui.async().run(() -> check(typed, p), checkResult::set);
    }

    private CheckResult check(String typed, Period p) {
        CheckCode given;
        try {
            given = CheckCode.parse(typed, p.from(), p.to());
        } catch (MinkaException e) {
            return new CheckResult(CheckOutcome.UNREADABLE, ui.i18n().t("reports.check.unreadable", ui.i18n().message(e)));
        }
        CheckCode here = checkCodes.compute(given.from(), given.to());
        String period = ui.i18n().t("reports.period", ui.i18n().date(given.from()), ui.i18n().date(given.to()));
        return here.code().equals(given.code())
                ? new CheckResult(CheckOutcome.MATCHES, ui.i18n().t("reports.check.matches", period, here.code()))
                : new CheckResult(CheckOutcome.DIFFERS, ui.i18n().t("reports.check.differs", period, given.code(),
                        here.code()));
    }

    // ---------------------------------------------------------------- charts

    /// Asks where to save a chart picture; the view writes the picture there.
    public Optional<Path> chartFile(String name) {
        String s = period().map(this::suffix).orElse("");
        return ui.dialogs().saveFile(ui.i18n().t("reports.saveChart"), name + "-" + s + ".png");
    }

    public void chartSaved(Path file) {
        ui.notices().success(ui.i18n().t("reports.chartSaved", file.getFileName()));
    }

    public void chartFailed(Path file, Exception e) {
        ui.notices().error(new MinkaException(coop.minka.domain.ErrorCode.CANNOT_WRITE, e, file));
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    public DateField from() {
        return from;
    }

    public DateField to() {
        return to;
    }

    public ObjectProperty<Integer> yearStartMonthProperty() {
        return yearStartMonth;
    }

    public ObservableList<Integer> months() {
        return months;
    }

    public ObservableList<Member> members() {
        return members;
    }

    public ObjectProperty<Member> memberProperty() {
        return member;
    }

    public ObservableList<Locale> languages() {
        return languages;
    }

    public ObjectProperty<Locale> packLanguageProperty() {
        return packLanguage;
    }

    public BooleanProperty packRecoveryKeyProperty() {
        return packRecoveryKey;
    }

    public ObjectProperty<Figures> figuresProperty() {
        return figures;
    }

    public ObjectProperty<ReportTable> tableProperty() {
        return table;
    }

    /// The table on screen: the [#tableProperty] (kept as it is for the CSV file) with Minka's
    /// codes (`asset`, `woman`) in words as the command line prints them ([ReadableTable]) and
    /// its numbers in the user's language (`3.929,30`).
    public ReadOnlyObjectProperty<ReportTable> readableProperty() {
        return readable;
    }

    private ReportTable readable(ReportTable t) {
        ReportTable words = ReadableTable.of(t, Words.of(ui.i18n().locale()), null);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : words.rows()) {
            List<String> row = new ArrayList<>(r);
            for (int c = 0; c < row.size() && c < words.numeric().size(); c++) {
                if (words.numeric().get(c)) {
                    row.set(c, ui.i18n().decimal(row.get(c)));
                }
            }
            rows.add(row);
        }
        return new ReportTable(words.name(), words.title(), words.headers(), words.numeric(), rows, words.kinds());
    }

    /// What is wrong with the period chosen, in plain words; empty when it is fine.
    public StringProperty periodTextProperty() {
        return periodText;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ObjectProperty<CheckResult> checkResultProperty() {
        return checkResult;
    }
}
