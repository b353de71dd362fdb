package coop.minka.ui.work;

import atlantafx.base.theme.Styles;
import coop.minka.domain.WorkKind;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Labels;
import coop.minka.ui.common.Views;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The kinds-of-work panel beside the work table: the kinds with their current rate, a form to
/// add one, and for the chosen kind its name and a new rate from a date on.
final class KindsOfWorkPanel extends javafx.scene.layout.BorderPane {
    KindsOfWorkPanel(KindsOfWork k, I18n i18n) {
        getStyleClass().addAll("side-panel", "form-card");
        setId("kinds-panel");
        setPadding(new Insets(16));
        setPrefWidth(420);
        setMinWidth(340);
        visibleProperty().bind(k.openProperty());
        managedProperty().bind(visibleProperty());
        Label title = new Label(i18n.t("kinds.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.HBox.setHgrow(title, javafx.scene.layout.Priority.ALWAYS);
        Label help = Views.muted(i18n.t("kinds.help"));

        TableView<KindsOfWork.Row> table = new TableView<>(k.rows());
        table.setId("kinds-table");
        TableColumn<KindsOfWork.Row, String> name = Views.column(i18n, "kinds.col.name", KindsOfWork.Row::name, s -> s);
        TableColumn<KindsOfWork.Row, String> kind = Views.column(i18n, "kinds.col.kind", KindsOfWork.Row::kind, s -> s);
        TableColumn<KindsOfWork.Row, String> rate = Views.numberColumn(i18n, "kinds.col.rate", KindsOfWork.Row::rate,
                s -> s);
        table.getColumns().setAll(List.of(name, kind, rate));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(140);
        Views.placeholder(table, i18n, "kinds.empty");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> k.selectedProperty().set(b));
        k.selectedProperty().addListener((o, a, b) -> {
            if (b != table.getSelectionModel().getSelectedItem()) {
                if (b == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(b);
                }
            }
        });

        // adding a kind
        TextField newName = new TextField();
        newName.setId("kinds-new-name");
        newName.textProperty().bindBidirectional(k.newNameProperty());
        ComboBox<WorkKind> newKind = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(WorkKind.values()));
        newKind.valueProperty().bindBidirectional(k.newKindProperty());
        Views.labelled(newKind, w -> i18n.t(Labels.key(w)), "");
        TextField newRate = new TextField();
        newRate.setId("kinds-new-rate");
        newRate.textProperty().bindBidirectional(k.newRateProperty());
        newRate.setPrefColumnCount(6);
        Button add = Views.primary(i18n, "kinds.add", Feather.PLUS, k::add);
        add.setId("kinds-add");
        add.disableProperty().bind(k.canAddBinding().not());
        FlowPane addForm = new FlowPane(10, 8, Views.field(i18n, "kinds.name", newName, null),
                Views.field(i18n, "kinds.kind", newKind, null),
                Views.field(i18n, "kinds.rate", newRate, null), new VBox(add));
        addForm.setRowValignment(javafx.geometry.VPos.BOTTOM);

        // the chosen kind
        TextField rename = new TextField();
        rename.setId("kinds-name");
        rename.textProperty().bindBidirectional(k.nameProperty());
        Button renameButton = Views.button(i18n, "kinds.rename", Feather.EDIT_2, k::rename);
        renameButton.setId("kinds-rename");
        renameButton.disableProperty().bind(k.canRenameBinding().not());
        TextField newRateFrom = new TextField();
        newRateFrom.setId("kinds-rate");
        newRateFrom.textProperty().bindBidirectional(k.rateProperty());
        newRateFrom.setPrefColumnCount(6);
        DatePicker from = Views.datePicker(k.rateFrom());
        from.setId("kinds-rate-from");
        from.setPrefWidth(150);
        Button setRate = Views.button(i18n, "kinds.setRate", Feather.CHECK, k::setRate);
        setRate.setId("kinds-set-rate");
        setRate.disableProperty().bind(k.canSetRateBinding().not());
        Label history = new Label();
        history.setWrapText(true);
        history.setId("kinds-history");
        history.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> k.selectedProperty().get() == null ? "" : k.selectedProperty().get().history(),
                k.selectedProperty()));
        FlowPane renameForm = new FlowPane(10, 8, Views.field(i18n, "kinds.name", rename, null), new VBox(renameButton));
        renameForm.setRowValignment(javafx.geometry.VPos.BOTTOM);
        FlowPane rateForm = new FlowPane(10, 8, Views.field(i18n, "kinds.newRate", newRateFrom, null),
                Views.field(i18n, "kinds.from", from, k.rateFrom().noticeProperty()), new VBox(setRate));
        rateForm.setRowValignment(javafx.geometry.VPos.BOTTOM);
        VBox chosen = new VBox(8, Views.heading(i18n, "kinds.chosen"), renameForm, rateForm,
                Views.muted(i18n.t("kinds.fromHelp")), Views.heading(i18n, "kinds.history"), history);
        chosen.visibleProperty().bind(k.selectedProperty().isNotNull());
        chosen.managedProperty().bind(chosen.visibleProperty());

        VBox fields = new VBox(12, Views.heading(i18n, "kinds.addTitle"), addForm, table, chosen, help);
        fields.setPadding(new Insets(8, 4, 8, 0));
        ScrollPane middle = new ScrollPane(fields);
        middle.setFitToWidth(true);
        Button close = Views.button(i18n, "kinds.close", Feather.X, k::toggle);
        var head = Views.row(title, close);
        title.setMinWidth(0); // wraps instead of running past the panel (Views.row keeps labels whole)
        head.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        setTop(head);
        setCenter(middle);
    }
}
