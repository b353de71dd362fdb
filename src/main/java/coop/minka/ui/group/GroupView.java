package coop.minka.ui.group;

import atlantafx.base.theme.Styles;
import coop.minka.app.GroupService;
import coop.minka.domain.GroupConstitution;
import coop.minka.domain.LoanSchedule;
import coop.minka.domain.Member;
import coop.minka.domain.OpType;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.TypeAhead;
import coop.minka.ui.common.Views;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/// The savings-group screen (issue 14, design notes 33): Meeting, Loans and Share-out, or the
/// form to start a cycle when there is none. The meeting is made for the keyboard: the shares
/// field of a member's row takes the keys of the row (a digit buys that many shares, P/R/A
/// attendance, S the social fund, F a fine, ↑/↓ another member).
public final class GroupView extends BorderPane {
    private final GroupViewModel vm;
    private final I18n i18n;
    private final GridPane grid = new GridPane();
    private final java.util.List<TextField> shareFields = new java.util.ArrayList<>();
    /// A label of the screen in the ordinary text size: its font is the em of the widths.
    private final Label ruler = new Label();

    public GroupView(GroupViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("screen");
        BooleanBinding hasCycle = vm.cycleProperty().isNotNull();
        ToggleGroup parts = new ToggleGroup();
        ToggleButton meeting = part(parts, "group.part.meeting", GroupViewModel.Part.MEETING, "group-part-meeting");
        ToggleButton loans = part(parts, "group.part.loans", GroupViewModel.Part.LOANS, "group-part-loans");
        ToggleButton share = part(parts, "group.part.shareOut", GroupViewModel.Part.SHARE_OUT, "group-part-shareout");
        meeting.getStyleClass().add(Styles.LEFT_PILL);
        loans.getStyleClass().add(Styles.CENTER_PILL);
        share.getStyleClass().add(Styles.RIGHT_PILL);
        HBox switcher = new HBox(0, meeting, loans, share);
        switcher.setMinWidth(Region.USE_PREF_SIZE);
        switcher.visibleProperty().bind(hasCycle);
        switcher.managedProperty().bind(hasCycle);
        Label rules = ruler;
        rules.setId("group-rules");
        rules.getStyleClass().add(Styles.TEXT_MUTED);
        rules.setWrapText(true);
        rules.setMinHeight(Region.USE_PREF_SIZE);
        rules.textProperty().bind(Bindings.createStringBinding(() -> rulesText(vm.cycleProperty().get()),
                vm.cycleProperty()));
        // during a meeting the rows need the room: the rules show on the other parts
        BooleanBinding showRules = hasCycle.and(vm.meetingProperty().isNull()
                .or(vm.partProperty().isNotEqualTo(GroupViewModel.Part.MEETING)));
        rules.visibleProperty().bind(showRules);
        rules.managedProperty().bind(showRules);
        FlowPane head = Views.wrappingRow(Views.title(i18n, "nav.group"), switcher);
        head.prefWrapLengthProperty().bind(head.widthProperty());
        setTop(new VBox(4, head, rules));

        Node start = startForm();
        start.visibleProperty().bind(hasCycle.not().and(vm.loadedProperty()));
        Node meet = meetingPart();
        meet.visibleProperty().bind(hasCycle.and(vm.partProperty().isEqualTo(GroupViewModel.Part.MEETING)));
        Node lend = loansPart();
        lend.visibleProperty().bind(hasCycle.and(vm.partProperty().isEqualTo(GroupViewModel.Part.LOANS)));
        Node out = shareOutPart();
        out.visibleProperty().bind(hasCycle.and(vm.partProperty().isEqualTo(GroupViewModel.Part.SHARE_OUT)));
        StackPane body = new StackPane(start, meet, lend, out);
        body.setAlignment(Pos.TOP_LEFT);
        BorderPane.setMargin(body, new Insets(10, 0, 0, 0));
        setCenter(body);
    }

    /// Calls `apply` with the size of the text now and whenever it changes (widths in em).
    private void ems(java.util.function.DoubleConsumer apply) {
        Views.inEms(ruler.fontProperty(), apply);
    }

    private ToggleButton part(ToggleGroup g, String key, GroupViewModel.Part p, String id) {
        return Views.partButton(i18n.t(key), id, g, vm.partProperty(), p);
    }

    private String rulesText(GroupService.Cycle c) {
        if (c == null) {
            return "";
        }
        GroupConstitution r = c.rules();
        String range = r.minShares() == r.maxShares() ? Integer.toString(r.maxShares())
                : r.minShares() + "\u2013" + r.maxShares();
        String text = i18n.t("group.rules", i18n.date(r.start()), i18n.money(r.sharePrice()), range);
        if (r.socialFund() > 0) {
            text += " " + i18n.t("group.rules.social", i18n.money(r.socialFund()));
        }
        return text + " " + i18n.t("group.rules.loans", percent(r.chargeBpPerMonth()),
                i18n.t(r.chargeMethod() == GroupConstitution.ChargeMethod.FLAT ? "group.method.flat"
                        : "group.method.declining"), r.maxTermMonths());
    }

