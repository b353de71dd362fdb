package coop.minka.ui.capital;

import atlantafx.base.theme.Styles;
import coop.minka.app.CapitalService;
import coop.minka.domain.CapitalRegister;
import coop.minka.domain.Member;
import coop.minka.domain.OpType;
import coop.minka.domain.SurplusAllocation;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.TypeAhead;
import coop.minka.ui.common.Views;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/// The Capital screen (issue 14, design notes 39): the share register with a small form for its
/// four entries, a member's statement, and the allocation of a closed year's surplus.
public final class CapitalView extends BorderPane {
    private final CapitalViewModel vm;
    private final I18n i18n;
    /// A label of the screen in the ordinary text size: its font is the em of the widths.
    private final Label ruler;

    public CapitalView(CapitalViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("screen");
        ToggleGroup parts = new ToggleGroup();
        ToggleButton reg = part(parts, "capital.part.register", CapitalViewModel.Part.REGISTER, "capital-part-register");
        ToggleButton st = part(parts, "capital.part.statement", CapitalViewModel.Part.STATEMENT,
                "capital-part-statement");
        ToggleButton sur = part(parts, "capital.part.surplus", CapitalViewModel.Part.SURPLUS, "capital-part-surplus");
        reg.getStyleClass().add(Styles.LEFT_PILL);
        st.getStyleClass().add(Styles.CENTER_PILL);
        sur.getStyleClass().add(Styles.RIGHT_PILL);
        HBox switcher = new HBox(0, reg, st, sur);
        switcher.setMinWidth(Region.USE_PREF_SIZE);
        ruler = Views.muted(i18n.t("capital.intro"));
        FlowPane head = Views.wrappingRow(Views.title(i18n, "nav.capital"), switcher);
        head.prefWrapLengthProperty().bind(head.widthProperty());
        setTop(new VBox(4, head, ruler));

        Node register = registerPart();
        register.visibleProperty().bind(vm.partProperty().isEqualTo(CapitalViewModel.Part.REGISTER));
        Node statement = statementPart();
        statement.visibleProperty().bind(vm.partProperty().isEqualTo(CapitalViewModel.Part.STATEMENT));
        Node surplus = surplusPart();
        surplus.visibleProperty().bind(vm.partProperty().isEqualTo(CapitalViewModel.Part.SURPLUS));
        StackPane body = new StackPane(register, statement, surplus);
        body.setAlignment(Pos.TOP_LEFT);
        BorderPane.setMargin(body, new Insets(10, 0, 0, 0));
        setCenter(body);
    }

    /// Calls `apply` with the size of the text now and whenever it changes (widths in em).
    private void ems(java.util.function.DoubleConsumer apply) {
        Views.inEms(ruler.fontProperty(), apply);
    }

    private ToggleButton part(ToggleGroup g, String key, CapitalViewModel.Part p, String id) {
        return Views.partButton(i18n.t(key), id, g, vm.partProperty(), p);
    }

    /// The kind of a register entry in words.
    private String kind(String opType) {
        return i18n.t(switch (opType) {
            case OpType.CAPITAL_SUBSCRIBE -> "capital.kind.subscribe";
            case OpType.CAPITAL_PAY -> "capital.kind.pay";
            case OpType.CAPITAL_TRANSFER -> "capital.kind.transfer";
            default -> "capital.kind.redeem";
        });
    }

    /// Who an entry is about: the member, and for a transfer the member receiving the shares.
    private String who(CapitalService.Line l) {
        return l.to() == null ? l.memberName() : i18n.t("capital.transferLine", l.memberName(), l.toName());
    }

    private ComboBox<Member> memberChooser(String id, ObservableList<Member> members,
                                           javafx.beans.property.ObjectProperty<Member> value) {
        ComboBox<Member> box = new ComboBox<>(members);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        Views.labelled(box, Member::name, "");
        TypeAhead.install(box, Member::name);
        ems(em -> box.setPrefWidth(13 * em));
        return box;
    }

