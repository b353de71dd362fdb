package coop.minka.ui.common.settings;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// Reads and writes [SettingsJson]. A missing or damaged file gives the defaults (settings are a
/// comfort, never a reason not to start); writing goes to a temporary file then moves over.
public final class SettingsStore {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public SettingsJson load() {
        if (!Files.isRegularFile(file)) {
            return SettingsJson.defaults();
        }
        try {
            SettingsJson s = JSON.readValue(file.toFile(), SettingsJson.class);
            return s == null ? SettingsJson.defaults() : s;
        } catch (JacksonException e) {
            return SettingsJson.defaults();
        }
    }

    /// Saves quietly: a settings file that cannot be written must not stop anyone's work.
    public void save(SettingsJson s) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), s);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | JacksonException e) {
            // the next start uses the defaults again
        }
    }

    public Path file() {
        return file;
    }
}
