package coop.minka.ui.reports;

import atlantafx.base.theme.Styles;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Views;
import org.kordamp.ikonli.feather.Feather;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.layout.FlowPane;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import coop.minka.domain.Member;
import java.util.Locale;

/// The treasurer's reports: pick a report and a period; the chosen report is shown as the same
/// table the command line and the CSV file have (or the charts of the period), and saved as CSV
/// or printed as the assembly pack of the period (PDF, in the chosen language). Below, a printed
/// pack's check code can be checked against this laptop's books.
public final class ReportsView extends BorderPane {
    private final I18n i18n;
    private final ReportsViewModel vm;
    private final VBox content = new VBox(16);
    private final ScrollPane charts = new ScrollPane(content);
    private final ReportTableView table = new ReportTableView();

    public ReportsView(ReportsViewModel vm, I18n i18n) {
        this.i18n = i18n;
        this.vm = vm;
        getStyleClass().add("screen");
        setTop(controls());
        charts.setFitToWidth(true);
        content.setPadding(new Insets(12, 4, 12, 0));
        Views.placeholder(table, i18n, "reports.noRows");
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        vm.figuresProperty().addListener((o, a, b) -> render(b));
        vm.readableProperty().addListener((o, a, b) -> table.show(b));
        vm.choiceProperty().addListener((o, a, b) -> showCenter());
        render(vm.figuresProperty().get());
        table.show(vm.readableProperty().get());
        showCenter();
        setBottom(checkCode());
    }

    private void showCenter() {
        setCenter(vm.choiceProperty().get() == ReportsViewModel.Choice.CHARTS ? charts : table);
    }

    /// The report, the period and what to do with them, in rows that wrap at large text sizes.
    private VBox controls() {
        ComboBox<ReportsViewModel.Choice> report = new ComboBox<>(FXCollections.observableArrayList(
                ReportsViewModel.Choice.values()));
        report.setId("report-choice");
        Views.labelled(report, c -> i18n.t(c.key()), "");
        report.valueProperty().bindBidirectional(vm.choiceProperty());
        ComboBox<Member> member = new ComboBox<>();
        member.setId("report-member");
        member.itemsProperty().bind(Bindings.createObjectBinding(() -> {
            var items = FXCollections.<Member>observableArrayList();
            items.add(null);
            items.addAll(vm.members());
            return items;
        }, vm.members()));
        member.valueProperty().bindBidirectional(vm.memberProperty());
        Views.labelled(member, Member::name, i18n.t("reports.allMembers"));
        member.visibleProperty().bind(vm.choiceProperty().isEqualTo(ReportsViewModel.Choice.MEMBER_STATEMENT));
        member.managedProperty().bind(member.visibleProperty());
        FlowPane what = flow(Views.title(i18n, "nav.reports"), label("reports.show"), report, member);

        DatePicker from = Views.datePicker(vm.from());
        from.setId("report-from");
        from.setStyle("-fx-pref-width: 10em;");
        DatePicker to = Views.datePicker(vm.to());
        to.setId("report-to");
        to.setStyle("-fx-pref-width: 10em;");
        ComboBox<Integer> start = new ComboBox<>(vm.months());
        start.setId("report-year-start");
        Views.labelled(start, m -> java.time.Month.of(m).getDisplayName(java.time.format.TextStyle.FULL_STANDALONE,
                i18n.locale()), "");
        start.valueProperty().bindBidirectional(vm.yearStartMonthProperty());
        Views.tip(start, i18n.t("reports.yearStartsTip"));
        FlowPane when = flow(label("reports.from"), from, label("reports.to"), to,
                flat(Views.button(i18n, "reports.thisYear", Feather.CALENDAR, vm::thisYear)),
                flat(Views.button(i18n, "reports.lastYear", Feather.CALENDAR, vm::lastYear)),
                flat(Views.button(i18n, "reports.thisMonth", Feather.CALENDAR, vm::thisMonth)),
                label("reports.yearStarts"), start);

        ComboBox<Locale> language = new ComboBox<>(vm.languages());
        language.setId("report-pack-language");
        Views.labelled(language, l -> l.getDisplayLanguage(l), "");
        language.valueProperty().bindBidirectional(vm.packLanguageProperty());
        Views.tip(language, i18n.t("reports.packLanguageTip"));
        javafx.scene.control.Button csv = Views.button(i18n, "reports.saveCsv", Feather.DOWNLOAD, vm::saveCsv);
        csv.setId("report-save-csv");
        javafx.scene.control.Button print = Views.button(i18n, "reports.print", Feather.PRINTER, vm::makePack);
        print.setId("report-print");
        Views.tip(print, i18n.t("reports.printTip"));
        javafx.scene.control.Button all = flat(Views.button(i18n, "reports.exportCsv", Feather.ARCHIVE,
                vm::exportCsv));
        javafx.scene.control.CheckBox sealed = new javafx.scene.control.CheckBox(i18n.t("reports.packRecovery"));
        sealed.setId("report-pack-recovery");
        sealed.selectedProperty().bindBidirectional(vm.packRecoveryKeyProperty());
        Views.tip(sealed, i18n.t("reports.packRecoveryTip"));
        FlowPane act = flow(csv, print, label("reports.packLanguage"), language, sealed, all);

        Label period = Views.muted("");
        period.textProperty().bind(vm.periodTextProperty());
        period.setWrapText(true);
        period.visibleProperty().bind(vm.periodTextProperty().isNotEmpty());
        period.managedProperty().bind(period.visibleProperty());
        period.getStyleClass().add(Styles.DANGER);
        VBox top = new VBox(8, what, when, act, period);
        top.setPadding(new Insets(0, 0, 4, 0));
        return top;
    }

