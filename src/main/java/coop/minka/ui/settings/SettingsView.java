package coop.minka.ui.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import coop.minka.ui.common.DateField;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Views;
import coop.minka.ui.common.settings.Preferences;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// Settings: appearance, the cooperative's details, this laptop, closing the books (with the late
/// entries to review), backups.
public final class SettingsView extends BorderPane {
    private final SettingsViewModel vm;
    private final I18n i18n;
    private final GridPane aboutGrid = new GridPane();

    public SettingsView(SettingsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("screen");
        setTop(Views.title(i18n, "nav.settings"));
        VBox content = new VBox(16, appearance(), details(), security(), about(), closing(), backups());
        content.setPadding(new Insets(12, 4, 12, 0));
        content.setMaxWidth(860);
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        setCenter(sp);
        vm.aboutProperty().addListener((o, a, b) -> renderAbout(b));
        renderAbout(vm.aboutProperty().get());
    }

    private VBox appearance() {
        ComboBox<Locale> lang = new ComboBox<>();
        lang.setId("settings-language");
        lang.setPrefWidth(280);
        lang.getItems().setAll(vm.languages());
        Views.labelled(lang, I18n::languageName, "");
        lang.setValue(vm.languageProperty().get());
        lang.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.chooseLanguage(b);
            }
        });
        ToggleSwitch dark = new ToggleSwitch(i18n.t("settings.dark"));
        dark.selectedProperty().bindBidirectional(vm.darkProperty());
        ComboBox<Integer> size = new ComboBox<>();
        for (int s : Preferences.TEXT_SCALES) {
            size.getItems().add(s);
        }
        Views.labelled(size, s -> s + " %", "");
        size.setPrefWidth(280);
        size.setValue(vm.textScaleProperty().get());
        size.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.textScaleProperty().set(b);
            }
        });
        vm.textScaleProperty().addListener((o, a, b) -> size.setValue(b.intValue()));
        var l = Views.field(i18n, "settings.language", lang, null);
        var t = Views.field(i18n, "settings.textSize", size, null);
        lang.setMaxWidth(320);
        size.setMaxWidth(320);
        return card("settings.appearance", new javafx.scene.layout.FlowPane(24, 12, l, t), dark);
    }

    private VBox about() {
        aboutGrid.setHgap(20);
        aboutGrid.setVgap(8);
        return card("settings.about", aboutGrid);
    }

    private void renderAbout(SettingsViewModel.About a) {
        aboutGrid.getChildren().clear();
        if (a == null) {
            return;
        }
        int r = 0;
        r = fact(r, "settings.coopName", a.coopName());
        r = fact(r, "settings.currency", a.currency());
        r = fact(r, "settings.created", i18n.dateTime(a.created()));
        r = fact(r, "settings.laptopName", a.laptopName());
        Label fp = new Label(a.fingerprint());
        fp.getStyleClass().add("fingerprint");
        fp.setId("settings-fingerprint");
        aboutGrid.addRow(r++, key("settings.fingerprint"), fp);
        r = fact(r, "settings.file", a.databaseFile());
        aboutGrid.add(Views.muted(i18n.t("settings.fingerprintHelp")), 0, r, 2, 1);
    }

    private int fact(int row, String key, String value) {
        Label v = new Label(value == null ? "" : value);
        v.setWrapText(true);
        aboutGrid.addRow(row, key(key), v);
        return row + 1;
    }

    private Label key(String k) {
        Label l = new Label(i18n.t(k));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private VBox backups() {
        if (!vm.backupsAvailable()) {
            return card("settings.backups", Views.muted(i18n.t("settings.backups.unavailable")));
        }
        ListView<SettingsViewModel.Backup> list = new ListView<>(vm.backups());
        list.setPrefHeight(200);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(SettingsViewModel.Backup b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : i18n.t("settings.backup.line", i18n.dateTime(b.at()),
                        Math.max(1, b.bytes() / 1024)));
            }
        });
        list.setPlaceholder(Views.muted(i18n.t("settings.backups.none")));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedBackupProperty().set(b));
        Button make = Views.primary(i18n, "settings.backup.now", Feather.SAVE, vm::backupNow);
        Button restore = Views.button(i18n, "settings.restore.action", Feather.ROTATE_CCW, vm::restoreSelected);
        restore.disableProperty().bind(vm.selectedBackupProperty().isNull());
        restore.setId("settings-restore");
        Button fromFile = Views.button(i18n, "settings.restoreFile.action", Feather.FOLDER, vm::restoreFromFile);
        fromFile.setId("settings-restore-file");
        make.setId("settings-backup-now");
        return card("settings.backups", Views.muted(i18n.t("settings.backups.help")), list,
                Views.wrappingRow(make, restore, fromFile));
    }

    /// The cooperative's name and languages, editable; the currency editable only while no money
    /// exists, otherwise shown read-only with the reason (design notes 25).
    private VBox details() {
        TextField name = new TextField();
        name.setId("settings-coop-name");
        name.textProperty().bindBidirectional(vm.coopNameProperty());
        name.setPrefColumnCount(28);
        TextField langs = new TextField();
        langs.setId("settings-coop-languages");
        langs.textProperty().bindBidirectional(vm.coopLanguagesProperty());
        langs.setPrefColumnCount(12);
        TextField currency = new TextField();
        currency.setId("settings-coop-currency");
        currency.textProperty().bindBidirectional(vm.coopCurrencyProperty());
        currency.setPrefColumnCount(5);
        Label currencyNote = Views.muted("");
        currencyNote.setId("settings-coop-currency-note");
        currencyNote.setWrapText(true);
        Runnable showCurrency = () -> {
            SettingsViewModel.Details d = vm.detailsProperty().get();
            currency.setDisable(d == null || d.currencyFixed());
            currency.setEditable(d != null && !d.currencyFixed());
            currencyNote.setText(d == null ? "" : i18n.t(d.currencyFixed() ? "settings.details.currencyFixed"
                    : "settings.details.currencyOpen"));
        };
        vm.detailsProperty().addListener((o, a, b) -> showCurrency.run());
        showCurrency.run();
        Button save = Views.primary(i18n, "settings.details.save", Feather.CHECK, vm::saveDetails);
        save.setId("settings-coop-save");
        save.disableProperty().bind(vm.detailsProperty().isNull());
        return card("settings.details", new javafx.scene.layout.FlowPane(24, 12,
                Views.field(i18n, "settings.details.name", name, null),
                Views.field(i18n, "settings.details.languages", langs, null),
                Views.field(i18n, "settings.details.currency", currency, null)),
                Views.muted(i18n.t("settings.details.languagesHelp")), currencyNote, save);
    }

    /// Sync files that are safe to lose: the encryption switch and writing the recovery key.
    private VBox security() {
        ToggleSwitch on = new ToggleSwitch(i18n.t("settings.security.switch"));
        on.setId("settings-encryption");
        on.selectedProperty().bindBidirectional(vm.encryptionProperty());
        on.selectedProperty().addListener((o, a, b) -> vm.setEncryption(b));
        Label status = new Label();
        status.setId("settings-encryption-status");
        status.setWrapText(true);
        Button write = Views.button(i18n, "settings.security.write", Feather.KEY, vm::writeRecoveryKey);
        write.setId("settings-recovery-key");
        Runnable show = () -> {
            SettingsViewModel.Security s = vm.securityProperty().get();
            status.setText(s == null ? "" : i18n.t(!s.on() ? "settings.security.off"
                    : s.recoveryKeptHere() ? "settings.security.onWriteKey" : "settings.security.on"));
            write.setDisable(s == null || !s.on() || !s.recoveryKeptHere());
        };
        vm.securityProperty().addListener((o, a, b) -> show.run());
        show.run();
        return card("settings.security", on, status, Views.muted(i18n.t("settings.security.help")), write);
    }

    /// Closing the books: up to when, the history, a close with a confirmation, and the late
    /// entries to accept or void.
    private VBox closing() {
        Label status = new Label();
        status.setId("settings-closed-up-to");
        status.setWrapText(true);
        Runnable showStatus = () -> status.setText(vm.closedUpToProperty().get() == null
                ? i18n.t("settings.close.never") : i18n.t("settings.close.upTo", i18n.date(vm.closedUpToProperty().get())));
        vm.closedUpToProperty().addListener((o, a, b) -> showStatus.run());
        showStatus.run();
        VBox history = new VBox(4);
        Runnable showHistory = () -> history.getChildren().setAll(vm.closeHistory().stream()
                .map(c -> (javafx.scene.Node) Views.muted(i18n.t("settings.close.historyLine", i18n.date(c.to()), c.laptop(),
                        i18n.dateTime(c.at())))).toList());
        vm.closeHistory().addListener((javafx.collections.ListChangeListener<SettingsViewModel.CloseRow>) c -> showHistory.run());
        showHistory.run();
        DateField to = new DateField(i18n, false, vm.closeToProperty().get());
        to.valueProperty().bindBidirectional(vm.closeToProperty());
        DatePicker picker = Views.datePicker(to);
        picker.setId("settings-close-to");
        Button close = Views.primary(i18n, "settings.close.action", Feather.LOCK, vm::closeBooks);
        close.setId("settings-close");
        ListView<SettingsViewModel.Late> late = new ListView<>(vm.late());
        late.setId("settings-late");
        late.setPrefHeight(180);
        late.setPlaceholder(Views.muted(i18n.t("settings.late.none")));
        late.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(SettingsViewModel.Late l, boolean empty) {
                super.updateItem(l, empty);
                if (empty || l == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                String figure = l.tx() ? i18n.money(l.figure()) : i18n.t("settings.late.minutes", l.figure());
                Label text = new Label(i18n.t("settings.late.line", l.date() == null ? "" : i18n.date(l.date()), l.what(),
                        figure));
                text.setWrapText(true);
                text.setMaxWidth(480);
                Label state = new Label(i18n.t(switch (l.state()) {
                    case WAITING -> "settings.late.state.waiting";
                    case ACCEPTED -> "settings.late.state.accepted";
                    case VOIDED -> "settings.late.state.voided";
                }));
                state.getStyleClass().add(l.state() == SettingsViewModel.LateState.WAITING ? Styles.WARNING : Styles.TEXT_MUTED);
                Label from = Views.muted(i18n.t("settings.late.from", l.laptop()));
                javafx.scene.layout.HBox row = Views.row(text, from, Views.grow(), state);
                if (l.state() == SettingsViewModel.LateState.WAITING) {
                    Button accept = Views.button(i18n, "settings.late.accept", Feather.CHECK, () -> vm.acceptLate(l));
                    Button voidIt = Views.button(i18n, "settings.late.void", Feather.X, () -> vm.voidLate(l));
                    row.getChildren().addAll(accept, voidIt);
                }
                setText(null);
                setGraphic(row);
            }
        });
        return card("settings.close", status, history, Views.muted(i18n.t("settings.close.help")),
                Views.wrappingRow(Views.field(i18n, "settings.close.to", picker, to.noticeProperty()), close),
                Views.heading(i18n, "settings.late"), Views.muted(i18n.t("settings.late.help")), late);
    }

    private VBox card(String key, javafx.scene.Node... body) {
        VBox v = new VBox(12, Views.heading(i18n, key));
        v.getChildren().addAll(body);
        v.getStyleClass().add("form-card");
        v.setPadding(new Insets(16));
        return v;
    }
}
