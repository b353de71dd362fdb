package coop.minka.ui.members;

import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.ui.common.DateField;
import coop.minka.ui.common.I18n;
import java.time.LocalDate;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The add/edit member form: fields, inline validation and whether it can be saved.
public final class MemberForm {
    static final int MAX = 500;

    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final ObjectProperty<Member> editing = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Gender> gender = new SimpleObjectProperty<>(Gender.UNSPECIFIED);
    private final DateField joined;
    private final StringProperty contact = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nameWarning = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;

    private final Supplier<LocalDate> today;

    MemberForm(I18n i18n, Supplier<LocalDate> today) {
        this.today = today;
        joined = new DateField(i18n, false, null);
        valid = Bindings.createBooleanBinding(() -> !name.get().isBlank() && name.get().strip().length() <= MAX
                && contact.get().length() <= MAX && notes.get().length() <= MAX && joined.valid(), name, contact, notes,
                joined.valueProperty(), joined.errorProperty());
    }

    void startAdd() {
        editing.set(null);
        name.set("");
        gender.set(Gender.UNSPECIFIED);
        joined.reset(today.get());
        contact.set("");
        notes.set("");
        nameError.set("");
        nameWarning.set("");
        open.set(true);
    }

    void startEdit(Member m) {
        editing.set(m);
        name.set(m.name());
        gender.set(m.gender());
        joined.reset(m.joined());
        contact.set(m.contact() == null ? "" : m.contact());
        notes.set(m.notes() == null ? "" : m.notes());
        nameError.set("");
        nameWarning.set("");
        open.set(true);
    }

    void setNameError(String s) {
        nameError.set(s);
    }

    void setNameWarning(String s) {
        nameWarning.set(s);
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public ObjectProperty<Member> editingProperty() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Gender> genderProperty() {
        return gender;
    }

    public ObjectProperty<LocalDate> joinedProperty() {
        return joined.valueProperty();
    }

    /// The joining date as typed: errors and warnings, and the picker's converter.
    public DateField joined() {
        return joined;
    }

    public StringProperty contactProperty() {
        return contact;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameWarningProperty() {
        return nameWarning.getReadOnlyProperty();
    }

    public BooleanBinding validBinding() {
        return valid;
    }
}
