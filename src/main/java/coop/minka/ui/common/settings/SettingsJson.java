package coop.minka.ui.common.settings;

/// The desktop app's own settings file (`settings.json` in the data folder), separate from the
/// books: language, theme, text size and where the window was. Unknown fields are ignored and
/// missing ones take defaults, so older and newer Minka versions can share the file.
public record SettingsJson(String language, String theme, Integer textScale, Double windowX, Double windowY,
                           Double windowWidth, Double windowHeight, Boolean maximized) {
    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    public static SettingsJson defaults() {
        return new SettingsJson(null, LIGHT, 100, null, null, null, null, null);
    }

    public boolean dark() {
        return DARK.equals(theme);
    }

    public int scale() {
        return textScale == null ? 100 : Math.clamp(textScale, 80, 200);
    }

    public SettingsJson withLanguage(String l) {
        return new SettingsJson(l, theme, textScale, windowX, windowY, windowWidth, windowHeight, maximized);
    }

    public SettingsJson withTheme(String t) {
        return new SettingsJson(language, t, textScale, windowX, windowY, windowWidth, windowHeight, maximized);
    }

    public SettingsJson withTextScale(int s) {
        return new SettingsJson(language, theme, s, windowX, windowY, windowWidth, windowHeight, maximized);
    }

    public SettingsJson withWindow(double x, double y, double w, double h, boolean max) {
        return new SettingsJson(language, theme, textScale, x, y, w, h, max);
    }
}
