package coop.minka.ui.members;

import coop.minka.app.MemberService;
import coop.minka.app.report.StatementService;
import coop.minka.app.WorkService;
import coop.minka.domain.Account;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/// Members: a searchable list, the add/edit form, the member page, deactivation.
public final class MembersViewModel extends ScreenModel {
    /// One member's page: their work and their accounts with every line.
    public record MemberPage(Member member, long minutesThisYear, List<WorkLine> work, List<AccountLine> accounts,
                             List<StatementLine> statement) {
    }

    public record WorkLine(LocalDate date, String category, int minutes, String note) {
    }

    public record AccountLine(String code, String name, long balance) {
    }

    public record StatementLine(LocalDate date, String memo, String account, long amount) {
    }

    private final MemberService members;
    private final WorkService work;
    private final StatementService statements;

    private final ObservableList<Member> all = FXCollections.observableArrayList();
    private final FilteredList<Member> shown = new FilteredList<>(all);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty showInactive = new SimpleBooleanProperty(false);
    private final ObjectProperty<Member> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<MemberPage> page = new SimpleObjectProperty<>();
    private final MemberForm form;
    private final BooleanBinding canSave;
    private final BooleanBinding canEdit;

    public MembersViewModel(UiContext ui, MemberService members, WorkService work, StatementService statements) {
        super(ui);
        this.members = members;
        this.work = work;
        this.statements = statements;
        this.form = new MemberForm(ui.i18n(), ui::today);
        search.addListener((o, a, b) -> refilter());
        showInactive.addListener((o, a, b) -> refilter());
        selected.addListener((o, a, b) -> loadPage(b));
        form.nameProperty().addListener((o, a, b) -> validateName());
        canSave = form.validBinding().and(ui.async().busyProperty().not());
        canEdit = selected.isNotNull();
        refilter();
    }

    @Override
    protected void reload() {
        ui.async().run(members::list, list -> {
            String keep = selected.get() == null ? null : selected.get().id();
            all.setAll(list);
            Member again = keep == null ? null : all.stream().filter(m -> m.id().equals(keep)).findFirst().orElse(null);
            selected.set(again);
            if (again != null) {
                loadPage(again);
            }
        });
    }

    private void refilter() {
        String q = fold(search.get());
        boolean inactive = showInactive.get();
        shown.setPredicate(m -> (inactive || m.status() == MemberStatus.ACTIVE)
                && (q.isEmpty() || fold(m.name()).contains(q) || fold(m.contact() == null ? "" : m.contact()).contains(q)));
    }

    /// Lower case without accents, so "jose" finds "José".
    static String fold(String s) {
        return Normalizer.normalize(s == null ? "" : s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private void validateName() {
        String n = form.nameProperty().get();
        if (!form.openProperty().get()) {
            return;
        }
        form.setNameError(n.isBlank() ? ui.i18n().t("members.form.nameRequired")
                : n.strip().length() > MemberForm.MAX ? ui.i18n().t("members.form.tooLong", MemberForm.MAX) : "");
        Member editing = form.editingProperty().get();
        boolean twin = !n.isBlank() && all.stream().anyMatch(m -> fold(m.name()).equals(fold(n))
                && (editing == null || !editing.id().equals(m.id())));
        form.setNameWarning(twin ? ui.i18n().t("members.form.sameName", n.strip()) : "");
    }

    private void loadPage(Member m) {
        if (m == null) {
            page.set(null);
            return;
        }
        ui.async().run(() -> buildPage(m), page::set);
    }

    private MemberPage buildPage(Member m) {
        Map<String, WorkCategory> cats = work.categories().stream()
                .collect(Collectors.toMap(WorkCategory::id, Function.identity()));
        List<WorkEntry> entries = work.list(m.id(), null, null, false);
        LocalDate yearStart = ui.today().withDayOfYear(1);
        long year = entries.stream().filter(e -> !e.date().isBefore(yearStart)).mapToLong(WorkEntry::minutes).sum();
        List<WorkLine> lines = entries.reversed().stream().map(e -> new WorkLine(e.date(),
                cats.containsKey(e.categoryId()) ? cats.get(e.categoryId()).name() : "?", e.minutes(), e.note())).toList();
        List<AccountLine> accounts = new ArrayList<>();
        List<StatementLine> statement = new ArrayList<>();
        // the member's statement as printed (StatementService): the same balances and lines
        for (var ms : statements.memberStatements(m.id(), null, null)) {
            for (StatementService.AccountBook book : ms.accounts()) {
                Account a = book.account();
                accounts.add(new AccountLine(a.code(), a.name(), book.closing()));
                book.lines().forEach(l -> statement.add(new StatementLine(l.date(), l.memo(), a.name(), l.in() - l.out())));
            }
        }
        return new MemberPage(m, year, lines, accounts, statement);
    }

    // ---------------------------------------------------------------- commands

    public void startAdd() {
        form.startAdd();
    }

    public void startEdit() {
        if (selected.get() != null) {
            form.startEdit(selected.get());
        }
    }

    public void cancelForm() {
        form.openProperty().set(false);
    }

    /// Saves the form: a new member, or the changes to the one being edited.
    public void save() {
        validateName();
        form.joined().commit();
        if (!canSave.get()) {
            return;
        }
        Member editing = form.editingProperty().get();
        String name = form.nameProperty().get();
        var gender = form.genderProperty().get();
        LocalDate joined = form.joinedProperty().get();
        String contact = form.contactProperty().get();
        String notes = form.notesProperty().get();
        ui.async().run(() -> editing == null
                        ? members.add(name, gender, joined, contact, notes)
                        : members.update(editing.id(), new MemberService.Changes(name, gender, joined, null, contact, notes)),
                saved -> {
                    form.openProperty().set(false);
                    ui.notices().success(ui.i18n().t(editing == null ? "members.added" : "members.updated", saved.name()));
                    selected.set(saved);
                    changed();
                });
    }

    /// Marks the selected member inactive, after asking. Nothing of theirs is deleted.
    public void deactivate() {
        Member m = selected.get();
        if (m == null || m.status() == MemberStatus.INACTIVE) {
            return;
        }
        if (!ui.dialogs().confirm(ui.i18n().t("members.deactivate.title"),
                ui.i18n().t("members.deactivate.message", m.name()), ui.i18n().t("members.deactivate"))) {
            return;
        }
        setStatus(m, MemberStatus.INACTIVE, "members.deactivated");
    }

    public void reactivate() {
        Member m = selected.get();
        if (m != null && m.status() == MemberStatus.INACTIVE) {
            setStatus(m, MemberStatus.ACTIVE, "members.reactivated");
        }
    }

    private void setStatus(Member m, MemberStatus status, String doneKey) {
        ui.async().run(() -> members.update(m.id(), new MemberService.Changes(null, null, null, status, null, null)),
                saved -> {
                    ui.notices().success(ui.i18n().t(doneKey, saved.name()));
                    selected.set(saved);
                    changed();
                });
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<Member> members() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty showInactiveProperty() {
        return showInactive;
    }

    public ObjectProperty<Member> selectedProperty() {
        return selected;
    }

    public ObjectProperty<MemberPage> pageProperty() {
        return page;
    }

    public MemberForm form() {
        return form;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public BooleanBinding canEditBinding() {
        return canEdit;
    }

    public BooleanBinding canDeactivateBinding() {
        return Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().status() == MemberStatus.ACTIVE, selected);
    }
}
