package coop.minka.ui.common;

import coop.minka.app.Progress;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The one long job the window shows in its [ProgressLayer]: what is being done, how far it is
/// (a fraction, or -1 when unknown) and whether the person can stop it. Cancel is honest: work
/// that can stop safely ([Stop#CANCEL]) stops and leaves nothing behind; work that cannot
/// ([Stop#FINISH], one database transaction) says it is finishing and does.
public final class Working {
    /// What the Cancel button can do for a job.
    public enum Stop {
        /// the work stops at the next safe point and leaves nothing half-done
        CANCEL,
        /// the work cannot stop half-way; Cancel only says that it is finishing
        FINISH,
        /// no Cancel button (opening the books)
        NONE
    }

    private final Executor fx;
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final DoubleProperty fraction = new SimpleDoubleProperty(-1);
    private final BooleanProperty showing = new SimpleBooleanProperty(false);
    private final BooleanProperty immediate = new SimpleBooleanProperty(false);
    private final BooleanProperty stopping = new SimpleBooleanProperty(false);
    private final ObjectProperty<Stop> stop = new SimpleObjectProperty<>(Stop.NONE);
    private volatile AtomicBoolean cancelled = new AtomicBoolean(false);
    private Progress current;

    Working(Executor fx) {
        this.fx = fx;
    }

    /// Starts showing a job (on the FX thread); the returned [Progress] is for the work.
    Progress begin(String text, Stop how, boolean atOnce) {
        AtomicBoolean flag = new AtomicBoolean(false);
        cancelled = flag;
        message.set(text);
        note.set("");
        fraction.set(-1);
        stop.set(how);
        stopping.set(false);
        immediate.set(atOnce);
        showing.set(true);
        current = new Progress() {
            private volatile int lastPercent = -1;

            @Override
            public void step(int done, int total) {
                if (total <= 0) {
                    return;
                }
                int percent = (int) Math.min(100, 100L * done / total);
                if (percent != lastPercent) {
                    lastPercent = percent;
                    fx.execute(() -> {
                        if (cancelled == flag) {
                            fraction.set(percent / 100.0);
                        }
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return flag.get();
            }
        };
        return current;
    }

    /// The job of `p` is over (on the FX thread); a later job keeps showing.
    void end(Progress p) {
        if (p != current) {
            return;
        }
        showing.set(false);
        stopping.set(false);
    }

    /// The person pressed Cancel: the work stops at its next safe point, or, if it cannot stop,
    /// the layer says it is finishing. `stoppingText` is shown in both cases.
    public void cancel(String stoppingText) {
        if (!showing.get() || stop.get() == Stop.NONE || stopping.get()) {
            return;
        }
        stopping.set(true);
        note.set(stoppingText);
        if (stop.get() == Stop.CANCEL) {
            cancelled.set(true);
        }
    }

    public StringProperty messageProperty() {
        return message;
    }

    /// A second line: "Stopping…" or "Finishing…" once Cancel was pressed.
    public StringProperty noteProperty() {
        return note;
    }

    public DoubleProperty fractionProperty() {
        return fraction;
    }

    public BooleanProperty showingProperty() {
        return showing;
    }

    /// True to show the layer at once (opening the books), false to wait a moment first so quick
    /// work does not flash it.
    public BooleanProperty immediateProperty() {
        return immediate;
    }

    public BooleanProperty stoppingProperty() {
        return stopping;
    }

    public ObjectProperty<Stop> stopProperty() {
        return stop;
    }
}