    /// "Check a printed code": the code as printed on a pack (with its period, or just the ten
    /// characters for the period chosen above) and the answer in plain words.
    private javafx.scene.Node checkCode() {
        TextField code = new TextField();
        code.setId("report-code");
        code.setPromptText(i18n.t("reports.check.prompt"));
        code.textProperty().bindBidirectional(vm.codeProperty());
        code.setPrefColumnCount(28);
        code.setOnAction(e -> vm.checkCode());
        javafx.scene.control.Button check = Views.button(i18n, "reports.check.button", Feather.CHECK_CIRCLE,
                vm::checkCode);
        check.setId("report-check");
        Label result = new Label();
        result.setId("report-check-result");
        result.setWrapText(true);
        vm.checkResultProperty().addListener((o, a, b) -> {
            result.setText(b == null ? "" : b.message());
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
            if (b != null) {
                result.getStyleClass().add(switch (b.outcome()) {
                    case MATCHES -> Styles.SUCCESS;
                    case DIFFERS -> Styles.DANGER;
                    case UNREADABLE -> Styles.WARNING;
                });
            }
        });
        VBox box = new VBox(8, Views.muted(i18n.t("reports.check.help")), flow(code, check), result);
        TitledPane pane = new TitledPane(i18n.t("reports.check.title"), box);
        pane.setId("report-check-pane");
        pane.setExpanded(false);
        return pane;
    }

    private static FlowPane flow(javafx.scene.Node... nodes) {
        FlowPane f = new FlowPane(10, 8, nodes);
        f.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (javafx.scene.Node n : nodes) {
            if (n instanceof javafx.scene.layout.Region r && !(n instanceof TextField)) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        return f;
    }

    private Label label(String key) {
        return new Label(i18n.t(key));
    }

    private static javafx.scene.control.Button flat(javafx.scene.control.Button b) {
        b.getStyleClass().add(Styles.FLAT);
        return b;
    }

    private void render(ReportsViewModel.Figures f) {
        content.getChildren().clear();
        if (f == null) {
            return;
        }
        Label summary = new Label(i18n.t("reports.summaryPeriod", i18n.hours(f.totalMinutes()),
                i18n.money(f.valueMinor())));
        summary.getStyleClass().add(Styles.TITLE_4);
        summary.setWrapText(true);
        content.getChildren().add(summary);
        TilePane charts = new TilePane(16, 16);
        charts.setPrefColumns(2);
        charts.setPrefTileWidth(520);
        charts.getChildren().addAll(
                chartCard("reports.hoursByMonth", "hours-by-month", monthChart(f)),
                chartCard("reports.hoursByCategory", "hours-by-kind", sideways(f.hoursByCategory())),
                chartCard("reports.hoursByGender", "hours-women-men", pie(f)),
                chartCard("reports.moneyAtEnd", "money", barChart(f.assetAccounts(), false)),
                card("reports.balancesAtEnd", balanceTable(f)));
        content.getChildren().add(charts);
        content.getChildren().add(Views.muted(i18n.t("reports.more")));
    }

    /// A card with a chart and a button that saves the chart as a PNG picture.
    private VBox chartCard(String key, String fileName, javafx.scene.Node chart) {
        VBox c = card(key, chart);
        javafx.scene.control.Button save = Views.button(i18n, "reports.saveChart", Feather.IMAGE, () ->
                vm.chartFile(fileName).ifPresent(file -> savePicture(chart, file)));
        save.getStyleClass().add(Styles.FLAT);
        c.getChildren().add(save);
        return c;
    }

    private void savePicture(javafx.scene.Node chart, java.nio.file.Path file) {
        try {
            var image = chart.snapshot(new javafx.scene.SnapshotParameters(), null);
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            vm.chartSaved(file);
        } catch (java.io.IOException | RuntimeException e) {
            vm.chartFailed(file, e);
        }
    }

    private VBox card(String key, javafx.scene.Node body) {
        VBox v = new VBox(8, Views.heading(i18n, key), body);
        v.getStyleClass().add("form-card");
        v.setPadding(new Insets(12));
        VBox.setVgrow(body, Priority.ALWAYS);
        return v;
    }

    private BarChart<String, Number> barChart(java.util.List<ReportsViewModel.Bar> bars, boolean hours) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = numberAxis();
        y.setLabel(hours ? i18n.t("reports.axisHours") : i18n.t("reports.axisMoney", i18n.currencySymbol()));
        BarChart<String, Number> c = new BarChart<>(x, y);
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        for (var b : bars) {
            s.getData().add(new XYChart.Data<>(b.label(), hours ? b.value() / 60.0 : b.value() / Math.pow(10,
                    coop.minka.domain.Money.digits(i18n.currencyProperty().get()))));
        }
        c.getData().add(s);
        c.setLegendVisible(false);
        c.setAnimated(false);
        c.setPrefHeight(280);
        return c;
    }

