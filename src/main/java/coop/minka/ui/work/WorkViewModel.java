package coop.minka.ui.work;

import coop.minka.app.MemberService;
import coop.minka.app.WorkService;
import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Shared work: quick entry, collective work days, the filtered table with totals, voids.
public final class WorkViewModel extends ScreenModel {
    /// One line of the table, with names resolved ("not yet received" when a member or
    /// category has not arrived from another laptop yet); `valueMinor` is the work's value at
    /// its kind's rate on its date, null where no rate is in effect.
    public record Row(WorkEntry entry, String member, Gender gender, String category, String witness,
                      Long valueMinor) {
    }

    private record Loaded(List<Member> members, List<WorkCategory> categories, List<WorkEntry> entries) {
    }

    private final MemberService members;
    private final WorkService work;
    private final QuickEntry quick;
    private final WorkDay day;
    private final KindsOfWork kinds;
    private boolean offeredKinds;
    private final ObservableList<Member> activeMembers = FXCollections.observableArrayList();
    private final ObservableList<Member> allMembers = FXCollections.observableArrayList();
    private final ObservableList<WorkCategory> categories = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(ui.today().withDayOfMonth(1));
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Member> memberFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<WorkCategory> categoryFilter = new SimpleObjectProperty<>();
    private final BooleanProperty showVoided = new SimpleBooleanProperty(false);
    private final BooleanProperty onlyUnwitnessed = new SimpleBooleanProperty(false);
    /// Whether the quick-entry form is shown; kept while the app is open (the view model lives
    /// for the session), so a small screen can give the table the room.
    private final BooleanProperty quickOpen = new SimpleBooleanProperty(true);
    private boolean quickChosen;
    /// Who may witness the quick entry: active members other than the one who did the work.
    private final ObservableList<Member> witnessChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final LongProperty totalMinutes = new SimpleLongProperty();
    private final LongProperty womenMinutes = new SimpleLongProperty();
    private final LongProperty menMinutes = new SimpleLongProperty();
    private final LongProperty savedCount = new SimpleLongProperty();
    private final BooleanBinding canSave;
    private final BooleanBinding canSaveDay;
    private final BooleanBinding canVoid;

