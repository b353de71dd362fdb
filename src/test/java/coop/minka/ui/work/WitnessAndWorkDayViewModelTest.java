package coop.minka.ui.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.MemberService;
import coop.minka.app.Services;
import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.ui.UiFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Issue #12: witness choices, the "only work without a witness" filter, the attendee search
/// with select-all-shown and clear, and the folding quick-entry form.
class WitnessAndWorkDayViewModelTest {
    @TempDir
    Path dir;
    final UiFixture f = new UiFixture();
    Services s;
    WorkViewModel vm;

    @BeforeEach
    void setUp() {
        s = f.books(dir, "w");
        s.members().add("María Choque", Gender.WOMAN, null, null, null);
        s.members().add("Mario Flores", Gender.MAN, null, null, null);
        Member rosa = s.members().add("Rosa Condori", Gender.WOMAN, null, null, null);
        s.members().update(rosa.id(), new MemberService.Changes(null, null, null, MemberStatus.INACTIVE, null, null));
        vm = new WorkViewModel(f.ui, s.members(), s.work());
        vm.shown();
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    private Member named(String prefix) {
        return vm.activeMembers().stream().filter(m -> m.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static List<String> names(List<Member> ms) {
        return ms.stream().map(Member::name).sorted().toList();
    }

    @Test
    void witnessChoicesLeaveOutTheWorkerAndInactiveMembers() {
        assertEquals(List.of("Ana Quispe", "Juan Mamani", "Mario Flores", "María Choque"),
                names(vm.witnessChoices()), "Rosa is inactive");
        QuickEntry q = vm.quick();
        q.witnessProperty().set(named("Ana"));
        q.memberProperty().set(named("Ana"));
        assertEquals(List.of("Juan Mamani", "Mario Flores", "María Choque"), names(vm.witnessChoices()));
        assertNull(q.witnessProperty().get(), "the worker cannot stay the witness");
    }

    @Test
    void onlyWorkWithoutAWitnessIsShownWhenAsked() {
        QuickEntry q = vm.quick();
        q.memberProperty().set(named("Ana"));
        q.hoursProperty().set("2");
        q.witnessProperty().set(named("Juan"));
        vm.save();
        q.memberProperty().set(named("Juan"));
        q.hoursProperty().set("1");
        vm.save();
        assertEquals(2, vm.rows().size());
        assertEquals("Juan Mamani", vm.rows().stream().filter(r -> r.member().equals("Ana Quispe"))
                .findFirst().orElseThrow().witness());
        vm.onlyUnwitnessedProperty().set(true);
        assertEquals(1, vm.rows().size());
        assertEquals("Juan Mamani", vm.rows().getFirst().member());
        assertEquals("", vm.rows().getFirst().witness());
        vm.clearFilters();
        assertFalse(vm.onlyUnwitnessedProperty().get());
        assertEquals(2, vm.rows().size());
    }

    @Test
    void attendeeSearchIgnoresAccentsAndSelectAllTicksOnlyThoseShown() {
        vm.startWorkDay();
        WorkDay d = vm.day();
        assertEquals(4, d.attendees().size(), "active members only");
        d.searchProperty().set("maria");
        assertEquals(List.of("María Choque"), d.shown().stream().map(a -> a.member().name()).toList());
        d.searchProperty().set("MAR");
        assertEquals(2, d.shown().size(), "María and Mario");
        d.selectShown();
        assertEquals(2, d.tickedBinding().get());
        d.searchProperty().set("");
        assertEquals(4, d.shown().size());
        assertTrue(d.attendees().stream().filter(a -> a.member().name().startsWith("Ana"))
                .noneMatch(a -> a.presentProperty().get()));
        assertEquals("2 of 4 chosen", f.ui.i18n().t("work.day.chosen", d.tickedBinding().get(), d.attendees().size()));
        d.clearChosen();
        assertEquals(0, d.tickedBinding().get());
    }

    @Test
    void theQuickFormFoldsAndStaysFoldedForTheSession() {
        assertTrue(vm.quickOpenProperty().get());
        vm.toggleQuick();
        assertFalse(vm.quickOpenProperty().get());
        vm.shown();
        assertFalse(vm.quickOpenProperty().get(), "coming back to the screen keeps it folded");
        vm.toggleQuick();
        assertTrue(vm.quickOpenProperty().get());
    }
}
