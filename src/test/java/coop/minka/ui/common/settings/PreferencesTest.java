package coop.minka.ui.common.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.ui.common.I18n;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The language chosen is remembered, whichever it is, and wins over the computer's language at
/// the next start.
class PreferencesTest {
    @TempDir
    Path dir;

    /// A start of the app on a computer set to `computer`: a fresh [I18n] and preferences read
    /// from the same settings file.
    private Preferences start(Locale computer) {
        return new Preferences(new SettingsStore(dir.resolve("settings.json")), new I18n(computer));
    }

    @Test
    void englishChosenOnASpanishComputerIsUsedAtTheNextStart() {
        Preferences first = start(Locale.forLanguageTag("es-BO"));
        assertFalse(first.languageChosen());
        first.chooseLanguage(Locale.ENGLISH);
        Preferences next = start(Locale.forLanguageTag("es-BO"));
        assertTrue(next.languageChosen());
        assertEquals("en", next.localeProperty().get().getLanguage());
    }

    @Test
    void choosingTheLanguageAlreadyInUseIsRememberedToo() {
        start(Locale.ENGLISH).chooseLanguage(Locale.ENGLISH);
        Preferences next = start(Locale.forLanguageTag("fr"));
        assertTrue(next.languageChosen(), "English chosen on an English computer still counts as a choice");
        assertEquals("en", next.localeProperty().get().getLanguage());

        start(Locale.forLanguageTag("es")).chooseLanguage(Locale.forLanguageTag("es"));
        Preferences third = start(Locale.ENGLISH);
        assertTrue(third.languageChosen());
        assertEquals("es", third.localeProperty().get().getLanguage());
    }
}
