package coop.minka.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// A large button with an icon, a title and a line of explanation that wraps at any text size
/// (a plain [javafx.scene.control.Button] sizes wrapped text in its graphic badly). Clicked with
/// the mouse, or with Enter or Space when it has the keyboard.
public final class Tile extends HBox {
    public Tile(Feather icon, String title, String help, Runnable action) {
        super(18);
        getStyleClass().addAll("button", "choice-tile");
        setAccessibleRole(AccessibleRole.BUTTON);
        setAccessibleText(title);
        setFocusTraversable(true);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(16, 20, 16, 20));
        Label t = new Label(title);
        t.getStyleClass().add("tile-title");
        t.setWrapText(true);
        t.setMinHeight(Region.USE_PREF_SIZE);
        Label h = new Label(help);
        h.getStyleClass().add("tile-help");
        h.setWrapText(true);
        h.setMinHeight(Region.USE_PREF_SIZE);
        VBox text = new VBox(4, t, h);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(Icons.big(icon), text);
        setMaxWidth(Double.MAX_VALUE);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && !isDisabled()) {
                requestFocus();
                action.run();
            }
        });
        setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && !isDisabled()) {
                action.run();
                e.consume();
            }
        });
    }
}
