package coop.minka.ui.main;

import atlantafx.base.theme.Styles;
import coop.minka.domain.Person;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Icons;
import coop.minka.ui.common.Labels;
import coop.minka.ui.common.Views;
import coop.minka.ui.common.WhoIsWorking;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The bar at the top of the window once the cooperative has people: while nobody works, "choose
/// your name and type your PIN" (reading needs nobody); then "Working: NAME (roles)" and Lock.
final class UnlockBar extends StackPane {
    private final WhoIsWorking who;
    private final I18n i18n;
    private final ComboBox<Person> name = new ComboBox<>();
    private final PasswordField pin = new PasswordField();

    UnlockBar(WhoIsWorking who, I18n i18n) {
        this.who = who;
        this.i18n = i18n;
        setId("unlock-bar");
        VBox locked = locked();
        HBox working = working();
        locked.visibleProperty().bind(who.lockedBinding());
        locked.managedProperty().bind(locked.visibleProperty());
        working.visibleProperty().bind(who.byProperty().isNotNull());
        working.managedProperty().bind(working.visibleProperty());
        getChildren().addAll(locked, working);
        visibleProperty().bind(who.anyProperty());
        managedProperty().bind(visibleProperty());
        getStyleClass().add("unlock-bar");
        who.byProperty().addListener((o, a, b) -> {
            pin.clear();
            if (b == null && getScene() != null) {
                Views.focusWhenShown(who.people().size() == 1 ? pin : name);
            }
        });
    }

    private VBox locked() {
        Label say = new Label(i18n.t("unlock.prompt"), Icons.of(Feather.LOCK));
        say.setWrapText(true);
        say.setMinWidth(160);
        say.setMinHeight(Region.USE_PREF_SIZE);
        say.getStyleClass().add("unlock-prompt");
        name.setId("unlock-name");
        name.setItems(who.people());
        Views.labelled(name, Person::name, i18n.t("unlock.chooseName"));
        name.setPromptText(i18n.t("unlock.chooseName"));
        name.setMinWidth(Region.USE_PREF_SIZE);
        who.people().addListener((javafx.collections.ListChangeListener<Person>) c -> {
            if (who.people().size() == 1) {
                name.setValue(who.people().getFirst());
            }
        });
        if (who.people().size() == 1) {
            name.setValue(who.people().getFirst());
        }
        pin.setId("unlock-pin");
        pin.setPromptText(i18n.t("unlock.pin"));
        pin.setPrefColumnCount(8);
        pin.setMinWidth(Region.USE_PREF_SIZE);
        pin.setOnAction(e -> submit());
        Button go = Views.primary(i18n, "unlock.action", Feather.UNLOCK, this::submit);
        go.setId("unlock-go");
        go.disableProperty().bind(name.valueProperty().isNull().or(pin.textProperty().isEmpty()));
        // the prompt wraps when the text is large, the name, PIN and button keep their size
        HBox row = new HBox(10, say, name, pin, go);
        row.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("unlock-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(who.unlockErrorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(4, row, error);
        box.setPadding(new Insets(8, 16, 8, 16));
        return box;
    }

    private void submit() {
        if (name.getValue() != null && !pin.getText().isEmpty()) {
            who.unlock(name.getValue(), pin.getText());
            pin.clear();
        }
    }

    private HBox working() {
        Label l = new Label("", Icons.of(Feather.USER_CHECK));
        l.setId("unlock-working");
        l.setWrapText(true);
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            Person p = who.byProperty().get();
            return p == null ? "" : i18n.t("unlock.working", p.name(), Labels.roles(i18n, p.roles()));
        }, who.byProperty()));
        l.getStyleClass().add(Styles.TEXT_BOLD);
        Button lock = Views.button(i18n, "unlock.lock", Feather.LOCK, who::lock);
        lock.setId("unlock-lock");
        Views.tip(lock, i18n.t("unlock.lockTip", WhoIsWorking.IDLE.toMinutes()));
        HBox h = new HBox(12, l, Views.grow(), lock);
        h.setAlignment(Pos.CENTER_LEFT);
        h.setPadding(new Insets(6, 16, 6, 16));
        return h;
    }
}
