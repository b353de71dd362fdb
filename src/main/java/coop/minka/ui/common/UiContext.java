package coop.minka.ui.common;

import java.time.Clock;
import java.time.LocalDate;

/// What every ViewModel needs besides its services: background work, texts and formats,
/// messages to the user, dialogs, the change counter, and the clock. Built once by the
/// composition root; tests pass a fixed clock, so "this month" and "this year" do not move
/// under them at midnight on the last day of a month. `who` says who is working (the people of
/// issue 13).
public record UiContext(Async async, I18n i18n, Notices notices, DialogService dialogs, DataRevision revision,
                        Clock clock, WhoIsWorking who) {
    /// A context with its own [WhoIsWorking], attached to no books yet.
    public UiContext(Async async, I18n i18n, Notices notices, DialogService dialogs, DataRevision revision,
                     Clock clock) {
        this(async, i18n, notices, dialogs, revision, clock, new WhoIsWorking(async, i18n, notices, dialogs,
                clock::millis));
    }

    /// Today, by the clock, in its time zone.
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
