package coop.minka.ui.home;

import atlantafx.base.theme.Styles;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Icons;
import coop.minka.ui.common.Views;
import coop.minka.ui.main.MainActions;
import coop.minka.ui.main.Screen;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The dashboard: four cards, and shortcuts to the everyday tasks.
public final class HomeView extends BorderPane {
    private final I18n i18n;
    private final Consumer<Screen> go;
    private final GridPane cards = new GridPane();
    private final Label title = new Label();

    /// `go` opens a screen; `actions` are the main window's commands (new member, log work…).
    public HomeView(HomeViewModel vm, I18n i18n, Consumer<Screen> go, MainActions actions) {
        this.i18n = i18n;
        this.go = go;
        getStyleClass().add("screen");
        title.getStyleClass().addAll(Styles.TITLE_2, "screen-title");
        title.setWrapText(true);
        Button log = Views.primary(i18n, "home.logWork", Feather.CLOCK, actions.logWork());
        Button tx = Views.button(i18n, "home.newTransaction", Feather.DOLLAR_SIGN, actions.newTransaction());
        Button member = Views.button(i18n, "home.addMember", Feather.USER_PLUS, actions.newMember());
        Button sync = Views.button(i18n, "home.sync", Feather.REFRESH_CW, () -> go.accept(Screen.SYNC));
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(10, 10, log, tx, member, sync);
        cards.setHgap(16);
        cards.setVgap(16);
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(50);
            c.setFillWidth(true);
            cards.getColumnConstraints().add(c);
        }
        VBox content = new VBox(16, title, buttons, cards);
        content.setPadding(new Insets(0, 4, 12, 0));
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        setCenter(sp);
        vm.dashboardProperty().addListener((o, a, b) -> render(b));
        render(vm.dashboardProperty().get());
    }

    private void render(HomeViewModel.Dashboard d) {
        cards.getChildren().clear();
        if (d == null) {
            return;
        }
        title.setText(d.coopName());
        GridPane money = grid();
        int r = 0;
        for (var l : d.money()) {
            money.addRow(r++, new Label(l.label()), number(i18n.money(l.value())));
        }
        Label total = number(i18n.money(d.moneyTotal()));
        total.getStyleClass().add(Styles.TITLE_3);
        cards.add(card(Feather.DOLLAR_SIGN, "home.money", money, total), 0, 0);
        GridPane hours = grid();
        r = 0;
        for (var l : d.hoursByCategory()) {
            hours.addRow(r++, new Label(l.label()), number(i18n.hours(l.value())));
        }
        VBox work = new VBox(10, hours.getChildren().isEmpty() ? Views.muted(i18n.t("home.noWorkYet")) : hours,
                genderBar(d));
        cards.add(card(Feather.CLOCK, "home.workThisMonth", work,
                Views.muted(i18n.t("home.activeMembers", d.activeMembers()))), 1, 0);
        VBox syncs = new VBox(6);
        if (d.lastSyncs().isEmpty()) {
            syncs.getChildren().add(Views.muted(i18n.t("home.neverSynced")));
        }
        for (var s : d.lastSyncs()) {
            Label line = new Label(s.at() == null ? i18n.t("home.syncNever", s.laptop())
                    : i18n.t("home.syncAt", s.laptop(), i18n.dateTime(s.at())));
            line.setWrapText(true); // a long laptop name takes two lines at 150 %, not "…"
            syncs.getChildren().add(line);
        }
        cards.add(card(Feather.REFRESH_CW, "home.lastSync", syncs, null), 0, 1);
        VBox attention = new VBox(8);
        if (d.attention().isEmpty()) {
            Label ok = new Label(i18n.t("home.allGood"), Icons.of(Feather.CHECK_CIRCLE));
            ok.getStyleClass().add(Styles.SUCCESS);
            ok.setWrapText(true);
            attention.getChildren().add(ok);
        }
        for (var a : d.attention()) {
            Button b = new Button(a.text(), Icons.of(Feather.ALERT_TRIANGLE));
            b.getStyleClass().addAll(Styles.FLAT, Styles.WARNING);
            b.setWrapText(true);
            b.setOnAction(e -> go.accept(a.screen()));
            attention.getChildren().add(b);
        }
        cards.add(card(Feather.BELL, "home.attention", attention, null), 1, 1);
    }

    private javafx.scene.Node genderBar(HomeViewModel.Dashboard d) {
        Label l = new Label(i18n.t("home.womenMen", i18n.hours(d.womenMinutes()), i18n.hours(d.menMinutes()),
                i18n.hours(d.otherMinutes())));
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private VBox card(Feather icon, String key, javafx.scene.Node body, javafx.scene.Node footer) {
        Label h = new Label(i18n.t(key), Icons.of(icon));
        h.getStyleClass().add(Styles.TITLE_4);
        h.setWrapText(true);
        VBox v = new VBox(12, h, body);
        if (footer != null) {
            v.getChildren().add(footer);
        }
        v.getStyleClass().addAll("form-card", "home-card");
        v.setMaxHeight(Double.MAX_VALUE);
        GridPane.setFillHeight(v, true);
        v.setPadding(new Insets(16));
        return v;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(24);
        g.setVgap(6);
        return g;
    }

    private static Label number(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("number");
        return l;
    }
}
