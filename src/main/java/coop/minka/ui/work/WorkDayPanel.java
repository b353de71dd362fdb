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
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The collective work day panel: date, category, hours, and a tick list of members.
final class WorkDayPanel extends VBox {
    WorkDayPanel(WorkViewModel vm, I18n i18n) {
        super(10);
        WorkDay d = vm.day();
        getStyleClass().addAll("side-panel", "form-card");
        setPadding(new Insets(16));
        setPrefWidth(380);
        setMinWidth(320);
        visibleProperty().bind(d.openProperty());
        managedProperty().bind(visibleProperty());
        Label title = new Label(i18n.t("work.day.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        DatePicker date = Views.datePicker(i18n);
        date.valueProperty().bindBidirectional(d.dateProperty());
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
        Runnable fill = () -> ticks.getChildren().setAll(d.attendees().stream().map(a -> {
            CheckBox c = new CheckBox(a.member().name());
            c.selectedProperty().bindBidirectional(a.presentProperty());
            c.setWrapText(true);
            c.getStyleClass().add("attendee");
            return c;
        }).toList());
        d.attendees().addListener((ListChangeListener<WorkDay.Attendee>) c -> fill.run());
        fill.run();
        ScrollPane list = new ScrollPane(ticks);
        list.setFitToWidth(true);
        list.setId("workday-attendees");
        VBox.setVgrow(list, Priority.ALWAYS);
        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(() -> i18n.t("work.day.count", d.tickedBinding().get()),
                d.tickedBinding()));
        Button all = Views.button(i18n, "work.day.tickAll", Feather.CHECK_SQUARE, d::tickAll);
        Button save = Views.primary(i18n, "work.day.save", Feather.CHECK, vm::saveWorkDay);
        save.setId("workday-save");
        save.disableProperty().bind(vm.canSaveDayBinding().not());
        Button cancel = Views.button(i18n, "action.cancel", null, vm::cancelWorkDay);
        getChildren().addAll(title, Views.field(i18n, "work.date", date, null),
                Views.field(i18n, "work.category", cat, null),
                Views.field(i18n, "work.day.hoursEach", hours, d.hoursErrorProperty()),
                Views.field(i18n, "work.note", note, null),
                Views.row(new Label(i18n.t("work.day.who")), Views.grow(), all), list, count, Views.row(save, cancel));
    }
}
