package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/// Turns a catalogued error into the plain-language message and hint of the user's language
/// (`coop/minka/i18n/errors*.properties`), for the command line and the desktop app alike.
public final class ErrorMessages {
    public static final String BUNDLE = "coop.minka.i18n.errors";
    private static final String MESSAGES = "coop.minka.i18n.messages";

    private ErrorMessages() {
    }

    public static String message(MinkaException e, Locale locale) {
        return format(e.code().messageKey(), e, locale);
    }

    /// What to do. For an internal error, where the details are: the diagnostics file
    /// ([DiagnosticLog]) when one is written, else `--debug`.
    public static String hint(MinkaException e, Locale locale) {
        Path log = DiagnosticLog.current();
        if (e.code() == ErrorCode.INTERNAL && log != null) {
            return text("error.INTERNAL.hintLog", locale, log.toString());
        }
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

    /// The plain message of a rule-book reason code (`domain.OpRules`), e.g. "held invalid: <this>".
    public static String invalidReason(String reason, Locale locale) {
        try {
            String pattern = ResourceBundle.getBundle(MESSAGES, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString("invalid." + reason);
            return new MessageFormat(pattern, locale).format(new Object[0]);
        } catch (MissingResourceException e) {
            return reason;
        }
    }

    /// A kind of change in the user's words ("shares bought" for `group.shares`), the type
    /// itself if it has none.
    public static String change(String type, Locale locale) {
        return String.valueOf(changeWords(type, locale));
    }

    /// A kind of change named by its op type (`member.add`, as the permission errors carry it) in
    /// the words the audit trail uses ("member added"); any other argument as it is.
    private static Object changeWords(Object arg, Locale locale) {
        if (!(arg instanceof String s) || !s.matches("[a-z]+(\\.[a-z]+)+")) {
            return arg;
        }
        try {
            return ResourceBundle.getBundle(MESSAGES, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString("change." + s);
        } catch (MissingResourceException e) {
            return arg;
        }
    }

    private static String format(String key, MinkaException e, Locale locale) {
        Object[] args = e.args().toArray();
        if (e.code() == ErrorCode.INVALID_ENTRY && args.length > 0) {
            args[0] = invalidReason(String.valueOf(args[0]), locale);
        }
        for (int i = 0; i < args.length; i++) {
            args[i] = changeWords(args[i], locale);
        }
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException missing) {
            return e.code() == ErrorCode.INTERNAL ? "Internal error: " + e.args() : e.code() + " " + e.args();
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
