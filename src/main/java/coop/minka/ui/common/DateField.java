package coop.minka.ui.common;

import coop.minka.domain.OpRules;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.StringConverter;

/// The model of one date a person types for an entry (no scene classes, so ViewModels own it).
/// It reads the rule book's `yyyy-MM-dd` and the language's own short form (`12/31/2026`,
/// `31/12/2026`, also with a two-digit year), and never puts another date in place of one it
/// cannot read: such a text is an inline error and the form cannot be saved until it is fixed.
/// A date more than a year ahead is kept, with a visible warning.
///
/// The view feeds it the editor's text as it is typed ([#typed]) and uses its [#converter];
/// the form calls [#commit] before saving, so a date typed but not yet confirmed with Enter or
/// Tab is the one saved.
public final class DateField {
    private final I18n i18n;
    private final boolean required;
    private final Supplier<LocalDate> today;
    private final ObjectProperty<LocalDate> value = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /// Text typed since the value was last set; null while the editor shows the value.
    private String typed;
    /// Text the date picker could not read when it last committed.
    private String rejected;
    /// Counts [#reset]s: the picker puts the value's text back in its editor on each, so a form
    /// opened for another record never shows the text typed for the one before.
    private final javafx.beans.property.ReadOnlyIntegerWrapper resets = new javafx.beans.property.ReadOnlyIntegerWrapper();

    public DateField(I18n i18n, boolean required, LocalDate initial, Supplier<LocalDate> today) {
        this.i18n = i18n;
        this.required = required;
        this.today = today;
        value.set(initial);
        value.addListener((o, a, b) -> {
            typed = null;
            if (b != null) {
                rejected = null;
            }
            refresh();
        });
        refresh();
    }

    public DateField(I18n i18n, boolean required, LocalDate initial) {
        this(i18n, required, initial, LocalDate::now);
    }

    /// Parses a typed date: ISO `yyyy-MM-dd` exactly as the rule book takes it, or the short form
    /// of the language with a four-digit (or two-digit, 20xx) year; always a real day within
    /// the rule book's range. Empty when the text is no such date.
    public static Optional<LocalDate> parse(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        Optional<LocalDate> iso = OpRules.parseDate(s);
        if (iso.isPresent()) {
            return iso;
        }
        for (DateTimeFormatter f : new DateTimeFormatter[] {local(locale, "uuuu"), local(locale, "uu")}) {
            try {
                LocalDate d = LocalDate.parse(s, f);
                return OpRules.inRange(d) ? Optional.of(d) : Optional.empty();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /// The language's short date form, always with four digits of year: `12/31/2026`.
    public static String format(LocalDate d, Locale locale) {
        return d == null ? "" : local(locale, "uuuu").format(d);
    }

    private static DateTimeFormatter local(Locale locale, String year) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale).replaceAll("y+", year);
        return DateTimeFormatter.ofPattern(pattern, locale).withResolverStyle(ResolverStyle.STRICT);
    }

    /// Starts afresh with `date` (a form opened for a new or another record): forgets any text
    /// typed or refused before, and has the editor show `date`.
    public void reset(LocalDate date) {
        typed = null;
        rejected = null;
        value.set(date);
        refresh();
        resets.set(resets.get() + 1);
    }

    public javafx.beans.property.ReadOnlyIntegerProperty resetsProperty() {
        return resets.getReadOnlyProperty();
    }

    /// The text in the editor changed (each key stroke): check it, without changing the value.
    public void typed(String text) {
        String t = text == null ? "" : text;
        typed = t.equals(format(value.get(), i18n.locale())) ? null : t;
        if (!t.isBlank()) {
            rejected = null;
        }
        refresh();
    }

    /// Takes the typed text as the value if it is a date; false if the field is not valid.
    public boolean commit() {
        if (typed != null) {
            if (typed.isBlank()) {
                value.set(null);
            } else {
                parse(typed, i18n.locale()).ifPresent(value::set);
            }
        }
        return valid();
    }

    /// True when there is no error and, for a required field, a date.
    public boolean valid() {
        return error.get().isEmpty() && (!required || value.get() != null);
    }

    /// For the date picker: shows dates in the language's short form with a four-digit year and
    /// reads what [#parse] reads. A text it cannot read becomes an empty value and an error naming
    /// that text, never the previous date or today.
    public StringConverter<LocalDate> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return format(d, i18n.locale());
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    rejected = null;
                    return null;
                }
                Optional<LocalDate> d = parse(s, i18n.locale());
                if (d.isEmpty()) {
                    rejected = s.strip();
                    typed = null;
                    refresh();
                }
                return d.orElse(null);
            }
        };
    }

    /// An example of the short form, for the prompt text.
    public String example() {
        return format(LocalDate.of(2026, 12, 31), i18n.locale());
    }

    private void refresh() {
        String err = "";
        LocalDate shown = value.get();
        if (typed != null && !typed.isBlank()) {
            Optional<LocalDate> d = parse(typed, i18n.locale());
            if (d.isEmpty()) {
                err = i18n.t("date.invalid", typed.strip(), example());
            }
            shown = d.orElse(null);
        } else if ((typed != null || value.get() == null) && rejected != null) {
            err = i18n.t("date.invalid", rejected, example());
            shown = null;
        } else if (typed != null || value.get() == null) {
            err = required ? i18n.t("date.required") : "";
            shown = null;
        }
        error.set(err);
        warning.set(shown != null && OpRules.farFuture(shown, today.get())
                ? i18n.t("date.farFuture", format(shown, i18n.locale())) : "");
        notice.set(err.isEmpty() ? warning.get() : err);
    }

    public ObjectProperty<LocalDate> valueProperty() {
        return value;
    }

    /// What cannot be saved, in plain words; empty when the field is fine.
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /// A date more than a year ahead: saved, but worth a second look.
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /// The error, else the warning: the line shown under the field.
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
