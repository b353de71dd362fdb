package coop.minka.ui.accounts;

import atlantafx.base.theme.Styles;
import coop.minka.domain.Account;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Icons;
import coop.minka.ui.common.TypeAhead;
import coop.minka.ui.common.Views;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The new-transaction form with its live difference.
final class TransactionFormView extends ScrollPane {
    private final AccountsViewModel vm;
    private final I18n i18n;
    private final GridPane grid = new GridPane();
    private final TextField memo = new TextField();

    TransactionFormView(AccountsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        TransactionForm f = vm.transactionForm();
        setFitToWidth(true);
        visibleProperty().bind(f.openProperty());
        Label title = new Label(i18n.t("accounts.form.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        DatePicker date = Views.datePicker(f.date());
        memo.setId("tx-memo");
        memo.textProperty().bindBidirectional(f.memoProperty());
        TextField ref = new TextField();
        ref.textProperty().bindBidirectional(f.referenceProperty());
        ref.setPrefColumnCount(8);
        GridPane head = new GridPane();
        head.setHgap(12);
        head.addRow(0, Views.field(i18n, "accounts.form.date", date, f.date().noticeProperty()),
                Views.field(i18n, "accounts.form.memo", memo, null),
                Views.field(i18n, "accounts.form.reference", ref, null));
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        head.getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
        grid.setHgap(8);
        grid.setVgap(6);
        f.lines().addListener((ListChangeListener<TransactionForm.Line>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved();
            }
            if (structural) {
                renderLines();
            }
        });
        renderLines();
        Button add = Views.button(i18n, "accounts.form.addLine", Feather.PLUS, f::addLine);
        Button balance = Views.button(i18n, "accounts.form.balance", Feather.GIT_COMMIT, f::fillDifference);
        Views.tip(balance, i18n.t("accounts.form.balanceHelp"));
        Label diff = new Label();
        diff.setId("tx-difference");
        diff.setWrapText(true);
        diff.getStyleClass().add(Styles.TEXT_BOLD);
        Runnable showDiff = () -> {
            long d = f.differenceProperty().get();
            boolean readable = f.amountsReadableProperty().get();
            diff.setText(!readable ? i18n.t("accounts.form.unreadable")
                    : d == 0 ? (f.totalDebitProperty().get() == 0 ? i18n.t("accounts.form.enterAmounts")
                    : i18n.t("accounts.form.balanced"))
                    : i18n.t("accounts.form.difference", i18n.money(Math.abs(d)),
                    i18n.t(d > 0 ? "accounts.form.moreDebit" : "accounts.form.moreCredit")));
            diff.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            diff.getStyleClass().add(readable && d == 0 && f.totalDebitProperty().get() > 0 ? Styles.SUCCESS : Styles.DANGER);
        };
        f.differenceProperty().addListener((o, a, b) -> showDiff.run());
        f.totalDebitProperty().addListener((o, a, b) -> showDiff.run());
        f.amountsReadableProperty().addListener((o, a, b) -> showDiff.run());
        showDiff.run();
        Button save = Views.primary(i18n, "action.save", Feather.CHECK, vm::saveTransaction);
        save.setId("tx-save");
        save.disableProperty().bind(vm.canSaveTransactionBinding().not());
        Button cancel = Views.button(i18n, "action.cancel", null, vm::cancelTransaction);
        Label saveHelp = Views.muted(i18n.t("accounts.form.saveHelp"));
        saveHelp.visibleProperty().bind(vm.canSaveTransactionBinding().not());
        // what the two columns mean, in one line each side: the words are the double-entry ones
        Label sides = Views.muted(i18n.t("accounts.form.sidesHelp"));
        sides.setId("tx-sides-help");
        Label keys = Views.muted(i18n.t("money.keysHelp"));
        VBox box = new VBox(12, title, head, sides, grid, Views.row(add, balance), diff, Views.row(save, cancel), saveHelp,
                keys);
        box.setPadding(new Insets(16));
        box.getStyleClass().add("form-card");
        setContent(box);
        FormKeys.install(box, vm::saveTransaction, vm::cancelTransaction);
        f.openProperty().addListener((o, a, b) -> {
            if (b) {
                memo.requestFocus();
            }
        });
    }

    private void renderLines() {
        TransactionForm f = vm.transactionForm();
        grid.getChildren().clear();
        grid.addRow(0, header("accounts.form.account"), header("accounts.form.debit"), header("accounts.form.credit"));
        int r = 1;
        for (TransactionForm.Line l : f.lines()) {
            ComboBox<Account> account = new ComboBox<>(vm.accountChoices());
            account.setId("tx-account-" + r);
            account.valueProperty().bindBidirectional(l.accountProperty());
            Views.labelled(account, a -> a.code() + "  " + a.name(), i18n.t("accounts.form.chooseAccount"));
            TypeAhead.install(account, a -> a.code() + " " + a.name());
            account.setMaxWidth(Double.MAX_VALUE);
            account.setPrefWidth(260);
            TextField debit = amountField(l.debitProperty());
            debit.setId("tx-debit-" + r);
            TextField credit = amountField(l.creditProperty());
            credit.setId("tx-credit-" + r);
            Button remove = new Button(null, Icons.of(Feather.TRASH_2));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            Views.tip(remove, i18n.t("accounts.form.removeLine"));
            remove.setOnAction(e -> f.removeLine(l));
            remove.disableProperty().bind(Bindings.size(f.lines()).lessThanOrEqualTo(2));
            grid.addRow(r++, account, debit, credit, remove);
            GridPane.setHgrow(account, Priority.ALWAYS);
        }
    }

    private TextField amountField(javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(7);
        t.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        p.addListener((o, a, b) -> t.pseudoClassStateChanged(Styles.STATE_DANGER, !vm.amountProblem(b).isEmpty()));
        return t;
    }

    private Label header(String key) {
        Label l = new Label(i18n.t(key));
        l.getStyleClass().add("field-label");
        return l;
    }
}
