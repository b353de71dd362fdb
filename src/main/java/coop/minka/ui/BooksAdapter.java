package coop.minka.ui;

import coop.minka.app.backup.BackupService;
import coop.minka.app.Services;
import coop.minka.app.sync.SyncStatus;
import coop.minka.ui.common.I18n;
import coop.minka.ui.home.HomeViewModel;
import coop.minka.ui.main.Screen;
import coop.minka.ui.settings.SettingsViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/// Answers the settings and home screens' questions about the open books (who this laptop is,
/// backups, the sync picture) from the app services. Runs on the background thread.
final class BooksAdapter implements SettingsViewModel.Books {
    private final Services services;
    private final SyncStatus status;
    private final BackupService backups;

    /// The user's language, for the currency's name.
    private final java.util.function.Supplier<java.util.Locale> language;

    BooksAdapter(Services services, SyncStatus status, LongSupplier clock,
                 java.util.function.Supplier<java.util.Locale> language) {
        this.services = services;
        this.language = language;
        this.status = status;
        this.backups = new BackupService(services.workspace(), clock);
    }

    @Override
    public SettingsViewModel.About about() {
        var ws = services.workspace();
        var coop = ws.coop();
        String self = ws.selfId();
        String name = status.status().laptops().stream().filter(SyncStatus.Laptop::self).map(SyncStatus.Laptop::name)
                .findFirst().orElse("");
        return new SettingsViewModel.About(coop.name(), coop.currency().getCurrencyCode() + " — "
                + coop.currency().getDisplayName(language.get()), Instant.ofEpochMilli(coop.createdAtMillis()), name, self,
                ws.fingerprint(), ws.file().toAbsolutePath().toString());
    }

    @Override
    public List<SettingsViewModel.Backup> backups() {
        return backups.list().stream().map(BooksAdapter::backup).toList();
    }

    @Override
    public SettingsViewModel.Backup backupNow() {
        return backup(backups.backupNow());
    }

    /// Backs up the current books, closes them and puts the chosen backup in their place
    /// ([BackupService#restore]). The caller reopens the books; the restored file then gets a new
    /// laptop identity.
    @Override
    public void restore(SettingsViewModel.Backup b) {
        backups.restore(b.name());
        services.close();
    }

    private static SettingsViewModel.Backup backup(BackupService.Backup b) {
        return new SettingsViewModel.Backup(b.name(), b.at(), b.size());
    }

    @Override
    public boolean backupsAvailable() {
        return true;
    }

    @Override
    public void restoreFile(java.nio.file.Path file) {
        backups.restoreFile(file);
        services.close();
    }

    @Override
    public SettingsViewModel.Periods periods() {
        var p = services.closing();
        var history = p.history().stream()
                .map(c -> new SettingsViewModel.CloseRow(c.to(), c.laptop(), c.at())).toList();
        var late = p.lateEntries().stream().map(e -> new SettingsViewModel.Late(e.id(), e.kind().equals("tx"), e.date(),
                e.what(), e.amountOrMinutes(), e.laptop(), SettingsViewModel.LateState.valueOf(e.status().name()))).toList();
        return new SettingsViewModel.Periods(p.closedUpTo().orElse(null), history, late);
    }

    @Override
    public void close(java.time.LocalDate to) {
        services.closing().close(to);
    }

    @Override
    public void accept(SettingsViewModel.Late late) {
        services.closing().accept(late.id(), null);
    }

    @Override
    public void voidLate(SettingsViewModel.Late late, String reason) {
        if (late.tx()) {
            services.ledger().voidTransaction(late.id(), reason);
        } else {
            services.work().voidEntry(late.id(), reason);
        }
    }

    @Override
    public SettingsViewModel.Details details() {
        var c = services.cooperative().show();
        return new SettingsViewModel.Details(c.name(), c.languages(), c.currency().getCurrencyCode(),
                services.cooperative().hasMoney());
    }

    @Override
    public void updateDetails(String name, String languages, String currency) {
        services.cooperative().update(name, languages, currency);
    }

    @Override
    public SettingsViewModel.Security security() {
        var st = services.security().status();
        return new SettingsViewModel.Security(st.on(), st.recoveryKeptHere());
    }

    @Override
    public void setEncryption(boolean on) {
        services.security().setEncryption(on);
    }

    @Override
    public void writeRecoveryKey(java.nio.file.Path out) {
        services.security().writeRecoveryKey(out, false);
    }

    /// The sync part of the dashboard.
    HomeViewModel.SyncSummary syncSummary(I18n i18n) {
        SyncStatus.Status s = status.status();
        List<HomeViewModel.LastSync> last = s.laptops().stream().filter(l -> !l.self())
                .map(l -> new HomeViewModel.LastSync(l.name(), l.lastReceivedAt() == null ? null
                        : Instant.ofEpochMilli(l.lastReceivedAt()))).toList();
        List<HomeViewModel.Attention> att = new ArrayList<>();
        if (!s.pending().isEmpty()) {
            att.add(new HomeViewModel.Attention(i18n.t("home.att.pending", s.pending().size()), Screen.SYNC));
        }
        if (s.quarantined() > 0) {
            att.add(new HomeViewModel.Attention(i18n.t("home.att.quarantined", s.quarantined()), Screen.SYNC));
        }
        if (!s.forks().isEmpty()) {
            att.add(new HomeViewModel.Attention(i18n.t("home.att.forks", s.forks().size()), Screen.SYNC));
        }
        if (s.conflicts() > 0) {
            att.add(new HomeViewModel.Attention(i18n.t("home.att.conflicts", s.conflicts()), Screen.SYNC));
        }
        long late = s.late().isEmpty() ? 0 : services.closing().waitingLate(); // decided ones need no look
        if (late > 0) {
            att.add(new HomeViewModel.Attention(i18n.t("home.att.late", late), Screen.SETTINGS));
        }
        if (!s.impostors().isEmpty()) {
            att.add(new HomeViewModel.Attention(i18n.t("home.att.impostors", s.impostors().size()), Screen.SYNC));
        }
        if (!s.invalid().isEmpty()) {
            att.add(new HomeViewModel.Attention(i18n.t("home.att.invalid", s.invalid().size()), Screen.SYNC));
        }
        if (s.waiting() > 0) {
            att.add(new HomeViewModel.Attention(i18n.t("home.att.waiting", s.waiting()), Screen.SYNC));
        }
        return new HomeViewModel.SyncSummary(last, att);
    }
}
