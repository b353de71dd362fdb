package coop.minka.ui.members;

import atlantafx.base.theme.Styles;
import coop.minka.domain.MemberStatus;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Labels;
import coop.minka.ui.common.Views;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// One member's page: details, this year's hours, their latest work and their account lines.
final class MemberPageView extends ScrollPane {
    private final MembersViewModel vm;
    private final I18n i18n;
    private final VBox box = new VBox(12);

    MemberPageView(MembersViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setFitToWidth(true);
        box.setPadding(new Insets(16));
        box.getStyleClass().add("form-card");
        setContent(box);
        visibleProperty().bind(vm.form().openProperty().not());
        vm.pageProperty().addListener((o, a, b) -> render(b));
        render(vm.pageProperty().get());
    }

    private void render(MembersViewModel.MemberPage p) {
        box.getChildren().clear();
        if (p == null) {
            return;
        }
        Label name = new Label(p.member().name());
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        String facts = i18n.t(Labels.key(p.member().gender())) + " · " + i18n.t(Labels.key(p.member().status()))
                + (p.member().joined() == null ? "" : " · " + i18n.t("members.page.joined", i18n.date(p.member().joined())));
        Button edit = Views.button(i18n, "members.edit", Feather.EDIT_2, vm::startEdit);
        edit.setId("member-edit");
        Button status = p.member().status() == MemberStatus.ACTIVE
                ? Views.button(i18n, "members.deactivate", Feather.USER_X, vm::deactivate)
                : Views.button(i18n, "members.reactivate", Feather.USER_CHECK, vm::reactivate);
        // the buttons flow onto a second line rather than widen a narrow panel (150 % text)
        box.getChildren().addAll(name, Views.muted(facts), new javafx.scene.layout.FlowPane(10, 8, edit, status));
        if (p.member().contact() != null) {
            box.getChildren().add(Views.muted(p.member().contact()));
        }
        if (p.member().notes() != null) {
            box.getChildren().add(Views.muted(p.member().notes()));
        }
        Label hours = new Label(i18n.t("members.page.hoursThisYear", i18n.hours(p.minutesThisYear())));
        hours.getStyleClass().add(Styles.TITLE_4);
        hours.setWrapText(true);
        box.getChildren().addAll(hours, Views.heading(i18n, "members.page.work"));
        if (p.work().isEmpty()) {
            box.getChildren().add(Views.muted(i18n.t("members.page.noWork")));
        }
        GridPane work = grid();
        int r = 0;
        for (var w : p.work().subList(0, Math.min(12, p.work().size()))) {
            work.addRow(r++, fixed(i18n.date(w.date())), cell(w.category()), right(i18n.hours(w.minutes())));
        }
        box.getChildren().add(work);
        box.getChildren().add(Views.heading(i18n, "members.page.accounts"));
        if (p.accounts().isEmpty()) {
            box.getChildren().add(Views.muted(i18n.t("members.page.noAccounts")));
        }
        GridPane acc = grid();
        r = 0;
        for (var a : p.accounts()) {
            acc.addRow(r++, fixed(a.code()), cell(a.name()), right(i18n.money(a.balance())));
        }
        box.getChildren().add(acc);
        if (!p.statement().isEmpty()) {
            box.getChildren().add(Views.heading(i18n, "members.page.statement"));
            GridPane st = grid();
            r = 0;
            for (var s : p.statement().subList(0, Math.min(20, p.statement().size()))) {
                st.addRow(r++, fixed(i18n.date(s.date())), cell(s.memo()), right(i18n.money(s.amount())));
            }
            box.getChildren().add(st);
        }
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(4);
        return g;
    }

    private static Label cell(String s) {
        Label l = new Label(s == null ? "" : s);
        l.setWrapText(true);
        return l;
    }

    /// A date, code or number: kept on one line (a narrow panel or big text wraps the text
    /// beside it instead, never "5,5 h" into three lines).
    private static Label fixed(String s) {
        Label l = new Label(s == null ? "" : s);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label right(String s) {
        Label l = fixed(s);
        l.getStyleClass().add("number");
        return l;
    }
}
