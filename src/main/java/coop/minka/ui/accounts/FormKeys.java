package coop.minka.ui.accounts;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/// Enter saves a form and Escape cancels it, as on paper forms people know from other programs;
/// not while a list or calendar is open (Enter picks from it, Escape closes it), and Enter not in
/// a text area (it starts a new line there) nor on a button (it presses that button).
final class FormKeys {
    private FormKeys() {
    }

    static void install(Node form, Runnable save, Runnable cancel) {
        form.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER && e.getCode() != KeyCode.ESCAPE || popupOpen(e.getTarget())) {
                return;
            }
            if (e.getCode() == KeyCode.ESCAPE) {
                cancel.run();
                e.consume();
            } else if (!(e.getTarget() instanceof TextArea) && !(e.getTarget() instanceof Button)) {
                save.run();
                e.consume();
            }
        });
    }

    /// Whether the key went to an open drop-down list or calendar (or to a field inside one).
    private static boolean popupOpen(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof ComboBoxBase<?> box && box.isShowing()) {
                return true;
            }
        }
        return false;
    }
}
