package coop.minka.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/// Cancel is honest: work that cannot stop half-way (a sync, one transaction) is not told to
/// stop, and the layer says it is finishing; work that can stop is told to.
class WorkingTest {
    @Test
    void cancelOnlyStopsWorkThatCanStop() {
        I18n i18n = new I18n(Locale.ENGLISH);
        Notices notices = new Notices(i18n);
        List<Runnable> queued = new ArrayList<>();
        Async async = new Async(queued::add, Runnable::run, notices);
        Working w = async.working();
        AtomicBoolean seenCancelled = new AtomicBoolean(true);
        List<String> done = new ArrayList<>();
        async.runShowing("sync", Working.Stop.FINISH, p -> {
            seenCancelled.set(p.cancelled());
            return "imported";
        }, done::add, e -> done.add("failed"));
        w.cancel(i18n.t("progress.finishing"));
        assertTrue(w.stoppingProperty().get());
        assertEquals(i18n.t("progress.finishing"), w.noteProperty().get());
        queued.removeFirst().run();
        assertFalse(seenCancelled.get(), "a sync is never told to stop half-way");
        assertEquals(List.of("imported"), done, "and it finishes");
        assertFalse(w.showingProperty().get());

        async.runShowing("pack", Working.Stop.CANCEL, p -> {
            p.step(1, 4);
            p.checkCancelled();
            return "made";
        }, done::add, e -> done.add("failed"));
        w.cancel(i18n.t("progress.stopping"));
        queued.removeFirst().run();
        assertEquals(List.of("imported"), done, "cancelled: neither done nor failed");
        assertEquals(i18n.t("progress.cancelled"), notices.latest().text());

        async.runShowing("open", Working.Stop.NONE, true, p -> "open", done::add, e -> done.add("failed"));
        w.cancel("x");
        assertFalse(w.stoppingProperty().get(), "nothing to cancel while the books open");
        queued.removeFirst().run();
        assertEquals(List.of("imported", "open"), done);
    }
}
