package coop.minka.ui.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.ui.UiFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkViewModelTest {
    @TempDir
    Path dir;
    final UiFixture f = new UiFixture();
    Services s;
    WorkViewModel vm;

    @BeforeEach
    void setUp() {
        s = f.books(dir, "w");
        vm = new WorkViewModel(f.ui, s.members(), s.work());
        vm.shown();
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    @Test
    void quickEntrySavesAndClearsForTheNextOne() {
        QuickEntry q = vm.quick();
        assertFalse(vm.canSaveBinding().get());
        q.memberProperty().set(vm.activeMembers().getFirst());
        q.hoursProperty().set("abc");
        assertFalse(q.hoursErrorProperty().get().isEmpty());
        assertFalse(vm.canSaveBinding().get());
        q.hoursProperty().set("1,5");
        assertTrue(vm.canSaveBinding().get());
        var category = q.categoryProperty().get();
        vm.save();
        assertNull(q.memberProperty().get());
        assertEquals("", q.hoursProperty().get());
        assertEquals(category, q.categoryProperty().get());
        assertEquals(1, vm.rows().size());
        assertEquals(90, vm.totalMinutesProperty().get());
        assertEquals(1, vm.savedCountProperty().get());
    }

    @Test
    void collectiveWorkDayRecordsOneEntryPerAttendee() {
        vm.startWorkDay();
        WorkDay d = vm.day();
        assertEquals(2, d.attendees().size());
        d.hoursProperty().set("3");
        assertFalse(vm.canSaveDayBinding().get());
        d.tickAll();
        assertEquals(2, d.tickedBinding().get());
        vm.saveWorkDay();
        assertFalse(d.openProperty().get());
        assertEquals(2, vm.rows().size());
        assertEquals(360, vm.totalMinutesProperty().get());
        assertEquals(180, vm.womenMinutesProperty().get());
        assertEquals(180, vm.menMinutesProperty().get());
    }

    @Test
    void voidNeedsAReasonAndVoidedEntriesCanBeShown() {
        vm.quick().memberProperty().set(vm.activeMembers().getFirst());
        vm.quick().hoursProperty().set("2");
        vm.save();
        vm.selectedProperty().set(vm.rows().getFirst());
        vm.voidSelected();
        assertEquals(1, vm.rows().size());
        f.dialogs.textAnswer = Optional.of("wrong person");
        vm.voidSelected();
        assertEquals(0, vm.rows().size());
        vm.showVoidedProperty().set(true);
        assertEquals(1, vm.rows().size());
        assertTrue(vm.rows().getFirst().entry().voided());
        assertEquals(0, vm.totalMinutesProperty().get());
    }

    @Test
    void filtersByMemberAndPeriod() {
        s.work().add(new coop.minka.app.WorkService.Entry("Ana Quispe", UiFixture.today(), "1", "MEET", null, null));
        s.work().add(new coop.minka.app.WorkService.Entry("Juan Mamani", UiFixture.today(), "2", "MEET", null, null));
        vm.reloadNow();
        assertEquals(2, vm.rows().size());
        vm.memberFilterProperty().set(vm.allMembers().stream().filter(m -> m.name().startsWith("Juan")).findFirst().orElseThrow());
        assertEquals(1, vm.rows().size());
        vm.clearFilters();
        vm.fromProperty().set(UiFixture.today().plusDays(1));
        assertEquals(0, vm.rows().size());
    }

    @Test
    void anErrorFromTheServiceIsShownAsAPlainMessage() {
        vm.quick().memberProperty().set(vm.activeMembers().getFirst());
        vm.quick().hoursProperty().set("2");
        vm.quick().dateProperty().set(null);
        vm.quick().dateProperty().set(UiFixture.today());
        s.members().update("Ana Quispe", new coop.minka.app.MemberService.Changes(null, null, null,
                coop.minka.domain.MemberStatus.INACTIVE, null, null));
        vm.save();
        assertEquals(coop.minka.ui.common.Notices.Kind.ERROR, f.notices.latest().kind());
        assertFalse(f.notices.latest().hint().isEmpty());
    }
}
