package coop.minka.ui.common;

/// What every ViewModel needs besides its services: background work, texts and formats,
/// messages to the user, dialogs, and the change counter. Built once by the composition root.
public record UiContext(Async async, I18n i18n, Notices notices, DialogService dialogs, DataRevision revision) {
}
