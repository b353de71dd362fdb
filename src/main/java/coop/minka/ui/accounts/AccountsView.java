package coop.minka.ui.accounts;

import atlantafx.base.theme.Styles;
import coop.minka.domain.AccountType;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Labels;
import coop.minka.ui.common.Views;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The accounts screen: chart of accounts by type on the left; journal (or a form) on the right.
public final class AccountsView extends BorderPane {
    private final AccountsViewModel vm;
    private final I18n i18n;
    private final TreeTableView<AccountsViewModel.AccountRow> tree = new TreeTableView<>();

    public AccountsView(AccountsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("screen");
        Button newTx = Views.primary(i18n, "accounts.newTransaction", Feather.PLUS, vm::newTransaction);
        newTx.setId("tx-new");
        MenuButton templates = new MenuButton(i18n.t("accounts.templates"));
        templates.setGraphic(coop.minka.ui.common.Icons.of(Feather.ZAP));
        for (Template t : Template.values()) {
            MenuItem mi = new MenuItem(i18n.t(t.key()));
            mi.setOnAction(e -> vm.applyTemplate(t));
            templates.getItems().add(mi);
        }
        Button newAccount = Views.button(i18n, "accounts.newAccount", Feather.FOLDER_PLUS, vm::startAddAccount);
        Button change = Views.button(i18n, "accounts.changeAccount", Feather.EDIT_2, vm::startChangeAccount);
        change.setId("account-change");
        change.disableProperty().bind(vm.accountFilterProperty().isNull());
        Button in = Views.primary(i18n, "money.cameIn", Feather.ARROW_DOWN_LEFT, vm::moneyIn);
        in.setId("money-in");
        Button out = Views.primary(i18n, "money.wentOut", Feather.ARROW_UP_RIGHT, vm::moneyOut);
        out.setId("money-out");
        // the buttons flow onto a second line rather than running off a narrow screen's edge
        FlowPane actions = new FlowPane(10, 8, in, out, newTx, templates);
        actions.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        actions.setMinWidth(0);
        actions.setPrefWrapLength(600);
        HBox.setHgrow(actions, Priority.ALWAYS);
        Label title = Views.title(i18n, "nav.accounts");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, title, actions);
        top.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        setTop(top);
        // the chart's own buttons sit above it, flowing under each other when the side is narrow
        FlowPane chartActions = new FlowPane(8, 6, change, newAccount);
        chartActions.setMinWidth(0);
        VBox left = new VBox(8, Views.heading(i18n, "accounts.chart"), chartActions, chart(newAccount));
        VBox.setVgrow(tree, Priority.ALWAYS);
        left.setMinWidth(160);
        StackPane right = new StackPane(journalPane(), new MoneyFormView(vm, i18n), new TransactionFormView(vm, i18n),
                new AccountFormView(vm, i18n));
        right.setMinWidth(240);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.4); // the journal's side holds more columns
        BorderPane.setMargin(split, new Insets(12, 0, 0, 0));
        setCenter(split);
    }

    /// `probe`: a control beside the chart, drawn in the text size chosen.
    private TreeTableView<AccountsViewModel.AccountRow> chart(Button probe) {
        tree.setShowRoot(false);
        tree.setId("accounts-chart");
        TreeTableColumn<AccountsViewModel.AccountRow, String> name = new TreeTableColumn<>(i18n.t("accounts.col.account"));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(label(c.getValue())));
        TreeTableColumn<AccountsViewModel.AccountRow, String> balance = new TreeTableColumn<>(i18n.t("accounts.col.balance"));
        balance.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue() == null ? ""
                : i18n.money(c.getValue().getValue().balance())));
        balance.setStyle("-fx-alignment: CENTER-RIGHT;");
        name.setPrefWidth(220);
        // the name gives way first: a balance cut to "33.77…" says nothing (widths in the text size chosen)
        Views.inEms(probe.fontProperty(), em -> {
            balance.setPrefWidth(Math.ceil(8 * em));
            balance.setMinWidth(Math.ceil(8 * em));
        });
        tree.getColumns().setAll(List.of(name, balance));
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.getStyleClass().add(Styles.DENSE);
        vm.chart().addListener((ListChangeListener<AccountsViewModel.AccountRow>) c -> fillTree());
        fillTree();
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!filling) {
                vm.accountFilterProperty().set(
                        b == null || b.getValue() == null || b.getValue().account() == null ? null : b.getValue().account());
            }
        });
        return tree;
    }

    private String label(TreeItem<AccountsViewModel.AccountRow> item) {
        var r = item.getValue();
        if (r == null) {
            return "";
        }
        if (r.account() == null) {
            return ((TypeItem) item).title;
        }
        return r.account().code() + "  " + r.account().name()
                + (r.account().isCashAndBank() ? " · " + i18n.t("accounts.cashMark") : "")
                + (r.account().archived() ? " (" + i18n.t("accounts.archived") + ")" : "");
    }

    /// A type heading in the chart; its value carries the type's total and no account.
    private static final class TypeItem extends TreeItem<AccountsViewModel.AccountRow> {
        final String title;

        TypeItem(String title, long total) {
            super(new AccountsViewModel.AccountRow(null, total));
            this.title = title;
        }
    }

    /// True while the chart is rebuilt after new figures: the selection it loses then is not the
    /// user's choice, so the journal keeps its account filter and the same account is selected again.
    private boolean filling;

    private void fillTree() {
        var chosen = vm.accountFilterProperty().get();
        TreeItem<AccountsViewModel.AccountRow> root = new TreeItem<>();
        for (AccountType type : AccountType.values()) {
            var rows = vm.chart().stream().filter(r -> r.account().type() == type).toList();
            TypeItem t = new TypeItem(i18n.t(Labels.key(type)), vm.typeTotal(type));
            rows.forEach(r -> t.getChildren().add(new TreeItem<>(r)));
            t.setExpanded(true);
            root.getChildren().add(t);
        }
        filling = true;
        try {
            tree.setRoot(root);
            if (chosen != null) {
                root.getChildren().stream().flatMap(t -> t.getChildren().stream())
                        .filter(i -> i.getValue().account().id().equals(chosen.id())).findFirst()
                        .ifPresent(i -> tree.getSelectionModel().select(i));
            }
        } finally {
            filling = false;
        }
    }

    private VBox journalPane() {
        TableView<AccountsViewModel.JournalRow> t = new TableView<>(vm.journal());
        t.setId("journal");
        t.getStyleClass().add(Styles.DENSE);
        TableColumn<AccountsViewModel.JournalRow, LocalDate> date = Views.column(i18n, "accounts.col.date",
                r -> r.tx().date(), i18n::date);
        TableColumn<AccountsViewModel.JournalRow, String> memo = Views.column(i18n, "accounts.col.memo",
                r -> r.tx().voided() ? i18n.t("accounts.voidedMemo", r.tx().memo(), r.tx().voidReason()) : r.tx().memo(), s -> s);
        TableColumn<AccountsViewModel.JournalRow, String> accounts = Views.column(i18n, "accounts.col.accounts",
                AccountsViewModel.JournalRow::accounts, s -> s);
        TableColumn<AccountsViewModel.JournalRow, Long> amount = Views.numberColumn(i18n, "accounts.col.amount",
                AccountsViewModel.JournalRow::amount, i18n::money);
        // the running balance of the account the journal is filtered by (its register)
        TableColumn<AccountsViewModel.JournalRow, Long> balance = Views.numberColumn(i18n, "accounts.col.runningBalance",
                AccountsViewModel.JournalRow::balance, i18n::money);
        balance.setId("journal-balance");
        balance.visibleProperty().bind(vm.accountFilterProperty().isNotNull());
        memo.setPrefWidth(180);
        accounts.setPrefWidth(140);
        // amounts and dates are read whole, in the text size chosen; the memo and the accounts
        // give way first, wrapping onto more lines instead of being cut
        Views.wrapping(memo, s -> s);
        t.getColumns().setAll(List.of(date, memo, accounts, amount, balance));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.placeholder(t, i18n, "accounts.journalEmpty");
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(AccountsViewModel.JournalRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("voided"), !empty && item != null && item.tx().voided());
            }
        });
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        TableView<AccountsViewModel.PostingRow> details = new TableView<>(vm.details());
        details.getColumns().setAll(List.of(
                Views.column(i18n, "accounts.col.account", AccountsViewModel.PostingRow::account, s -> s),
                Views.numberColumn(i18n, "accounts.form.debit", AccountsViewModel.PostingRow::debit, v -> v == 0 ? "" : i18n.money(v)),
                Views.numberColumn(i18n, "accounts.form.credit", AccountsViewModel.PostingRow::credit, v -> v == 0 ? "" : i18n.money(v))));
        details.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        details.setPrefHeight(150);
        details.getStyleClass().add(Styles.DENSE);
        details.setMinHeight(110);
        Views.placeholder(details, i18n, "accounts.pickTransaction");
        CheckBox voided = new CheckBox(i18n.t("accounts.showVoided"));
        voided.selectedProperty().bindBidirectional(vm.showVoidedProperty());
        Button voidButton = Views.button(i18n, "accounts.void.action", Feather.SLASH, vm::voidSelected);
        voidButton.getStyleClass().add(Styles.DANGER);
        voidButton.disableProperty().bind(vm.canVoidBinding().not());
        Label filter = new Label();
        filter.setWrapText(true);
        filter.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.accountFilterProperty().get() == null
                ? i18n.t("accounts.journalAll") : i18n.t("accounts.journalOf", vm.accountFilterProperty().get().name()),
                vm.accountFilterProperty()));
        filter.getStyleClass().add(Styles.TITLE_4);
        Button all = Views.button(i18n, "accounts.showAll", null, () -> tree.getSelectionModel().clearSelection());
        all.visibleProperty().bind(vm.accountFilterProperty().isNotNull());
        // the journal holds the latest transactions: say so, and offer the older ones
        Label showing = new Label();
        showing.getStyleClass().add(Styles.TEXT_MUTED);
        showing.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.HBox.setHgrow(showing, Priority.ALWAYS);
        showing.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> i18n.t(
                "accounts.journalLatest", vm.journal().size(), vm.totalProperty().get()),
                vm.journal(), vm.totalProperty()));
        Button older = Views.button(i18n, "accounts.showOlder", Feather.CHEVRONS_DOWN, vm::showOlder);
        javafx.scene.Node more = Views.row(showing, older);
        // a sentence, not a control: it wraps at large text rather than widening the journal's side
        showing.setWrapText(true);
        showing.setMinWidth(0);
        Views.inEms(showing.fontProperty(), em -> {
            date.setMinWidth(Math.ceil(8.5 * em));
            date.setPrefWidth(Math.ceil(8.5 * em));
            accounts.setPrefWidth(Math.ceil(5.5 * em));
            amount.setMinWidth(Math.ceil(7.5 * em));
            amount.setPrefWidth(Math.ceil(7.5 * em));
            balance.setMinWidth(Math.ceil(7.5 * em));
            balance.setPrefWidth(Math.ceil(7.5 * em));
        });
        var hasMore = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.totalProperty().get() > vm.journal().size(), vm.journal(), vm.totalProperty());
        more.visibleProperty().bind(hasMore);
        more.managedProperty().bind(hasMore);
        // the check box and the void button go under each other when the side is narrow (150 %)
        javafx.scene.layout.FlowPane voidRow = new javafx.scene.layout.FlowPane(12, 8, voided, voidButton);
        voidRow.setMinWidth(0);
        VBox box = new VBox(8, Views.row(filter, Views.grow(), all), t, more, voidRow, details);
        VBox.setVgrow(t, Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 0, 12));
        box.visibleProperty().bind(vm.transactionForm().openProperty().not().and(vm.accountForm().openProperty().not())
                .and(vm.moneyForm().openProperty().not()));
        return box;
    }
}
