package coop.minka.ui.common;

import java.time.Clock;
import java.time.LocalDate;

/// What every ViewModel needs besides its services: background work, texts and formats,
/// messages to the user, dialogs, the change counter, and the clock. Built once by the
/// composition root; tests pass a fixed clock, so "this month" and "this year" do not move
/// under them at midnight on the last day of a month.
public record UiContext(Async async, I18n i18n, Notices notices, DialogService dialogs, DataRevision revision,
                        Clock clock) {
    /// Today, by the clock, in its time zone.
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
