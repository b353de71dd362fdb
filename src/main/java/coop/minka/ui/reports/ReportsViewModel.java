package coop.minka.ui.reports;

import coop.minka.app.export.ExportService;
import coop.minka.app.pack.PackService;
import coop.minka.app.report.ReportService;
import coop.minka.ui.common.Labels;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Figures for the meeting: balances by account and type, and the year's work hours by
/// category, by month and by women and men. Charts and tables come from the same rows.
public final class ReportsViewModel extends ScreenModel {
    /// A labelled amount (minor units) or number of minutes.
    public record Bar(String label, long value) {
    }

    /// One month's hours, split by women, men and others.
    public record MonthHours(String month, long women, long men, long others) {
        public long total() {
            return women + men + others;
        }
    }

    /// Everything the screen shows for one year.
    public record Figures(List<Bar> balancesByType, List<Bar> assetAccounts, List<Bar> hoursByCategory,
                          List<MonthHours> hoursByMonth, List<Bar> hoursByGender, long totalMinutes, long valueMinor) {
    }

    private final ReportService reports;
    private final PackService pack;
    private final ExportService exports;
    /// An object property, so the year box binds to it directly: a bidirectional binding to a
    /// temporary `asObject()` view is held only weakly and stopped working after a garbage
    /// collection (picking another year then did nothing).
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>(ui.today().getYear());
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Figures> figures = new SimpleObjectProperty<>();

    public ReportsViewModel(UiContext ui, ReportService reports, PackService pack, ExportService exports) {
        super(ui);
        this.reports = reports;
        this.pack = pack;
        this.exports = exports;
        int now = ui.today().getYear();
        for (int y = now; y >= now - 9; y--) {
            years.add(y);
        }
        year.addListener((o, a, b) -> reloadNow());
    }

    /// A period of whole days, both ends included.
    private record Period(LocalDate from, LocalDate to) {
    }

    /// The period the screen shows: the chosen year, up to today.
    private Period period() {
        int y = year.get();
        LocalDate to = LocalDate.of(y, 12, 31);
        LocalDate today = ui.today();
        return new Period(LocalDate.of(y, 1, 1), to.isAfter(today) ? today : to);
    }

    /// Writes the printable assembly pack (PDF, with its check code) for the year.
    public void makePack() {
        Period p = period();
        ui.dialogs().saveFile(ui.i18n().t("reports.pack"), "minka-pack-" + year.get() + ".pdf").ifPresent(file ->
                ui.async().run(() -> pack.write(p.from(), p.to(), file), pack -> ui.notices().success(
                        ui.i18n().t("reports.packDone", pack.file().getFileName(), pack.pages(), pack.code().text()))));
    }

    /// Writes every report of the year as CSV files in one zip, for a spreadsheet.
    public void exportCsv() {
        Period p = period();
        ui.dialogs().saveFile(ui.i18n().t("reports.exportCsv"), "minka-" + year.get() + ".zip").ifPresent(file ->
                ui.async().run(() -> exports.export(ExportService.Format.CSV,
                        file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? file
                                : file.resolveSibling(file.getFileName() + ".zip"), p.from(), p.to()),
                        done -> ui.notices().success(ui.i18n().t("reports.exportDone", done.path().getFileName()))));
    }

    /// Asks where to save a chart picture; the view writes the picture there.
    public java.util.Optional<java.nio.file.Path> chartFile(String name) {
        return ui.dialogs().saveFile(ui.i18n().t("reports.saveChart"), name + "-" + year.get() + ".png");
    }

    public void chartSaved(java.nio.file.Path file) {
        ui.notices().success(ui.i18n().t("reports.chartSaved", file.getFileName()));
    }

    public void chartFailed(java.nio.file.Path file, Exception e) {
        ui.notices().error(new coop.minka.domain.MinkaException(coop.minka.domain.ErrorCode.CANNOT_WRITE, e, file));
    }

    @Override
    protected void reload() {
        int y = year.get();
        ui.async().run(() -> compute(y), figures::set);
    }

    private Figures compute(int y) {
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = LocalDate.of(y, 12, 31);
        var balances = reports.balances(to);
        List<Bar> byType = ReportService.totalsByTypeOf(balances).stream()
                .map(t -> new Bar(ui.i18n().t(Labels.key(t.type())), t.total())).toList();
        List<Bar> assets = ReportService.cashAndBankOf(balances).stream()
                .map(b -> new Bar(b.account().name(), b.balance())).toList();
        List<ReportService.WorkRow> cats = reports.work(ReportService.WorkGrouping.CATEGORY, from, to);
        List<Bar> byCategory = cats.stream().map(r -> new Bar(r.label(), r.minutes())).toList();
        // one query for the months, each already split by women, men and others
        Map<String, ReportService.WorkRow> byMonth = new HashMap<>();
        reports.work(ReportService.WorkGrouping.MONTH, from, to).forEach(r -> byMonth.put(r.key(), r));
        List<MonthHours> months = new ArrayList<>();
        long[] split = new long[3]; // the year: women, men, others, in the months' order and colours
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(y, m);
            ReportService.WorkRow r = byMonth.get(ym.toString());
            long women = r == null ? 0 : r.womenMinutes();
            long men = r == null ? 0 : r.menMinutes();
            long others = r == null ? 0 : r.otherMinutes();
            months.add(new MonthHours(ui.i18n().month(ym.toString()), women, men, others));
            split[0] += women;
            split[1] += men;
            split[2] += others;
        }
        List<Bar> byGender = split[0] + split[1] + split[2] == 0 ? List.of() : List.of(
                new Bar(ui.i18n().t("reports.women"), split[0]), new Bar(ui.i18n().t("reports.men"), split[1]),
                new Bar(ui.i18n().t("reports.others"), split[2]));
        long total = cats.stream().mapToLong(ReportService.WorkRow::minutes).sum();
        long value = cats.stream().mapToLong(ReportService.WorkRow::valueMinor).sum();
        return new Figures(byType, assets, byCategory, months, byGender, total, value);
    }

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ObservableList<Integer> years() {
        return years;
    }

    public ObjectProperty<Figures> figuresProperty() {
        return figures;
    }
}
