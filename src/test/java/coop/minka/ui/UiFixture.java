package coop.minka.ui;

import coop.minka.app.Services;
import coop.minka.app.Workspace;
import coop.minka.domain.Gender;
import coop.minka.ui.common.Async;
import coop.minka.ui.common.DataRevision;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Notices;
import coop.minka.ui.common.UiContext;
import coop.minka.app.demo.StarterKit;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/// Real books in a temporary SQLite file and a [UiContext] whose executors run everything at
/// once on the calling thread, for ViewModel tests without a toolkit.
public final class UiFixture {
    public final I18n i18n = new I18n(Locale.ENGLISH);
    public final Notices notices = new Notices(i18n);
    public final ScriptedDialogs dialogs = new ScriptedDialogs();
    /// The tests' "now": the middle of a month in the middle of a year, so that "this month" and
    /// "this year" hold entries dated [#today] whenever the tests run.
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    public final UiContext ui = new UiContext(new Async(Runnable::run, Runnable::run, notices), i18n, notices, dialogs,
            new DataRevision(), CLOCK);

    /// Today by [#CLOCK].
    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    /// New books for a savings group with the starter chart, and two members.
    public Services books(Path dir, String name) {
        Services s = new Services(Workspace.create(dir.resolve(name + ".db"), "Coop " + name, "BOB", "Laptop " + name,
                "en", System::currentTimeMillis));
        StarterKit.apply(StarterKit.Kind.SAVINGS_GROUP, s.ledger(), s.work(), i18n.locale());
        s.members().add("Ana Quispe", Gender.WOMAN, LocalDate.of(2025, 1, 10), null, null);
        s.members().add("Juan Mamani", Gender.MAN, null, "70012345", null);
        i18n.currencyProperty().set(s.workspace().currency());
        return s;
    }

    /// Books with no starter chart and no members.
    public Services empty(Path dir, String name) {
        Services s = new Services(Workspace.create(dir.resolve(name + ".db"), "Coop " + name, "BOB", "Laptop " + name,
                "en", System::currentTimeMillis));
        i18n.currencyProperty().set(s.workspace().currency());
        return s;
    }

}
