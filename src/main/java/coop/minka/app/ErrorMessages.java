package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/// Turns a catalogued error into the plain-language message and hint of the user's language
/// (`coop/minka/i18n/errors*.properties`), for the command line and the desktop app alike.
public final class ErrorMessages {
    public static final String BUNDLE = "coop.minka.i18n.errors";

    private ErrorMessages() {
    }

    public static String message(MinkaException e, Locale locale) {
        return format(e.code().messageKey(), e, locale);
    }

    public static String hint(MinkaException e, Locale locale) {
        return format(e.code().hintKey(), e, locale);
    }

    /// "message hint" on one line.
    public static String oneLine(MinkaException e, Locale locale) {
        return message(e, locale) + " " + hint(e, locale);
    }

    public static String text(String key, Locale locale) {
        try {
            return bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /// A text of the errors bundle (the command line's own sentences) with `{0}`… filled in.
    public static String text(String key, Locale locale, Object... args) {
        return new MessageFormat(text(key, locale), locale).format(args);
    }

    /// The bundle of exactly that language (or English), never the computer's language instead.
    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String format(String key, MinkaException e, Locale locale) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException missing) {
            return e.code() == ErrorCode.INTERNAL ? "Internal error: " + e.args() : e.code() + " " + e.args();
        }
        return new MessageFormat(pattern, locale).format(e.args().toArray());
    }
}
