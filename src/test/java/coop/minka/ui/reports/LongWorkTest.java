package coop.minka.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Progress;
import coop.minka.app.ReportFixture;
import coop.minka.app.Services;
import coop.minka.app.export.ExportService;
import coop.minka.ui.UiFixture;
import coop.minka.ui.common.Async;
import coop.minka.ui.common.DataRevision;
import coop.minka.ui.common.Notices;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.common.Working;
import coop.minka.ui.reports.ReportsViewModel.Period;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Making the pack and the CSV export show the progress layer, and Cancel stops them leaving no
/// file behind, whole or half-written.
class LongWorkTest {
    @TempDir
    Path dir;

    private final List<Runnable> queued = new ArrayList<>();

    /// Runs the background work queued so far (and any it queues), as the background thread would.
    private void drain() {
        while (!queued.isEmpty()) {
            queued.removeFirst().run();
        }
    }

    private List<Path> filesIn(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".db")
                    && !p.getFileName().toString().contains(".db-")).toList();
        }
    }

    private UiContext queuedUi(UiFixture f, Notices notices) {
        return new UiContext(new Async(queued::add, Runnable::run, notices), f.i18n, notices, f.dialogs,
                new DataRevision(), UiFixture.CLOCK);
    }

    @Test
    void cancellingThePackOrTheExportLeavesNoFile() throws Exception {
        UiFixture f = new UiFixture();
        Notices notices = new Notices(f.i18n);
        UiContext ui = queuedUi(f, notices);
        Path out = Files.createDirectories(dir.resolve("out"));
        try (Services s = f.books(dir, "p")) {
            ReportFixture.post(s, "2026-02-01", "Dues", null, "1000", "20", "4000");
            ReportsViewModel vm = new ReportsViewModel(ui, s);
            vm.shown();
            drain();
            vm.setPeriod(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
            drain();
            Working w = ui.async().working();

            f.dialogs.fileAnswer = Optional.of(out.resolve("pack.pdf"));
            vm.makePack();
            assertTrue(w.showingProperty().get(), "the layer is up while the pack is made");
            assertEquals(f.i18n.t("progress.pack"), w.messageProperty().get());
            assertEquals(Working.Stop.CANCEL, w.stopProperty().get());
            w.cancel(f.i18n.t("progress.stopping"));
            assertEquals(f.i18n.t("progress.stopping"), w.noteProperty().get());
            drain();
            assertFalse(w.showingProperty().get());
            assertEquals(List.of(), filesIn(out), "no pack, no half-written part");
            assertEquals(f.i18n.t("progress.cancelled"), notices.latest().text());

            f.dialogs.fileAnswer = Optional.of(out.resolve("tables"));
            vm.exportCsv();
            assertEquals(f.i18n.t("progress.csv"), w.messageProperty().get());
            w.cancel(f.i18n.t("progress.stopping"));
            drain();
            assertEquals(List.of(), filesIn(out), "no zip, no half-written part");
            assertEquals(f.i18n.t("progress.cancelled"), notices.latest().text());

            // not cancelled: the bar moves to the end and the files are made
            f.dialogs.confirmAnswer = false;
            f.dialogs.fileAnswer = Optional.of(out.resolve("pack.pdf"));
            vm.makePack();
            drain();
            assertEquals(1.0, w.fractionProperty().get());
            assertTrue(Files.size(out.resolve("pack.pdf")) > 1000);
            f.dialogs.fileAnswer = Optional.of(out.resolve("tables"));
            vm.exportCsv();
            drain();
            assertTrue(Files.exists(out.resolve("tables.zip")));
            assertFalse(w.showingProperty().get());
        }
    }

    /// Cancel pressed while the bytes are being written (the last, longest part): the temporary
    /// file beside the target is removed too.
    @Test
    void cancelWhileWritingRemovesThePartFile() throws Exception {
        UiFixture f = new UiFixture();
        Path out = Files.createDirectories(dir.resolve("out"));
        try (Services s = f.books(dir, "w")) {
            ReportFixture.post(s, "2026-02-01", "Dues", null, "1000", "20", "4000");
            List<Integer> steps = new ArrayList<>();
            Progress lateCancel = new Progress() {
                private int total;

                @Override
                public void step(int done, int total) {
                    steps.add(done);
                    this.total = total;
                }

                @Override
                public boolean cancelled() {
                    // cancelled once the pages are drawn: the stop comes while the file is written
                    return !steps.isEmpty() && steps.getLast() == total - 2;
                }
            };
            LocalDate from = LocalDate.of(2026, 1, 1);
            LocalDate to = LocalDate.of(2026, 12, 31);
            assertThrows(Progress.Cancelled.class, () -> s.pack().write(from, to, out.resolve("pack.pdf"),
                    Locale.ENGLISH, lateCancel));
            assertEquals(List.of(), filesIn(out));
            assertTrue(steps.size() >= 8, "a step a section and a slip: " + steps);

            int[] writes = {0};
            Progress cancelAfterFirstTable = new Progress() {
                @Override
                public void step(int done, int total) {
                    writes[0] = done;
                }

                @Override
                public boolean cancelled() {
                    return writes[0] >= 2;
                }
            };
            assertThrows(Progress.Cancelled.class, () -> s.exports().export(ExportService.Format.CSV,
                    out.resolve("t.zip"), from, to, Locale.ENGLISH, cancelAfterFirstTable));
            assertEquals(List.of(), filesIn(out));
            Path folder = out.resolve("csv");
            writes[0] = 0;
            assertThrows(Progress.Cancelled.class, () -> s.exports().export(ExportService.Format.CSV, folder, from, to,
                    Locale.ENGLISH, cancelAfterFirstTable));
            assertEquals(List.of(), filesIn(folder), "the tables written before Cancel go too");
        }
    }
}
