package coop.minka.ui.common;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/// Real dialogs over the main window, in the user's language and text size.
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final I18n i18n;
    private final Supplier<String> rootStyle;

    public FxDialogService(Supplier<Window> owner, I18n i18n, Supplier<String> rootStyle) {
        this.owner = owner;
        this.i18n = i18n;
        this.rootStyle = rootStyle;
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        Dialog<ButtonType> d = dialog(title);
        Label text = wrapped(message);
        d.getDialogPane().setContent(text);
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(yes, cancel());
        return d.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String message, String action) {
        Dialog<ButtonType> d = dialog(title);
        TextField field = new TextField();
        field.setPrefColumnCount(30);
        VBox box = new VBox(10, wrapped(message), field);
        d.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, cancel());
        d.getDialogPane().lookupButton(ok).disableProperty().bind(field.textProperty().isEmpty());
        d.setOnShown(e -> field.requestFocus());
        return d.showAndWait().filter(b -> b == ok).map(b -> field.getText().strip()).filter(s -> !s.isEmpty());
    }

    @Override
    public boolean confirmFingerprint(String title, String laptopName, String fingerprint) {
        Dialog<ButtonType> d = dialog(title);
        Label name = new Label(laptopName);
        name.getStyleClass().add(Styles.TITLE_3);
        Label fp = new Label(fingerprint);
        fp.getStyleClass().add("fingerprint");
        VBox box = new VBox(14, wrapped(i18n.t("admit.explain")), name, fp, wrapped(i18n.t("admit.question")));
        box.setPadding(new Insets(6));
        d.getDialogPane().setContent(box);
        ButtonType yes = new ButtonType(i18n.t("admit.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.t("admit.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(yes, no);
        return d.showAndWait().filter(b -> b == yes).isPresent();
    }

    /// The second person's name from a list and their PIN (digits, never shown); Enter confirms.
    @Override
    public Optional<SecondPerson> askSecondPerson(String title, String message, java.util.List<String> names) {
        Dialog<ButtonType> d = dialog(title);
        d.setGraphic(Icons.big(Feather.USERS));
        javafx.scene.control.ComboBox<String> name = new javafx.scene.control.ComboBox<>();
        name.setId("second-name");
        name.getItems().setAll(names);
        if (names.size() == 1) {
            name.setValue(names.getFirst());
        }
        name.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.PasswordField pin = new javafx.scene.control.PasswordField();
        pin.setId("second-pin");
        pin.setPrefColumnCount(12);
        VBox box = new VBox(10, wrapped(message), Views.field(i18n, "second.name", name, null),
                Views.field(i18n, "second.pin", pin, null));
        d.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(i18n.t("second.action"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, cancel());
        d.getDialogPane().lookupButton(ok).disableProperty().bind(name.valueProperty().isNull()
                .or(pin.textProperty().isEmpty()));
        d.setOnShown(e -> (names.size() == 1 ? pin : name).requestFocus());
        return d.showAndWait().filter(b -> b == ok).map(b -> new SecondPerson(name.getValue(), pin.getText()));
    }

    @Override
    public Optional<Path> openFile(String title, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (extension != null) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.t("dialog.syncFiles"), "*." + extension));
        }
        return Optional.ofNullable(fc.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(suggestedName);
        return Optional.ofNullable(fc.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        return Optional.ofNullable(dc.showDialog(owner.get())).map(File::toPath);
    }

    /// Opens the file with the computer's own program for it (the PDF viewer), through the
    /// desktop's file associations, else `xdg-open` (Linux) or `open` (macOS).
    @Override
    public void openDocument(Path file) {
        try {
            if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                java.awt.Desktop.getDesktop().open(file.toFile());
                return;
            }
            boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
            new ProcessBuilder(mac ? "open" : "xdg-open", file.toAbsolutePath().toString()).start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Dialog<ButtonType> dialog(String title) {
        Dialog<ButtonType> d = new Alert(Alert.AlertType.NONE);
        d.setTitle(title);
        d.setHeaderText(title);
        d.setGraphic(Icons.big(Feather.HELP_CIRCLE));
        d.initOwner(owner.get());
        d.getDialogPane().setStyle(rootStyle.get());
        d.getDialogPane().setMinWidth(480);
        d.getDialogPane().setMaxWidth(720);
        return d;
    }

    private ButtonType cancel() {
        return new ButtonType(i18n.t("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(640);
        return l;
    }
}