    private static TextField numberField(String id, javafx.beans.property.StringProperty value, int columns) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value);
        t.setPrefColumnCount(columns);
        t.setAlignment(Pos.CENTER_RIGHT);
        return t;
    }

    private static VBox shownWhen(VBox field, BooleanBinding when) {
        field.visibleProperty().bind(when);
        field.managedProperty().bind(when);
        return field;
    }

    /// The register's table: number, date, member, kind in words, shares, amount.
    private TableView<CapitalService.Line> registerTable(String id, ObservableList<CapitalService.Line> lines,
                                                         String empty) {
        TableView<CapitalService.Line> table = new TableView<>(lines);
        table.setId(id);
        table.getStyleClass().add(Styles.DENSE);
        TableColumn<CapitalService.Line, Long> no = Views.numberColumn(i18n, "capital.col.number",
                CapitalService.Line::number, n -> Long.toString(n));
        TableColumn<CapitalService.Line, LocalDate> day = Views.column(i18n, "capital.col.date",
                CapitalService.Line::date, i18n::date);
        TableColumn<CapitalService.Line, CapitalService.Line> member = Views.column(i18n, "capital.col.member",
                l -> l, this::who);
        Views.wrapping(member, this::who);
        TableColumn<CapitalService.Line, String> what = Views.column(i18n, "capital.col.kind",
                CapitalService.Line::kind, this::kind);
        Views.wrapping(what, this::kind);
        TableColumn<CapitalService.Line, Long> count = Views.numberColumn(i18n, "capital.col.shares",
                CapitalService.Line::shares, n -> n == 0 ? "" : Long.toString(n));
        TableColumn<CapitalService.Line, Long> money = Views.numberColumn(i18n, "capital.col.amount",
                CapitalService.Line::amount, i18n::money);
        ems(em -> {
            no.setPrefWidth(3.5 * em);
            day.setPrefWidth(7.5 * em);
            member.setPrefWidth(12 * em);
            what.setPrefWidth(9 * em);
            count.setPrefWidth(8 * em);
            money.setPrefWidth(8.5 * em);
        });
        table.getColumns().setAll(List.of(no, day, member, what, count, money));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.placeholder(table, i18n, empty);
        table.setMinWidth(0);
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    // ---------------------------------------------------------------- the register

    private Node registerPart() {
        ChoiceBox<CapitalViewModel.Action> action = new ChoiceBox<>();
        action.setId("capital-action");
        action.getItems().setAll(CapitalViewModel.Action.values());
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(CapitalViewModel.Action a) {
                return a == null ? "" : i18n.t(switch (a) {
                    case SUBSCRIBE -> "capital.action.subscribe";
                    case PAY -> "capital.action.pay";
                    case TRANSFER -> "capital.action.transfer";
                    case REDEEM -> "capital.action.redeem";
                });
            }

            @Override
            public CapitalViewModel.Action fromString(String s) {
                return null;
            }
        });
        action.valueProperty().bindBidirectional(vm.actionProperty());
        ems(em -> action.setPrefWidth(15 * em));
        var act = vm.actionProperty();
        BooleanBinding isPay = act.isEqualTo(CapitalViewModel.Action.PAY);
        BooleanBinding isSubscribe = act.isEqualTo(CapitalViewModel.Action.SUBSCRIBE);
        BooleanBinding isTransfer = act.isEqualTo(CapitalViewModel.Action.TRANSFER);
        ComboBox<Member> member = memberChooser("capital-member", vm.everyone(), vm.memberProperty());
        ComboBox<Member> to = memberChooser("capital-to", vm.activeMembers(), vm.toProperty());
        TextField shares = numberField("capital-shares", vm.sharesProperty(), 4);
        TextField price = numberField("capital-price", vm.priceProperty(), 7);
        price.setPromptText(i18n.t("capital.form.pricePrompt"));
        TextField amount = numberField("capital-amount", vm.amountProperty(), 8);
        DatePicker date = Views.datePicker(vm.date());
        date.getStyleClass().add("date-field");
        Button go = Views.primary(i18n, "capital.form.save", Feather.CHECK, vm::submit);
        go.setId("capital-save");
        go.disableProperty().bind(vm.mayActBinding().not().or(vm.idleBinding().not()).or(vm.memberProperty().isNull())
                .or(isPay.and(vm.amountProperty().isEmpty()))
                .or(isPay.not().and(vm.sharesProperty().isEmpty()))
                .or(isTransfer.and(vm.toProperty().isNull())));
        amount.setOnAction(e -> vm.submit());
        shares.setOnAction(e -> vm.submit());
        FlowPane form = new FlowPane(12, 8,
                Views.field(i18n, "capital.form.action", action, null),
                Views.field(i18n, "capital.form.member", member, null),
                shownWhen(Views.field(i18n, "capital.form.to", to, null), isTransfer),
                shownWhen(Views.field(i18n, "capital.form.shares", shares, null), isPay.not()),
                shownWhen(Views.field(i18n, "capital.form.price", price, null), isSubscribe),
                shownWhen(Views.field(i18n, "capital.form.amount", amount, null), isPay),
                Views.field(i18n, "capital.form.date", date, vm.date().noticeProperty()),
                new VBox(go));
        form.setRowValignment(VPos.BOTTOM);
        form.setMinWidth(0);
        form.prefWrapLengthProperty().bind(form.widthProperty());
        Label help = Views.muted("");
        help.setId("capital-form-help");
        help.textProperty().bind(Bindings.createStringBinding(() -> act.get() == null ? "" : i18n.t(switch (act.get()) {
            case SUBSCRIBE -> "capital.help.subscribe";
            case PAY -> "capital.help.pay";
            case TRANSFER -> "capital.help.transfer";
            case REDEEM -> "capital.help.redeem";
        }), act));
        VBox card = new VBox(8, form, help);
        card.getStyleClass().add("form-card");
        card.setPadding(new Insets(12));
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setMinHeight(Region.USE_PREF_SIZE);
        TableView<CapitalService.Line> table = registerTable("capital-register", vm.register(), "capital.empty");
        VBox all = new VBox(10, card, table);
        all.setMinWidth(0);
        return all;
    }

    // ---------------------------------------------------------------- the statement

    private Node statementPart() {
        ComboBox<Member> member = memberChooser("capital-statement-member", vm.everyone(), vm.statementMemberProperty());
        member.setPromptText(i18n.t("capital.statement.choose"));
        Label figures = new Label();
        figures.setId("capital-statement-figures");
        figures.setWrapText(true);
        figures.setMinHeight(Region.USE_PREF_SIZE);
        figures.getStyleClass().add(Styles.TEXT_BOLD);
        figures.textProperty().bind(Bindings.createStringBinding(() -> statementText(vm.statementProperty().get()),
                vm.statementProperty()));
        Label refunds = Views.muted("");
        refunds.setId("capital-statement-refunds");
        refunds.textProperty().bind(Bindings.createStringBinding(() -> {
            CapitalService.Statement s = vm.statementProperty().get();
            return s == null ? i18n.t("capital.statement.none") : i18n.t("capital.statement.refunds",
                    i18n.money(s.refundCash()), i18n.money(s.refundRetained()), i18n.money(s.capitalAccount()));
        }, vm.statementProperty()));
        FlowPane row = new FlowPane(12, 8, Views.field(i18n, "capital.statement.member", member, null));
        row.setMinWidth(0);
        TableView<CapitalService.Line> table = registerTable("capital-statement-lines", vm.statementLines(),
                "capital.statement.noLines");
        VBox all = new VBox(10, row, figures, refunds, table);
        all.setMinWidth(0);
        return all;
    }

    private String statementText(CapitalService.Statement s) {
        if (s == null) {
            return "";
        }
        CapitalRegister.Position p = s.position();
        return i18n.t("capital.statement.figures", s.name(), p.sharesHeld(), i18n.t("capital.statement.money",
                i18n.money(p.subscribed()), i18n.money(p.paid()), i18n.money(p.unpaid())));
    }

    // ---------------------------------------------------------------- the surplus

    private Node surplusPart() {
        TextField year = numberField("capital-year", vm.yearProperty(), 5);
        TextField reserve = numberField("capital-reserve", vm.reserveProperty(), 4);
        TextField education = numberField("capital-education", vm.educationProperty(), 4);
        TextField cash = numberField("capital-cash", vm.cashProperty(), 4);
        ChoiceBox<SurplusAllocation.Basis> basis = new ChoiceBox<>();
        basis.setId("capital-basis");
        basis.getItems().setAll(SurplusAllocation.Basis.values());
        basis.setConverter(new StringConverter<>() {
            @Override
            public String toString(SurplusAllocation.Basis b) {
                return b == null ? "" : basisName(b);
            }

            @Override
            public SurplusAllocation.Basis fromString(String s) {
                return null;
            }
        });
        basis.valueProperty().bindBidirectional(vm.basisProperty());
        ems(em -> basis.setPrefWidth(12 * em));
        BooleanBinding trade = vm.basisProperty().isEqualTo(SurplusAllocation.Basis.TRADE);
        Button file = Views.button(i18n, "capital.surplus.chooseFile", Feather.FILE_TEXT, vm::chooseAmountsFile);
        file.setId("capital-amounts-file");
        Label fileName = Views.muted("");
        fileName.textProperty().bind(Bindings.createStringBinding(() -> vm.amountsFileProperty().get() == null
                ? i18n.t("capital.surplus.noFile") : vm.amountsFileProperty().get().getFileName().toString(),
                vm.amountsFileProperty()));
        VBox fileBox = new VBox(4, file, fileName);
        fileBox.visibleProperty().bind(trade);
        fileBox.managedProperty().bind(trade);
        fileBox.setAlignment(Pos.BOTTOM_LEFT);
        Button preview = Views.button(i18n, "capital.surplus.preview", Feather.EYE, vm::preview);
        preview.setId("capital-preview");
        preview.disableProperty().bind(vm.idleBinding().not().or(vm.yearProperty().isEmpty()));
        Button post = Views.primary(i18n, "capital.surplus.post", Feather.SEND, vm::post);
        post.setId("capital-post");
        post.disableProperty().bind(vm.allocationProperty().isNull().or(vm.postedProperty())
                .or(vm.may(OpType.SURPLUS_ALLOCATE).not()).or(vm.idleBinding().not()));
        FlowPane form = new FlowPane(12, 8,
                Views.field(i18n, "capital.surplus.year", year, null),
                Views.field(i18n, "capital.surplus.reserve", reserve, null),
                Views.field(i18n, "capital.surplus.education", education, null),
                Views.field(i18n, "capital.surplus.basis", basis, null),
                fileBox,
                Views.field(i18n, "capital.surplus.cash", cash, null),
                new VBox(preview), new VBox(post));
        form.setRowValignment(VPos.BOTTOM);
        form.setMinWidth(0);
        form.prefWrapLengthProperty().bind(form.widthProperty());
        Label explain = Views.muted(i18n.t("capital.surplus.explain"));
        VBox card = new VBox(8, form, explain);
        card.getStyleClass().add("form-card");
        card.setPadding(new Insets(12));
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setMinHeight(Region.USE_PREF_SIZE);

        Label figures = new Label();
        figures.setId("capital-surplus-figures");
        figures.setWrapText(true);
        figures.setMinHeight(Region.USE_PREF_SIZE);
        figures.getStyleClass().add(Styles.TEXT_BOLD);
        figures.textProperty().bind(Bindings.createStringBinding(() -> {
            CapitalService.Allocation a = vm.allocationProperty().get();
            if (a == null) {
                return "";
            }
            SurplusAllocation r = a.result();
            return i18n.t("capital.surplus.figures", Integer.toString(a.year()), i18n.money(a.income()),
                    i18n.money(a.expenses())) + " " + i18n.t("capital.surplus.split", i18n.money(r.surplus()),
                    i18n.money(r.reserve()), i18n.money(r.education())) + " " + i18n.t("capital.surplus.refundsBy",
                    i18n.money(r.refunds()), basisInText(r.basis()));
        }, vm.allocationProperty()));
        Label posted = new Label(i18n.t("capital.surplus.done"));
        posted.setId("capital-surplus-posted");
        posted.getStyleClass().add(Styles.SUCCESS);
        posted.setWrapText(true);
        posted.setMinHeight(Region.USE_PREF_SIZE);
        posted.visibleProperty().bind(vm.postedProperty());
        posted.managedProperty().bind(vm.postedProperty());

        TableView<CapitalViewModel.Refund> table = new TableView<>(vm.refunds());
        table.setId("capital-refunds");
        table.getStyleClass().add(Styles.DENSE);
        TableColumn<CapitalViewModel.Refund, String> who = Views.column(i18n, "capital.col.member",
                CapitalViewModel.Refund::member, s -> s);
        Views.wrapping(who, s -> s);
        TableColumn<CapitalViewModel.Refund, Long> weight = Views.numberColumn(i18n, "capital.col.weight",
                CapitalViewModel.Refund::weight, this::weight);
        TableColumn<CapitalViewModel.Refund, Long> refund = Views.numberColumn(i18n, "capital.col.refund",
                CapitalViewModel.Refund::refund, i18n::money);
        TableColumn<CapitalViewModel.Refund, Long> paid = Views.numberColumn(i18n, "capital.col.cash",
                CapitalViewModel.Refund::cash, i18n::money);
        TableColumn<CapitalViewModel.Refund, Long> kept = Views.numberColumn(i18n, "capital.col.retained",
                CapitalViewModel.Refund::retained, i18n::money);
        ems(em -> {
            who.setPrefWidth(13 * em);
            weight.setPrefWidth(8 * em);
            refund.setPrefWidth(8 * em);
            paid.setPrefWidth(8 * em);
            kept.setPrefWidth(10 * em);
            table.setMaxWidth(52 * em);
            table.setMinHeight(9 * em);
            table.setPrefHeight(10 * em); // grows into the room the window has
        });
        table.getColumns().setAll(List.of(who, weight, refund, paid, kept));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.placeholder(table, i18n, "capital.surplus.empty");
        table.setMinWidth(0);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label totals = Views.muted("");
        totals.setId("capital-surplus-totals");
        totals.textProperty().bind(Bindings.createStringBinding(() -> {
            CapitalService.Allocation a = vm.allocationProperty().get();
            if (a == null) {
                return "";
            }
            long c = 0;
            long k = 0;
            for (SurplusAllocation.Refund x : a.result().members()) {
                c += x.cash();
                k += x.retained();
            }
            return i18n.t("capital.surplus.totals", i18n.money(a.result().refunds()), i18n.money(c), i18n.money(k));
        }, vm.allocationProperty()));
        VBox all = new VBox(10, card, figures, posted, table, totals);
        all.setMinWidth(0);
        all.setPadding(new Insets(0, 4, 0, 0));
        // at a large text size the form and the figures take the height: the part scrolls, and
        // the table keeps room for a few members
        javafx.scene.control.ScrollPane sp = new javafx.scene.control.ScrollPane(all);
        sp.setFitToWidth(true);
        sp.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        sp.viewportBoundsProperty().addListener((o, a, b) -> all.setMinHeight(b.getHeight()));
        return sp;
    }

    private String basisName(SurplusAllocation.Basis b) {
        return i18n.t(switch (b) {
            case WORK -> "capital.basis.work";
            case TRADE -> "capital.basis.trade";
            case CAPITAL -> "capital.basis.capital";
        });
    }

    /// The basis inside a sentence: "by capital held".
    private String basisInText(SurplusAllocation.Basis b) {
        String name = basisName(b);
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(i18n.locale()) + name.substring(1);
    }

    /// A weight on the basis of the shown allocation: money for work and purchases, shares for capital.
    private String weight(long w) {
        CapitalService.Allocation a = vm.allocationProperty().get();
        return a != null && a.result().basis() == SurplusAllocation.Basis.CAPITAL ? Long.toString(w) : i18n.money(w);
    }
}
