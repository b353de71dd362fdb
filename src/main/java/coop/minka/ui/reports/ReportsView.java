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

/// Charts of the year: balances, hours by category, by month (women and men) and by gender.
public final class ReportsView extends BorderPane {
    private final I18n i18n;
    private final ReportsViewModel vm;
    private final VBox content = new VBox(16);

    public ReportsView(ReportsViewModel vm, I18n i18n) {
        this.i18n = i18n;
        this.vm = vm;
        getStyleClass().add("screen");
        ComboBox<Integer> year = new ComboBox<>(vm.years());
        year.valueProperty().bindBidirectional(vm.yearProperty());
        setTop(Views.row(Views.title(i18n, "nav.reports"), Views.grow(), new Label(i18n.t("reports.year")), year,
                Views.button(i18n, "reports.pack", Feather.PRINTER, vm::makePack),
                Views.button(i18n, "reports.exportCsv", Feather.DOWNLOAD, vm::exportCsv)));
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        content.setPadding(new Insets(12, 4, 12, 0));
        setCenter(sp);
        vm.figuresProperty().addListener((o, a, b) -> render(b));
        render(vm.figuresProperty().get());
    }

    private void render(ReportsViewModel.Figures f) {
        content.getChildren().clear();
        if (f == null) {
            return;
        }
        Label summary = new Label(i18n.t("reports.summary", i18n.hours(f.totalMinutes()), i18n.money(f.valueMinor())));
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
                chartCard("reports.money", "money", barChart(f.assetAccounts(), false)),
                card("reports.balancesByType", balanceTable(f)));
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
