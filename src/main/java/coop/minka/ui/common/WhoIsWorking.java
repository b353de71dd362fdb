package coop.minka.ui.common;

import coop.minka.app.PeopleService;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Permissions;
import coop.minka.domain.Person;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Who is working at this laptop (issue 13; design notes 26, 27): once the cooperative has
/// people, a person chooses their name and types their PIN before making changes, and the app
/// stays unlocked for them until [#lock] or until nobody touched the keyboard or mouse for
/// [#IDLE]. Reading needs nobody. A change that needs two people ([Permissions.Rule#dual]) asks
/// for the second person's name and PIN for that one change ([#run]).
///
/// One per window, shared by every screen; [#attach] points it at the open books.
public final class WhoIsWorking {
    /// Locked after this long without keyboard or mouse input.
    public static final Duration IDLE = Duration.ofMinutes(10);

    private final Async async;
    private final I18n i18n;
    private final Notices notices;
    private final DialogService dialogs;
    private final LongSupplier now;
    private PeopleService people;
    private final ObservableList<Person> everyone = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Person> by = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper unlockError = new ReadOnlyStringWrapper("");
    private long lastInput;

    public WhoIsWorking(Async async, I18n i18n, Notices notices, DialogService dialogs, LongSupplier now) {
        this.async = async;
        this.i18n = i18n;
        this.notices = notices;
        this.dialogs = dialogs;
        this.now = now;
        this.lastInput = now.getAsLong();
    }

    /// The books just opened: nobody works yet.
    public void attach(PeopleService service) {
        this.people = service;
        by.set(null);
        unlockError.set("");
        everyone.clear();
        any.set(false);
        refresh();
    }

    /// Reads the people again (after one was added or changed).
    public void refresh() {
        PeopleService p = people;
        if (p == null) {
            return;
        }
        async.run(() -> new Loaded(p.list(), p.acting().map(PeopleService.Acting::by).orElse(null)), l -> {
            if (p != people) {
                return;
            }
            everyone.setAll(l.people());
            any.set(!l.people().isEmpty());
            by.set(l.by() == null ? null : l.people().stream().filter(x -> x.id().equals(l.by().id())).findFirst()
                    .orElse(l.by()));
        });
    }

    private record Loaded(List<Person> people, Person by) {
    }

    /// Checks the PIN of `person` (slow on purpose, in the background); right, they work from now
    /// on. Wrong, or a wait after several wrong PINs: the message is in [#unlockErrorProperty].
    public void unlock(Person person, String pin) {
        PeopleService p = people;
        if (p == null || person == null) {
            return;
        }
        unlockError.set("");
        async.run(() -> {
            Person who = p.unlock(person.id(), pin);
            p.actAs(who, null);
            return who;
        }, who -> {
            touched();
            by.set(who);
        }, e -> {
            ErrorCode c = I18n.asMinka(e).code();
            if (c == ErrorCode.WRONG_PIN || c == ErrorCode.PIN_WAIT || c == ErrorCode.BAD_PIN) {
                unlockError.set(i18n.message(e));
            } else {
                notices.error(e);
            }
        });
    }

    /// Nobody works any more: changes are refused until someone unlocks again.
    public void lock() {
        PeopleService p = people;
        if (p == null || by.get() == null) {
            return;
        }
        by.set(null);
        unlockError.set("");
        async.exec(p::lock, () -> { });
    }

    /// The keyboard or mouse was used.
    public void touched() {
        lastInput = now.getAsLong();
    }

    /// Locks if nobody touched the keyboard or mouse for [#IDLE]; true if it did.
    public boolean lockIfIdle() {
        if (by.get() != null && now.getAsLong() - lastInput >= IDLE.toMillis()) {
            lock();
            return true;
        }
        return false;
    }

    /// True if a change of this kind may be offered now: there are no people yet, or the person
    /// working holds a role allowing it (a dual-control change asks for its second person when
    /// it is made).
    public boolean mayMake(String opType) {
        return !any.get() || PeopleService.allows(by.get(), opType);
    }

    /// [#mayMake] as a binding that follows who is working.
    public BooleanBinding mayMakeBinding(String opType) {
        return Bindings.createBooleanBinding(() -> mayMake(opType), any, by);
    }

    /// The people who could be the second person of a change of this kind, besides the one
    /// working; none means one person is enough (a cooperative with one president only).
    public List<Person> secondCandidates(String opType) {
        Person me = by.get();
        Optional<Permissions.Rule> rule = Permissions.rule(opType);
        if (me == null || rule.isEmpty() || !rule.get().dual()) {
            return List.of();
        }
        return everyone.stream().filter(q -> !q.id().equals(me.id())
                && q.roles().stream().anyMatch(rule.get().also()::contains)).toList();
    }

    /// Makes one change of kind `opType` in the background. If it needs two people and another
    /// person could be the second, first asks for their name and PIN; the second person is named
    /// for this one change only. Cancelled: nothing happens. A refusal is shown in plain words.
    public <T> void run(String opType, Supplier<T> work, Consumer<T> done) {
        PeopleService p = people;
        List<Person> candidates = secondCandidates(opType);
        Person me = by.get();
        if (p == null || candidates.isEmpty()) {
            async.run(work, done);
            return;
        }
        Optional<DialogService.SecondPerson> second = dialogs.askSecondPerson(i18n.t("second.title"),
                i18n.t("second.message", me.name()), candidates.stream().map(Person::name).toList());
        if (second.isEmpty()) {
            return;
        }
        String name = second.get().name();
        Person also = candidates.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (also == null) {
            notices.error(new MinkaException(ErrorCode.SECOND_PERSON_REQUIRED, opType));
            return;
        }
        async.run(() -> {
            Person checked = p.unlock(also.id(), second.get().pin());
            p.actAs(me, checked);
            try {
                return work.get();
            } finally {
                p.actAs(me, null);
            }
        }, done);
    }

    public ObservableList<Person> people() {
        return everyone;
    }

    /// True once the cooperative has people.
    public ReadOnlyBooleanProperty anyProperty() {
        return any.getReadOnlyProperty();
    }

    /// The person working now; null while nobody is.
    public ReadOnlyObjectProperty<Person> byProperty() {
        return by.getReadOnlyProperty();
    }

    /// Why the last unlock failed (a wrong PIN, a wait), in plain words; empty otherwise.
    public ReadOnlyStringProperty unlockErrorProperty() {
        return unlockError.getReadOnlyProperty();
    }

    /// True while someone must unlock before changes can be made.
    public BooleanBinding lockedBinding() {
        return any.and(by.isNull());
    }
}
