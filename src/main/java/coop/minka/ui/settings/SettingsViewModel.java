package coop.minka.ui.settings;

import coop.minka.ui.common.I18n;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.common.settings.Preferences;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Settings: language, theme, text size; the cooperative's details (name and languages editable);
/// this laptop's name and key fingerprint; closing the books and reviewing late entries; backups.
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

        /// The closed periods and the late entries.
        Periods periods();

        /// Closes the books up to `to` (inclusive).
        void close(LocalDate to);

        /// Accepts a late entry for every laptop.
        void accept(Late late);

        /// Voids a late entry (its transaction or work entry) with `reason`.
        void voidLate(Late late, String reason);

        /// The cooperative's editable details; null when they cannot be edited here.
        Details details();

        /// Saves a new name, languages and currency (null: unchanged; the currency is refused once
        /// money exists).
        void updateDetails(String name, String languages, String currency);

        /// Restores any Minka database file; the app reopens the books afterwards.
        void restoreFile(Path file);

        /// Whether sync files are encrypted, and whether the recovery key is still kept here.
        Security security();

        /// Turns encryption of sync files on or off.
        void setEncryption(boolean on);

        /// Writes the recovery key once to the new file `out`.
        void writeRecoveryKey(Path out);
    }

    /// Sync files that are safe to lose (design-notes item 28): on or off, and whether the
    /// recovery key has yet to be written out from this laptop.
    public record Security(boolean on, boolean recoveryKeptHere) {
    }

    /// One close: up to which day, which laptop closed, when.
    public record CloseRow(LocalDate to, String laptop, java.time.Instant at) {
    }

    /// What was decided about a late entry.
    public enum LateState {
        WAITING, ACCEPTED, VOIDED
    }

    /// A late entry: dated in a closed period, arrived after the close. `tx` says whether it is a
    /// transaction (`figure` in minor units) or work (`figure` in minutes).
    public record Late(String id, boolean tx, LocalDate date, String what, long figure, String laptop, LateState state) {
    }

    /// Closed up to (null: never closed), the history oldest first, the late entries.
    public record Periods(LocalDate closedUpTo, List<CloseRow> history, List<Late> late) {
    }

    /// The cooperative's name, languages and currency; the currency is fixed once money exists.
    public record Details(String name, String languages, String currency, boolean currencyFixed) {
    }

    /// What one reload reads on the background thread.
    private record Loaded(About about, List<Backup> backups, Periods periods, Details details, Security security) {
    }

    private final Preferences prefs;
    private final Books books;
    private final Runnable reopen;
    private final ObjectProperty<About> about = new SimpleObjectProperty<>();
    private final ObservableList<Backup> backups = FXCollections.observableArrayList();
    private final ObjectProperty<Backup> selectedBackup = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> closedUpTo = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> closeTo = new SimpleObjectProperty<>();
    private final ObservableList<CloseRow> closeHistory = FXCollections.observableArrayList();
    private final ObservableList<Late> late = FXCollections.observableArrayList();
    private final ObjectProperty<Details> details = new SimpleObjectProperty<>();
    private final StringProperty coopName = new SimpleStringProperty("");
    private final StringProperty coopLanguages = new SimpleStringProperty("");
    private final StringProperty coopCurrency = new SimpleStringProperty("");
    private final ObjectProperty<Security> security = new SimpleObjectProperty<>();
    private final BooleanProperty encryption = new javafx.beans.property.SimpleBooleanProperty(false);

    public SettingsViewModel(UiContext ui, Preferences prefs, Books books, Runnable reopen) {
        super(ui);
        this.prefs = prefs;
        this.books = books;
        this.reopen = reopen;
    }

    @Override
    protected void reload() {
        ui.async().run(() -> new Loaded(books.about(), books.backupsAvailable() ? books.backups() : List.of(),
                books.periods(), books.details(), books.security()), r -> {
            security.set(r.security());
            encryption.set(r.security().on());
            about.set(r.about());
            backups.setAll(r.backups());
            closedUpTo.set(r.periods().closedUpTo());
            closeHistory.setAll(r.periods().history());
            late.setAll(r.periods().late());
            details.set(r.details());
            if (r.details() != null) {
                coopName.set(r.details().name());
                coopLanguages.set(r.details().languages() == null ? "" : r.details().languages());
                coopCurrency.set(r.details().currency());
                // amounts are typed and shown in the currency held, which may have just changed
                ui.i18n().currencyProperty().set(java.util.Currency.getInstance(r.details().currency()));
            }
            if (closeTo.get() == null) {
                closeTo.set(suggestedClose(r.periods().closedUpTo()));
            }
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

    /// The last day of the previous month: the usual day to close up to.
    private LocalDate suggestedClose(LocalDate closed) {
        LocalDate d = ui.today().withDayOfMonth(1).minusDays(1);
        return closed != null && !d.isAfter(closed) ? null : d;
    }

    /// Restores a database file chosen by the user (a backup kept elsewhere, a copy), after a
    /// clear warning.
    public void restoreFromFile() {
        var file = ui.dialogs().openFile(ui.i18n().t("settings.restoreFile.title"), "db");
        if (file.isEmpty()) {
            return;
        }
        if (!ui.dialogs().confirm(ui.i18n().t("settings.restore.title"),
                ui.i18n().t("settings.restoreFile.message", file.get().getFileName().toString()),
                ui.i18n().t("settings.restore.action"))) {
            return;
        }
        ui.async().run(() -> {
            books.restoreFile(file.get());
            return file.get();
        }, done -> {
            ui.notices().success(ui.i18n().t("settings.restore.done"));
            reopen.run();
        });
    }

    /// Closes the books up to the chosen day, after saying what that means.
    public void closeBooks() {
        LocalDate to = closeTo.get();
        if (to == null) {
            ui.notices().info(ui.i18n().t("settings.close.pickDate"));
            return;
        }
        if (!ui.dialogs().confirm(ui.i18n().t("settings.close.title"),
                ui.i18n().t("settings.close.message", ui.i18n().date(to)), ui.i18n().t("settings.close.action"))) {
            return;
        }
        ui.who().run(coop.minka.domain.OpType.PERIOD_CLOSE, () -> {
            books.close(to);
            return to;
        }, done -> {
            ui.notices().success(ui.i18n().t("settings.close.done", ui.i18n().date(done)));
            closeTo.set(null);
            changed();
            reloadNow();
        });
    }

    /// Keeps a late entry in the books; the decision syncs to every laptop.
    public void acceptLate(Late l) {
        if (l == null || l.state() != LateState.WAITING) {
            return;
        }
        ui.async().run(() -> {
            books.accept(l);
            return l;
        }, done -> {
            ui.notices().success(ui.i18n().t("settings.late.accepted", done.what()));
            changed();
            reloadNow();
        });
    }

    /// Voids a late entry, asking for the reason.
    public void voidLate(Late l) {
        if (l == null || l.state() != LateState.WAITING) {
            return;
        }
        var reason = ui.dialogs().askText(ui.i18n().t("settings.late.void.title"),
                ui.i18n().t("settings.late.void.message", l.what()), ui.i18n().t("settings.late.void.action"));
        if (reason.isEmpty() || reason.get().isBlank()) {
            return;
        }
        ui.async().run(() -> {
            books.voidLate(l, reason.get().strip());
            return l;
        }, done -> {
            ui.notices().success(ui.i18n().t("settings.late.voided", done.what()));
            changed();
            reloadNow();
        });
    }

    /// Saves the cooperative's name and languages, and its currency while no money exists.
    public void saveDetails() {
        String name = coopName.get();
        String langs = coopLanguages.get();
        Details d = details.get();
        String currency = d == null || d.currencyFixed() ? null : coopCurrency.get();
        ui.async().run(() -> {
            books.updateDetails(name, langs, currency);
            return name;
        }, done -> {
            ui.notices().success(ui.i18n().t("settings.details.saved"));
            changed();
            reloadNow();
        });
    }

    /// Turns encryption of sync files on or off (the switch); on the first time makes the
    /// recovery key, which the screen then asks to write out.
    public void setEncryption(boolean on) {
        Security now = security.get();
        if (now == null || now.on() == on) {
            return;
        }
        ui.async().run(() -> {
            books.setEncryption(on);
            return on;
        }, done -> {
            ui.notices().success(ui.i18n().t(on ? "settings.security.turnedOn" : "settings.security.turnedOff"));
            changed();
            reloadNow();
        });
    }

    /// Writes the recovery key to a file the person chooses (once; the copy here is then removed).
    public void writeRecoveryKey() {
        ui.dialogs().saveFile(ui.i18n().t("settings.security.writeTitle"),
                ui.i18n().t("settings.security.fileName") + ".txt").ifPresent(out -> ui.async().run(() -> {
                    books.writeRecoveryKey(out);
                    return out;
                }, done -> {
                    ui.notices().success(ui.i18n().t("settings.security.written", done.toString()));
                    reloadNow();
                }));
    }

    public ObjectProperty<Security> securityProperty() {
        return security;
    }

    public BooleanProperty encryptionProperty() {
        return encryption;
    }

    public ObjectProperty<LocalDate> closedUpToProperty() {
        return closedUpTo;
    }

    public ObjectProperty<LocalDate> closeToProperty() {
        return closeTo;
    }

    public ObservableList<CloseRow> closeHistory() {
        return closeHistory;
    }

    public ObservableList<Late> late() {
        return late;
    }

    public ObjectProperty<Details> detailsProperty() {
        return details;
    }

    public StringProperty coopNameProperty() {
        return coopName;
    }

    /// The currency code typed in the details; saved only while no money exists.
    public StringProperty coopCurrencyProperty() {
        return coopCurrency;
    }

    public StringProperty coopLanguagesProperty() {
        return coopLanguages;
    }

    public List<Locale> languages() {
        return I18n.LANGUAGES;
    }

    public ObjectProperty<Locale> languageProperty() {
        return prefs.localeProperty();
    }

    /// The user picked `language`: use it and remember it for the next start.
    public void chooseLanguage(Locale language) {
        prefs.chooseLanguage(language);
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
