package coop.minka.app;

/// How long work (making the pack, writing an export) tells the front end how far it is, and
/// learns that the person pressed Cancel. The work calls [#step] now and then and
/// [#checkCancelled] only where stopping is safe: before anything is moved into place, so a
/// cancelled file is never left half-written.
public interface Progress {
    /// No one is watching and no one can cancel: for the command line and tests.
    Progress NONE = new Progress() {
        @Override
        public void step(int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /// `done` of `total` steps are finished (pages, rows); `total` 0 or less when unknown.
    void step(int done, int total);

    /// True once the person asked to stop.
    boolean cancelled();

    /// Stops the work here ([Cancelled]) if the person asked to.
    default void checkCancelled() {
        if (cancelled()) {
            throw new Cancelled();
        }
    }

    /// Thrown by [#checkCancelled]: the work stopped as asked and left nothing behind.
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
