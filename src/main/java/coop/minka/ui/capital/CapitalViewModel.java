package coop.minka.ui.capital;

import coop.minka.app.CapitalService;
import coop.minka.app.MemberService;
import coop.minka.domain.CapitalRegister;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpType;
import coop.minka.domain.SurplusAllocation;
import coop.minka.ui.common.Amounts;
import coop.minka.ui.common.DateField;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.common.WhoIsWorking;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The cooperative's capital on the desktop (issue 14, design notes 35 and 39): the numbered
/// share register with its four entries (subscribe, pay, transfer, redeem), a member's statement,
/// and the allocation of a closed year's surplus (preview, then post). Every change is one call
/// of [CapitalService] through [WhoIsWorking#run], so roles and a second person apply.
public final class CapitalViewModel extends ScreenModel {
    /// The three parts of the screen.
    public enum Part { REGISTER, STATEMENT, SURPLUS }

    /// The four entries of the register, as the form offers them.
    public enum Action {
        SUBSCRIBE(OpType.CAPITAL_SUBSCRIBE), PAY(OpType.CAPITAL_PAY), TRANSFER(OpType.CAPITAL_TRANSFER),
        REDEEM(OpType.CAPITAL_REDEEM);

        private final String opType;

        Action(String opType) {
            this.opType = opType;
        }

        public String opType() {
            return opType;
        }
    }

    /// One member's line of a surplus allocation: weight on the basis, refund, cash and retained.
    public record Refund(String member, long weight, long refund, long cash, long retained) {
    }

    private record Loaded(List<CapitalService.Line> register, List<Member> members, CapitalService.Statement statement) {
    }

    private final CapitalService capital;
    private final MemberService members;
    private final WhoIsWorking who;
    private final ObjectProperty<Part> part = new SimpleObjectProperty<>(Part.REGISTER);
    private final ObservableList<CapitalService.Line> register = FXCollections.observableArrayList();
    private final ObservableList<Member> everyone = FXCollections.observableArrayList();
    private final ObservableList<Member> active = FXCollections.observableArrayList();
    // the register form
    private final ObjectProperty<Action> action = new SimpleObjectProperty<>(Action.SUBSCRIBE);
    private final ObjectProperty<Member> member = new SimpleObjectProperty<>();
    private final ObjectProperty<Member> to = new SimpleObjectProperty<>();
    private final StringProperty shares = new SimpleStringProperty("");
    private final StringProperty price = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final DateField date;
    // the statement
    private final ObjectProperty<Member> statementMember = new SimpleObjectProperty<>();
    private final ObjectProperty<CapitalService.Statement> statement = new SimpleObjectProperty<>();
    private final ObservableList<CapitalService.Line> statementLines = FXCollections.observableArrayList();
    // the surplus
    private final StringProperty year = new SimpleStringProperty("");
    private final StringProperty reserve = new SimpleStringProperty("30");
    private final StringProperty education = new SimpleStringProperty("5");
    private final StringProperty cash = new SimpleStringProperty("100");
    private final ObjectProperty<SurplusAllocation.Basis> basis =
            new SimpleObjectProperty<>(SurplusAllocation.Basis.WORK);
    private final ObjectProperty<Path> amountsFile = new SimpleObjectProperty<>();
    private final ObjectProperty<CapitalService.Allocation> allocation = new SimpleObjectProperty<>();
    private final ObservableList<Refund> refunds = FXCollections.observableArrayList();
    private final BooleanProperty posted = new SimpleBooleanProperty(false);
    private final BooleanBinding idle;

    public CapitalViewModel(UiContext ui, CapitalService capital, MemberService members) {
        super(ui);
        this.capital = capital;
        this.members = members;
        this.who = ui.who();
        date = new DateField(ui.i18n(), true, ui.today(), ui::today);
        year.set(Integer.toString(ui.today().getYear() - 1));
        idle = ui.async().busyProperty().not();
        statementMember.addListener((o, a, b) -> loadStatement(b));
        // a changed choice makes the shown preview stale: it is cleared, not left to mislead
        for (javafx.beans.Observable x : List.of(year, reserve, education, cash, basis, amountsFile)) {
            x.addListener(o -> clearPreview());
        }
    }

    @Override
    protected void reload() {
        Member chosen = statementMember.get();
        ui.async().run(() -> new Loaded(capital.register(), members.list(),
                chosen == null ? null : capital.statement(chosen.id())), this::show);
    }

    private void show(Loaded l) {
        register.setAll(l.register());
        if (!everyone.equals(l.members())) {
            everyone.setAll(l.members());
        }
        List<Member> a = l.members().stream().filter(m -> m.status() != MemberStatus.INACTIVE).toList();
        if (!active.equals(a)) {
            active.setAll(a);
        }
        showStatement(l.statement());
    }