    public WorkViewModel(UiContext ui, MemberService members, WorkService work) {
        super(ui);
        this.members = members;
        this.work = work;
        this.quick = new QuickEntry(ui.i18n(), ui::today);
        this.day = new WorkDay(ui.i18n(), ui::today);
        this.kinds = new KindsOfWork(ui, work, this::changed);
        canSave = quick.validBinding().and(ui.async().busyProperty().not());
        canSaveDay = day.validBinding().and(ui.async().busyProperty().not());
        canVoid = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() != null && !selected.get().entry().voided(), selected);
        from.addListener((o, a, b) -> reloadNow());
        to.addListener((o, a, b) -> reloadNow());
        memberFilter.addListener((o, a, b) -> reloadNow());
        categoryFilter.addListener((o, a, b) -> reloadNow());
        showVoided.addListener((o, a, b) -> reloadNow());
        onlyUnwitnessed.addListener((o, a, b) -> reloadNow());
        quick.memberProperty().addListener((o, a, b) -> refreshWitnessChoices());
        activeMembers.addListener((javafx.collections.ListChangeListener<Member>) c -> refreshWitnessChoices());
    }

    /// Keeps the witness choices to active members other than the worker; a witness who is no
    /// longer a choice (now the worker, or no longer active) is cleared.
    private void refreshWitnessChoices() {
        Member worker = quick.memberProperty().get();
        List<Member> fresh = activeMembers.stream()
                .filter(x -> worker == null || !x.id().equals(worker.id())).toList();
        keepSelection(witnessChoices, fresh);
        Member w = quick.witnessProperty().get();
        if (w != null && fresh.stream().noneMatch(x -> x.id().equals(w.id()))) {
            quick.witnessProperty().set(null);
        }
    }

    @Override
    protected void reload() {
        LocalDate f = from.get();
        LocalDate t = to.get();
        Member m = memberFilter.get();
        WorkCategory c = categoryFilter.get();
        boolean voided = showVoided.get();
        boolean unwitnessed = onlyUnwitnessed.get();
        ui.async().run(() -> new Loaded(members.list(), work.categories(),
                work.list(m == null ? null : m.id(), f, t, voided).stream()
                        .filter(e -> c == null || c.id().equals(e.categoryId()))
                        .filter(e -> !unwitnessed || e.witnessId() == null).toList()), this::show);
    }

    private void show(Loaded l) {
        allMembers.setAll(l.members());
        keepSelection(activeMembers, l.members().stream().filter(x -> x.status() == MemberStatus.ACTIVE).toList());
        keepSelection(categories, l.categories());
        kinds.show(l.categories());
        if (categories.isEmpty() && !offeredKinds) {
            offeredKinds = true; // no kind of work yet: nothing can be logged before one is added
            kinds.openProperty().set(true);
        }
        if (quick.categoryProperty().get() == null && !categories.isEmpty()) {
            quick.categoryProperty().set(categories.getFirst());
        }
        Map<String, Member> byId = l.members().stream().collect(Collectors.toMap(Member::id, Function.identity()));
        Map<String, WorkCategory> cats = l.categories().stream()
                .collect(Collectors.toMap(WorkCategory::id, Function.identity()));
        String missing = ui.i18n().t("common.notYetReceived");
        List<Row> list = l.entries().reversed().stream().map(e -> {
            Member m = byId.get(e.memberId());
            Member w = e.witnessId() == null ? null : byId.get(e.witnessId());
            WorkCategory c = cats.get(e.categoryId());
            Long value = c == null || c.rateOn(e.date()) == null ? null : c.valueOn(e.date(), e.minutes());
            return new Row(e, m == null ? missing : m.name(), m == null ? Gender.UNSPECIFIED : m.gender(),
                    c != null ? c.name() : missing, e.witnessId() == null ? "" : w == null ? missing : w.name(),
                    value);
        }).toList();
        rows.setAll(list);
        List<Row> counted = list.stream().filter(r -> !r.entry().voided()).toList();
        totalMinutes.set(counted.stream().mapToLong(r -> r.entry().minutes()).sum());
        womenMinutes.set(counted.stream().filter(r -> r.gender() == Gender.WOMAN).mapToLong(r -> r.entry().minutes()).sum());
        menMinutes.set(counted.stream().filter(r -> r.gender() == Gender.MAN).mapToLong(r -> r.entry().minutes()).sum());
    }

    /// Replaces a list's items with equal-by-id fresh ones, so that selections in combo boxes
    /// bound to the old items stay meaningful.
    private static <T> void keepSelection(ObservableList<T> target, List<T> fresh) {
        if (!target.equals(fresh)) {
            target.setAll(fresh);
        }
    }

    // ---------------------------------------------------------------- commands

    /// Records the quick entry, then clears it for the next one.
    public void save() {
        quick.date().commit();
        if (!canSave.get()) {
            return;
        }
        Member m = quick.memberProperty().get();
        Member w = quick.witnessProperty().get();
        WorkService.Entry e = new WorkService.Entry(m.id(), quick.dateProperty().get(), quick.hoursProperty().get(),
                quick.categoryProperty().get().code(), quick.noteProperty().get(), w == null ? null : w.id());
        ui.async().run(() -> work.add(e), saved -> {
            ui.notices().success(ui.i18n().t("work.saved", ui.i18n().hours(saved.minutes()), m.name()));
            quick.clearAfterSave();
            savedCount.set(savedCount.get() + 1);
            changed();
        });
    }

    public void startWorkDay() {
        day.start(activeMembers, quick.categoryProperty().get());
    }

    public void cancelWorkDay() {
        day.openProperty().set(false);
    }

    /// Records one entry per ticked attendee.
    public void saveWorkDay() {
        day.date().commit();
        if (!canSaveDay.get()) {
            return;
        }
        List<String> ids = day.presentIds();
        LocalDate date = day.dateProperty().get();
        String category = day.categoryProperty().get().code();
        String hours = day.hoursProperty().get();
        String note = day.noteProperty().get();
        ui.async().run(() -> work.addWorkDay(date, category, hours, ids, note), saved -> {
            day.openProperty().set(false);
            ui.notices().success(ui.i18n().t("work.day.saved", saved.size()));
            changed();
        });
    }

    /// Voids the selected entry with a reason; it stays visible with "show voided".
    public void voidSelected() {
        Row r = selected.get();
        if (r == null || r.entry().voided()) {
            return;
        }
        var reason = ui.dialogs().askText(ui.i18n().t("work.void.title"),
                ui.i18n().t("work.void.message", r.member(), ui.i18n().hours(r.entry().minutes()),
                        ui.i18n().date(r.entry().date())), ui.i18n().t("work.void.action"));
        reason.ifPresent(text -> ui.async().run(() -> work.voidEntry(r.entry().id(), text), v -> {
            ui.notices().success(ui.i18n().t("work.voided"));
            selected.set(null);
            changed();
        }));
    }

    public void clearFilters() {
        memberFilter.set(null);
        categoryFilter.set(null);
        onlyUnwitnessed.set(false);
        to.set(null);
        from.set(ui.today().withDayOfMonth(1));
    }

    // ---------------------------------------------------------------- properties

    public QuickEntry quick() {
        return quick;
    }

    public WorkDay day() {
        return day;
    }

    /// The kinds of work and their rates.
    public KindsOfWork kinds() {
        return kinds;
    }

    public ObservableList<Member> activeMembers() {
        return activeMembers;
    }

    public ObservableList<Member> allMembers() {
        return allMembers;
    }

    public ObservableList<WorkCategory> categories() {
        return categories;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<Member> memberFilterProperty() {
        return memberFilter;
    }

    public ObjectProperty<WorkCategory> categoryFilterProperty() {
        return categoryFilter;
    }

    public BooleanProperty showVoidedProperty() {
        return showVoided;
    }

    /// Only entries no other member has witnessed.
    public BooleanProperty onlyUnwitnessedProperty() {
        return onlyUnwitnessed;
    }

    public BooleanProperty quickOpenProperty() {
        return quickOpen;
    }

    public void toggleQuick() {
        quickChosen = true;
        quickOpen.set(!quickOpen.get());
    }

    /// Folds the quick-entry form when the screen is first shown in a short window (large text),
    /// unless it was already folded or opened by hand this session.
    public void foldForShortWindow() {
        if (!quickChosen) {
            quickChosen = true;
            quickOpen.set(false);
        }
    }

    /// Active members other than the one who did the work.
    public ObservableList<Member> witnessChoices() {
        return witnessChoices;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public LongProperty totalMinutesProperty() {
        return totalMinutes;
    }

    public LongProperty womenMinutesProperty() {
        return womenMinutes;
    }

    public LongProperty menMinutesProperty() {
        return menMinutes;
    }

    /// Counts saves, so the view can put the keyboard back in the first field.
    public LongProperty savedCountProperty() {
        return savedCount;
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public BooleanBinding canSaveDayBinding() {
        return canSaveDay;
    }

    public BooleanBinding canVoidBinding() {
        return canVoid;
    }
}
