package coop.minka.ui.common;

import coop.minka.app.Progress;
import java.util.function.Function;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/// Runs service calls off the FX thread and brings their results back onto it. The background
/// executor is a single thread, so database work is serialised; tests pass `Runnable::run` for
/// both executors and get every result synchronously.
public final class Async {
    private final Executor background;
    private final Executor fx;
    private final Notices notices;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final Working working;
    private int running;

    public Async(Executor background, Executor fx, Notices notices) {
        this.background = background;
        this.fx = fx;
        this.notices = notices;
        this.working = new Working(fx);
    }

    /// Runs long `work` in the background with the window's progress layer showing `message`
    /// (and a bar once the work reports steps); `how` says what Cancel does. `done` gets the
    /// result on the FX thread; a failure goes to `failed`, and work stopped by Cancel
    /// ([Progress.Cancelled]) is said to be cancelled and calls neither.
    public <T> void runShowing(String message, Working.Stop how, Function<Progress, T> work, Consumer<T> done,
                               Consumer<Throwable> failed) {
        runShowing(message, how, false, work, done, failed);
    }

    /// Like the other `runShowing`, with `atOnce` true to show the layer without waiting a moment.
    public <T> void runShowing(String message, Working.Stop how, boolean atOnce, Function<Progress, T> work,
                               Consumer<T> done, Consumer<Throwable> failed) {
        Progress p = working.begin(message, how, atOnce);
        run(() -> work.apply(p), r -> {
            working.end(p);
            done.accept(r);
        }, e -> {
            working.end(p);
            if (e instanceof Progress.Cancelled) {
                notices.cancelled();
            } else {
                failed.accept(e);
            }
        });
    }

    /// The long job shown in the window, if any.
    public Working working() {
        return working;
    }

    /// Runs `work` in the background; `done` gets its result on the FX thread; a failure is shown
    /// to the user as a catalogued message.
    public <T> void run(Supplier<T> work, Consumer<T> done) {
        run(work, done, notices::error);
    }

    /// Like [#run(Supplier, Consumer)], but failures go to `failed` (on the FX thread).
    public <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        started();
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                fx.execute(() -> {
                    finished();
                    failed.accept(e);
                });
                return;
            }
            fx.execute(() -> {
                finished();
                done.accept(result);
            });
        });
    }

    /// Runs a command without a result.
    public void exec(Runnable work, Runnable done) {
        run(() -> {
            work.run();
            return Boolean.TRUE;
        }, r -> done.run());
    }

    private void started() {
        running++;
        busy.set(true);
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    /// True while any background work started here is still running.
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Executor fx() {
        return fx;
    }
}
