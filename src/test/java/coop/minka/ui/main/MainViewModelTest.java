package coop.minka.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coop.minka.ui.UiFixture;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
    /// Counts its loads.
    static final class Counting extends ScreenModel {
        int loads;

        Counting(UiContext ui) {
            super(ui);
        }

        @Override
        protected void reload() {
            loads++;
        }
    }

    @Test
    void aScreenLoadsWhenShownAndOnlyReloadsWhileShown() {
        UiFixture f = new UiFixture();
        Counting home = new Counting(f.ui);
        Counting members = new Counting(f.ui);
        int[] left = {0};
        MainViewModel vm = new MainViewModel(f.ui, Map.of(Screen.HOME, home, Screen.MEMBERS, members), "Coop", true,
                () -> left[0]++);
        vm.go(Screen.HOME);
        assertEquals(1, home.loads);
        f.ui.revision().changed();
        assertEquals(2, home.loads);
        assertEquals(0, members.loads);
        vm.go(Screen.MEMBERS);
        assertEquals(1, members.loads);
        vm.go(Screen.HOME);
        assertEquals(2, home.loads);
        vm.go(Screen.MEMBERS);
        assertEquals(1, members.loads);
        f.dialogs.confirmAnswer = true;
        vm.leaveDemo();
        assertEquals(1, left[0]);
    }
}
