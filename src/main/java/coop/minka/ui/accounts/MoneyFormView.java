package coop.minka.ui.accounts;

import atlantafx.base.theme.Styles;
import coop.minka.domain.Account;
import coop.minka.domain.Member;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.TypeAhead;
import coop.minka.ui.common.Views;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The plain "money came in / money went out" form, with the entry in words under it.
final class MoneyFormView extends ScrollPane {
    MoneyFormView(AccountsViewModel vm, I18n i18n) {
        MoneyForm f = vm.moneyForm();
        setFitToWidth(true);
        visibleProperty().bind(f.openProperty());
        Label title = new Label(i18n.t("money.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        ToggleGroup way = new ToggleGroup();
        ToggleButton in = new ToggleButton(i18n.t("money.in"));
        in.setId("money-dir-in");
        ToggleButton out = new ToggleButton(i18n.t("money.out"));
        out.setId("money-dir-out");
        in.setToggleGroup(way);
        out.setToggleGroup(way);
        in.getStyleClass().add(Styles.LEFT_PILL);
        out.getStyleClass().add(Styles.RIGHT_PILL);
        Runnable showWay = () -> way.selectToggle(f.directionProperty().get() == MoneyForm.Direction.IN ? in : out);
        f.directionProperty().addListener((o, a, b) -> showWay.run());
        showWay.run();
        way.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                showWay.run(); // one of the two stays pressed
            } else {
                f.directionProperty().set(b == in ? MoneyForm.Direction.IN : MoneyForm.Direction.OUT);
            }
        });
        HBox ways = new HBox(in, out);

        TextField amount = new TextField();
        amount.setId("money-amount");
        amount.textProperty().bindBidirectional(f.amountProperty());
        amount.setPrefColumnCount(9);
        amount.setAlignment(Pos.CENTER_RIGHT);
        f.amountErrorProperty().addListener((o, a, b) -> amount.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty()));

        ComboBox<Account> cash = new ComboBox<>(f.cashChoices());
        cash.setId("money-cash");
        cash.valueProperty().bindBidirectional(f.cashProperty());
        Views.labelled(cash, Account::name, i18n.t("money.noCash"));

        ComboBox<MoneyForm.Purpose> purpose = new ComboBox<>(f.purposeChoices());
        purpose.setId("money-purpose");
        purpose.valueProperty().bindBidirectional(f.purposeProperty());
        Views.labelled(purpose, MoneyForm.Purpose::text, i18n.t("money.choosePurpose"));
        TypeAhead.install(purpose, MoneyForm.Purpose::text);

        ComboBox<Member> member = new ComboBox<>(vm.memberChoices());
        member.setId("money-member");
        member.valueProperty().bindBidirectional(f.memberProperty());
        Views.labelled(member, Member::name, i18n.t("money.noMember"));
        TypeAhead.install(member, Member::name);
        Button noMember = new Button(null, coop.minka.ui.common.Icons.of(Feather.X));
        noMember.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Views.tip(noMember, i18n.t("money.clearMember"));
        noMember.setOnAction(e -> f.memberProperty().set(null));
        noMember.visibleProperty().bind(f.memberProperty().isNotNull());

        TextField memo = new TextField();
        memo.setId("money-memo");
        memo.textProperty().bindBidirectional(f.memoProperty());
        memo.setPromptText(i18n.t("money.memoPrompt"));
        DatePicker date = Views.datePicker(f.date());

        FlowPane fields = new FlowPane(12, 8,
                Views.field(i18n, "money.amount", amount, f.amountErrorProperty()),
                Views.field(i18n, "money.cash", cash, null),
                Views.field(i18n, "money.purpose", purpose, null),
                Views.field(i18n, "money.member", new HBox(4, member, noMember), null),
                Views.field(i18n, "money.memo", memo, null),
                Views.field(i18n, "money.date", date, f.date().noticeProperty()));
        fields.setPrefWrapLength(420);

        Label preview = new Label();
        preview.setId("money-preview");
        preview.setWrapText(true);
        preview.getStyleClass().add(Styles.TEXT_BOLD);
        preview.textProperty().bind(f.previewProperty());
        Label books = Views.muted("");
        books.textProperty().bind(f.inTheBooksProperty());

        Button save = Views.primary(i18n, "action.save", Feather.CHECK, vm::saveMoney);
        save.setId("money-save");
        save.disableProperty().bind(vm.canSaveMoneyBinding().not());
        Button cancel = Views.button(i18n, "action.cancel", null, vm::cancelMoney);
        Label help = Views.muted(i18n.t("money.keysHelp"));
        Label journal = Views.muted(i18n.t("money.journalHelp"));

        VBox box = new VBox(12, title, ways, fields, preview, books, Views.row(save, cancel), help, journal);
        box.setPadding(new Insets(16));
        box.getStyleClass().add("form-card");
        setContent(box);
        FormKeys.install(box, vm::saveMoney, vm::cancelMoney);
        f.openProperty().addListener((o, a, b) -> {
            if (b) {
                amount.requestFocus();
            }
        });
    }
}
