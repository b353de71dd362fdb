package coop.minka.ui.common;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/// Covers the window while long work runs ([Working]): what is being done, a bar (moving when
/// the work says how far it is, sliding when it cannot) and Cancel when the work can be stopped.
/// Quick work does not flash it: it appears after a short moment unless asked at once.
public final class ProgressLayer extends StackPane {
    private static final PseudoClass AT_ONCE = PseudoClass.getPseudoClass("at-once");
    private javafx.scene.Node focusBefore;
    private final PauseTransition wait = new PauseTransition(Duration.millis(350));

    public ProgressLayer(Working working, I18n i18n) {
        getStyleClass().add("progress-layer");
        setId("progress-layer");
        Label message = new Label();
        message.setId("progress-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TITLE_4);
        message.textProperty().bind(working.messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("progress-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(working.fractionProperty());
        Label note = new Label();
        note.setWrapText(true);
        note.setId("progress-note");
        note.textProperty().bind(working.noteProperty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Button cancel = new Button();
        cancel.setId("progress-cancel");
        cancel.textProperty().bind(i18n.bind("action.cancel"));
        cancel.visibleProperty().bind(working.stopProperty().isNotEqualTo(Working.Stop.NONE));
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.disableProperty().bind(working.stoppingProperty());
        cancel.setOnAction(e -> working.cancel(i18n.t(working.stopProperty().get() == Working.Stop.CANCEL
                ? "progress.stopping" : "progress.finishing")));
        HBox buttons = new HBox(cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(14, message, bar, note, buttons);
        card.getStyleClass().addAll("progress-card", Styles.ELEVATED_2);
        card.setPadding(new Insets(24));
        card.setMaxWidth(520);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        getChildren().add(card);
        setVisible(false);
        setFocusTraversable(false);
        // Escape is Cancel while the layer is up (not a scene-wide cancel button, which would take
        // Escape from the screens' own forms)
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && isVisible() && cancel.isVisible() && !cancel.isDisabled()) {
                cancel.fire();
                e.consume();
            }
        });
        // quick work does not flash the layer; opening the books shows it lightly, without the shade
        working.immediateProperty().addListener((o, a, b) -> pseudoClassStateChanged(AT_ONCE, b));
        wait.setOnFinished(e -> {
            if (working.showingProperty().get()) {
                setVisible(true);
                takeKeyboard(cancel);
            }
        });
        working.showingProperty().addListener((o, a, b) -> {
            if (b && working.immediateProperty().get()) {
                setVisible(true);
                takeKeyboard(cancel);
            } else if (b) {
                wait.playFromStart();
            } else {
                wait.stop();
                setVisible(false);
                giveKeyboardBack();
            }
        });
        if (working.showingProperty().get()) {
            setVisible(true);
        }
    }

    /// Back to where it was before the layer came up, if that is still in the window.
    private void giveKeyboardBack() {
        javafx.scene.Node before = focusBefore;
        focusBefore = null;
        if (getScene() == null || !isFocusWithin()) {
            return;
        }
        if (before != null && before.getScene() == getScene()) {
            before.requestFocus();
        } else if (getParent() != null) {
            getParent().requestFocus(); // never left on a hidden button
        }
    }

    /// While the layer is up, the keyboard is on it, not in a field under it.
    private void takeKeyboard(Button cancel) {
        if (getScene() != null && !isFocusWithin() && cancel.isVisible()) {
            focusBefore = getScene().getFocusOwner();
        }
        if (cancel.isVisible()) { // with nothing to cancel (opening the books) nothing is under it
            cancel.requestFocus();
        }
    }
}