    private void loadStatement(Member m) {
        if (m == null) {
            showStatement(null);
            return;
        }
        ui.async().run(() -> capital.statement(m.id()), this::showStatement);
    }

    private void showStatement(CapitalService.Statement s) {
        statement.set(s);
        statementLines.setAll(s == null ? List.of() : linesOf(register, s.member()));
    }

    /// The register's lines about `member`: as the one who subscribes, pays, gives or is paid
    /// back, and as the one who receives a transfer.
    public static List<CapitalService.Line> linesOf(List<CapitalService.Line> register, String member) {
        return register.stream().filter(l -> member.equals(l.member()) || member.equals(l.to())).toList();
    }

    /// One change through [WhoIsWorking#run]; when done, `then` runs and every screen reloads.
    private <T> void write(String opType, Supplier<T> work, Consumer<T> then) {
        who.run(opType, work, r -> {
            then.accept(r);
            changed();
        });
    }

    // ---------------------------------------------------------------- the register

    /// Writes the entry of the form: the chosen action for the chosen member.
    public void submit() {
        Action act = action.get();
        Member m = member.get();
        if (act == null || m == null || !date.commit()) {
            return;
        }
        LocalDate d = date.valueProperty().get();
        String id = m.id();
        switch (act) {
            case SUBSCRIBE -> {
                Long n = shareCount();
                if (n == null) {
                    return;
                }
                String p = Amounts.blank(price.get()) ? null : Amounts.plain(price.get());
                write(act.opType(), () -> capital.subscribe(id, n, p, d), this::written);
            }
            case PAY -> {
                if (Amounts.blank(amount.get())) {
                    return;
                }
                String a = Amounts.plain(amount.get());
                write(act.opType(), () -> capital.pay(id, a, d), this::written);
            }
            case TRANSFER -> {
                Member receiver = to.get();
                Long n = shareCount();
                if (receiver == null || n == null) {
                    return;
                }
                write(act.opType(), () -> capital.transfer(id, receiver.id(), n, d), this::written);
            }
            case REDEEM -> {
                Long n = shareCount();
                if (n == null) {
                    return;
                }
                write(act.opType(), () -> capital.redeem(id, n, d), this::written);
            }
        }
    }

    /// The shares typed, or null after saying in plain words that they are no number of shares.
    private Long shareCount() {
        String typed = shares.get() == null ? "" : shares.get().strip();
        try {
            return Long.parseLong(typed);
        } catch (NumberFormatException e) {
            ui.notices().error(new MinkaException(ErrorCode.CAPITAL_BAD_SHARES, typed,
                    Long.toString(CapitalRegister.MAX_SHARES)));
            return null;
        }
    }

    private void written(CapitalService.Line l) {
        shares.set("");
        amount.set("");
        price.set("");
        ui.notices().success(said(l));
    }

    /// An entry of the register in one sentence, as the notice after writing it says.
    public String said(CapitalService.Line l) {
        var i18n = ui.i18n();
        String did = switch (l.kind()) {
            case OpType.CAPITAL_SUBSCRIBE -> i18n.t("capital.did.subscribe", l.memberName(), l.shares());
            case OpType.CAPITAL_PAY -> i18n.t("capital.did.pay", l.memberName());
            case OpType.CAPITAL_TRANSFER -> i18n.t("capital.did.transfer", l.memberName(), l.shares(), l.toName());
            default -> i18n.t("capital.did.redeem", l.memberName(), l.shares());
        };
        return i18n.t("capital.said", l.number(), did, i18n.money(l.amount()));
    }

    // ---------------------------------------------------------------- the surplus

    /// Picks the file of purchases or sales (`member,amount` lines) for refunds by purchases.
    public void chooseAmountsFile() {
        ui.dialogs().openFile(ui.i18n().t("capital.surplus.fileTitle"), "csv").ifPresent(amountsFile::set);
    }

    /// Shows how the year's surplus would be allocated (or how it was, once posted).
    public void preview() {
        Integer y = yearNumber();
        if (y == null) {
            return;
        }
        Inputs in = inputs();
        ui.async().run(() -> capital.allocate(y, in.reserve, in.education, in.basis, in.cash, in.amounts(), false),
                this::showAllocation);
    }