    /// Horizontal bars, so that long names of kinds of work stay readable.
    private BarChart<Number, String> sideways(java.util.List<ReportsViewModel.Bar> bars) {
        NumberAxis x = numberAxis();
        x.setLabel(i18n.t("reports.axisHours"));
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> c = new BarChart<>(x, y);
        XYChart.Series<Number, String> s = new XYChart.Series<>();
        for (var b : bars) {
            s.getData().add(new XYChart.Data<>(b.value() / 60.0, b.label()));
        }
        c.getData().add(s);
        c.setLegendVisible(false);
        c.setAnimated(false);
        c.setPrefHeight(280);
        return c;
    }

    private StackedBarChart<String, Number> monthChart(ReportsViewModel.Figures f) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = numberAxis();
        y.setLabel(i18n.t("reports.axisHours"));
        StackedBarChart<String, Number> c = new StackedBarChart<>(x, y);
        XYChart.Series<String, Number> women = new XYChart.Series<>();
        women.setName(i18n.t("reports.women"));
        XYChart.Series<String, Number> men = new XYChart.Series<>();
        men.setName(i18n.t("reports.men"));
        XYChart.Series<String, Number> others = new XYChart.Series<>();
        others.setName(i18n.t("reports.others"));
        for (var m : f.hoursByMonth()) {
            women.getData().add(new XYChart.Data<>(m.month(), m.women() / 60.0));
            men.getData().add(new XYChart.Data<>(m.month(), m.men() / 60.0));
            others.getData().add(new XYChart.Data<>(m.month(), m.others() / 60.0));
        }
        c.getData().addAll(java.util.List.of(women, men, others));
        c.setAnimated(false);
        c.setPrefHeight(280);
        return c;
    }

    /// A value axis whose numbers are written the way of the chosen language (`5.000` in
    /// Spanish), like every other number on screen, not the way of the computer's.
    private NumberAxis numberAxis() {
        NumberAxis a = new NumberAxis();
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(i18n.locale());
        a.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return format.format(n);
            }

            @Override
            public Number fromString(String s) {
                return format.parse(s, new java.text.ParsePosition(0));
            }
        });
        return a;
    }

    private javafx.scene.Node pie(ReportsViewModel.Figures f) {
        if (f.hoursByGender().isEmpty()) {
            return Views.muted(i18n.t("reports.noWork"));
        }
        PieChart p = new PieChart();
        // women, men, others in the colours of the same series in the chart by month
        for (int i = 0; i < f.hoursByGender().size(); i++) {
            var b = f.hoursByGender().get(i);
            if (b.value() > 0) {
                PieChart.Data d = new PieChart.Data(b.label() + " · " + i18n.hours(b.value()), b.value());
                p.getData().add(d);
                d.getNode().setStyle("-fx-pie-color: -color-chart-" + (i + 1) + ";");
            }
        }
        p.setAnimated(false);
        p.setLegendVisible(false);
        p.setPrefHeight(280);
        return p;
    }

    private GridPane balanceTable(ReportsViewModel.Figures f) {
        GridPane g = new GridPane();
        g.setHgap(24);
        g.setVgap(8);
        int r = 0;
        for (var b : f.balancesByType()) {
            Label v = new Label(i18n.money(b.value()));
            v.getStyleClass().add("number");
            g.addRow(r++, new Label(b.label()), v);
        }
        return g;
    }
}
