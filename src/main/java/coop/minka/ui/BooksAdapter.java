package coop.minka.ui;

import coop.minka.app.BackupRotation;
import coop.minka.app.Services;
import coop.minka.app.SyncStatus;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.ui.home.HomeViewModel;
import coop.minka.ui.settings.SettingsViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/// Answers the settings and home screens' questions about the open books (who this laptop is,
/// backups, the sync picture) from the app services. Runs on the background thread.
final class BooksAdapter implements SettingsViewModel.Books {
    private static final int KEEP = 20;
    private final Services services;
    private final SyncStatus status;

    BooksAdapter(Services services, SyncStatus status) {
        this.services = services;
        this.status = status;
    }

    @Override
    public SettingsViewModel.About about() {
        var ws = services.workspace();
        var coop = ws.coop();
        String self = ws.selfId();
        String name = status.status().laptops().stream().filter(SyncStatus.Laptop::self).map(SyncStatus.Laptop::name)
                .findFirst().orElse("");
        return new SettingsViewModel.About(coop.name(), coop.currency().getCurrencyCode() + " — "
                + coop.currency().getDisplayName(), Instant.ofEpochMilli(coop.createdAtMillis()), name, self,
                ws.log().identity().fingerprint(), ws.db().file().toAbsolutePath().toString());
    }

    private BackupRotation rotation() {
        return new BackupRotation(services.workspace().db().file(), KEEP);
    }

    @Override
    public List<SettingsViewModel.Backup> backups() {
        List<SettingsViewModel.Backup> out = new ArrayList<>();
        for (Path p : rotation().list().reversed()) {
            try {
                if (Files.isRegularFile(p)) {
                    out.add(new SettingsViewModel.Backup(p.getFileName().toString(),
                            Files.getLastModifiedTime(p).toInstant(), Files.size(p)));
                }
            } catch (IOException e) {
                // a backup that cannot be read is not offered
            }
        }
        return out;
    }

    @Override
    public SettingsViewModel.Backup backupNow() {
        Path p = rotation().backup(services.workspace().db(), "manual", System.currentTimeMillis());
        try {
            return new SettingsViewModel.Backup(p.getFileName().toString(), Files.getLastModifiedTime(p).toInstant(),
                    Files.size(p));
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.BACKUP_FAILED, e, p);
        }
    }

    /// Backs up the current books, closes them and copies the chosen backup over the file. The
    /// caller reopens the books; the restored file then gets a new laptop identity.
    @Override
    public void restore(SettingsViewModel.Backup b) {
        Path db = services.workspace().db().file();
        Path source = rotation().folder().resolve(b.name());
        if (!Files.isRegularFile(source)) {
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, source);
        }
        rotation().backup(services.workspace().db(), "before-restore", System.currentTimeMillis());
        services.close();
        try {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
            Path tmp = db.resolveSibling(db.getFileName() + ".restoring");
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, db, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, db);
        }
    }

    @Override
    public boolean backupsAvailable() {
        return true;
    }

    /// The sync part of the dashboard.
    HomeViewModel.SyncSummary syncSummary(java.util.function.BiFunction<String, Object[], String> t) {
        SyncStatus.Status s = status.status();
        List<HomeViewModel.LastSync> last = s.laptops().stream().filter(l -> !l.self())
                .map(l -> new HomeViewModel.LastSync(l.name(), l.lastReceivedAt() == null ? null
                        : Instant.ofEpochMilli(l.lastReceivedAt()))).toList();
        List<HomeViewModel.Attention> att = new ArrayList<>();
        if (!s.pending().isEmpty()) {
            att.add(new HomeViewModel.Attention(t.apply("home.att.pending", new Object[] {s.pending().size()}), "sync"));
        }
        if (s.quarantined() > 0) {
            att.add(new HomeViewModel.Attention(t.apply("home.att.quarantined", new Object[] {s.quarantined()}), "sync"));
        }
        if (!s.forks().isEmpty()) {
            att.add(new HomeViewModel.Attention(t.apply("home.att.forks", new Object[] {s.forks().size()}), "sync"));
        }
        if (s.conflicts() > 0) {
            att.add(new HomeViewModel.Attention(t.apply("home.att.conflicts", new Object[] {s.conflicts()}), "sync"));
        }
        if (!s.late().isEmpty()) {
            att.add(new HomeViewModel.Attention(t.apply("home.att.late", new Object[] {s.late().size()}), "sync"));
        }
        if (!s.impostors().isEmpty()) {
            att.add(new HomeViewModel.Attention(t.apply("home.att.impostors", new Object[] {s.impostors().size()}), "sync"));
        }
        if (!s.invalid().isEmpty()) {
            att.add(new HomeViewModel.Attention(t.apply("home.att.invalid", new Object[] {s.invalid().size()}), "sync"));
        }
        if (s.waiting() > 0) {
            att.add(new HomeViewModel.Attention(t.apply("home.att.waiting", new Object[] {s.waiting()}), "sync"));
        }
        return new HomeViewModel.SyncSummary(last, att);
    }
}
