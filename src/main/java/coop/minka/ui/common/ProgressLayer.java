package coop.minka.ui.common;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/// Covers the window while long work runs ([Working]): what is being done, a bar (moving when
/// the work says how far it is, sliding when it cannot) and Cancel when the work can be stopped.
/// Quick work does not flash it: it appears after a short moment unless asked at once.
public final class ProgressLayer extends StackPane {
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
        cancel.setCancelButton(true);
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
        wait.setOnFinished(e -> {
            if (working.showingProperty().get()) {
                setVisible(true);
                cancel.requestFocus();
            }
        });
        working.showingProperty().addListener((o, a, b) -> {
            if (b && working.immediateProperty().get()) {
                setVisible(true);
            } else if (b) {
                wait.playFromStart();
            } else {
                wait.stop();
                setVisible(false);
            }
        });
        if (working.showingProperty().get()) {
            setVisible(true);
        }
    }
}
