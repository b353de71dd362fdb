package coop.minka.ui.work;

import coop.minka.app.Texts;
import coop.minka.domain.Member;
import coop.minka.domain.MinkaException;
import coop.minka.domain.WorkCategory;
import coop.minka.ui.common.DateField;
import coop.minka.ui.common.I18n;
import java.time.LocalDate;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The quick-entry form for one piece of work, made for typing many entries in a row: after a
/// save the member, hours and note clear; the date and category stay.
public final class QuickEntry {
    private final ObjectProperty<Member> member = new SimpleObjectProperty<>();
    private final DateField date;
    private final StringProperty hours = new SimpleStringProperty("");
    private final ObjectProperty<WorkCategory> category = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<Member> witness = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper hoursError = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;

    QuickEntry(I18n i18n, Supplier<LocalDate> today) {
        date = new DateField(i18n, true, today.get());
        hours.addListener((o, a, b) -> hoursError.set(hoursProblem(b, i18n)));
        valid = Bindings.createBooleanBinding(() -> member.get() != null && category.get() != null
                && date.valid() && !hours.get().isBlank() && hoursError.get().isEmpty(),
                member, category, date.valueProperty(), date.errorProperty(), hours, hoursError);
    }

    /// An empty string when the hours can be read, else what is wrong, in plain words.
    static String hoursProblem(String typed, I18n i18n) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        try {
            Texts.minutes(typed);
            return "";
        } catch (MinkaException e) {
            return i18n.t("work.hoursHelp");
        }
    }

    void clearAfterSave() {
        member.set(null);
        hours.set("");
        note.set("");
        witness.set(null);
    }

    public ObjectProperty<Member> memberProperty() {
        return member;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date.valueProperty();
    }

    /// The date as typed: errors and warnings, and the picker's converter.
    public DateField date() {
        return date;
    }

    public StringProperty hoursProperty() {
        return hours;
    }

    public ObjectProperty<WorkCategory> categoryProperty() {
        return category;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObjectProperty<Member> witnessProperty() {
        return witness;
    }

    public ReadOnlyStringProperty hoursErrorProperty() {
        return hoursError.getReadOnlyProperty();
    }

    public BooleanBinding validBinding() {
        return valid;
    }
}