    /// Basis points as a percent in the user's language: 1000 → "10", 250 → "2,5".
    private String percent(int bp) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(i18n.locale());
        f.setMaximumFractionDigits(2);
        return f.format(bp / 100.0);
    }

    // ---------------------------------------------------------------- the empty state

    private Node startForm() {
        Label intro = Views.muted(i18n.t("group.empty"));
        intro.setId("group-empty");
        DatePicker start = Views.datePicker(vm.cycleStart());
        start.getStyleClass().add("date-field");
        TextField price = amountField("group-share-price", vm.sharePriceProperty(), 7);
        TextField max = amountField("group-max-shares", vm.maxSharesProperty(), 4);
        TextField social = amountField("group-social-fund", vm.socialFundProperty(), 7);
        TextField charge = amountField("group-charge", vm.chargeProperty(), 5);
        ChoiceBox<GroupConstitution.ChargeMethod> method = new ChoiceBox<>();
        method.setId("group-method");
        method.getItems().setAll(GroupConstitution.ChargeMethod.values());
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(GroupConstitution.ChargeMethod m) {
                return m == null ? "" : i18n.t(m == GroupConstitution.ChargeMethod.FLAT ? "group.method.flat"
                        : "group.method.declining");
            }

            @Override
            public GroupConstitution.ChargeMethod fromString(String s) {
                return null;
            }
        });
        method.valueProperty().bindBidirectional(vm.methodProperty());
        TextField multiple = amountField("group-loan-multiple", vm.loanMultipleProperty(), 4);
        TextField term = amountField("group-max-term", vm.maxTermProperty(), 4);
        TextField fines = new TextField();
        fines.setId("group-fines");
        fines.textProperty().bindBidirectional(vm.finesProperty());
        fines.setPromptText(i18n.t("group.cycle.finesExample"));
        fines.setPrefColumnCount(16);
        Button go = Views.primary(i18n, "group.cycle.start", Feather.PLAY, vm::startCycle);
        go.setId("group-start-cycle");
        go.disableProperty().bind(vm.may(OpType.GROUP_CYCLE).not().or(vm.idleBinding().not())
                .or(vm.sharePriceProperty().isEmpty()).or(vm.chargeProperty().isEmpty()));
        FlowPane form = new FlowPane(12, 10,
                Views.field(i18n, "group.cycle.startDate", start, vm.cycleStart().noticeProperty()),
                Views.field(i18n, "group.cycle.sharePrice", price, null),
                Views.field(i18n, "group.cycle.maxShares", max, null),
                Views.field(i18n, "group.cycle.socialFund", social, null),
                Views.field(i18n, "group.cycle.charge", charge, null),
                Views.field(i18n, "group.cycle.method", method, null),
                Views.field(i18n, "group.cycle.loanMultiple", multiple, null),
                Views.field(i18n, "group.cycle.maxTerm", term, null),
                Views.field(i18n, "group.cycle.fines", fines, null));
        form.setRowValignment(VPos.BOTTOM);
        form.setMinWidth(0);
        form.prefWrapLengthProperty().bind(form.widthProperty());
        VBox card = new VBox(12, Views.heading(i18n, "group.cycle.title"), intro, form, Views.wrappingRow(go));
        card.getStyleClass().add("form-card");
        card.setPadding(new Insets(14));
        card.setMaxHeight(Region.USE_PREF_SIZE);
        ScrollPane sp = new ScrollPane(card);
        sp.setFitToWidth(true);
        return sp;
    }

    private static TextField amountField(String id, javafx.beans.property.StringProperty value, int columns) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value);
        t.setPrefColumnCount(columns);
        t.setAlignment(Pos.CENTER_RIGHT);
        return t;
    }

    // ---------------------------------------------------------------- the meeting

    private Node meetingPart() {
        BooleanBinding open = vm.meetingProperty().isNotNull();
        // no meeting open: the date and "Open meeting", and how the last one ended
        DatePicker date = Views.datePicker(vm.meetingDate());
        date.getStyleClass().add("date-field");
        Button openButton = Views.primary(i18n, "group.meeting.open", Feather.PLAY, vm::openMeeting);
        openButton.setId("group-open-meeting");
        openButton.disableProperty().bind(vm.may(OpType.GROUP_MEETING_OPEN).not().or(vm.idleBinding().not()));
        Label last = Views.muted("");
        last.textProperty().bind(Bindings.createStringBinding(() -> {
            GroupService.Meeting m = vm.lastClosedProperty().get();
            if (m == null) {
                return i18n.t("group.meeting.none");
            }
            String counted = m.counted() == null ? i18n.t("group.close.notCounted")
                    : m.counted().equals(m.expected()) ? i18n.t("group.close.matches")
                    : i18n.t(m.counted() > m.expected() ? "group.close.over" : "group.close.short",
                    i18n.money(Math.abs(m.counted() - m.expected())));
            return i18n.t("group.meeting.last", i18n.date(m.date()), i18n.money(m.expected()), counted);
        }, vm.lastClosedProperty(), i18n.localeProperty()));
        last.setId("group-last-meeting");
        Button reopen = Views.button(i18n, "group.reopen.action", Feather.ROTATE_CCW, vm::reopenLast);
        reopen.setId("group-reopen");
        reopen.disableProperty().bind(vm.lastClosedProperty().isNull()
                .or(vm.may(OpType.GROUP_MEETING_REOPEN).not()).or(vm.idleBinding().not()));
        FlowPane openRow = new FlowPane(12, 8, Views.field(i18n, "group.meeting.date", date,
                vm.meetingDate().noticeProperty()), new VBox(openButton), new VBox(reopen));
        openRow.setRowValignment(VPos.BOTTOM);
        openRow.setMinWidth(0);
        openRow.prefWrapLengthProperty().bind(openRow.widthProperty());
        VBox closed = new VBox(10, Views.heading(i18n, "group.meeting.openTitle"), last, openRow,
                passbookRow("-closed"));
        closed.getStyleClass().add("form-card");
        closed.setPadding(new Insets(14));
        closed.setMaxHeight(Region.USE_PREF_SIZE);
        closed.visibleProperty().bind(open.not());
        closed.managedProperty().bind(open.not());

        // a meeting open: a row per member, the totals, the close
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setId("group-meeting-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.meetingProperty().get() == null ? ""
                : i18n.t("group.meeting.title", i18n.date(vm.meetingProperty().get().date())), vm.meetingProperty()));
        Label keys = Views.muted("");
        keys.textProperty().bind(Bindings.createStringBinding(() -> i18n.t("group.meeting.keys",
                vm.cycleProperty().get() == null ? 5 : Math.min(9, vm.cycleProperty().get().rules().maxShares())),
                vm.cycleProperty()));
        grid.setId("group-rows");
        grid.setHgap(8);
        grid.setVgap(4);
        grid.setPadding(new Insets(4, 8, 4, 4));
        vm.rows().addListener((ListChangeListener<GroupViewModel.MeetingRow>) c -> fillRows());
        vm.cycleProperty().addListener((o, a, b) -> fillRows());
        fillRows();
        // a meeting just opened: the first member's row takes the keys
        vm.meetingProperty().addListener((o, a, b) -> {
            if (a == null && b != null && !shareFields.isEmpty()) {
                Views.focusWhenShown(shareFields.getFirst());
            }
        });
        vm.focusRowProperty().addListener((o, a, b) -> {
            int i = b.intValue();
            if (i >= 0 && i < shareFields.size()) {
                shareFields.get(i).requestFocus();
            }
        });
        ScrollPane sp = new ScrollPane(grid);
        sp.setFitToWidth(true);
        sp.setId("group-rows-scroll");
        // the rows, or the meeting's entries with the corrections
        BooleanBinding rowsShown = vm.showEntriesProperty().not();
        sp.visibleProperty().bind(rowsShown);
        keys.visibleProperty().bind(rowsShown);
        keys.managedProperty().bind(rowsShown);
        Node corrections = corrections();
        corrections.visibleProperty().bind(vm.showEntriesProperty());
        StackPane middle = new StackPane(sp, corrections);
        middle.setAlignment(Pos.TOP_LEFT);
        middle.setMinHeight(0);
        VBox.setVgrow(middle, Priority.ALWAYS);
        ToggleButton showEntries = new ToggleButton(i18n.t("group.entries.show"));
        showEntries.setId("group-show-entries");
        showEntries.setMnemonicParsing(false);
        showEntries.setMinWidth(Region.USE_PREF_SIZE);
        showEntries.selectedProperty().bindBidirectional(vm.showEntriesProperty());
        FlowPane titleRow = Views.wrappingRow(title, showEntries);
        titleRow.prefWrapLengthProperty().bind(titleRow.widthProperty());
        VBox inMeeting = new VBox(6, titleRow, keys, middle, totals(), closeRow());
        inMeeting.visibleProperty().bind(open);
        inMeeting.managedProperty().bind(open);
        VBox.setVgrow(inMeeting, Priority.ALWAYS);
        VBox all = new VBox(closed, inMeeting);
        all.setMinWidth(0);
        return all;
    }

    /// Column widths in em of the text, so the rows fit at 150 % text.
    private static final double[] COLUMN_EM = {7, 7, 5.5, 5, 10.5, 8};

    private void fillRows() {
        grid.getChildren().clear();
        shareFields.clear();
        for (int c = grid.getColumnConstraints().size(); c < COLUMN_EM.length; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            double em = COLUMN_EM[c];
            boolean repayment = c == 4;
            ems(size -> {
                cc.setMinWidth(em * size);
                if (repayment) {
                    cc.setMaxWidth(15 * size); // room for what is owed, the rest to the names
                }
            });
            cc.setHgrow(c == 0 || repayment ? Priority.ALWAYS : Priority.NEVER);
            grid.getColumnConstraints().add(cc);
        }
        String[] heads = {"group.col.member", "group.col.attendance", "group.col.shares", "group.col.social",
            "group.col.repayment", "group.col.fine"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(i18n.t(heads[c]));
            h.getStyleClass().add("field-label");
            h.setWrapText(true);
            h.setMinHeight(Region.USE_PREF_SIZE);
            grid.add(h, c, 0);
        }
        int i = 0;
        for (GroupViewModel.MeetingRow r : vm.rows()) {
            addRow(r, ++i);
        }
    }

    private void addRow(GroupViewModel.MeetingRow r, int line) {
        int index = line - 1;
        Label name = new Label(r.member().name());
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        name.setMinWidth(0);
        // attendance: three pills, the one recorded is shown pressed
        ToggleGroup g = new ToggleGroup();
        HBox attend = new HBox(0);
        String[][] choices = {{GroupViewModel.PRESENT, "group.attend.presentKey", "group.attend.present"},
            {GroupViewModel.REPRESENTED, "group.attend.representedKey", "group.attend.represented"},
            {GroupViewModel.ABSENT, "group.attend.absentKey", "group.attend.absent"}};
        for (int k = 0; k < choices.length; k++) {
            String status = choices[k][0];
            ToggleButton b = new ToggleButton(i18n.t(choices[k][1]));
            b.setId("group-attend-" + status + "-" + index);
            b.setToggleGroup(g);
            b.setFocusTraversable(false);
            b.setMnemonicParsing(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add(k == 0 ? Styles.LEFT_PILL : k == 1 ? Styles.CENTER_PILL : Styles.RIGHT_PILL);
            Views.tip(b, i18n.t(choices[k][2]));
            b.setSelected(status.equals(r.attendanceProperty().get()));
            r.attendanceProperty().addListener((o, a, now) -> b.setSelected(status.equals(now)));
            b.setOnAction(e -> {
                b.setSelected(status.equals(r.attendanceProperty().get()));
                vm.attend(r, status);
            });
            b.disableProperty().bind(vm.may(OpType.GROUP_ATTEND).not());
            attend.getChildren().add(b);
        }
        // shares: the row's keyboard
        int max = vm.cycleProperty().get() == null ? 5 : vm.cycleProperty().get().rules().maxShares();
        TextField shares = new TextField();
        shares.setId("group-shares-" + index);
        shares.setPrefColumnCount(3);
        shares.setAlignment(Pos.CENTER);
        shares.setEditable(max > 9);
        shares.setAccessibleText(i18n.t("group.shares.accessible", r.member().name()));
        Runnable showShares = () -> shares.setText(r.sharesProperty().get() == 0 ? "" : Long.toString(r.sharesProperty().get()));
        showShares.run();
        r.sharesProperty().addListener((o, a, b) -> showShares.run());
        shareFields.add(shares);
        shares.focusedProperty().addListener((o, a, now) -> {
            if (now) {
                inSight(shares);
            }
        });
        // social fund
        CheckBox social = new CheckBox();
        social.setId("group-social-" + index);
        social.setFocusTraversable(false);
        social.setSelected(r.socialProperty().get() > 0);
        r.socialProperty().addListener((o, a, b) -> social.setSelected(b.longValue() > 0));
        social.setOnAction(e -> {
            social.setSelected(r.socialProperty().get() > 0);
            vm.social(r);
        });
        social.disableProperty().bind(r.socialProperty().greaterThan(0).or(vm.may(OpType.GROUP_SOCIAL).not())
                .or(Bindings.createBooleanBinding(() -> vm.cycleProperty().get() == null
                        || vm.cycleProperty().get().rules().socialFund() <= 0, vm.cycleProperty())));
        Views.tip(social, i18n.t("group.social.tip"));
        // repayment of the open loan
        TextField repay = new TextField();
        repay.setId("group-repay-" + index);
        repay.setPrefColumnCount(5);
        repay.setMinWidth(0);
        repay.setAlignment(Pos.CENTER_RIGHT);
        repay.textProperty().bindBidirectional(r.repayTextProperty());
        BooleanBinding noLoan = r.openLoanProperty().isNull();
        repay.disableProperty().bind(noLoan.or(vm.may(OpType.GROUP_LOAN_REPAY).not()));
        // the prompt says what is owed, or what was repaid at this meeting once nothing is owed
        repay.promptTextProperty().bind(Bindings.createStringBinding(() -> r.openLoanProperty().get() != null
                ? i18n.t("group.repay.owes", i18n.number(GroupViewModel.outstanding(r.openLoanProperty().get())))
                : r.repaidProperty().get() > 0 ? i18n.t("group.repay.paid", i18n.number(r.repaidProperty().get()))
                : i18n.t("group.repay.noLoan"), r.openLoanProperty(), r.repaidProperty()));
        repay.setOnAction(e -> vm.repay(r));
        Button repayGo = new Button(null, coop.minka.ui.common.Icons.of(Feather.CHECK));
        repayGo.setId("group-repay-go-" + index);
        repayGo.setFocusTraversable(false);
        Views.tip(repayGo, i18n.t("group.repay.action"));
        repayGo.setOnAction(e -> vm.repay(r));
        repayGo.disableProperty().bind(repay.disableProperty().or(r.repayTextProperty().isEmpty()));
        HBox repayBox = new HBox(4, repay, repayGo);
        repayBox.setMaxWidth(Double.MAX_VALUE);
        repay.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(repay, Priority.ALWAYS);
        repayBox.setAlignment(Pos.CENTER_LEFT);
        // fines
        MenuButton fine = new MenuButton();
        // the fines paid at this meeting are said on the button itself
        fine.textProperty().bind(Bindings.createStringBinding(() -> r.finesProperty().get() == 0
                ? i18n.t("group.fine.action") : i18n.t("group.fine.paid", i18n.number(r.finesProperty().get())),
                r.finesProperty()));
        fine.setId("group-fine-" + index);
        fine.setFocusTraversable(false);
        fine.setMnemonicParsing(false);
        fine.setMinWidth(Region.USE_PREF_SIZE);
        for (Map.Entry<String, Long> kind : vm.fineKinds()) {
            MenuItem item = new MenuItem(i18n.t("group.fine.item", kind.getKey(), i18n.money(kind.getValue())));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.fine(r, kind.getKey()));
            fine.getItems().add(item);
        }
        fine.disableProperty().bind(vm.may(OpType.GROUP_FINE).not().or(Bindings.createBooleanBinding(
                fine.getItems()::isEmpty)));
        HBox fineBox = new HBox(fine);
        fineBox.setAlignment(Pos.CENTER_LEFT);

        shares.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (rowKey(e, r, index, max, shares, social, fine)) {
                e.consume();
            }
        });
        grid.addRow(line, name, attend, shares, social, repayBox, fineBox);
        for (Node n : List.of(name, attend, shares, social, repayBox, fineBox)) {
            GridPane.setValignment(n, VPos.CENTER);
        }
    }

    /// Scrolls the rows so that `n` (a row's field) is wholly in sight.
    private void inSight(Node n) {
        if (!(grid.getParent() != null && grid.getParent().getParent() instanceof ScrollPane sp)) {
            return;
        }
        javafx.geometry.Bounds view = sp.getViewportBounds();
        double content = grid.getBoundsInLocal().getHeight() - view.getHeight();
        if (content <= 0) {
            return;
        }
        javafx.geometry.Bounds b = grid.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        double top = sp.getVvalue() * content;
        if (b.getMinY() - 4 < top) {
            sp.setVvalue(Math.max(0, (b.getMinY() - 4) / content));
        } else if (b.getMaxY() + 4 > top + view.getHeight()) {
            sp.setVvalue(Math.min(1, (b.getMaxY() + 4 - view.getHeight()) / content));
        }
    }

    /// The keys of a member's row (in its shares field); true when the key was used.
    private boolean rowKey(KeyEvent e, GroupViewModel.MeetingRow r, int index, int max, TextField shares,
                           CheckBox social, MenuButton fine) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return false;
        }
        KeyCode k = e.getCode();
        if (k == KeyCode.DOWN || k == KeyCode.UP) {
            int to = index + (k == KeyCode.DOWN ? 1 : -1);
            if (to >= 0 && to < shareFields.size()) {
                shareFields.get(to).requestFocus();
            }
            return true;
        }
        if (k.isDigitKey() && max <= 9) {
            int n = digit(k);
            if (n >= 1) {
                vm.shares(r, n);
            }
            return true;
        }
        if (k == KeyCode.ENTER && max > 9) {
            try {
                vm.shares(r, Integer.parseInt(shares.getText().strip()));
            } catch (NumberFormatException ex) {
                shares.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            }
            return true;
        }
        // the letter typed (in the keyboard's layout), else the key's own letter
        String letter = e.getText() != null && !e.getText().isBlank() ? e.getText().toUpperCase(i18n.locale())
                : k.isLetterKey() ? k.getChar().toUpperCase(i18n.locale()) : "";
        if (letter.isEmpty()) {
            return false;
        }
        if (letter.equals(i18n.t("group.attend.presentKey"))) {
            vm.attend(r, GroupViewModel.PRESENT);
        } else if (letter.equals(i18n.t("group.attend.representedKey"))) {
            vm.attend(r, GroupViewModel.REPRESENTED);
        } else if (letter.equals(i18n.t("group.attend.absentKey"))) {
            vm.attend(r, GroupViewModel.ABSENT);
        } else if (letter.equals(i18n.t("group.social.key"))) {
            if (!social.isDisabled()) {
                vm.social(r);
            }
        } else if (letter.equals(i18n.t("group.fine.key"))) {
            if (!fine.isDisabled()) {
                fine.show();
            }
        } else {
            return max <= 9 && !k.isNavigationKey() && k != KeyCode.TAB; // no other text in the field
        }
        return true;
    }

    private static int digit(KeyCode k) {
        String n = k.getName();
        char c = n.charAt(n.length() - 1);
        return Character.isDigit(c) ? c - '0' : -1;
    }

    /// The open meeting's entries (voided ones said so) with *Void*, and the other corrections:
    /// a grant from the social fund, an expense, a member's passbook (design notes 38).
    private Node corrections() {
        TableView<GroupService.EntryView> table = new TableView<>(vm.entries());
        table.setId("group-entries");
        table.getStyleClass().add(Styles.DENSE);
        TableColumn<GroupService.EntryView, String> kind = Views.column(i18n, "group.col.kind",
                e -> vm.kind(e.type()), s -> s);
        TableColumn<GroupService.EntryView, String> member = Views.column(i18n, "group.col.member",
                e -> e.memberName() == null ? "" : e.memberName(), s -> s);
        Views.wrapping(member, s -> s);
        TableColumn<GroupService.EntryView, Long> amount = Views.numberColumn(i18n, "group.col.amount",
                e -> e.amount() == null ? 0L : e.amount(), n -> n == 0 ? "" : i18n.money(n));
        TableColumn<GroupService.EntryView, String> note = Views.column(i18n, "group.col.note",
                e -> e.note() == null ? "" : e.note(), s -> s);
        Views.wrapping(note, s -> s);
        TableColumn<GroupService.EntryView, String> state = Views.column(i18n, "group.col.state",
                vm::entryState, s -> s);
        ems(em -> {
            kind.setPrefWidth(9 * em);
            member.setPrefWidth(10 * em);
            amount.setPrefWidth(7 * em);
            note.setPrefWidth(10 * em);
            state.setPrefWidth(6 * em);
        });
        table.getColumns().setAll(List.of(kind, member, amount, note, state));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.placeholder(table, i18n, "group.entries.empty");
        table.setMinWidth(0);
        ems(em -> table.setPrefHeight(9 * em));
        ems(em -> table.setMinHeight(8 * em));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedEntryProperty().set(b));
        vm.selectedEntryProperty().addListener((o, a, b) -> {
            if (b == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        Button voidIt = Views.button(i18n, "group.void.action", Feather.X_CIRCLE, vm::voidSelected);
        voidIt.setId("group-void");
        voidIt.disableProperty().bind(vm.selectedEntryProperty().isNull().or(vm.may(OpType.GROUP_VOID).not())
                .or(vm.idleBinding().not()));
        voidIt.setMinWidth(Region.USE_PREF_SIZE);
        Label voidHint = Views.muted(i18n.t("group.void.hint"));
        voidHint.setMinWidth(0);
        voidHint.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(voidHint, Priority.ALWAYS);
        HBox voidRow = new HBox(10, voidIt, voidHint);
        voidRow.setAlignment(Pos.CENTER_LEFT);
        voidRow.setMinWidth(0);

        ComboBox<Member> grantMember = memberBox("group-grant-member", vm.grantMemberProperty());
        TextField grantAmount = amountField("group-grant-amount", vm.grantAmountProperty(), 6);
        TextField grantReason = textField("group-grant-reason", vm.grantReasonProperty(), 12);
        Button grant = Views.button(i18n, "group.grant.action", Feather.HEART, vm::grant);
        grant.setId("group-grant");
        grant.disableProperty().bind(vm.grantMemberProperty().isNull().or(vm.grantAmountProperty().isEmpty())
                .or(vm.grantReasonProperty().isEmpty()).or(vm.may(OpType.GROUP_GRANT).not())
                .or(vm.idleBinding().not()));
        FlowPane grantRow = formRow(Views.field(i18n, "group.grant.member", grantMember, null),
                Views.field(i18n, "group.grant.amount", grantAmount, null),
                Views.field(i18n, "group.grant.reason", grantReason, null), new VBox(grant));
        TextField expenseAmount = amountField("group-expense-amount", vm.expenseAmountProperty(), 6);
        TextField expenseMemo = textField("group-expense-memo", vm.expenseMemoProperty(), 14);
        Button expense = Views.button(i18n, "group.expense.action", Feather.SHOPPING_BAG, vm::expense);
        expense.setId("group-expense");
        expense.disableProperty().bind(vm.expenseAmountProperty().isEmpty().or(vm.expenseMemoProperty().isEmpty())
                .or(vm.may(OpType.GROUP_EXPENSE).not()).or(vm.idleBinding().not()));
        FlowPane expenseRow = formRow(Views.field(i18n, "group.expense.amount", expenseAmount, null),
                Views.field(i18n, "group.expense.memo", expenseMemo, null), new VBox(expense));
        VBox forms = new VBox(8, Views.heading(i18n, "group.grant.title"), grantRow,
                Views.heading(i18n, "group.expense.title"), expenseRow, passbookRow(""));
        forms.getStyleClass().add("form-card");
        forms.setPadding(new Insets(10));
        forms.setMinWidth(0);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox all = new VBox(8, table, voidRow, forms);
        all.setMinWidth(0);
        all.setPadding(new Insets(0, 8, 0, 0));
        // the list takes the height there is; at 150 % text the forms scroll under it
        ScrollPane sp = new ScrollPane(all);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        sp.setId("group-entries-scroll");
        return sp;
    }

    /// A member chooser, *Print passbook* beside it; `suffix` keeps the ids apart (the closed
    /// card and the corrections each have one).
    private Node passbookRow(String suffix) {
        ComboBox<Member> member = memberBox("group-passbook-member" + suffix, vm.passbookMemberProperty());
        Button print = Views.button(i18n, "group.passbook.action", Feather.PRINTER, vm::printPassbook);
        print.setId("group-passbook" + suffix);
        print.disableProperty().bind(vm.passbookMemberProperty().isNull().or(vm.idleBinding().not()));
        return formRow(Views.field(i18n, "group.passbook.member", member, null), new VBox(print));
    }

    private ComboBox<Member> memberBox(String id, javafx.beans.property.ObjectProperty<Member> value) {
        ComboBox<Member> box = new ComboBox<>(vm.activeMembers());
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        Views.labelled(box, Member::name, "");
        TypeAhead.install(box, Member::name);
        ems(em -> box.setPrefWidth(11 * em));
        return box;
    }

    private static TextField textField(String id, javafx.beans.property.StringProperty value, int columns) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value);
        t.setPrefColumnCount(columns);
        return t;
    }

    private static FlowPane formRow(Node... nodes) {
        FlowPane row = new FlowPane(10, 6, nodes);
        row.setRowValignment(VPos.BOTTOM);
        row.setMinWidth(0);
        row.prefWrapLengthProperty().bind(row.widthProperty());
        return row;
    }

    private Node totals() {
        Label line = new Label();
        line.setId("group-totals");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.textProperty().bind(Bindings.createStringBinding(() -> i18n.t("group.totals",
                i18n.money(vm.sharesInProperty().get()), i18n.money(vm.socialInProperty().get()),
                i18n.money(vm.repaidInProperty().get())) + " " + i18n.t("group.totals2",
                i18n.money(vm.finesInProperty().get()), i18n.money(vm.cashInProperty().get()),
                i18n.money(vm.lentOutProperty().get())),
                vm.sharesInProperty(), vm.socialInProperty(), vm.repaidInProperty(), vm.finesInProperty(),
                vm.cashInProperty(), vm.lentOutProperty()));
        Label box = new Label();
        box.setId("group-expected");
        box.getStyleClass().add(Styles.TEXT_BOLD);
        box.setWrapText(true);
        box.setMinHeight(Region.USE_PREF_SIZE);
        box.textProperty().bind(Bindings.createStringBinding(() -> i18n.t("group.expected",
                i18n.money(vm.expectedProperty().get())), vm.expectedProperty()));
        return new VBox(2, line, box);
    }

    private Node closeRow() {
        TextField counted = new TextField();
        counted.setId("group-counted");
        counted.setPrefColumnCount(8);
        counted.setAlignment(Pos.CENTER_RIGHT);
        counted.textProperty().bindBidirectional(vm.countedProperty());
        Label diff = new Label();
        diff.setId("group-difference");
        diff.setWrapText(true);
        diff.setMinHeight(Region.USE_PREF_SIZE);
        diff.textProperty().bind(vm.differenceBinding());
        Button close = Views.primary(i18n, "group.meeting.close", Feather.LOCK, vm::closeMeeting);
        close.setId("group-close-meeting");
        close.disableProperty().bind(vm.may(OpType.GROUP_MEETING_CLOSE).not().or(vm.idleBinding().not()));
        VBox diffBox = new VBox(diff);
        diffBox.setAlignment(Pos.BOTTOM_LEFT);
        diffBox.setMinHeight(Region.USE_PREF_SIZE);
        Label countedLabel = new Label(i18n.t("group.close.counted"));
        countedLabel.setLabelFor(counted);
        countedLabel.getStyleClass().add("field-label");
        countedLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox countedBox = new HBox(8, countedLabel, counted);
        countedBox.setAlignment(Pos.CENTER_LEFT);
        countedBox.setMinWidth(Region.USE_PREF_SIZE);
        diffBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane row = new FlowPane(12, 6, countedBox, diffBox, close);
        row.setRowValignment(VPos.CENTER);
        row.setMinWidth(0);
        row.prefWrapLengthProperty().bind(row.widthProperty());
        return row;
    }

    // ---------------------------------------------------------------- loans

    private Node loansPart() {
        BooleanBinding open = vm.meetingProperty().isNotNull();
        ComboBox<Member> member = new ComboBox<>(vm.activeMembers());
        member.setId("group-loan-member");
        member.valueProperty().bindBidirectional(vm.loanMemberProperty());
        Views.labelled(member, Member::name, "");
        TypeAhead.install(member, Member::name);
        ems(em -> member.setPrefWidth(12 * em));
        TextField amount = amountField("group-loan-amount", vm.loanAmountProperty(), 7);
        TextField months = amountField("group-loan-months", vm.loanMonthsProperty(), 3);
        Button lend = Views.primary(i18n, "group.loan.issue", Feather.ARROW_UP_RIGHT, vm::issueLoan);
        lend.setId("group-loan-issue");
        lend.disableProperty().bind(open.not().or(vm.may(OpType.GROUP_LOAN_ISSUE).not())
                .or(vm.loanMemberProperty().isNull()).or(vm.loanAmountProperty().isEmpty())
                .or(vm.idleBinding().not()));
        FlowPane form = new FlowPane(12, 8, Views.field(i18n, "group.loan.member", member, null),
                Views.field(i18n, "group.loan.amount", amount, null), Views.field(i18n, "group.loan.months", months, null),
                new VBox(lend));
        form.setRowValignment(VPos.BOTTOM);
        form.setMinWidth(0);
        form.prefWrapLengthProperty().bind(form.widthProperty());
        Label needMeeting = Views.muted(i18n.t("group.loan.needMeeting"));
        needMeeting.visibleProperty().bind(open.not());
        needMeeting.managedProperty().bind(open.not());

        TableView<GroupService.Loan> table = new TableView<>(vm.loans());
        table.setId("group-loans");
        table.getStyleClass().add(Styles.DENSE);
        TableColumn<GroupService.Loan, String> who = Views.column(i18n, "group.col.member",
                GroupService.Loan::memberName, s -> s);
        Views.wrapping(who, s -> s);
        TableColumn<GroupService.Loan, LocalDate> issued = Views.column(i18n, "group.col.issued",
                GroupService.Loan::issued, i18n::date);
        TableColumn<GroupService.Loan, Long> principal = Views.numberColumn(i18n, "group.col.principal",
                GroupService.Loan::principal, i18n::money);
        TableColumn<GroupService.Loan, Integer> term = Views.numberColumn(i18n, "group.col.months",
                GroupService.Loan::months, n -> Integer.toString(n));
        TableColumn<GroupService.Loan, Long> owed = Views.numberColumn(i18n, "group.col.outstanding",
                GroupViewModel::outstanding, i18n::money);
        TableColumn<GroupService.Loan, GroupService.Loan> state = Views.column(i18n, "group.col.state", l -> l,
                this::loanState);
        Views.wrapping(state, this::loanState);
        for (var c : List.of(issued, principal, owed)) {
            ems(em -> c.setPrefWidth(7.5 * em));
        }
        ems(em -> {
            term.setPrefWidth(4 * em);
            who.setPrefWidth(10 * em);
            state.setPrefWidth(9 * em);
        });
        table.getColumns().setAll(List.of(who, issued, principal, term, owed, state));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.placeholder(table, i18n, "group.loan.empty");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedLoanProperty().set(b);
            }
        });
        vm.selectedLoanProperty().addListener((o, a, b) -> {
            if (b == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        table.setMinWidth(0);
        ems(em -> table.setPrefHeight(9 * em));
        VBox.setVgrow(table, Priority.ALWAYS);

        // the selected loan: its schedule and a repayment
        Label loanTitle = new Label();
        loanTitle.getStyleClass().add(Styles.TITLE_4);
        loanTitle.setWrapText(true);
        loanTitle.setMinHeight(Region.USE_PREF_SIZE);
        loanTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            GroupService.Loan l = vm.selectedLoanProperty().get();
            return l == null ? i18n.t("group.loan.pick") : i18n.t("group.loan.title", l.memberName(),
                    i18n.money(l.principal()), i18n.t("group.loan.paid", i18n.money(l.repaid()),
                            i18n.money(GroupViewModel.outstanding(l))));
        }, vm.selectedLoanProperty()));
        TableView<LoanSchedule.Installment> sched = new TableView<>(vm.schedule());
        sched.setId("group-schedule");
        sched.getStyleClass().add(Styles.DENSE);
        TableColumn<LoanSchedule.Installment, Integer> no = Views.numberColumn(i18n, "group.col.number",
                LoanSchedule.Installment::number, n -> Integer.toString(n));
        TableColumn<LoanSchedule.Installment, LocalDate> due = Views.column(i18n, "group.col.due",
                LoanSchedule.Installment::due, i18n::date);
        TableColumn<LoanSchedule.Installment, Long> ch = Views.numberColumn(i18n, "group.col.charge",
                LoanSchedule.Installment::charge, i18n::money);
        TableColumn<LoanSchedule.Installment, Long> pr = Views.numberColumn(i18n, "group.col.principal",
                LoanSchedule.Installment::principal, i18n::money);
        TableColumn<LoanSchedule.Installment, Long> tot = Views.numberColumn(i18n, "group.col.total",
                LoanSchedule.Installment::total, i18n::money);
        ems(em -> {
            no.setPrefWidth(2.5 * em);
            due.setPrefWidth(7 * em);
            ch.setPrefWidth(6 * em);
            pr.setPrefWidth(6 * em);
            tot.setPrefWidth(6 * em);
        });
        sched.getColumns().setAll(List.of(no, due, ch, pr, tot));
        sched.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.placeholder(sched, i18n, "group.loan.noSchedule");
        sched.setMinWidth(0);
        ems(em -> sched.setPrefHeight(8 * em));
        HBox.setHgrow(sched, Priority.ALWAYS);
        TextField repay = amountField("group-loan-repay", vm.repayAmountProperty(), 7);
        repay.setOnAction(e -> vm.repaySelected());
        Button repayGo = Views.button(i18n, "group.loan.repay", Feather.ARROW_DOWN_LEFT, vm::repaySelected);
        repayGo.setId("group-loan-repay-go");
        repayGo.disableProperty().bind(open.not().or(vm.selectedLoanProperty().isNull())
                .or(vm.repayAmountProperty().isEmpty()).or(vm.may(OpType.GROUP_LOAN_REPAY).not())
                .or(vm.idleBinding().not()));
        Button writeOff = Views.button(i18n, "group.writeOff.action", Feather.SLASH, vm::writeOffSelected);
        writeOff.setId("group-loan-writeoff");
        writeOff.disableProperty().bind(open.not().or(Bindings.createBooleanBinding(() ->
                vm.selectedLoanProperty().get() == null
                        || GroupViewModel.outstanding(vm.selectedLoanProperty().get()) <= 0, vm.selectedLoanProperty()))
                .or(vm.may(OpType.GROUP_LOAN_WRITEOFF).not()).or(vm.idleBinding().not()));
        FlowPane repayRow = new FlowPane(10, 6, Views.field(i18n, "group.loan.repayAmount", repay, null),
                new VBox(repayGo), new VBox(writeOff));
        repayRow.setRowValignment(VPos.BOTTOM);
        repayRow.setMinWidth(0);
        repayRow.prefWrapLengthProperty().bind(repayRow.widthProperty());
        // the chosen loan under the list: its installments, and beside them a repayment
        VBox side = new VBox(8, loanTitle, repayRow);
        ems(em -> side.setPrefWidth(16 * em));
        side.setMinWidth(0);
        HBox chosen = new HBox(12, sched, side);
        chosen.getStyleClass().add("form-card");
        chosen.setPadding(new Insets(10));
        chosen.setMinWidth(0);
        VBox.setVgrow(chosen, Priority.SOMETIMES);
        VBox all = new VBox(8, form, needMeeting, table, chosen);
        all.setMinWidth(0);
        return all;
    }

    /// A loan in words: repaid, on time, overdue (with days), at risk (over 30 days late).
    private String loanState(GroupService.Loan l) {
        LoanSchedule.Position p = l.position();
        if (l.writtenOff() > 0) {
            return i18n.t("group.loan.state.writtenOff", i18n.money(l.writtenOff()));
        }
        if (p.settled()) {
            return i18n.t("group.loan.state.repaid");
        }
        if (p.atRisk30()) {
            return i18n.t("group.loan.state.atRisk", p.daysPastDue(), i18n.money(p.arrears()));
        }
        if (p.daysPastDue() > 0) {
            return i18n.t("group.loan.state.overdue", p.daysPastDue(), i18n.money(p.arrears()));
        }
        return i18n.t("group.loan.state.onTime");
    }

    // ---------------------------------------------------------------- share-out

    private Node shareOutPart() {
        Label figures = new Label();
        figures.setId("group-shareout-figures");
        figures.setWrapText(true);
        figures.setMinHeight(Region.USE_PREF_SIZE);
        figures.getStyleClass().add(Styles.TEXT_BOLD);
        figures.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = vm.shareOutProperty().get();
            return s == null ? "" : i18n.t("group.shareOut.figures", i18n.money(s.distributable()), s.totalShares(),
                    i18n.money(s.valuePerShare())) + " " + i18n.t("group.shareOut.social", i18n.money(s.socialFund()));
        }, vm.shareOutProperty()));
        Label explain = Views.muted(i18n.t("group.shareOut.explain"));
        Label posted = new Label(i18n.t("group.shareOut.done"));
        posted.setId("group-shareout-posted");
        posted.getStyleClass().add(Styles.SUCCESS);
        posted.setWrapText(true);
        posted.visibleProperty().bind(vm.postedProperty());
        posted.managedProperty().bind(vm.postedProperty());
        TableView<GroupViewModel.Payout> table = new TableView<>(vm.payouts());
        table.setId("group-payouts");
        table.getStyleClass().add(Styles.DENSE);
        TableColumn<GroupViewModel.Payout, String> who = Views.column(i18n, "group.col.member",
                GroupViewModel.Payout::member, s -> s);
        Views.wrapping(who, s -> s);
        TableColumn<GroupViewModel.Payout, Long> shares = Views.numberColumn(i18n, "group.col.shares",
                GroupViewModel.Payout::shares, n -> Long.toString(n));
        TableColumn<GroupViewModel.Payout, Long> pay = Views.numberColumn(i18n, "group.col.payout",
                GroupViewModel.Payout::payout, i18n::money);
        ems(em -> {
            who.setPrefWidth(16 * em);
            shares.setPrefWidth(6 * em);
            pay.setPrefWidth(9 * em);
        });
        table.getColumns().setAll(List.of(who, shares, pay));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.placeholder(table, i18n, "group.shareOut.empty");
        ems(em -> table.setMaxWidth(40 * em));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button post = Views.primary(i18n, "group.shareOut.post", Feather.SEND, vm::postShareOut);
        post.setId("group-shareout-post");
        post.disableProperty().bind(vm.postedProperty().or(vm.shareOutProperty().isNull())
                .or(vm.may(OpType.GROUP_SHAREOUT).not()).or(vm.idleBinding().not()));
        VBox all = new VBox(8, figures, explain, posted, table, Views.wrappingRow(post));
        all.setMinWidth(0);
        return all;
    }
}
