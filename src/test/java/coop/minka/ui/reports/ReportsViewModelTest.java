package coop.minka.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
            int year = LocalDate.now().getYear();
            s.work().add(new WorkService.Entry("Ana Quispe", LocalDate.of(year, 1, 15), "2", "CARE", null, null));
            s.work().add(new WorkService.Entry("Juan Mamani", LocalDate.of(year, 1, 16), "1", "MEET", null, null));
            s.work().add(new WorkService.Entry("Ana Quispe", LocalDate.of(year - 1, 6, 1), "5", "CARE", null, null));
            ReportsViewModel vm = new ReportsViewModel(f.ui, s.reports());
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
}
