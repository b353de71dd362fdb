package coop.minka.ui.sync;

import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncStatus;
import coop.minka.app.sync.SyncTrust;
import coop.minka.domain.ImportReceipt;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.common.Working;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Sync: the one big "sync with a USB stick or folder" action with a plain receipt, importing a
/// file, writing a file for one laptop, admitting laptops after comparing fingerprints, and the
/// lists of what needs a look (laptops waiting, forks, late entries, conflicts).
public final class SyncViewModel extends ScreenModel {
    private final SyncService sync;
    private final SyncStatus status;
    private final SyncTrust trust;
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final StringProperty receiptTitle = new SimpleStringProperty("");
    private final ObservableList<String> receipt = FXCollections.observableArrayList();
    private final ObjectProperty<SyncStatus.Status> current = new SimpleObjectProperty<>();
    private final ObservableList<SyncStatus.Laptop> laptops = FXCollections.observableArrayList();
    private final ObservableList<SyncStatus.Laptop> pending = FXCollections.observableArrayList();
    private final ObservableList<SyncStatus.Fork> forks = FXCollections.observableArrayList();
    private final ObservableList<SyncStatus.Flagged> flagged = FXCollections.observableArrayList();
    private final BooleanBinding idle = working.not();
    private final ConflictsViewModel conflicts;

    public SyncViewModel(UiContext ui, SyncService sync, SyncStatus status, SyncTrust trust) {
        this(ui, sync, status, trust, null);
    }

    /// With `conflicts`, the screen also lists the decisions to take (reloaded with it).
    public SyncViewModel(UiContext ui, SyncService sync, SyncStatus status, SyncTrust trust,
                         ConflictsViewModel conflicts) {
        super(ui);
        this.sync = sync;
        this.status = status;
        this.trust = trust;
        this.conflicts = conflicts;
    }

    @Override
    protected void reload() {
        ui.async().run(status::status, s -> {
            current.set(s);
            laptops.setAll(s.laptops().stream().filter(l -> !l.self()).toList());
            pending.setAll(s.pending());
            forks.setAll(s.forks());
            List<SyncStatus.Flagged> f = new ArrayList<>(s.late());
            f.addAll(s.farAhead());
            flagged.setAll(f);
        });
        if (conflicts != null) {
            conflicts.reload();
        }
    }

    // ---------------------------------------------------------------- commands

    /// Asks for the stick or folder, imports everything of this cooperative in it and writes
    /// this laptop's file there.
    public void syncWithFolder() {
        ui.dialogs().chooseFolder(ui.i18n().t("sync.chooseFolder")).ifPresent(this::syncWithFolder);
    }

    public void syncWithFolder(Path dir) {
        start();
        // a sync is written to the books in one transaction: Cancel cannot stop it half-way, it
        // only says so (design notes)
        ui.async().runShowing(ui.i18n().t("progress.syncImport"), Working.Stop.FINISH,
                progress -> sync.syncFolder(dir), r -> {
            List<String> lines = new ArrayList<>();
            int imported = 0;
            for (SyncService.FolderItem item : r.items()) {
                if (item.receipt() != null) {
                    imported++;
                    lines.addAll(describe(item.receipt()));
                } else if (item.error() != null) {
                    lines.add(ui.i18n().t("sync.receipt.refused", item.file().getFileName(),
                            ui.i18n().message(item.error()), ui.i18n().hint(item.error())));
                } else if (SyncService.GONE.equals(item.skipped())) {
                    lines.add(ui.i18n().t("sync.receipt.gone", item.file().getFileName()));
                }
            }
            if (imported == 0 && !r.anyRefused()) {
                lines.add(ui.i18n().t("sync.receipt.nothingNew"));
            }
            if (r.written() != null) {
                lines.add(ui.i18n().t("sync.receipt.written", r.written().entries(), r.written().file().getFileName()));
            }
            lines.add(ui.i18n().t("sync.receipt.safeToRemove"));
            finish("sync.receipt.folderTitle", lines);
        }, this::failed);
    }

    /// Imports one sync file (chosen, or dropped on the window).
    public void importFile() {
        ui.dialogs().openFile(ui.i18n().t("sync.pickFile"), "minka").ifPresent(this::importFile);
    }

    public void importFile(Path file) {
        start();
        ui.async().runShowing(ui.i18n().t("progress.syncImport"), Working.Stop.FINISH, progress -> sync.importBundle(file),
                r -> finish("sync.receipt.importTitle", describe(r)), this::failed);
    }

    /// Writes a file with everything a laptop lacks, or everything (for a new laptop to join).
    public void exportFor(SyncStatus.Laptop laptop) {
        String name = laptop == null ? "minka-all.minka" : "minka-for-" + safe(laptop.name()) + ".minka";
        ui.dialogs().saveFile(ui.i18n().t("sync.saveFile"), name).ifPresent(out -> {
            start();
            ui.async().runShowing(ui.i18n().t("progress.syncExport"), Working.Stop.FINISH,
                    progress -> laptop == null ? sync.export(out, SyncService.Mode.FULL, null)
                            : sync.export(out, SyncService.Mode.FOR_PEER, laptop.id()),
                    r -> finish("sync.receipt.exportTitle", List.of(ui.i18n().t("sync.receipt.written", r.entries(),
                            r.file().getFileName()))), this::failed);
        });
    }

