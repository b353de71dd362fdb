package coop.minka.ui.settings;

import coop.minka.ui.common.I18n;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.common.settings.Preferences;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Settings: language, theme, text size; the cooperative's details; this laptop's name and key
/// fingerprint; backups.
public final class SettingsViewModel extends ScreenModel {
    /// Facts about the books and this laptop, shown read-only.
    public record About(String coopName, String currency, java.time.Instant created, String laptopName,
                        String laptopId, String fingerprint, String databaseFile) {
    }

    /// One backup file.
    public record Backup(String name, java.time.Instant at, long bytes) {
    }

    /// What the settings screen needs from the books.
    public interface Books {
        About about();

        List<Backup> backups();

        Backup backupNow();

        /// Restores a backup; the app reopens the books afterwards.
        void restore(Backup b);

        boolean backupsAvailable();
    }

    /// What one reload reads on the background thread.
    private record Loaded(About about, List<Backup> backups) {
    }

    private final Preferences prefs;
    private final Books books;
    private final Runnable reopen;
    private final ObjectProperty<About> about = new SimpleObjectProperty<>();
    private final ObservableList<Backup> backups = FXCollections.observableArrayList();
    private final ObjectProperty<Backup> selectedBackup = new SimpleObjectProperty<>();

    public SettingsViewModel(UiContext ui, Preferences prefs, Books books, Runnable reopen) {
        super(ui);
        this.prefs = prefs;
        this.books = books;
        this.reopen = reopen;
    }

    @Override
    protected void reload() {
        ui.async().run(() -> new Loaded(books.about(), books.backupsAvailable() ? books.backups() : List.of()), r -> {
            about.set(r.about());
            backups.setAll(r.backups());
        });
    }

    public void backupNow() {
        ui.async().run(books::backupNow, b -> {
            ui.notices().success(ui.i18n().t("settings.backup.made", b.name()));
            reloadNow();
        });
    }

    /// Puts the selected backup back, after a clear warning.
    public void restoreSelected() {
        Backup b = selectedBackup.get();
        if (b == null) {
            return;
        }
        if (!ui.dialogs().confirm(ui.i18n().t("settings.restore.title"),
                ui.i18n().t("settings.restore.message", ui.i18n().dateTime(b.at())), ui.i18n().t("settings.restore.action"))) {
            return;
        }
        ui.async().run(() -> {
            books.restore(b);
            return b;
        }, done -> {
            ui.notices().success(ui.i18n().t("settings.restore.done"));
            reopen.run();
        });
    }

    public List<Locale> languages() {
        return I18n.LANGUAGES;
    }

    public ObjectProperty<Locale> languageProperty() {
        return prefs.localeProperty();
    }

    public BooleanProperty darkProperty() {
        return prefs.darkProperty();
    }

    public IntegerProperty textScaleProperty() {
        return prefs.textScaleProperty();
    }

    public ObjectProperty<About> aboutProperty() {
        return about;
    }

    public ObservableList<Backup> backups() {
        return backups;
    }

    public ObjectProperty<Backup> selectedBackupProperty() {
        return selectedBackup;
    }

    public boolean backupsAvailable() {
        return books.backupsAvailable();
    }
}
