package coop.minka.ui.work;

import atlantafx.base.theme.Styles;
import coop.minka.domain.WorkCategory;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Views;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The collective work day panel: date, category, hours, and a tick list of members.
final class WorkDayPanel extends javafx.scene.layout.BorderPane {
    WorkDayPanel(WorkViewModel vm, I18n i18n) {
        WorkDay d = vm.day();
        // widths in em (minka.css): at 150 % text the buttons inside still fit without a sideways scroll
        getStyleClass().addAll("side-panel", "form-card", "work-day-panel");
        setPadding(new Insets(16));
        visibleProperty().bind(d.openProperty());
        managedProperty().bind(visibleProperty());
        Label title = new Label(i18n.t("work.day.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        DatePicker date = Views.datePicker(d.date());
        ComboBox<WorkCategory> cat = new ComboBox<>(vm.categories());
        cat.valueProperty().bindBidirectional(d.categoryProperty());
        Views.labelled(cat, WorkCategory::name, "");
        TextField hours = new TextField();
        hours.setId("workday-hours");
        hours.textProperty().bindBidirectional(d.hoursProperty());
        TextField note = new TextField();
        note.textProperty().bindBidirectional(d.noteProperty());
        VBox ticks = new VBox(6);
        ticks.setPadding(new Insets(4));
        Runnable fill = () -> ticks.getChildren().setAll(d.shown().stream().map(a -> {
            CheckBox c = new CheckBox(a.member().name());
            c.selectedProperty().bindBidirectional(a.presentProperty());
            c.setWrapText(true);
            c.getStyleClass().add("attendee");
            return c;
        }).toList());
        d.shown().addListener((ListChangeListener<WorkDay.Attendee>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved();
            }
            if (structural) {
                fill.run();
            }
        });
        fill.run();
        ticks.setId("workday-attendees");
        Label count = new Label();
        count.setId("workday-chosen");
        count.textProperty().bind(Bindings.createStringBinding(() -> i18n.t("work.day.chosen",
                d.tickedBinding().get(), d.attendees().size()), d.tickedBinding(), d.attendees()));
        TextField search = new TextField();
        search.setId("workday-search");
        search.setPromptText(i18n.t("work.day.search"));
        search.textProperty().bindBidirectional(d.searchProperty());
        Button all = Views.button(i18n, "work.day.selectShown", Feather.CHECK_SQUARE, d::selectShown);
        all.setId("workday-select-shown");
        Button none = Views.button(i18n, "work.day.clearChosen", Feather.SQUARE, d::clearChosen);
        none.setId("workday-clear");
        Button save = Views.primary(i18n, "work.day.save", Feather.CHECK, vm::saveWorkDay);
        save.setId("workday-save");
        save.disableProperty().bind(vm.canSaveDayBinding().not());
        Button cancel = Views.button(i18n, "action.cancel", null, vm::cancelWorkDay);
        WorkView.wideEnough(date);
        hours.setPrefColumnCount(4);
        javafx.scene.layout.FlowPane when = new javafx.scene.layout.FlowPane(10, 8,
                Views.field(i18n, "work.date", date, d.date().noticeProperty()),
                Views.field(i18n, "work.day.hoursEach", hours, d.hoursErrorProperty()));
        VBox fields = new VBox(10, when, Views.field(i18n, "work.category", cat, null),
                Views.field(i18n, "work.note", note, null),
                new Label(i18n.t("work.day.who")), search, new javafx.scene.layout.FlowPane(8, 6, all, none),
                ticks);
        fields.setPadding(new Insets(8, 4, 8, 0));
        ScrollPane middle = new ScrollPane(fields);
        middle.setFitToWidth(true);
        setTop(title);
        setCenter(middle);
        VBox bottom = new VBox(8, count, new javafx.scene.layout.FlowPane(8, 6, save, cancel));
        bottom.setPadding(new Insets(8, 0, 0, 0));
        setBottom(bottom);
    }
}
