package coop.minka.ui.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coop.minka.app.LedgerService;
import coop.minka.app.Services;
import coop.minka.app.WorkService;
import coop.minka.ui.UiFixture;
import coop.minka.ui.main.Screen;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeViewModelTest {
    @TempDir
    Path dir;

    @Test
    void showsMoneyHoursByGenderAndWhatNeedsAttention() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "h")) {
            s.ledger().post(UiFixture.today(), "Dues", null, List.of(new LedgerService.Line("1000", "40"),
                    new LedgerService.Line("4000", "-40")));
            s.work().add(new WorkService.Entry("Ana Quispe", UiFixture.today(), "2", "CARE", null, null));
            s.work().add(new WorkService.Entry("Juan Mamani", UiFixture.today(), "1", "CARE", null, null));
            // the last day of the month before, by the injected clock: not this month's work
            s.work().add(new WorkService.Entry("Ana Quispe", UiFixture.today().withDayOfMonth(1).minusDays(1), "4", "CARE",
                    null, null));
            var attention = List.of(new HomeViewModel.Attention("One laptop is waiting", Screen.SYNC));
            HomeViewModel vm = new HomeViewModel(f.ui, s.reports(), s.members(), () -> "Coop h",
                    () -> new HomeViewModel.SyncSummary(List.of(), attention));
            vm.shown();
            HomeViewModel.Dashboard d = vm.dashboardProperty().get();
            assertEquals(4000, d.moneyTotal());
            assertEquals(120, d.womenMinutes());
            assertEquals(60, d.menMinutes());
            assertEquals(2, d.activeMembers());
            assertEquals(1, d.attention().size());
            s.members().add("Rosa", null, null, null, null);
            f.ui.revision().changed();
            assertEquals(3, vm.dashboardProperty().get().activeMembers());
            // books whose accounts nobody marked as cash or bank: no money claimed, and a way to fix it
            s.ledger().updateAccount("1000", null, null, false);
            s.ledger().updateAccount("1100", null, null, false);
            f.ui.revision().changed();
            HomeViewModel.Dashboard unmarked = vm.dashboardProperty().get();
            assertEquals(0, unmarked.moneyTotal());
            assertEquals(2, unmarked.attention().size());
            assertEquals(Screen.ACCOUNTS, unmarked.attention().get(1).screen());
        }
    }
}
