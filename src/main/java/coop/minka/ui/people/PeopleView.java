package coop.minka.ui.people;

import atlantafx.base.theme.Styles;
import coop.minka.domain.Member;
import coop.minka.domain.Role;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Views;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The people screen: everyone who uses Minka with their roles on the left; adding a person,
/// changing one, or one's own PIN on the right.
public final class PeopleView extends BorderPane {
    private final PeopleViewModel vm;
    private final I18n i18n;
    private final TextField nameField = new TextField();

    public PeopleView(PeopleViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("screen");
        setTop(header());
        TableView<PeopleViewModel.Row> table = table();
        BorderPane side = form();
        side.getStyleClass().add("side-panel");
        side.setPrefWidth(430);
        side.setMinWidth(360);
        side.visibleProperty().bind(vm.form().modeProperty().isNotEqualTo(PersonForm.Mode.CLOSED));
        side.managedProperty().bind(side.visibleProperty());
        HBox body = new HBox(16, table, side);
        HBox.setHgrow(table, Priority.ALWAYS);
        setCenter(body);
        BorderPane.setMargin(body, new Insets(12, 0, 0, 0));
    }

    private VBox header() {
        Button add = Views.primary(i18n, "people.add", Feather.USER_PLUS, vm::startAdd);
        add.setId("people-add");
        add.disableProperty().bind(vm.canAddBinding().not());
        Button edit = Views.button(i18n, "people.edit", Feather.EDIT_2, vm::startEdit);
        edit.setId("people-edit");
        edit.disableProperty().bind(vm.canEditBinding().not());
        Button pin = Views.button(i18n, "people.changePin", Feather.KEY, vm::startChangePin);
        pin.setId("people-pin");
        pin.disableProperty().bind(vm.canChangePinBinding().not());
        Label intro = Views.muted(i18n.t("people.intro"));
        intro.setMaxWidth(900);
        HBox tools = Views.row(add, edit, pin);
        return new VBox(8, Views.title(i18n, "nav.people"), intro, tools);
    }