    static String safe(String s) {
        String t = s.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return t.isEmpty() ? "laptop" : t;
    }

    /// Admits a laptop after the treasurer has compared its fingerprint.
    public void admit(SyncStatus.Laptop laptop) {
        if (!ui.dialogs().confirmFingerprint(ui.i18n().t("admit.title"), laptop.name(), laptop.fingerprint())) {
            return;
        }
        ui.who().run(coop.minka.domain.OpType.REPLICA_ADMIT, () -> trust.admit(laptop.id()), v -> {
            ui.notices().success(ui.i18n().t("sync.admitted", v.name()));
            changed();
        });
    }

    /// Refuses a laptop: its entries stay kept but never count.
    public void reject(SyncStatus.Laptop laptop) {
        if (!ui.dialogs().confirm(ui.i18n().t("sync.reject.title"), ui.i18n().t("sync.reject.message", laptop.name()),
                ui.i18n().t("sync.reject.action"))) {
            return;
        }
        ui.async().run(() -> trust.reject(laptop.id()), v -> {
            ui.notices().success(ui.i18n().t("sync.rejected", v.name()));
            changed();
        });
    }

    /// Revokes a lost or stolen laptop (design-notes item 30): shows its name, key fingerprint and
    /// the last of its entries that will still count, asks the reason, and writes the revocation
    /// with exactly the number shown.
    public void revoke(SyncStatus.Laptop laptop) {
        ui.async().run(() -> trust.revokePlan(laptop.id()), plan -> {
            var reason = ui.dialogs().askText(ui.i18n().t("sync.revoke.title"),
                    ui.i18n().t("sync.revoke.message", plan.name(), plan.fingerprint(), plan.upTo()),
                    ui.i18n().t("sync.revoke.confirm"));
            if (reason.isEmpty()) {
                return;
            }
            ui.who().run(coop.minka.domain.OpType.REPLICA_REVOKE, () -> trust.revoke(plan.id(), reason.get(),
                    plan.upTo()), r -> {
                ui.notices().success(ui.i18n().t("sync.revoked", r.laptop().name(), r.upTo()));
                changed();
            });
        });
    }

    /// Resolves a fork: the laptop is rejected, and its entries before the fork keep counting on
    /// every laptop (the decision travels like any entry); its users join again as a new laptop.
    public void resolveFork(SyncStatus.Fork fork) {
        if (!ui.dialogs().confirm(ui.i18n().t("sync.fork.title"), ui.i18n().t("sync.fork.message", fork.name(),
                fork.seq() - 1), ui.i18n().t("sync.fork.confirm"))) {
            return;
        }
        ui.async().run(() -> trust.reject(fork.replica(), fork.seq() - 1), v -> {
            ui.notices().success(ui.i18n().t("sync.fork.done", v.name()));
            changed();
        });
    }

    private List<String> describe(ImportReceipt r) {
        List<String> lines = new ArrayList<>();
        if (r.repeated() || r.nothingNew() && r.quarantined() == 0) {
            lines.add(ui.i18n().t("sync.receipt.already", r.senderName()));
            return lines;
        }
        for (ImportReceipt.Author a : r.authors()) {
            if (a.newOps() > 0) {
                lines.add(ui.i18n().t("sync.receipt.new", a.newOps() - a.quarantined(), a.name()));
            }
            if (a.quarantined() > 0) {
                lines.add(ui.i18n().t("sync.receipt.waiting", a.quarantined(), a.name()));
            }
            if (a.forks() > 0) {
                lines.add(ui.i18n().t("sync.receipt.forks", a.forks(), a.name()));
            }
            if (a.late() > 0) {
                lines.add(ui.i18n().t("sync.receipt.late", a.late(), a.name()));
            }
        }
        return lines;
    }

    private void start() {
        working.set(true);
        receipt.clear();
        receiptTitle.set(ui.i18n().t("sync.working"));
    }

    private void finish(String titleKey, List<String> lines) {
        working.set(false);
        receiptTitle.set(ui.i18n().t(titleKey));
        receipt.setAll(lines);
        changed();
    }

    private void failed(Throwable e) {
        working.set(false);
        receiptTitle.set(ui.i18n().t("sync.receipt.failedTitle"));
        receipt.setAll(ui.i18n().message(e), ui.i18n().hint(e));
        ui.notices().error(e);
    }

    // ---------------------------------------------------------------- properties

    public BooleanProperty workingProperty() {
        return working;
    }

    public BooleanBinding idleBinding() {
        return idle;
    }

    public StringProperty receiptTitleProperty() {
        return receiptTitle;
    }

    public ObservableList<String> receipt() {
        return receipt;
    }

    public ObjectProperty<SyncStatus.Status> statusProperty() {
        return current;
    }

    public ObservableList<SyncStatus.Laptop> laptops() {
        return laptops;
    }

    public ObservableList<SyncStatus.Laptop> pending() {
        return pending;
    }

    public ObservableList<SyncStatus.Fork> forks() {
        return forks;
    }

    public ObservableList<SyncStatus.Flagged> flagged() {
        return flagged;
    }

    /// The decisions to take, or null if this screen was built without them.
    public ConflictsViewModel conflicts() {
        return conflicts;
    }
}
