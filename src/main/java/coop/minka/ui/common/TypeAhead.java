package coop.minka.ui.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyEvent;

/// Lets a closed combo box be chosen from the keyboard by typing the start of a name ("an"
/// picks Ana), accents and case ignored; a pause of a second starts a new search.
public final class TypeAhead {
    private TypeAhead() {
    }

    public static <T> void install(ComboBox<T> box, Function<T, String> name) {
        StringBuilder typed = new StringBuilder();
        long[] last = {0};
        box.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch == null || ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || e.isControlDown()) {
                return;
            }
            long now = System.nanoTime();
            if (now - last[0] > 1_000_000_000L) {
                typed.setLength(0);
            }
            last[0] = now;
            typed.append(ch);
            String prefix = fold(typed.toString());
            T hit = box.getItems().stream().filter(t -> t != null && fold(name.apply(t)).startsWith(prefix)).findFirst()
                    .orElseGet(() -> box.getItems().stream()
                            .filter(t -> t != null && fold(name.apply(t)).contains(prefix)).findFirst().orElse(null));
            if (hit != null) {
                box.getSelectionModel().select(hit);
            }
            e.consume();
        });
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
