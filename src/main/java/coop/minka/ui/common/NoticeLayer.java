package coop.minka.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/// Shows the latest [Notices.Notice] in the bottom right corner of the window: good news for a
/// few seconds and letting clicks through to what is under it; errors (message and what to do)
/// until closed or for twelve seconds.
public final class NoticeLayer extends VBox {
    public NoticeLayer(Notices notices) {
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setPadding(new Insets(16, 20, 20, 16));
        setMaxWidth(480);
        setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.BOTTOM_RIGHT);
        notices.latestProperty().addListener((o, a, b) -> show(b));
    }

    private void show(Notices.Notice n) {
        if (n == null) {
            return;
        }
        String text = n.hint().isEmpty() ? n.text() : n.text() + "\n" + n.hint();
        Feather icon = switch (n.kind()) {
            case SUCCESS -> Feather.CHECK_CIRCLE;
            case INFO -> Feather.INFO;
            case ERROR -> Feather.ALERT_OCTAGON;
        };
        Notification note = new Notification(text, Icons.of(icon));
        note.getStyleClass().addAll(Styles.ELEVATED_2, switch (n.kind()) {
            case SUCCESS -> Styles.SUCCESS;
            case INFO -> Styles.ACCENT;
            case ERROR -> Styles.DANGER;
        });
        note.setId("notice");
        note.setPrefWidth(440);
        note.setMaxHeight(Region.USE_PREF_SIZE);
        note.setOnClose(e -> getChildren().remove(note));
        note.setMouseTransparent(n.kind() != Notices.Kind.ERROR);
        getChildren().setAll(note);
        PauseTransition hide = new PauseTransition(Duration.seconds(n.kind() == Notices.Kind.ERROR ? 12 : 4));
        hide.setOnFinished(e -> getChildren().remove(note));
        hide.play();
    }
}
