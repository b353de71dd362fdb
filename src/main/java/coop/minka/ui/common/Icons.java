package coop.minka.ui.common;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/// Feather icons at the sizes Minka uses.
public final class Icons {
    private Icons() {
    }

    public static FontIcon of(Feather icon) {
        return new FontIcon(icon);
    }

    public static FontIcon big(Feather icon) {
        FontIcon f = new FontIcon(icon);
        f.getStyleClass().add("big-icon");
        return f;
    }
}
