package coop.minka.ui.common;

/// A screen's ViewModel: it loads its figures when shown, and again when the books changed
/// while it is shown; a hidden screen only notes that it is out of date.
public abstract class ScreenModel {
    protected final UiContext ui;
    private boolean stale = true;
    private boolean active;

    protected ScreenModel(UiContext ui) {
        this.ui = ui;
        ui.revision().property().addListener((o, a, b) -> {
            stale = true;
            if (active) {
                reloadNow();
            }
        });
    }

    /// The screen is shown: load if anything changed since last time.
    public final void shown() {
        active = true;
        if (stale) {
            reloadNow();
        }
    }

    public final void hidden() {
        active = false;
    }

    /// Loads again now.
    public final void reloadNow() {
        stale = false;
        reload();
    }

    /// Fetches the screen's data (through [UiContext#async()]).
    protected abstract void reload();

    /// Tells every screen that the books changed.
    protected final void changed() {
        ui.revision().changed();
    }
}
