package coop.minka.ui.members;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Icons;
import coop.minka.ui.common.Labels;
import coop.minka.ui.common.Views;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The members screen: search and table on the left; the form or the member page on the right.
public final class MembersView extends BorderPane {
    private final MembersViewModel vm;
    private final I18n i18n;
    private final CustomTextField search = new CustomTextField();
    private final TextField nameField = new TextField();

    public MembersView(MembersViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("screen");
        setTop(header());
        TableView<Member> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        StackPane side = new StackPane(new MemberPageView(vm, i18n), form());
        side.getStyleClass().add("side-panel");
        side.setPrefWidth(430);
        side.setMinWidth(360);
        side.visibleProperty().bind(vm.form().openProperty().or(vm.selectedProperty().isNotNull()));
        side.managedProperty().bind(side.visibleProperty());
        HBox body = new HBox(16, table, side);
        HBox.setHgrow(table, Priority.ALWAYS);
        setCenter(body);
        BorderPane.setMargin(body, new Insets(12, 0, 0, 0));
    }

    private VBox header() {
        search.setPromptText(i18n.t("members.search"));
        search.setLeft(Icons.of(Feather.SEARCH));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setPrefColumnCount(18);
        CheckBox inactive = new CheckBox(i18n.t("members.showInactive"));
        inactive.selectedProperty().bindBidirectional(vm.showInactiveProperty());
        Button add = Views.primary(i18n, "members.add", Feather.USER_PLUS, vm::startAdd);
        add.setId("members-add");
        HBox tools = Views.row(search, inactive, Views.grow(), add);
        return new VBox(8, Views.title(i18n, "nav.members"), tools);
    }

    private TableView<Member> table() {
        TableView<Member> t = new TableView<>();
        t.setId("members-table");
        t.getStyleClass().add(Styles.DENSE);
        SortedList<Member> sorted = new SortedList<>(vm.members());
        sorted.comparatorProperty().bind(t.comparatorProperty());
        t.setItems(sorted);
        TableColumn<Member, String> name = Views.column(i18n, "members.col.name", Member::name, s -> s);
        name.setPrefWidth(220);
        name.setMinWidth(150);
        Views.wrapping(name, s -> s); // a long name takes two lines rather than being cut at 150 %
        TableColumn<Member, Gender> gender = Views.column(i18n, "members.col.gender", Member::gender,
                g -> i18n.t(Labels.key(g)));
        TableColumn<Member, LocalDate> joined = Views.column(i18n, "members.col.joined", Member::joined, i18n::date);
        TableColumn<Member, MemberStatus> status = Views.column(i18n, "members.col.status", Member::status,
                s -> i18n.t(Labels.key(s)));
        TableColumn<Member, String> contact = Views.column(i18n, "members.col.contact", Member::contact, s -> s);
        // the short columns in the text size chosen, so the name and the phone keep their room at 150 %
        Views.inEms(search.fontProperty(), em -> {
            gender.setMinWidth(Math.ceil(5.5 * em));
            gender.setPrefWidth(Math.ceil(5.5 * em));
            joined.setMinWidth(Math.ceil(7.5 * em));
            joined.setPrefWidth(Math.ceil(7.5 * em));
            status.setMinWidth(Math.ceil(5.5 * em));
            status.setPrefWidth(Math.ceil(5.5 * em));
            contact.setPrefWidth(Math.ceil(9 * em));
        });
        t.getColumns().setAll(List.of(name, gender, joined, status, contact));
        t.getSortOrder().add(name);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.placeholder(t, i18n, "members.empty");
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b == null) {
                t.getSelectionModel().clearSelection();
            } else if (t.getSelectionModel().getSelectedItem() != b) {
                t.getItems().stream().filter(m -> m.id().equals(b.id())).findFirst()
                        .ifPresent(m -> t.getSelectionModel().select(m));
            }
        });
        t.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && vm.selectedProperty().get() != null) {
                vm.startEdit();
            }
        });
        return t;
    }

    private ScrollPane form() {
        MemberForm f = vm.form();
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.when(f.editingProperty().isNull())
                .then(i18n.t("members.form.addTitle")).otherwise(i18n.t("members.form.editTitle")));
        nameField.setId("member-name");
        nameField.textProperty().bindBidirectional(f.nameProperty());
        nameField.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        f.nameErrorProperty().addListener((o, a, b) -> nameField.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty()));
        ComboBox<Gender> gender = new ComboBox<>();
        gender.getItems().setAll(Gender.values());
        Views.labelled(gender, g -> i18n.t(Labels.key(g)), "");
        gender.valueProperty().bindBidirectional(f.genderProperty());
        DatePicker joined = Views.datePicker(f.joined());
        TextField contact = new TextField();
        contact.textProperty().bindBidirectional(f.contactProperty());
        TextArea notes = new TextArea();
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(f.notesProperty());
        Label warning = Views.muted("");
        warning.textProperty().bind(f.nameWarningProperty());
        warning.getStyleClass().add("field-warning");
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        Button save = Views.primary(i18n, "action.save", Feather.CHECK, vm::save);
        save.setId("member-save");
        save.disableProperty().bind(vm.canSaveBinding().not());
        save.setDefaultButton(true);
        Button cancel = Views.button(i18n, "action.cancel", null, vm::cancelForm);
        cancel.setCancelButton(true);
        VBox box = new VBox(12, title,
                Views.field(i18n, "members.form.name", nameField, f.nameErrorProperty()), warning,
                Views.field(i18n, "members.form.gender", gender, null),
                Views.field(i18n, "members.form.joined", joined, f.joined().noticeProperty()),
                Views.field(i18n, "members.form.contact", contact, null),
                Views.field(i18n, "members.form.notes", notes, null),
                Views.row(save, cancel));
        box.setPadding(new Insets(16));
        box.getStyleClass().add("form-card");
        f.openProperty().addListener((o, a, b) -> {
            if (b) {
                nameField.requestFocus();
            }
        });
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.visibleProperty().bind(f.openProperty());
        return sp;
    }

    /// Puts the keyboard in the search box (Ctrl+F).
    public void focusSearch() {
        search.requestFocus();
    }
}
