package coop.minka.app;

import coop.minka.domain.Cooperative;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/// The words of what Minka prints and exports (the assembly pack, member slips, report tables,
/// CSV headers) in one language, from `coop/minka/i18n/messages*.properties`. Every text goes
/// through [MessageFormat], so apostrophes in the bundles are doubled. Made by the app, which
/// cannot reach the desktop app's `I18n`.
public final class Words {
    private static final String BUNDLE = "coop.minka.i18n.messages";
    /// The languages Minka prints in (the same as the desktop app's).
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"),
            Locale.forLanguageTag("fr"), Locale.forLanguageTag("pt"));
    public static final Words ENGLISH = new Words(Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Words(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale.getLanguage().equals("en") ? Locale.ROOT : locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /// The words of the nearest language Minka speaks; English when none matches.
    public static Words of(Locale wanted) {
        Locale l = supported(wanted);
        return l.equals(Locale.ENGLISH) ? ENGLISH : new Words(l);
    }

    /// The words of `wanted`, or when it is null of the cooperative's language.
    public static Words of(Locale wanted, Cooperative coop) {
        return of(wanted != null ? wanted : language(coop));
    }

    /// The nearest language Minka speaks; English when none matches.
    public static Locale supported(Locale wanted) {
        if (wanted == null) {
            return Locale.ENGLISH;
        }
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
    }

    /// The cooperative's language: the first of its languages (`es,en` → Spanish) that Minka
    /// speaks; English when none is.
    public static Locale language(Cooperative coop) {
        return language(coop == null ? null : coop.languages());
    }

    /// The first of a cooperative's languages (`es,qu`) that Minka speaks; English when none.
    public static Locale language(String languages) {
        if (languages == null) {
            return Locale.ENGLISH;
        }
        for (String tag : languages.split(",")) {
            if (tag.isBlank()) {
                continue;
            }
            Locale l = Locale.forLanguageTag(tag.strip());
            if (LANGUAGES.stream().anyMatch(s -> s.getLanguage().equals(l.getLanguage()))) {
                return supported(l);
            }
        }
        return Locale.ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    /// The text of `key` with `{0}`… filled in (pass numbers as text to keep them as written);
    /// the English text when this language lacks it, the key when both do.
    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            if (this == ENGLISH) {
                return key;
            }
            return ENGLISH.t(key, args);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /// A day as people of the language write it: `Mar 31, 2026`, `31 mar 2026`.
    public String date(LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(d);
    }

    /// A month `2026-03` as `Mar 2026`, `mar 2026`; the text itself when it is not a month.
    public String month(String yearMonth) {
        try {
            return DateTimeFormatter.ofPattern("MMM yyyy", locale).format(YearMonth.parse(yearMonth));
        } catch (DateTimeParseException e) {
            return yearMonth;
        }
    }
}
