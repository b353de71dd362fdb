package coop.minka.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/// The two executors of the desktop app: one background thread for all database work (the
/// database has a single connection) and the FX application thread.
public final class FxExecutors {
    private FxExecutors() {
    }

    public static ExecutorService background() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "minka-books");
            t.setDaemon(true);
            return t;
        });
    }

    public static Executor fx() {
        return r -> {
            if (Platform.isFxApplicationThread()) {
                r.run();
            } else {
                Platform.runLater(r);
            }
        };
    }
}
