package coop.minka.ui.work;

import atlantafx.base.theme.Styles;
import coop.minka.domain.Member;
import coop.minka.domain.WorkCategory;
import coop.minka.ui.common.DateField;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.TypeAhead;
import coop.minka.ui.common.Views;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The shared-work screen: the quick-entry strip on top, the table with filters and totals
/// below, and the collective work day panel on the right when open.
public final class WorkView extends BorderPane {
    private final WorkViewModel vm;
    private final I18n i18n;
    private final ComboBox<Member> member = new ComboBox<>();

    public WorkView(WorkViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("screen");
        Button dayButton = Views.button(i18n, "work.day.open", Feather.USERS, vm::startWorkDay);
        dayButton.setId("workday-open");
        Button kindsButton = Views.button(i18n, "kinds.open", Feather.TAG, vm.kinds()::toggle);
        kindsButton.setId("kinds-open");
        VBox quick = quickEntry();
        quick.visibleProperty().bind(vm.day().openProperty().not().and(vm.quickOpenProperty()));
        quick.managedProperty().bind(quick.visibleProperty());
        // the form folds away (for the session) so a small screen at large text keeps table rows
        Button quickButton = Views.button(i18n, "work.quick.hide", Feather.CHEVRON_UP, vm::toggleQuick);
        quickButton.setId("work-quick-toggle");
        quickButton.textProperty().bind(Bindings.createStringBinding(() -> i18n.t(vm.quickOpenProperty().get()
                ? "work.quick.hide" : "work.quick.show"), vm.quickOpenProperty()));
        quickButton.disableProperty().bind(vm.day().openProperty());
        // the buttons flow onto a second line rather than widen the window (Spanish at 150 % text)
        FlowPane actions = new FlowPane(10, 6, quickButton, kindsButton, dayButton);
        actions.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        actions.setMinWidth(0);
        // its height follows the width it is given, not the default 400 px wrap (one line when it fits)
        actions.prefWrapLengthProperty().bind(actions.widthProperty());
        HBox.setHgrow(actions, Priority.ALWAYS);
        VBox top = new VBox(6, Views.row(Views.title(i18n, "nav.work"), actions), quick);
        setTop(top);
        Button voidButton = Views.button(i18n, "work.void.action", Feather.SLASH, vm::voidSelected);
        voidButton.disableProperty().bind(vm.canVoidBinding().not());
        voidButton.getStyleClass().add(Styles.DANGER);
        Label totals = totals();
        HBox foot = Views.row(totals, voidButton);
        // the totals wrap instead of holding the whole screen as wide as their one line
        totals.setMinWidth(0);
        totals.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(totals, Priority.ALWAYS);
        VBox list = new VBox(8, filters(), table(), foot);
        list.setMinWidth(0);
        VBox.setVgrow(list.getChildren().get(1), Priority.ALWAYS);
        WorkDayPanel dayPanel = new WorkDayPanel(vm, i18n);
        KindsOfWorkPanel kindsPanel = new KindsOfWorkPanel(vm.kinds(), i18n);
        HBox body = new HBox(16, list, kindsPanel, dayPanel);
        HBox.setHgrow(list, Priority.ALWAYS);
        BorderPane.setMargin(body, new Insets(8, 0, 0, 0));
        setCenter(body);
        vm.savedCountProperty().addListener((o, a, b) -> member.requestFocus());
        // a window under ~42 lines of text high (768 px at 150 % text) starts with the form folded,
        // so the table keeps rows; the fold toggle still opens it, and that choice is kept
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && scene.getHeight() > 0) {
                quickButton.applyCss();
                double em = quickButton.getFont().getSize();
                if (em > 0 && scene.getHeight() / em < SHORT_WINDOW_EM) {
                    vm.foldForShortWindow();
                }
            }
        });
    }

    /// Window heights, in em of the current text, under which the quick-entry form starts folded.
    private static final double SHORT_WINDOW_EM = 42;

    private VBox quickEntry() {
        QuickEntry q = vm.quick();
        member.setId("work-member");
        member.setItems(vm.activeMembers());
        member.valueProperty().bindBidirectional(q.memberProperty());
        Views.labelled(member, Member::name, "");
        TypeAhead.install(member, Member::name);
        member.setPrefWidth(200);
        DatePicker date = Views.datePicker(q.date());
        wideEnough(date);
        TextField hours = new TextField();
        hours.setId("work-hours");
        hours.textProperty().bindBidirectional(q.hoursProperty());
        hours.setPrefColumnCount(5);
        hours.setPromptText("1,5");
        q.hoursErrorProperty().addListener((o, a, b) -> hours.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty()));
        ComboBox<WorkCategory> category = new ComboBox<>(vm.categories());
        category.setId("work-category");
        category.valueProperty().bindBidirectional(q.categoryProperty());
        Views.labelled(category, WorkCategory::name, "");
        TypeAhead.install(category, WorkCategory::name);
        category.setPrefWidth(180);
        TextField note = new TextField();
        note.textProperty().bindBidirectional(q.noteProperty());
        note.setPrefColumnCount(9);
        ComboBox<Member> witness = new ComboBox<>();
        witness.setId("work-witness");
        witness.itemsProperty().bind(Bindings.createObjectBinding(() -> {
            var items = javafx.collections.FXCollections.<Member>observableArrayList();
            items.add(null);
            items.addAll(vm.witnessChoices());
            return items;
        }, vm.witnessChoices()));
        witness.valueProperty().bindBidirectional(q.witnessProperty());
        Views.labelled(witness, Member::name, i18n.t("work.noWitness"));
        TypeAhead.install(witness, Member::name);
        witness.setPrefWidth(170);
        Button save = Views.primary(i18n, "work.save", Feather.PLUS, vm::save);
        save.setId("work-save");
        save.disableProperty().bind(vm.canSaveBinding().not());
        FlowPane form = new FlowPane(10, 8,
                Views.field(i18n, "work.member", member, null),
                Views.field(i18n, "work.date", date, q.date().noticeProperty()),
                Views.field(i18n, "work.hours", hours, q.hoursErrorProperty()),
                Views.field(i18n, "work.category", category, null),
                Views.field(i18n, "work.note", note, null),
                Views.field(i18n, "work.witness", witness, null),
                new VBox(save));
        form.setRowValignment(javafx.geometry.VPos.BOTTOM);
        form.getChildren().forEach(n -> ((VBox) n).setFillWidth(true));
        form.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof Button)) {
                vm.save();
                e.consume();
            }
        });
        Label help = Views.muted(i18n.t("work.quickHelp"));
        HBox.setHgrow(help, Priority.ALWAYS);
        Label title = Views.heading(i18n, "work.quickTitle");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(help, Priority.ALWAYS);
        HBox head = new HBox(16, title, help);
        head.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        VBox card = new VBox(6, head, form);
        card.getStyleClass().add("form-card");
        card.setPadding(new Insets(10, 14, 10, 14));
        return card;
    }

    private FlowPane filters() {
        // what is typed is checked like every date: a text that is no date is shown as an error
        // (with the reason in a tooltip), never read as another date
        DateField fromField = new DateField(i18n, false, vm.fromProperty().get());
        fromField.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker from = Views.datePicker(fromField);
        wideEnough(from);
        DateField toField = new DateField(i18n, false, vm.toProperty().get());
        toField.valueProperty().bindBidirectional(vm.toProperty());
        DatePicker to = Views.datePicker(toField);
        wideEnough(to);
        ComboBox<Member> who = new ComboBox<>();
        who.itemsProperty().bind(Bindings.createObjectBinding(() -> {
            var items = javafx.collections.FXCollections.<Member>observableArrayList();
            items.add(null);
            items.addAll(vm.allMembers());
            return items;
        }, vm.allMembers()));
        who.valueProperty().bindBidirectional(vm.memberFilterProperty());
        Views.labelled(who, Member::name, i18n.t("work.filter.everyone"));
        who.setPrefWidth(180);
        ComboBox<WorkCategory> cat = new ComboBox<>();
        cat.itemsProperty().bind(Bindings.createObjectBinding(() -> {
            var items = javafx.collections.FXCollections.<WorkCategory>observableArrayList();
            items.add(null);
            items.addAll(vm.categories());
            return items;
        }, vm.categories()));
        cat.valueProperty().bindBidirectional(vm.categoryFilterProperty());
        Views.labelled(cat, WorkCategory::name, i18n.t("work.filter.allCategories"));
        cat.setPrefWidth(180);
        CheckBox voided = new CheckBox(i18n.t("work.showVoided"));
        voided.selectedProperty().bindBidirectional(vm.showVoidedProperty());
        CheckBox unwitnessed = new CheckBox(i18n.t("work.filter.unwitnessed"));
        unwitnessed.setId("work-unwitnessed");
        unwitnessed.selectedProperty().bindBidirectional(vm.onlyUnwitnessedProperty());
        Button clear = Views.button(i18n, "work.filter.clear", Feather.X, vm::clearFilters);
        FlowPane p = new FlowPane(10, 8, Views.field(i18n, "work.filter.from", from, null),
                Views.field(i18n, "work.filter.to", to, null), Views.field(i18n, "work.filter.member", who, null),
                Views.field(i18n, "work.filter.category", cat, null), bottom(voided), bottom(unwitnessed),
                bottom(clear));
        p.setRowValignment(javafx.geometry.VPos.BOTTOM);
        return p;
    }

    /// Sized in em (minka.css), so a date with a four-digit year shows whole at any text size.
    static void wideEnough(DatePicker p) {
        p.getStyleClass().add("date-field");
    }

    private static VBox bottom(javafx.scene.Node n) {
        VBox b = new VBox(n);
        b.setAlignment(javafx.geometry.Pos.BOTTOM_LEFT);
        b.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setPrefHeight(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        return b;
    }

    private TableView<WorkViewModel.Row> table() {
        TableView<WorkViewModel.Row> t = new TableView<>(vm.rows());
        t.setId("work-table");
        t.getStyleClass().add(Styles.DENSE); // more rows fit on a small screen at large text
        TableColumn<WorkViewModel.Row, LocalDate> date = Views.column(i18n, "work.col.date", r -> r.entry().date(), i18n::date);
        TableColumn<WorkViewModel.Row, String> who = Views.column(i18n, "work.col.member", WorkViewModel.Row::member, s -> s);
        TableColumn<WorkViewModel.Row, String> cat = Views.column(i18n, "work.col.category", WorkViewModel.Row::category, s -> s);
        TableColumn<WorkViewModel.Row, Integer> hours = Views.numberColumn(i18n, "work.col.hours",
                r -> r.entry().minutes(), m -> i18n.hours(m));
        TableColumn<WorkViewModel.Row, String> note = Views.column(i18n, "work.col.note",
                r -> r.entry().voided() ? i18n.t("work.voidedBecause", r.entry().voidReason()) : r.entry().note(), s -> s);
        // work nobody else confirmed is marked in plain words, so it can be seen at a glance
        TableColumn<WorkViewModel.Row, String> witness = Views.column(i18n, "work.col.witness",
                WorkViewModel.Row::witness, s -> s.isEmpty() ? i18n.t("work.unwitnessed") : s);
        witness.setPrefWidth(140);
        TableColumn<WorkViewModel.Row, Long> value = Views.numberColumn(i18n, "work.col.value",
                WorkViewModel.Row::valueMinor, i18n::money);
        value.setPrefWidth(100);
        date.setPrefWidth(120);
        who.setPrefWidth(180);
        cat.setPrefWidth(160);
        hours.setPrefWidth(80);
        t.getColumns().setAll(List.of(date, who, cat, hours, value, witness, note));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.placeholder(t, i18n, "work.empty");
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(WorkViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("voided"), !empty && item != null && item.entry().voided());
            }
        });
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        return t;
    }

    private Label totals() {
        Label l = new Label();
        l.setId("work-totals");
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setWrapText(true);
        l.textProperty().bind(Bindings.createStringBinding(() -> i18n.t("work.totals",
                i18n.hours(vm.totalMinutesProperty().get()), i18n.hours(vm.womenMinutesProperty().get()),
                i18n.hours(vm.menMinutesProperty().get())),
                vm.totalMinutesProperty(), vm.womenMinutesProperty(), vm.menMinutesProperty()));
        return l;
    }

    /// Puts the keyboard in the quick-entry member field (Ctrl+L).
    public void focusQuickEntry() {
        if (!vm.quickOpenProperty().get()) {
            vm.toggleQuick(); // folded for a short window: Ctrl+L opens it
        }
        member.requestFocus();
    }
}
