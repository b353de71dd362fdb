package coop.minka.ui.people;

import coop.minka.domain.Member;
import coop.minka.domain.Person;
import coop.minka.domain.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The side form of the people screen: adding a person, changing one's name, roles and member,
/// or changing one's own PIN ([Mode]). What is typed is checked as it is typed.
public final class PersonForm {
    /// What the form is doing now.
    public enum Mode { CLOSED, ADD, EDIT, PIN }

    static final int MIN_PIN = 4;
    static final int MAX_PIN = 12;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.CLOSED);
    private final ObjectProperty<Person> editing = new SimpleObjectProperty<>();
    private final BooleanProperty first = new SimpleBooleanProperty(false);
    private final StringProperty name = new SimpleStringProperty("");
    private final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);
    private final ObjectProperty<Member> member = new SimpleObjectProperty<>();
    private final StringProperty currentPin = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty pinAgain = new SimpleStringProperty("");
    private final BooleanBinding pinValid;
    private final BooleanBinding rolesValid;
    private final BooleanBinding valid;

    PersonForm() {
        for (Role r : Role.values()) {
            roles.put(r, new SimpleBooleanProperty(false));
        }
        Observable[] roleDeps = roles.values().toArray(Observable[]::new);
        pinValid = Bindings.createBooleanBinding(() -> pinOk(pin.get()) && pin.get().equals(pinAgain.get()),
                pin, pinAgain);
        rolesValid = Bindings.createBooleanBinding(() -> !chosenRoles().isEmpty()
                && (!first.get() || roles.get(Role.PRESIDENT).get()), concat(roleDeps, first));
        valid = Bindings.createBooleanBinding(() -> switch (mode.get()) {
            case ADD -> !name.get().isBlank() && rolesValid.get() && pinValid.get();
            case EDIT -> !name.get().isBlank() && rolesValid.get();
            case PIN -> !currentPin.get().isEmpty() && pinValid.get();
            case CLOSED -> false;
        }, mode, name, rolesValid, pinValid, currentPin);
    }

    private static Observable[] concat(Observable[] a, Observable b) {
        Observable[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    /// Digits only, 4 to 12 of them.
    static boolean pinOk(String s) {
        return s != null && s.length() >= MIN_PIN && s.length() <= MAX_PIN && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    void startAdd(boolean firstPerson) {
        editing.set(null);
        first.set(firstPerson);
        name.set("");
        roles.forEach((r, p) -> p.set(firstPerson && r == Role.PRESIDENT));
        member.set(null);
        clearPins();
        mode.set(Mode.ADD);
    }

    void startEdit(Person p, Member m) {
        editing.set(p);
        first.set(false);
        name.set(p.name());
        roles.forEach((r, b) -> b.set(p.holds(r)));
        member.set(m);
        clearPins();
        mode.set(Mode.EDIT);
    }

    void startPin(Person me) {
        editing.set(me);
        first.set(false);
        clearPins();
        mode.set(Mode.PIN);
    }

    void close() {
        clearPins();
        mode.set(Mode.CLOSED);
    }

    private void clearPins() {
        currentPin.set("");
        pin.set("");
        pinAgain.set("");
    }

    Set<Role> chosenRoles() {
        Set<Role> out = EnumSet.noneOf(Role.class);
        roles.forEach((r, p) -> {
            if (p.get()) {
                out.add(r);
            }
        });
        return out;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Person> editingProperty() {
        return editing;
    }

    /// True while adding the cooperative's first person, who must be a president.
    public BooleanProperty firstProperty() {
        return first;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty roleProperty(Role r) {
        return roles.get(r);
    }

    public ObjectProperty<Member> memberProperty() {
        return member;
    }

    public StringProperty currentPinProperty() {
        return currentPin;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty pinAgainProperty() {
        return pinAgain;
    }

    public BooleanBinding pinValidBinding() {
        return pinValid;
    }

    public BooleanBinding rolesValidBinding() {
        return rolesValid;
    }

    public BooleanBinding validBinding() {
        return valid;
    }
}
