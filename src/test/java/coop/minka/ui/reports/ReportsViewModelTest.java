package coop.minka.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.WorkService;
import coop.minka.ui.UiFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void hoursByCategoryMonthAndGenderAddUp() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "r")) {
            int year = UiFixture.today().getYear();
            s.work().add(new WorkService.Entry("Ana Quispe", LocalDate.of(year, 1, 15), "2", "CARE", null, null));
            s.work().add(new WorkService.Entry("Juan Mamani", LocalDate.of(year, 1, 16), "1", "MEET", null, null));
            s.work().add(new WorkService.Entry("Ana Quispe", LocalDate.of(year - 1, 6, 1), "5", "CARE", null, null));
            ReportsViewModel vm = new ReportsViewModel(f.ui, s.reports(), s.pack(), s.exports());
            vm.shown();
            ReportsViewModel.Figures r = vm.figuresProperty().get();
            assertEquals(180, r.totalMinutes());
            assertEquals(2, r.hoursByCategory().size());
            assertEquals(12, r.hoursByMonth().size());
            assertEquals(120, r.hoursByMonth().getFirst().women());
            assertEquals(60, r.hoursByMonth().getFirst().men());
            assertEquals(180, r.hoursByGender().stream().mapToLong(ReportsViewModel.Bar::value).sum());
            vm.yearProperty().set(year - 1);
            assertEquals(300, vm.figuresProperty().get().totalMinutes());
        }
    }

    @Test
    void theAssemblyPackAndTheCsvExportAreWrittenWhereThePersonChose() throws Exception {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "p")) {
            int year = UiFixture.today().getYear();
            s.work().add(new WorkService.Entry("Ana Quispe", LocalDate.of(year, 1, 15), "2", "CARE", null, null));
            ReportsViewModel vm = new ReportsViewModel(f.ui, s.reports(), s.pack(), s.exports());
            vm.shown();
            Path pdf = dir.resolve("pack.pdf");
            f.dialogs.fileAnswer = java.util.Optional.of(pdf);
            vm.makePack();
            assertTrue(java.nio.file.Files.size(pdf) > 1000);
            assertTrue(f.notices.latest().text().contains("pack.pdf"), f.notices.latest().text());
            assertEquals(coop.minka.ui.common.Notices.Kind.SUCCESS, f.notices.latest().kind());
            Path zip = dir.resolve("year");
            f.dialogs.fileAnswer = java.util.Optional.of(zip);
            vm.exportCsv();
            assertTrue(java.nio.file.Files.size(dir.resolve("year.zip")) > 100, "a .zip is added to a bare name");
            f.dialogs.fileAnswer = java.util.Optional.of(pdf);
            vm.makePack();
            assertEquals(coop.minka.ui.common.Notices.Kind.ERROR, f.notices.latest().kind(), "never overwrites a file");
        }
    }
}
