package coop.minka.ui.accounts;

import atlantafx.base.theme.Styles;
import coop.minka.domain.AccountType;
import coop.minka.domain.Member;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Labels;
import coop.minka.ui.common.Views;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The new-account form.
final class AccountFormView extends ScrollPane {
    AccountFormView(AccountsViewModel vm, I18n i18n) {
        AccountForm f = vm.accountForm();
        setFitToWidth(true);
        visibleProperty().bind(f.openProperty());
        Label title = new Label();
        title.textProperty().bind(Bindings.when(f.editingProperty().isNull()).then(i18n.t("accounts.newAccount"))
                .otherwise(i18n.t("accounts.changeAccount")));
        var fixed = f.editingProperty().isNotNull();
        title.getStyleClass().add(Styles.TITLE_3);
        TextField code = new TextField();
        code.textProperty().bindBidirectional(f.codeProperty());
        code.setPromptText("1300");
        TextField name = new TextField();
        name.textProperty().bindBidirectional(f.nameProperty());
        ComboBox<AccountType> type = new ComboBox<>();
        type.getItems().setAll(AccountType.values());
        Views.labelled(type, t -> i18n.t(Labels.key(t)), "");
        type.valueProperty().bindBidirectional(f.typeProperty());
        ComboBox<Member> member = new ComboBox<>();
        member.itemsProperty().bind(Bindings.createObjectBinding(() -> {
            var items = javafx.collections.FXCollections.<Member>observableArrayList();
            items.add(null);
            items.addAll(vm.memberChoices());
            return items;
        }, vm.memberChoices()));
        Views.labelled(member, Member::name, i18n.t("accounts.form.noMember"));
        member.valueProperty().bindBidirectional(f.memberProperty());
        code.disableProperty().bind(fixed);
        type.disableProperty().bind(fixed);
        member.disableProperty().bind(fixed);
        CheckBox cash = new CheckBox(i18n.t("accounts.form.cash"));
        cash.setId("account-cash");
        cash.setWrapText(true);
        cash.selectedProperty().bindBidirectional(f.cashProperty());
        cash.disableProperty().bind(f.cashAllowedBinding().not());
        CheckBox archived = new CheckBox(i18n.t("accounts.form.archived"));
        archived.selectedProperty().bindBidirectional(f.archivedProperty());
        archived.visibleProperty().bind(fixed);
        archived.managedProperty().bind(fixed);
        Button save = Views.primary(i18n, "action.save", Feather.CHECK, vm::saveAccount);
        save.disableProperty().bind(vm.canSaveAccountBinding().not());
        Button cancel = Views.button(i18n, "action.cancel", null, vm::cancelAccount);
        VBox box = new VBox(12, title, Views.field(i18n, "accounts.form.code", code, f.codeErrorProperty()),
                Views.field(i18n, "accounts.form.name", name, null),
                Views.field(i18n, "accounts.form.type", type, null),
                Views.field(i18n, "accounts.form.member", member, null),
                Views.muted(i18n.t("accounts.form.memberHelp")), cash, Views.muted(i18n.t("accounts.form.cashHelp")),
                archived, Views.row(save, cancel));
        box.setPadding(new Insets(16));
        box.getStyleClass().add("form-card");
        box.setMaxWidth(560);
        setContent(box);
    }
}
