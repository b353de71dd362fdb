package coop.minka.ui.work;

import coop.minka.domain.Member;
import coop.minka.domain.WorkCategory;
import coop.minka.ui.common.DateField;
import coop.minka.ui.common.I18n;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/// A collective work day: one date, category and number of hours, and a tick for everyone who
/// came. Saving records one entry per person ticked.
public final class WorkDay {
    /// A member on the attendance list.
    public static final class Attendee {
        private final Member member;
        private final BooleanProperty present = new SimpleBooleanProperty(false);

        Attendee(Member member) {
            this.member = member;
        }

        public Member member() {
            return member;
        }

        public BooleanProperty presentProperty() {
            return present;
        }
    }

    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final DateField date;
    private final ObjectProperty<WorkCategory> category = new SimpleObjectProperty<>();
    private final StringProperty hours = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper hoursError = new ReadOnlyStringWrapper("");
    private final ObservableList<Attendee> attendees =
            FXCollections.observableArrayList(a -> new Observable[] {a.presentProperty()});
    private final StringProperty search = new SimpleStringProperty("");
    private final FilteredList<Attendee> shown = new FilteredList<>(attendees);
    private final IntegerBinding ticked;
    private final BooleanBinding valid;

    private final Supplier<LocalDate> today;

    WorkDay(I18n i18n, Supplier<LocalDate> today) {
        this.today = today;
        date = new DateField(i18n, true, today.get());
        hours.addListener((o, a, b) -> hoursError.set(QuickEntry.hoursProblem(b, i18n)));
        search.addListener((o, a, b) -> {
            String wanted = fold(b == null ? "" : b.strip());
            shown.setPredicate(wanted.isEmpty() ? null : x -> fold(x.member().name()).contains(wanted));
        });
        ticked = Bindings.createIntegerBinding(() -> (int) attendees.stream()
                .filter(a -> a.presentProperty().get()).count(), attendees);
        valid = Bindings.createBooleanBinding(() -> ticked.get() > 0 && category.get() != null && date.valid()
                && !hours.get().isBlank() && hoursError.get().isEmpty(), ticked, category, date.valueProperty(),
                date.errorProperty(), hours, hoursError);
    }

    void start(List<Member> active, WorkCategory defaultCategory) {
        attendees.setAll(active.stream().map(Attendee::new).toList());
        date.reset(today.get());
        if (category.get() == null) {
            category.set(defaultCategory);
        }
        hours.set("");
        note.set("");
        search.set("");
        open.set(true);
    }

    /// Lower case without accents, so "maria" finds "María".
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /// Ticks everyone the search shows; those hidden keep their tick.
    public void selectShown() {
        shown.forEach(a -> a.presentProperty().set(true));
    }

    /// Unticks everyone, shown or not.
    public void clearChosen() {
        attendees.forEach(a -> a.presentProperty().set(false));
    }

    /// Ticks everyone, or nobody when everyone is ticked.
    public void tickAll() {
        boolean all = ticked.get() == attendees.size();
        attendees.forEach(a -> a.presentProperty().set(!all));
    }

    List<String> presentIds() {
        return attendees.stream().filter(a -> a.presentProperty().get()).map(a -> a.member().id()).toList();
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date.valueProperty();
    }

    /// The date as typed: errors and warnings, and the picker's converter.
    public DateField date() {
        return date;
    }

    public ObjectProperty<WorkCategory> categoryProperty() {
        return category;
    }

    public StringProperty hoursProperty() {
        return hours;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty hoursErrorProperty() {
        return hoursError.getReadOnlyProperty();
    }

    public ObservableList<Attendee> attendees() {
        return attendees;
    }

    /// What is typed in the search field: a part of a name, accents and case ignored.
    public StringProperty searchProperty() {
        return search;
    }

    /// The attendees the search shows.
    public ObservableList<Attendee> shown() {
        return shown;
    }

    public IntegerBinding tickedBinding() {
        return ticked;
    }

    public BooleanBinding validBinding() {
        return valid;
    }
}
