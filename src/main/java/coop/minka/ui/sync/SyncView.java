package coop.minka.ui.sync;

import atlantafx.base.theme.Styles;
import coop.minka.app.sync.SyncStatus;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Icons;
import coop.minka.ui.common.Tile;
import coop.minka.ui.common.Views;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The sync screen: the big button, the receipt, the laptops and what needs a look.
public final class SyncView extends BorderPane {
    private final SyncViewModel vm;
    private final I18n i18n;
    private final VBox attention = new VBox(8);
    private final VBox revoked = new VBox(6);

    public SyncView(SyncViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("screen");
        setTop(Views.title(i18n, "nav.sync"));
        VBox content = new VBox(16, bigAction(), receipt(), laptops(), attentionCard());
        if (vm.conflicts() != null) {
            content.getChildren().add(2, new ConflictsCard(vm.conflicts(), i18n));
        }
        content.setPadding(new Insets(12, 4, 12, 0));
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        setCenter(sp);
        vm.statusProperty().addListener((o, a, b) -> {
            renderAttention(b);
            renderRevoked(b);
        });
        renderAttention(vm.statusProperty().get());
        renderRevoked(vm.statusProperty().get());
    }

    private VBox bigAction() {
        Tile big = new Tile(Feather.REFRESH_CW, i18n.t("sync.big"), i18n.t("sync.bigHelp"), vm::syncWithFolder);
        big.setId("sync-folder");
        big.getStyleClass().addAll(Styles.ACCENT, "sync-big");
        big.disableProperty().bind(vm.workingProperty());
        Button imp = Views.button(i18n, "sync.importFile", Feather.DOWNLOAD, vm::importFile);
        imp.disableProperty().bind(vm.workingProperty());
        Button all = Views.button(i18n, "sync.exportAll", Feather.UPLOAD, () -> vm.exportFor(null));
        all.disableProperty().bind(vm.workingProperty());
        Views.tip(all, i18n.t("sync.exportAllHelp"));
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(vm.workingProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return new VBox(12, big, bar, new javafx.scene.layout.FlowPane(12, 8, imp, all));
    }

    private VBox receipt() {
        Label title = new Label();
        title.textProperty().bind(vm.receiptTitleProperty());
        title.getStyleClass().add(Styles.TITLE_4);
        VBox lines = new VBox(6);
        lines.setId("sync-receipt");
        vm.receipt().addListener((ListChangeListener<String>) c -> lines.getChildren().setAll(vm.receipt().stream()
                .map(s -> {
                    Label l = new Label(s, Icons.of(Feather.CHEVRON_RIGHT));
                    l.setWrapText(true);
                    return l;
                }).toList()));
        VBox card = new VBox(10, title, lines);
        card.getStyleClass().add("form-card");
        card.setPadding(new Insets(16));
        card.visibleProperty().bind(Bindings.isNotEmpty(vm.receipt()).or(vm.workingProperty()));
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private VBox laptops() {
        revoked.setId("sync-revoked");
        revoked.managedProperty().bind(revoked.visibleProperty());
        TableView<SyncStatus.Laptop> t = new TableView<>(vm.laptops());
        t.setId("sync-laptops");
        TableColumn<SyncStatus.Laptop, String> name = Views.column(i18n, "sync.col.laptop", SyncStatus.Laptop::name, s -> s);
        TableColumn<SyncStatus.Laptop, String> status = Views.column(i18n, "sync.col.status", this::shownStatus,
                this::statusText);
        TableColumn<SyncStatus.Laptop, String> fp = Views.column(i18n, "sync.col.fingerprint",
                SyncStatus.Laptop::fingerprint, s -> s);
        TableColumn<SyncStatus.Laptop, Long> last = Views.column(i18n, "sync.col.last", SyncStatus.Laptop::lastReceivedAt,
                ms -> i18n.dateTime(java.time.Instant.ofEpochMilli(ms)));
        TableColumn<SyncStatus.Laptop, Long> held = Views.numberColumn(i18n, "sync.col.entries", SyncStatus.Laptop::held,
                String::valueOf);
        // the laptop's name and the time of its last file wrap onto two lines rather than be cut
        Views.wrapping(name, s -> s);
        Views.wrapping(status, this::statusText); // "Espera ser admitida" on two lines
        Views.wrapping(last, ms -> i18n.dateTime(java.time.Instant.ofEpochMilli(ms)));
        t.getColumns().setAll(List.of(name, status, fp, last, held));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPrefHeight(220);
        Views.placeholder(t, i18n, "sync.noLaptops");
        var sel = t.getSelectionModel().selectedItemProperty();
        Button admit = Views.primary(i18n, "sync.admit", Feather.USER_CHECK, () -> vm.admit(sel.get()));
        admit.setId("sync-admit");
        admit.disableProperty().bind(Bindings.createBooleanBinding(() -> sel.get() == null
                || !"pending".equals(sel.get().status()), sel));
        Button reject = Views.button(i18n, "sync.reject.action", Feather.USER_X, () -> vm.reject(sel.get()));
        reject.disableProperty().bind(Bindings.createBooleanBinding(() -> sel.get() == null
                || "founder".equals(sel.get().status()) || "revoked".equals(sel.get().status()), sel));
        Button revoke = Views.button(i18n, "sync.revoke.action", Feather.SLASH, () -> vm.revoke(sel.get()));
        revoke.setId("sync-revoke");
        revoke.disableProperty().bind(Bindings.createBooleanBinding(() -> sel.get() == null
                || !("founder".equals(sel.get().status()) || "admitted".equals(sel.get().status())), sel)
                .or(vm.workingProperty()));
        Button export = Views.button(i18n, "sync.exportFor", Feather.UPLOAD, () -> vm.exportFor(sel.get()));
        export.disableProperty().bind(sel.isNull().or(vm.workingProperty()));
        javafx.scene.control.Label help = Views.muted(i18n.t("sync.laptopsHelp"));
        // widths in the text size the person chose, so the fingerprint (compared aloud before
        // admitting a laptop) and the status are never cut to "…" at 150 %
        Views.inEms(help.fontProperty(), em -> sizeColumns(em, name, status, fp, last, held));
        VBox card = new VBox(10, Views.heading(i18n, "sync.laptops"), help, t,
                new javafx.scene.layout.FlowPane(12, 8, admit, reject, revoke, export), revoked);
        card.getStyleClass().add("form-card");
        card.setPadding(new Insets(16));
        return card;
    }

    /// The fingerprint and the status whole (a table too narrow cuts the name and the date instead).
    private static void sizeColumns(double em, TableColumn<?, ?> name, TableColumn<?, ?> status, TableColumn<?, ?> fp,
                                    TableColumn<?, ?> last, TableColumn<?, ?> held) {
        name.setPrefWidth(Math.ceil(13 * em));
        status.setMinWidth(Math.ceil(6.5 * em));
        status.setPrefWidth(Math.ceil(6.5 * em));
        fp.setMinWidth(Math.ceil(15.5 * em));
        fp.setPrefWidth(Math.ceil(15.5 * em));
        last.setPrefWidth(Math.ceil(11 * em));
        held.setMinWidth(Math.ceil(6.5 * em));
        held.setPrefWidth(Math.ceil(6.5 * em));
    }

    /// The status wire value, or `revoked-lost` for a laptop revoked with a reason (lost, stolen),
    /// as against one refused before it was ever admitted.
    private String shownStatus(SyncStatus.Laptop l) {
        SyncStatus.Status s = vm.statusProperty().get();
        boolean withReason = s != null && s.revoked().stream()
                .anyMatch(r -> r.replica().equals(l.id()) && r.reason() != null);
        return withReason ? "revoked-lost" : l.status();
    }

    /// The revoked laptops: why, when and by which laptop, what still counts and what is held.
    private void renderRevoked(SyncStatus.Status s) {
        revoked.getChildren().clear();
        if (s != null) {
            for (var r : s.revoked()) {
                if (r.reason() != null) {
                    Label l = new Label(i18n.t("sync.revokedLine", r.name(),
                            i18n.dateTime(java.time.Instant.ofEpochMilli(r.revokedAt())), r.reason()),
                            Icons.of(Feather.SLASH));
                    l.setWrapText(true);
                    Label by = Views.muted(i18n.t("sync.revokedBy", r.byName(), r.name(), r.upTo()));
                    by.setWrapText(true);
                    revoked.getChildren().addAll(l, by);
                }
                if (r.heldAfter() > 0 && (r.reason() != null || r.upTo() > 0)) {
                    revoked.getChildren().add(warn(i18n.t("sync.heldAfterRevocation", r.heldAfter(), r.name(),
                            r.upTo())));
                }
            }
        }
        revoked.setVisible(!revoked.getChildren().isEmpty());
    }

    private String statusText(String wire) {
        return switch (wire) {
            case "revoked-lost" -> i18n.t("sync.status.revokedLost");
            case "founder" -> i18n.t("sync.status.founder");
            case "admitted" -> i18n.t("sync.status.admitted");
            case "pending" -> i18n.t("sync.status.pending");
            case "impostor" -> i18n.t("sync.status.impostor");
            case SyncStatus.ROTATED -> i18n.t("sync.status.rotated");
            default -> i18n.t("sync.status.revoked");
        };
    }

    private VBox attentionCard() {
        VBox card = new VBox(10, Views.heading(i18n, "sync.attention"), attention);
        card.getStyleClass().add("form-card");
        card.setPadding(new Insets(16));
        return card;
    }

    private void renderAttention(SyncStatus.Status s) {
        attention.getChildren().clear();
        if (s == null) {
            return;
        }
        boolean any = false;
        for (var p : s.pending()) {
            attention.getChildren().add(warn(i18n.t("sync.att.pending", p.name(), p.held())));
            any = true;
        }
        for (var f : s.forks()) {
            boolean resolved = s.laptops().stream()
                    .anyMatch(l -> l.id().equals(f.replica()) && "revoked".equals(l.status()));
            if (resolved) {
                continue; // decided: the laptop is rejected, its entries before the copy still count
            }
            Button resolve = new Button(i18n.t("sync.fork.action"));
            resolve.setOnAction(e -> vm.resolveFork(f));
            resolve.disableProperty().bind(vm.idleBinding().not());
            attention.getChildren().add(new VBox(6, warn(i18n.t("sync.att.fork", f.name(), f.seq())), resolve));
            any = true;
        }
        for (var f : s.late()) {
            attention.getChildren().add(warn(i18n.t("sync.att.late", f.name(), f.seq())));
            any = true;
        }
        for (var f : s.farAhead()) {
            attention.getChildren().add(warn(i18n.t("sync.att.farAhead", f.name())));
            any = true;
        }
        if (s.conflicts() > 0) {
            attention.getChildren().add(warn(i18n.t("sync.att.conflicts", s.conflicts())));
            any = true;
        }
        for (var l : s.impostors()) {
            attention.getChildren().add(warn(i18n.t("sync.att.impostor", l.name(), l.fingerprint())));
            any = true;
        }
        for (var v : s.invalid()) {
            attention.getChildren().add(warn(i18n.t("sync.att.invalid", v.name(), v.seq(),
                    i18n.t(coop.minka.ui.common.Labels.invalidKey(v.reason())))));
            any = true;
        }
        if (s.waiting() > 0) {
            attention.getChildren().add(warn(i18n.t("sync.att.waiting", s.waiting())));
            any = true;
        }
        if (!any) {
            Label ok = new Label(i18n.t("sync.att.none"), Icons.of(Feather.CHECK_CIRCLE));
            ok.getStyleClass().add(Styles.SUCCESS);
            ok.setWrapText(true);
            attention.getChildren().add(ok);
        }
    }

    private Label warn(String text) {
        Label l = new Label(text, Icons.of(Feather.ALERT_TRIANGLE));
        l.setWrapText(true);
        l.getStyleClass().add(Styles.WARNING);
        return l;
    }
}
