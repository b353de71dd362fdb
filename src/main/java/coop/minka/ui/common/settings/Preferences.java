package coop.minka.ui.common.settings;

import coop.minka.ui.common.I18n;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/// The user's preferences as live properties (language, dark theme, text size), saved to the
/// settings file on every change. The window watches them and applies them at once.
public final class Preferences {
    public static final int[] TEXT_SCALES = {100, 125, 150, 175};

    private final SettingsStore store;
    private final I18n i18n;
    private final BooleanProperty dark;
    private final IntegerProperty textScale;
    private SettingsJson current;

    public Preferences(SettingsStore store, I18n i18n) {
        this.store = store;
        this.i18n = i18n;
        this.current = store.load();
        if (current.language() != null) {
            i18n.localeProperty().set(I18n.supported(Locale.forLanguageTag(current.language())));
        }
        dark = new SimpleBooleanProperty(current.dark());
        textScale = new SimpleIntegerProperty(current.scale());
        i18n.localeProperty().addListener((o, a, b) -> save(current.withLanguage(b.getLanguage())));
        dark.addListener((o, a, b) -> save(current.withTheme(b ? SettingsJson.DARK : SettingsJson.LIGHT)));
        textScale.addListener((o, a, b) -> save(current.withTextScale(b.intValue())));
    }

    /// True if the user has chosen a language before (so the first run can skip asking).
    public boolean languageChosen() {
        return current.language() != null;
    }

    /// The user chose `language` (on the first run or in Settings): use it and remember it, even
    /// when it is already the language in use (English, or the computer's own language), so the
    /// next start does not ask again nor follow the computer's language instead.
    public void chooseLanguage(Locale language) {
        Locale l = I18n.supported(language);
        i18n.localeProperty().set(l);
        if (!l.getLanguage().equals(current.language())) {
            save(current.withLanguage(l.getLanguage()));
        }
    }

    public ObjectProperty<Locale> localeProperty() {
        return i18n.localeProperty();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public IntegerProperty textScaleProperty() {
        return textScale;
    }

    /// One step bigger or smaller text, within the offered sizes.
    public void stepTextScale(int direction) {
        int i = 0;
        while (i < TEXT_SCALES.length - 1 && TEXT_SCALES[i] < textScale.get()) {
            i++;
        }
        textScale.set(TEXT_SCALES[Math.clamp(i + direction, 0, TEXT_SCALES.length - 1)]);
    }

    public SettingsJson current() {
        return current;
    }

    /// Remembers where the window was.
    public void saveWindow(double x, double y, double w, double h, boolean maximized) {
        save(current.withWindow(x, y, w, h, maximized));
    }

    private void save(SettingsJson s) {
        current = s;
        store.save(s);
    }
}