    private TableView<PeopleViewModel.Row> table() {
        TableView<PeopleViewModel.Row> t = new TableView<>(vm.rows());
        t.setId("people-table");
        t.getStyleClass().add(Styles.DENSE);
        TableColumn<PeopleViewModel.Row, String> name = Views.column(i18n, "people.col.name", r -> r.person().name(),
                s -> s);
        name.setPrefWidth(200);
        name.setMinWidth(140);
        TableColumn<PeopleViewModel.Row, String> roles = Views.column(i18n, "people.col.roles",
                r -> vm.roles(r.person()), s -> s);
        roles.setPrefWidth(260);
        roles.setMinWidth(140);
        TableColumn<PeopleViewModel.Row, String> member = Views.column(i18n, "people.col.member",
                PeopleViewModel.Row::member, s -> s);
        t.getColumns().setAll(List.of(name, roles, member));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.placeholder(t, i18n, "people.empty");
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b == null) {
                t.getSelectionModel().clearSelection();
            } else if (t.getSelectionModel().getSelectedItem() != b) {
                t.getItems().stream().filter(r -> r.person().id().equals(b.person().id())).findFirst()
                        .ifPresent(r -> t.getSelectionModel().select(r));
            }
        });
        t.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && vm.canEditBinding().get()) {
                vm.startEdit();
            }
        });
        return t;
    }

    /// The form scrolls; its Save and Cancel stay at the bottom, always in sight.
    private BorderPane form() {
        PersonForm f = vm.form();
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> switch (f.modeProperty().get()) {
            case EDIT -> i18n.t("people.form.editTitle", f.editingProperty().get() == null ? ""
                    : f.editingProperty().get().name());
            case PIN -> i18n.t("people.form.pinTitle");
            default -> i18n.t("people.form.addTitle");
        }, f.modeProperty(), f.editingProperty()));
        Label firstNote = Views.muted(i18n.t("people.form.firstNote"));
        firstNote.setId("people-first-note");
        firstNote.visibleProperty().bind(f.firstProperty().and(f.modeProperty().isEqualTo(PersonForm.Mode.ADD)));
        firstNote.managedProperty().bind(firstNote.visibleProperty());

        nameField.setId("person-name");
        nameField.textProperty().bindBidirectional(f.nameProperty());
        VBox name = Views.field(i18n, "people.form.name", nameField, null);

        VBox roles = new VBox(8);
        Label rolesLabel = new Label(i18n.t("people.form.roles"));
        rolesLabel.getStyleClass().add("field-label");
        roles.getChildren().add(rolesLabel);
        for (Role r : Role.values()) {
            CheckBox c = new CheckBox(i18n.t(coop.minka.ui.common.Labels.key(r)));
            c.setId("role-" + r.wire());
            c.selectedProperty().bindBidirectional(f.roleProperty(r));
            c.setMnemonicParsing(false);
            Label explain = Views.muted(vm.explain(r));
            explain.setPadding(new Insets(0, 0, 0, 26));
            roles.getChildren().add(new VBox(2, c, explain));
        }
        Label rolesError = new Label();
        rolesError.getStyleClass().add("field-error");
        rolesError.setWrapText(true);
        rolesError.textProperty().bind(vm.rolesErrorBinding());
        rolesError.visibleProperty().bind(rolesError.textProperty().isNotEmpty());
        rolesError.managedProperty().bind(rolesError.visibleProperty());
        roles.getChildren().add(rolesError);

        ComboBox<Member> member = new ComboBox<>();
        member.setId("person-member");
        member.getItems().add(null);
        member.getItems().addAll(vm.memberChoices());
        vm.memberChoices().addListener((javafx.collections.ListChangeListener<Member>) c -> {
            Member keep = member.getValue();
            member.getItems().setAll(vm.memberChoices());
            member.getItems().addFirst(null);
            member.setValue(keep);
        });
        Views.labelled(member, Member::name, i18n.t("people.form.noMember"));
        member.valueProperty().bindBidirectional(f.memberProperty());
        VBox memberBox = Views.field(i18n, "people.form.member", member, null);

        PasswordField current = pinField("person-current-pin", f.currentPinProperty());
        VBox currentBox = Views.field(i18n, "people.form.currentPin", current, null);
        PasswordField pin = pinField("person-pin", f.pinProperty());
        PasswordField again = pinField("person-pin-again", f.pinAgainProperty());
        VBox pinBox = Views.field(i18n, "people.form.pin", pin, null);
        Label pinHelp = Views.muted(i18n.t("people.form.pinHelp", PersonForm.MIN_PIN, PersonForm.MAX_PIN));
        VBox againBox = Views.field(i18n, "people.form.pinAgain", again, vm.pinErrorBinding());

        var details = f.modeProperty().isNotEqualTo(PersonForm.Mode.PIN);
        for (var n : List.of(name, roles, memberBox)) {
            n.visibleProperty().bind(details);
            n.managedProperty().bind(details);
        }
        var newPin = f.modeProperty().isNotEqualTo(PersonForm.Mode.EDIT);
        for (var n : List.of(pinBox, pinHelp, againBox)) {
            n.visibleProperty().bind(newPin);
            n.managedProperty().bind(newPin);
        }
        var onlyPin = f.modeProperty().isEqualTo(PersonForm.Mode.PIN);
        currentBox.visibleProperty().bind(onlyPin);
        currentBox.managedProperty().bind(onlyPin);

        Button save = Views.primary(i18n, "action.save", Feather.CHECK, vm::save);
        save.setId("person-save");
        save.disableProperty().bind(vm.canSaveBinding().not());
        save.setDefaultButton(true);
        Button cancel = Views.button(i18n, "action.cancel", null, vm::cancelForm);
        cancel.setCancelButton(true);
        VBox box = new VBox(12, title, firstNote, name, roles, memberBox, currentBox, pinBox, pinHelp, againBox);
        box.setPadding(new Insets(16));
        f.modeProperty().addListener((o, a, b) -> {
            if (b == PersonForm.Mode.ADD || b == PersonForm.Mode.EDIT) {
                nameField.requestFocus();
            } else if (b == PersonForm.Mode.PIN) {
                current.requestFocus();
            }
        });
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        javafx.scene.layout.HBox buttons = Views.row(save, cancel);
        buttons.setPadding(new Insets(12, 16, 16, 16));
        BorderPane card = new BorderPane(sp);
        card.setBottom(buttons);
        card.getStyleClass().add("form-card");
        return card;
    }

    /// A PIN field that takes digits only, at most [PersonForm#MAX_PIN].
    private static PasswordField pinField(String id, javafx.beans.property.StringProperty value) {
        PasswordField p = new PasswordField();
        p.setId(id);
        p.setPrefColumnCount(PersonForm.MAX_PIN);
        p.setMaxWidth(260);
        p.setTextFormatter(new javafx.scene.control.TextFormatter<String>(c ->
                c.getControlNewText().matches("[0-9]{0," + PersonForm.MAX_PIN + "}") ? c : null));
        p.textProperty().bindBidirectional(value);
        return p;
    }
}
