package coop.minka.cli;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/// The language the command line speaks: `--lang` first, then the POSIX environment (`LC_ALL`,
/// then `LC_MESSAGES`, then `LANG`; `es_ES.UTF-8` is Spanish, `C` and `POSIX` are English), then
/// English; never the JVM's default locale. Loads neither picocli nor Jackson, so the quick
/// `report balances` path ([FastBalances]) can use it.
final class Language {
    /// The languages Minka is translated into.
    static final List<String> SUPPORTED = List.of("en", "es", "fr", "pt");

    private Language() {
    }

    /// The language of a `--lang` value (`es`, `pt-BR`, `fr_FR`), or null when Minka does not speak it.
    static Locale ofOption(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lang = languagePart(value.strip());
        return SUPPORTED.contains(lang) ? Locale.forLanguageTag(lang) : null;
    }

    /// The language the environment asks for, or English.
    static Locale ofEnvironment(UnaryOperator<String> env) {
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String v = env.apply(name);
            if (v == null || v.isBlank()) {
                continue; // POSIX: an empty variable is as if it were not set
            }
            String lang = languagePart(v.strip());
            return SUPPORTED.contains(lang) ? Locale.forLanguageTag(lang) : Locale.ENGLISH;
        }
        return Locale.ENGLISH;
    }

    /// `es_ES.UTF-8@euro` → `es`; `C`, `POSIX` → `c`, `posix` (not supported: English).
    private static String languagePart(String v) {
        String s = v;
        for (char stop : new char[] {'.', '@', '_', '-'}) {
            int i = s.indexOf(stop);
            if (i >= 0) {
                s = s.substring(0, i);
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
