package coop.minka.ui.group;

import coop.minka.app.GroupService;
import coop.minka.app.MemberService;
import coop.minka.app.pack.PackService;
import coop.minka.domain.GroupConstitution;
import coop.minka.domain.LoanSchedule;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Money;
import coop.minka.domain.OpType;
import coop.minka.domain.ShareOut;
import coop.minka.ui.common.Amounts;
import coop.minka.ui.common.DateField;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.common.WhoIsWorking;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The savings group (issue 14, design notes 33): starting a cycle, the meeting itself (one row
/// per active member: attendance, shares, social fund, repayment, fine; the running totals; the
/// cash count at the close), the loans and the share-out. Every action is one call of
/// [GroupService], made through [WhoIsWorking#run] so roles and a second person apply.
public final class GroupViewModel extends ScreenModel {
    /// The three parts of the screen.
    public enum Part { MEETING, LOANS, SHARE_OUT }

    /// Attendance as the service writes it.
    public static final String PRESENT = "present";
    public static final String REPRESENTED = "represented";
    public static final String ABSENT = "absent";

    /// One active member at the open meeting: what is recorded for them so far, their open loan
    /// (the oldest not repaid, if any) and what is typed in their row.
    public static final class MeetingRow {
        private final Member member;
        private final StringProperty attendance = new SimpleStringProperty();
        private final LongProperty shares = new SimpleLongProperty();
        private final LongProperty social = new SimpleLongProperty();
        private final LongProperty repaid = new SimpleLongProperty();
        private final LongProperty fines = new SimpleLongProperty();
        private final ObjectProperty<GroupService.Loan> openLoan = new SimpleObjectProperty<>();
        private final StringProperty repayText = new SimpleStringProperty("");

        MeetingRow(Member member) {
            this.member = member;
        }

        void show(GroupService.AtMeeting a, GroupService.Loan loan) {
            attendance.set(a == null ? null : a.attendance());
            shares.set(a == null ? 0 : a.shares());
            social.set(a == null ? 0 : a.social());
            repaid.set(a == null ? 0 : a.repaid());
            fines.set(a == null ? 0 : a.fines());
            openLoan.set(loan);
        }

        public Member member() {
            return member;
        }

        /// `present`, `represented`, `absent`, or null while not recorded.
        public StringProperty attendanceProperty() {
            return attendance;
        }

        public LongProperty sharesProperty() {
            return shares;
        }

        public LongProperty socialProperty() {
            return social;
        }

        public LongProperty repaidProperty() {
            return repaid;
        }

        public LongProperty finesProperty() {
            return fines;
        }

        public ObjectProperty<GroupService.Loan> openLoanProperty() {
            return openLoan;
        }

        /// The repayment amount typed in the row.
        public StringProperty repayTextProperty() {
            return repayText;
        }
    }

    /// One line of the share-out preview.
    public record Payout(String member, long shares, long payout) {
    }

    private record Loaded(Optional<GroupService.Cycle> cycle, List<GroupService.Meeting> meetings,
                          List<Member> members, Map<String, GroupService.AtMeeting> at, List<GroupService.Loan> loans,
                          long expected, GroupService.ShareOutView shareOut, List<GroupService.EntryView> entries) {
    }

    private final GroupService group;
    private final MemberService members;
    private final PackService pack;
    private final WhoIsWorking who;
    private final ObjectProperty<Part> part = new SimpleObjectProperty<>(Part.MEETING);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final ObjectProperty<GroupService.Cycle> cycle = new SimpleObjectProperty<>();
    private final ObjectProperty<GroupService.Meeting> meeting = new SimpleObjectProperty<>();
    private final ObjectProperty<GroupService.Meeting> lastClosed = new SimpleObjectProperty<>();
    private final ObservableList<MeetingRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Member> activeMembers = FXCollections.observableArrayList();
    private final LongProperty sharesIn = new SimpleLongProperty();
    private final LongProperty socialIn = new SimpleLongProperty();
    private final LongProperty repaidIn = new SimpleLongProperty();
    private final LongProperty finesIn = new SimpleLongProperty();
    private final LongProperty cashIn = new SimpleLongProperty();
    private final LongProperty lentOut = new SimpleLongProperty();
    private final LongProperty expected = new SimpleLongProperty();
    /// Which row should have the keyboard (after shares are bought the next row gets it).
    private final IntegerProperty focusRow = new SimpleIntegerProperty(-1);
    private final DateField meetingDate;
    private final StringProperty counted = new SimpleStringProperty("");
    private boolean countedTyped;
    private final StringBinding difference;
    // the cycle form
    private final DateField cycleStart;
    private final StringProperty sharePrice = new SimpleStringProperty("");
    private final StringProperty maxShares = new SimpleStringProperty("5");
    private final StringProperty socialFund = new SimpleStringProperty("");
    private final StringProperty charge = new SimpleStringProperty("");
    private final ObjectProperty<GroupConstitution.ChargeMethod> method =
            new SimpleObjectProperty<>(GroupConstitution.ChargeMethod.FLAT);
    private final StringProperty loanMultiple = new SimpleStringProperty("3");
    private final StringProperty maxTerm = new SimpleStringProperty("3");
    private final StringProperty fines = new SimpleStringProperty("");
    // loans
    private final ObservableList<GroupService.Loan> loans = FXCollections.observableArrayList();
    private final ObjectProperty<GroupService.Loan> selectedLoan = new SimpleObjectProperty<>();
    private final ObservableList<LoanSchedule.Installment> schedule = FXCollections.observableArrayList();
    private final ObjectProperty<Member> loanMember = new SimpleObjectProperty<>();
    private final StringProperty loanAmount = new SimpleStringProperty("");
    private final StringProperty loanMonths = new SimpleStringProperty("1");
    private final StringProperty repayAmount = new SimpleStringProperty("");
    // share-out
    private final ObservableList<Payout> payouts = FXCollections.observableArrayList();
    private final ObjectProperty<ShareOut> shareOut = new SimpleObjectProperty<>();
    private final BooleanProperty posted = new SimpleBooleanProperty(false);
    private final BooleanBinding idle;
    // corrections (design notes 38): the open meeting's entries, a grant, an expense, a passbook
    private final BooleanProperty showEntries = new SimpleBooleanProperty(false);
    private final ObservableList<GroupService.EntryView> entries = FXCollections.observableArrayList();
    private final ObjectProperty<GroupService.EntryView> selectedEntry = new SimpleObjectProperty<>();
    private final ObjectProperty<Member> grantMember = new SimpleObjectProperty<>();
    private final StringProperty grantAmount = new SimpleStringProperty("");
    private final StringProperty grantReason = new SimpleStringProperty("");
    private final StringProperty expenseAmount = new SimpleStringProperty("");
    private final StringProperty expenseMemo = new SimpleStringProperty("");
    private final ObjectProperty<Member> passbookMember = new SimpleObjectProperty<>();

    public GroupViewModel(UiContext ui, GroupService group, MemberService members, PackService pack) {
        super(ui);
        this.group = group;
        this.members = members;
        this.pack = pack;
        this.who = ui.who();
        meetingDate = new DateField(ui.i18n(), true, ui.today(), ui::today);
        cycleStart = new DateField(ui.i18n(), true, ui.today(), ui::today);
        idle = ui.async().busyProperty().not();
        counted.addListener((o, a, b) -> countedTyped = true);
        difference = Bindings.createStringBinding(() -> {
            Long c = countedMinor();
            if (c == null) {
                return ui.i18n().t("group.close.notCounted");
            }
            long d = c - expected.get();
            return d == 0 ? ui.i18n().t("group.close.matches")
                    : ui.i18n().t(d > 0 ? "group.close.over" : "group.close.short", ui.i18n().money(Math.abs(d)));
        }, counted, expected);
        selectedLoan.addListener((o, a, b) -> schedule.setAll(b == null ? List.of() : b.schedule().installments()));
    }

    @Override
    protected void reload() {
        ui.async().run(() -> {
            Optional<GroupService.Cycle> c = group.cycle();
            List<GroupService.Meeting> ms = group.meetings();
            Optional<GroupService.Meeting> open = ms.stream().filter(m -> !m.closed()).reduce((a, b) -> b);
            Map<String, GroupService.AtMeeting> at = open.map(m -> group.atMeeting(m.id())).orElse(Map.of());
            return new Loaded(c, ms, members.list(), at, c.isPresent() ? group.loans() : List.of(),
                    group.expectedCash(), c.isPresent() ? group.shareOut() : null,
                    open.map(m -> group.entries(m.id())).orElse(List.of()));
        }, this::show);
    }

    private void show(Loaded l) {
        cycle.set(l.cycle().orElse(null));
        GroupService.Meeting open = l.meetings().stream().filter(m -> !m.closed()).reduce((a, b) -> b).orElse(null);
        meeting.set(open);
        lastClosed.set(l.meetings().stream().filter(GroupService.Meeting::closed).reduce((a, b) -> b).orElse(null));
        List<Member> active = l.members().stream().filter(m -> m.status() == MemberStatus.ACTIVE).toList();
        if (!activeMembers.equals(active)) {
            activeMembers.setAll(active);
        }
        List<String> ids = active.stream().map(Member::id).toList();
        if (!rows.stream().map(r -> r.member().id()).toList().equals(ids)) {
            rows.setAll(active.stream().map(MeetingRow::new).toList());
        }
        Map<String, GroupService.Loan> openLoans = new LinkedHashMap<>();
        for (GroupService.Loan loan : l.loans()) {
            if (outstanding(loan) > 0) {
                openLoans.putIfAbsent(loan.member(), loan); // the oldest first
            }
        }
        for (MeetingRow r : rows) {
            r.show(l.at().get(r.member().id()), openLoans.get(r.member().id()));
        }
        long sh = 0;
        long so = 0;
        long re = 0;
        long fi = 0;
        long le = 0;
        for (GroupService.AtMeeting a : l.at().values()) {
            sh += a.sharesAmount();
            so += a.social();
            re += a.repaid();
            fi += a.fines();
            le += a.lent();
        }
        sharesIn.set(sh);
        socialIn.set(so);
        repaidIn.set(re);
        finesIn.set(fi);
        lentOut.set(le);
        cashIn.set(sh + so + re + fi);
        expected.set(l.expected());
        if (!countedTyped || open == null) {
            counted.set(ui.i18n().number(l.expected()));
            countedTyped = false;
        }
        String keep = selectedLoan.get() == null ? null : selectedLoan.get().id();
        loans.setAll(l.loans().reversed());
        selectedLoan.set(keep == null ? null : loans.stream().filter(x -> x.id().equals(keep)).findFirst().orElse(null));
        if (l.shareOut() != null) {
            shareOut.set(l.shareOut().result());
            posted.set(l.shareOut().posted());
            payouts.setAll(l.shareOut().result().members().stream().map(p -> new Payout(
                    l.shareOut().names().getOrDefault(p.member(), ui.i18n().t("common.notYetReceived")), p.shares(),
                    p.payout())).toList());
        } else {
            shareOut.set(null);
            posted.set(false);
            payouts.clear();
        }
        String keepEntry = selectedEntry.get() == null ? null : selectedEntry.get().id();
        entries.setAll(l.entries());
        selectedEntry.set(keepEntry == null ? null
                : entries.stream().filter(e -> e.id().equals(keepEntry)).findFirst().orElse(null));
        if (open == null) {
            showEntries.set(false);
        }
        loaded.set(true);
    }

    /// The counted amount as typed, in minor units; null when blank or unreadable.
    private Long countedMinor() {
        String t = counted.get();
        if (Amounts.blank(t)) {
            return null;
        }
        try {
            long v = Money.parse(Amounts.plain(t), ui.i18n().currencyProperty().get());
            return v < 0 ? null : v;
        } catch (MinkaException | ArithmeticException e) {
            return null;
        }
    }

    /// One change through [WhoIsWorking#run]; when done, `then` runs and every screen reloads.
    private <T> void write(String opType, Supplier<T> work, java.util.function.Consumer<T> then) {
        who.run(opType, work, r -> {
            then.accept(r);
            changed();
        });
    }

    // ---------------------------------------------------------------- the cycle

    /// Starts a cycle with the rules of the form. Fines are typed `kind=amount`, separated by
    /// commas (`late=5, absent=2`).
    public void startCycle() {
        if (!cycleStart.commit()) {
            return;
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String part : fines.get().split("[,;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                f.put(part.strip(), "");
            } else {
                f.put(part.substring(0, eq).strip(), Amounts.plain(part.substring(eq + 1)));
            }
        }
        LocalDate start = cycleStart.valueProperty().get();
        String price = Amounts.plain(sharePrice.get());
        String social = Amounts.blank(socialFund.get()) ? "0" : Amounts.plain(socialFund.get());
        String rate = Amounts.plain(charge.get());
        String multiple = Amounts.blank(loanMultiple.get()) ? null : Amounts.plain(loanMultiple.get());
        Integer max;
        Integer term;
        try {
            max = Integer.parseInt(maxShares.get().strip());
            term = Amounts.blank(maxTerm.get()) ? null : Integer.parseInt(maxTerm.get().strip());
        } catch (NumberFormatException e) {
            ui.notices().error(new MinkaException(coop.minka.domain.ErrorCode.BAD_AMOUNT,
                    maxShares.get() + " / " + maxTerm.get()));
            return;
        }
        String m = method.get().wire();
        write(OpType.GROUP_CYCLE, () -> group.startCycle(start, price, 1, max, social, rate, m, multiple, term, f),
                c -> ui.notices().success(ui.i18n().t("group.cycle.started", ui.i18n().date(c.rules().start()))));
    }

    // ---------------------------------------------------------------- the meeting

    public void openMeeting() {
        if (!meetingDate.commit()) {
            return;
        }
        LocalDate d = meetingDate.valueProperty().get();
        write(OpType.GROUP_MEETING_OPEN, () -> group.openMeeting(d), m -> {
            countedTyped = false;
            focusRow.set(0);
            ui.notices().success(ui.i18n().t("group.meeting.opened", ui.i18n().date(m.date())));
        });
    }

    public void attend(MeetingRow r, String status) {
        if (r == null || status.equals(r.attendanceProperty().get())) {
            return;
        }
        String id = r.member().id();
        write(OpType.GROUP_ATTEND, () -> {
            group.attend(id, status);
            return status;
        }, s -> { });
    }

    /// Sets the shares `r` bought at this meeting to `count`: buys them, or the difference when
    /// some were already bought. Shares bought cannot be taken back here: a lower count is
    /// refused in plain words. Then the next row gets the keyboard.
    public void shares(MeetingRow r, int count) {
        if (r == null) {
            return;
        }
        long had = r.sharesProperty().get();
        int index = rows.indexOf(r);
        if (count == had) {
            focusRow.set(Math.min(index + 1, rows.size() - 1));
            return;
        }
        if (count < had) {
            ui.notices().info(ui.i18n().t("group.meeting.sharesKept", r.member().name(), had));
            return;
        }
        String id = r.member().id();
        int buy = (int) (count - had);
        write(OpType.GROUP_SHARES, () -> group.buyShares(id, buy), amount -> {
            ui.notices().success(ui.i18n().t("group.meeting.sharesBought", r.member().name(), count,
                    ui.i18n().money(amount)));
            focusRow.set(-1);
            focusRow.set(Math.min(index + 1, rows.size() - 1));
        });
    }

    /// The social-fund contribution of `r` (once a meeting).
    public void social(MeetingRow r) {
        if (r == null || r.socialProperty().get() > 0) {
            return;
        }
        String id = r.member().id();
        write(OpType.GROUP_SOCIAL, () -> group.paySocial(id), amount -> ui.notices().success(
                ui.i18n().t("group.meeting.socialPaid", r.member().name(), ui.i18n().money(amount))));
    }

    /// A repayment of the amount typed in the row on the member's open loan.
    public void repay(MeetingRow r) {
        GroupService.Loan loan = r == null ? null : r.openLoanProperty().get();
        if (loan == null || Amounts.blank(r.repayTextProperty().get())) {
            return;
        }
        String amount = Amounts.plain(r.repayTextProperty().get());
        write(OpType.GROUP_LOAN_REPAY, () -> group.repay(loan.id(), amount), p -> {
            r.repayTextProperty().set("");
            ui.notices().success(repaid(r.member().name(), p));
        });
    }

    /// A fine of `kind` at the constitution's amount.
    public void fine(MeetingRow r, String kind) {
        if (r == null || kind == null) {
            return;
        }
        String id = r.member().id();
        write(OpType.GROUP_FINE, () -> group.fine(id, kind, null), amount -> ui.notices().success(
                ui.i18n().t("group.meeting.fined", r.member().name(), kind, ui.i18n().money(amount))));
    }

    /// Closes the meeting with the amount counted in the cash box; the difference with what the
    /// books say is recorded and said.
    public void closeMeeting() {
        String typed = counted.get();
        String c = Amounts.blank(typed) ? null : Amounts.plain(typed);
        write(OpType.GROUP_MEETING_CLOSE, () -> group.closeMeeting(c), close -> {
            countedTyped = false;
            String diff = close.counted() == null ? ui.i18n().t("group.close.notCounted")
                    : close.difference() == 0 ? ui.i18n().t("group.close.matches")
                    : ui.i18n().t(close.difference() > 0 ? "group.close.over" : "group.close.short",
                    ui.i18n().money(Math.abs(close.difference())));
            ui.notices().success(ui.i18n().t("group.meeting.closed", ui.i18n().money(close.expected()), diff));
        });
    }

    /// Opens the last meeting again (only when none is open and the last one is closed), after
    /// asking: its count no longer stands and closing it again records a new one.
    public void reopenLast() {
        GroupService.Meeting m = lastClosed.get();
        if (m == null || meeting.get() != null) {
            return;
        }
        if (!ui.dialogs().confirm(ui.i18n().t("group.reopen.title"), ui.i18n().t("group.reopen.message",
                ui.i18n().date(m.date())), ui.i18n().t("group.reopen.action"))) {
            return;
        }
        write(OpType.GROUP_MEETING_REOPEN, () -> group.reopenMeeting(m.id()), r -> {
            countedTyped = false;
            ui.notices().success(ui.i18n().t("group.reopen.done", ui.i18n().date(r.date())));
        });
    }

    /// An entry in words: its kind, the member and the amount (`Shares — Ana Quispe — Bs 50.00`).
    public String describe(GroupService.EntryView e) {
        StringBuilder b = new StringBuilder(kind(e.type()));
        if (e.memberName() != null) {
            b.append(" \u2014 ").append(e.memberName());
        }
        if (e.amount() != null) {
            b.append(" \u2014 ").append(ui.i18n().money(e.amount()));
        }
        return b.toString();
    }

    /// The kind of a group entry in the user's language.
    public String kind(String type) {
        return switch (type) {
            case OpType.GROUP_ATTEND -> ui.i18n().t("group.entry.attend");
            case OpType.GROUP_SHARES -> ui.i18n().t("group.entry.shares");
            case OpType.GROUP_SOCIAL -> ui.i18n().t("group.entry.social");
            case OpType.GROUP_FINE -> ui.i18n().t("group.entry.fine");
            case OpType.GROUP_LOAN_ISSUE -> ui.i18n().t("group.entry.loan");
            case OpType.GROUP_LOAN_REPAY -> ui.i18n().t("group.entry.repay");
            case OpType.GROUP_GRANT -> ui.i18n().t("group.entry.grant");
            case OpType.GROUP_LOAN_WRITEOFF -> ui.i18n().t("group.entry.writeOff");
            case OpType.GROUP_EXPENSE -> ui.i18n().t("group.entry.expense");
            default -> ui.i18n().t("group.entry.other");
        };
    }

    /// The entry's state in words: voided, held invalid, or empty while it stands.
    public String entryState(GroupService.EntryView e) {
        return e.voided() ? ui.i18n().t("group.entry.voided") : e.held() != null ? ui.i18n().t("group.entry.held") : "";
    }

    /// Voids the chosen entry (and its transaction) after asking for the reason, the question
    /// naming what will be voided. An entry that cannot be voided is said in plain words.
    public void voidSelected() {
        GroupService.EntryView e = selectedEntry.get();
        if (e == null) {
            return;
        }
        if (e.voided() || e.held() != null || !coop.minka.domain.GroupBook.VOIDABLE.contains(e.type())) {
            ui.notices().info(ui.i18n().t(e.voided() ? "group.void.already" : "group.void.cannot", describe(e)));
            return;
        }
        Optional<String> reason = ui.dialogs().askText(ui.i18n().t("group.void.title"),
                ui.i18n().t("group.void.message", describe(e)), ui.i18n().t("group.void.action"));
        if (reason.isEmpty() || reason.get().isBlank()) {
            return;
        }
        String why = reason.get().strip();
        write(OpType.GROUP_VOID, () -> group.voidEntry(e.id(), why), v -> {
            selectedEntry.set(null);
            ui.notices().success(ui.i18n().t("group.void.done", describe(v)));
        });
    }

    /// A grant from the social fund to the chosen member, with its reason.
    public void grant() {
        Member m = grantMember.get();
        if (m == null || Amounts.blank(grantAmount.get()) || grantReason.get().isBlank()) {
            return;
        }
        String amount = Amounts.plain(grantAmount.get());
        String reason = grantReason.get().strip();
        write(OpType.GROUP_GRANT, () -> group.grant(m.id(), amount, reason), a -> {
            grantAmount.set("");
            grantReason.set("");
            ui.notices().success(ui.i18n().t("group.grant.done", m.name(), ui.i18n().money(a)));
        });
    }

    /// An expense of the cycle paid from the cash box, with what it was for.
    public void expense() {
        if (Amounts.blank(expenseAmount.get()) || expenseMemo.get().isBlank()) {
            return;
        }
        String amount = Amounts.plain(expenseAmount.get());
        String memo = expenseMemo.get().strip();
        write(OpType.GROUP_EXPENSE, () -> group.expense(amount, memo), a -> {
            expenseAmount.set("");
            expenseMemo.set("");
            ui.notices().success(ui.i18n().t("group.expense.done", ui.i18n().money(a), memo));
        });
    }

    /// Asks where to save the chosen member's passbook and writes it there (a PDF in the user's
    /// language, today's figures); then says where it is.
    public void printPassbook() {
        Member m = passbookMember.get();
        if (m == null) {
            return;
        }
        java.util.Locale language = ui.i18n().locale();
        String name = m.name().replaceAll("[^\\p{L}\\p{N}]+", "-");
        ui.dialogs().saveFile(ui.i18n().t("group.passbook.save"), "passbook-" + ui.today() + "-" + name + ".pdf")
                .ifPresent(file -> {
                    Path target = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")
                            ? file : file.resolveSibling(file.getFileName() + ".pdf");
                    ui.async().run(() -> pack.writePassbook(m.id(), null, target, language), p ->
                            ui.notices().success(ui.i18n().t("group.passbook.done", p.passbook().name(),
                                    p.file().toAbsolutePath().toString())));
                });
    }

    // ---------------------------------------------------------------- loans

    public void issueLoan() {
        Member m = loanMember.get();
        if (m == null || Amounts.blank(loanAmount.get())) {
            return;
        }
        int months;
        try {
            months = Integer.parseInt(loanMonths.get().strip());
        } catch (NumberFormatException e) {
            ui.notices().error(new MinkaException(coop.minka.domain.ErrorCode.BAD_AMOUNT, loanMonths.get()));
            return;
        }
        String amount = Amounts.plain(loanAmount.get());
        write(OpType.GROUP_LOAN_ISSUE, () -> group.issueLoan(m.id(), amount, months), loan -> {
            loanAmount.set("");
            selectedLoan.set(loan);
            ui.notices().success(ui.i18n().t("group.loan.issued", m.name(), ui.i18n().money(loan.principal()),
                    loan.months()) + " " + ui.i18n().t("group.loan.toRepay", ui.i18n().money(loan.schedule().totalDue())));
        });
    }

    /// A repayment of the amount typed on the selected loan.
    public void repaySelected() {
        GroupService.Loan loan = selectedLoan.get();
        if (loan == null || Amounts.blank(repayAmount.get())) {
            return;
        }
        String amount = Amounts.plain(repayAmount.get());
        write(OpType.GROUP_LOAN_REPAY, () -> group.repay(loan.id(), amount), p -> {
            repayAmount.set("");
            ui.notices().success(repaid(loan.memberName(), p));
        });
    }

    /// Writes off what the chosen loan still owes in principal, after asking for the reason; the
    /// group's decision, so a second person is asked for once there are people.
    public void writeOffSelected() {
        GroupService.Loan loan = selectedLoan.get();
        if (loan == null) {
            return;
        }
        Optional<String> reason = ui.dialogs().askText(ui.i18n().t("group.writeOff.title"),
                ui.i18n().t("group.writeOff.message", loan.memberName(), ui.i18n().money(loan.principal()),
                        ui.i18n().money(outstanding(loan))), ui.i18n().t("group.writeOff.action"));
        if (reason.isEmpty() || reason.get().isBlank()) {
            return;
        }
        String why = reason.get().strip();
        write(OpType.GROUP_LOAN_WRITEOFF, () -> group.writeOff(loan.id(), why), l -> {
            selectedLoan.set(l);
            ui.notices().success(ui.i18n().t("group.writeOff.done", l.memberName()));
        });
    }

    private String repaid(String name, GroupService.Repayment p) {
        return ui.i18n().t("group.repaid", name, ui.i18n().money(p.amount()),
                ui.i18n().t("group.split", ui.i18n().money(p.charge()), ui.i18n().money(p.principal())));
    }

    /// What is still owed on a loan (charge and principal).
    public static long outstanding(GroupService.Loan l) {
        return l.writtenOff() > 0 ? 0 : l.schedule().totalDue() - l.repaid();
    }

    // ---------------------------------------------------------------- share-out

    /// Posts the share-out after asking; needs a second person when the cooperative has people.
    public void postShareOut() {
        ShareOut s = shareOut.get();
        if (s == null || posted.get()) {
            return;
        }
        if (!ui.dialogs().confirm(ui.i18n().t("group.shareOut.postTitle"), ui.i18n().t("group.shareOut.postMessage",
                ui.i18n().money(s.distributable()), s.members().size()), ui.i18n().t("group.shareOut.post"))) {
            return;
        }
        write(OpType.GROUP_SHAREOUT, group::postShareOut, v -> ui.notices().success(
                ui.i18n().t("group.shareOut.posted", ui.i18n().money(v.result().distributable()))));
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<Part> partProperty() {
        return part;
    }

    /// True once the first load is done (the empty state is not shown before).
    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public ObjectProperty<GroupService.Cycle> cycleProperty() {
        return cycle;
    }

    /// The open meeting; null when none is open.
    public ObjectProperty<GroupService.Meeting> meetingProperty() {
        return meeting;
    }

    public ObjectProperty<GroupService.Meeting> lastClosedProperty() {
        return lastClosed;
    }

    public ObservableList<MeetingRow> rows() {
        return rows;
    }

    public ObservableList<Member> activeMembers() {
        return activeMembers;
    }

    public LongProperty sharesInProperty() {
        return sharesIn;
    }

    public LongProperty socialInProperty() {
        return socialIn;
    }

    public LongProperty repaidInProperty() {
        return repaidIn;
    }

    public LongProperty finesInProperty() {
        return finesIn;
    }

    public LongProperty cashInProperty() {
        return cashIn;
    }

    public LongProperty lentOutProperty() {
        return lentOut;
    }

    /// What the cash box should hold now, by the books.
    public LongProperty expectedProperty() {
        return expected;
    }

    public IntegerProperty focusRowProperty() {
        return focusRow;
    }

    public DateField meetingDate() {
        return meetingDate;
    }

    /// The amount counted in the cash box at the close (starts at the expected amount).
    public StringProperty countedProperty() {
        return counted;
    }

    /// The counted amount against the expected one, in words.
    public StringBinding differenceBinding() {
        return difference;
    }

    public DateField cycleStart() {
        return cycleStart;
    }

    public StringProperty sharePriceProperty() {
        return sharePrice;
    }

    public StringProperty maxSharesProperty() {
        return maxShares;
    }

    public StringProperty socialFundProperty() {
        return socialFund;
    }

    /// The service charge, in percent a month.
    public StringProperty chargeProperty() {
        return charge;
    }

    public ObjectProperty<GroupConstitution.ChargeMethod> methodProperty() {
        return method;
    }

    public StringProperty loanMultipleProperty() {
        return loanMultiple;
    }

    public StringProperty maxTermProperty() {
        return maxTerm;
    }

    /// Fines as typed: `late=5, absent=2`.
    public StringProperty finesProperty() {
        return fines;
    }

    public ObservableList<GroupService.Loan> loans() {
        return loans;
    }

    public ObjectProperty<GroupService.Loan> selectedLoanProperty() {
        return selectedLoan;
    }

    /// The installments of the selected loan.
    public ObservableList<LoanSchedule.Installment> schedule() {
        return schedule;
    }

    public ObjectProperty<Member> loanMemberProperty() {
        return loanMember;
    }

    public StringProperty loanAmountProperty() {
        return loanAmount;
    }

    public StringProperty loanMonthsProperty() {
        return loanMonths;
    }

    public StringProperty repayAmountProperty() {
        return repayAmount;
    }

    public ObservableList<Payout> payouts() {
        return payouts;
    }

    public ObjectProperty<ShareOut> shareOutProperty() {
        return shareOut;
    }

    public BooleanProperty postedProperty() {
        return posted;
    }

    /// True while the meeting part shows the open meeting's entries instead of the rows.
    public BooleanProperty showEntriesProperty() {
        return showEntries;
    }

    /// The open meeting's entries, voided ones too, in the order they were made.
    public ObservableList<GroupService.EntryView> entries() {
        return entries;
    }

    public ObjectProperty<GroupService.EntryView> selectedEntryProperty() {
        return selectedEntry;
    }

    public ObjectProperty<Member> grantMemberProperty() {
        return grantMember;
    }

    public StringProperty grantAmountProperty() {
        return grantAmount;
    }

    public StringProperty grantReasonProperty() {
        return grantReason;
    }

    public StringProperty expenseAmountProperty() {
        return expenseAmount;
    }

    public StringProperty expenseMemoProperty() {
        return expenseMemo;
    }

    public ObjectProperty<Member> passbookMemberProperty() {
        return passbookMember;
    }

    /// True while no background work runs.
    public BooleanBinding idleBinding() {
        return idle;
    }

    /// May the person working make changes of this kind (roles; no people: anyone).
    public BooleanBinding may(String opType) {
        return who.mayMakeBinding(opType);
    }

    /// The fine kinds of the cycle, with their amounts.
    public List<Map.Entry<String, Long>> fineKinds() {
        GroupService.Cycle c = cycle.get();
        return c == null ? List.of() : new ArrayList<>(c.rules().fines().entrySet());
    }
}