    /// Posts the allocation into the books after asking; two people where the cooperative has people.
    public void post() {
        CapitalService.Allocation a = allocation.get();
        if (a == null || a.posted()) {
            return;
        }
        SurplusAllocation r = a.result();
        var i18n = ui.i18n();
        String split = i18n.t("capital.surplus.split", i18n.money(r.surplus()), i18n.money(r.reserve()),
                i18n.money(r.education()));
        if (!ui.dialogs().confirm(i18n.t("capital.surplus.postTitle"), i18n.t("capital.surplus.postMessage", split,
                i18n.money(r.refunds())), i18n.t("capital.surplus.post"))) {
            return;
        }
        int y = a.year();
        Inputs in = inputs();
        write(OpType.SURPLUS_ALLOCATE, () -> capital.allocate(y, in.reserve, in.education, in.basis, in.cash,
                in.amounts(), true), done -> {
                    showAllocation(done);
                    ui.notices().success(ui.i18n().t("capital.surplus.posted", Integer.toString(y),
                            ui.i18n().money(done.result().surplus())));
                });
    }

    /// What the surplus form holds, read on the FX thread; the file is read in the background.
    private record Inputs(String reserve, String education, String cash, SurplusAllocation.Basis basis, Path file) {
        List<Map.Entry<String, String>> amounts() {
            return basis == SurplusAllocation.Basis.TRADE && file != null ? CapitalService.readAmounts(file) : null;
        }
    }

    private Inputs inputs() {
        return new Inputs(Amounts.plain(reserve.get()), Amounts.plain(education.get()),
                Amounts.blank(cash.get()) ? null : Amounts.plain(cash.get()), basis.get(), amountsFile.get());
    }

    private Integer yearNumber() {
        String typed = year.get() == null ? "" : year.get().strip();
        try {
            return Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            ui.notices().error(new MinkaException(ErrorCode.BAD_DATE, typed));
            return null;
        }
    }

    private void showAllocation(CapitalService.Allocation a) {
        allocation.set(a);
        posted.set(a.posted());
        refunds.setAll(a.result().members().stream().map(x -> new Refund(a.names().getOrDefault(x.member(),
                ui.i18n().t("common.notYetReceived")), x.weight(), x.refund(), x.cash(), x.retained())).toList());
    }

    private void clearPreview() {
        allocation.set(null);
        posted.set(false);
        refunds.clear();
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<Part> partProperty() {
        return part;
    }

    /// The share register, by number.
    public ObservableList<CapitalService.Line> register() {
        return register;
    }

    /// Every member (the statement may be of a member who left).
    public ObservableList<Member> everyone() {
        return everyone;
    }

    /// The members who may subscribe or receive shares.
    public ObservableList<Member> activeMembers() {
        return active;
    }

    public ObjectProperty<Action> actionProperty() {
        return action;
    }

    public ObjectProperty<Member> memberProperty() {
        return member;
    }

    /// The member receiving a transfer.
    public ObjectProperty<Member> toProperty() {
        return to;
    }

    public StringProperty sharesProperty() {
        return shares;
    }

    /// The price of one share for a subscription; blank: the latest price.
    public StringProperty priceProperty() {
        return price;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public DateField date() {
        return date;
    }

    public ObjectProperty<Member> statementMemberProperty() {
        return statementMember;
    }

    public ObjectProperty<CapitalService.Statement> statementProperty() {
        return statement;
    }

    public ObservableList<CapitalService.Line> statementLines() {
        return statementLines;
    }

    public StringProperty yearProperty() {
        return year;
    }

    /// The indivisible reserve, in percent of the surplus.
    public StringProperty reserveProperty() {
        return reserve;
    }

    /// The education fund, in percent of the surplus.
    public StringProperty educationProperty() {
        return education;
    }

    /// The part of each refund paid in cash, in percent (the rest stays as the member's capital).
    public StringProperty cashProperty() {
        return cash;
    }

    public ObjectProperty<SurplusAllocation.Basis> basisProperty() {
        return basis;
    }

    /// The purchases or sales file for refunds by purchases; null while none is chosen.
    public ObjectProperty<Path> amountsFileProperty() {
        return amountsFile;
    }

    /// The preview (or what was posted); null before Preview or after the form changed.
    public ObjectProperty<CapitalService.Allocation> allocationProperty() {
        return allocation;
    }

    public ObservableList<Refund> refunds() {
        return refunds;
    }

    public BooleanProperty postedProperty() {
        return posted;
    }

    /// True while no background work runs.
    public BooleanBinding idleBinding() {
        return idle;
    }

    /// May the person working write the entry chosen in the form.
    public BooleanBinding mayActBinding() {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> action.get() != null
                && who.mayMake(action.get().opType()), action, who.anyProperty(), who.byProperty());
    }

    /// May the person working make changes of this kind (roles; no people: anyone).
    public BooleanBinding may(String opType) {
        return who.mayMakeBinding(opType);
    }
}
