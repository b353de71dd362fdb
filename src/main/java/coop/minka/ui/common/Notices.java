package coop.minka.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/// Short messages for the person at the keyboard ("Saved", or an error with what to do). The
/// main window shows the latest one as a notification; tests read it.
public final class Notices {
    /// One message. `hint` is empty for good news.
    public record Notice(Kind kind, String text, String hint) {
    }

    public enum Kind { SUCCESS, INFO, ERROR }

    private final I18n i18n;
    private final ObjectProperty<Notice> latest = new SimpleObjectProperty<>();

    public Notices(I18n i18n) {
        this.i18n = i18n;
    }

    public void success(String text) {
        latest.set(new Notice(Kind.SUCCESS, text, ""));
    }

    public void info(String text) {
        latest.set(new Notice(Kind.INFO, text, ""));
    }

    /// Shows a failure as its catalogued message and hint, never a stack trace.
    public void error(Throwable e) {
        if (I18n.asMinka(e).code() == coop.minka.domain.ErrorCode.INTERNAL) {
            coop.minka.app.DiagnosticLog.failure("internal error shown to the user", e);
        }
        latest.set(new Notice(Kind.ERROR, i18n.message(e), i18n.hint(e)));
    }

    /// Says that long work was stopped as asked and left nothing behind.
    public void cancelled() {
        info(i18n.t("progress.cancelled"));
    }

    public ObjectProperty<Notice> latestProperty() {
        return latest;
    }

    public Notice latest() {
        return latest.get();
    }
}
