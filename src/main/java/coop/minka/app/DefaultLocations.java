package coop.minka.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/// Where Minka keeps its default database: the operating system's per-user data folder, unless
/// `--db` or the `MINKA_DB` environment variable names another file.
public final class DefaultLocations {
    public static final String ENV_DB = "MINKA_DB";

    private DefaultLocations() {
    }

    public static Path database(Map<String, String> env, String osName, String userHome) {
        String override = env.get(ENV_DB);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return dataFolder(env, osName, userHome).resolve("minka.db");
    }

    public static Path database() {
        return database(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /// `~/.local/share/minka` (or `$XDG_DATA_HOME/minka`), `%APPDATA%\Minka`,
    /// `~/Library/Application Support/Minka`.
    public static Path dataFolder(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming")).resolve("Minka");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Minka");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share")).resolve("minka");
    }
}
