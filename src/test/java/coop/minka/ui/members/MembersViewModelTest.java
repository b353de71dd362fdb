package coop.minka.ui.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.domain.Gender;
import coop.minka.domain.MemberStatus;
import coop.minka.ui.UiFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembersViewModelTest {
    @TempDir
    Path dir;
    final UiFixture f = new UiFixture();
    Services s;
    MembersViewModel vm;

    @BeforeEach
    void setUp() {
        s = f.books(dir, "m");
        vm = new MembersViewModel(f.ui, s.members(), s.work(), s.reports().statements());
        vm.shown();
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    @Test
    void listsAndSearchesIgnoringAccents() {
        assertEquals(2, vm.members().size());
        vm.searchProperty().set("quispe");
        assertEquals(1, vm.members().size());
        s.members().add("José Pérez", Gender.MAN, null, null, null);
        vm.reloadNow();
        vm.searchProperty().set("jose perez");
        assertEquals("José Pérez", vm.members().getFirst().name());
    }

    @Test
    void addValidatesInlineAndSaves() {
        vm.startAdd();
        assertFalse(vm.canSaveBinding().get());
        vm.form().nameProperty().set("  ");
        assertFalse(vm.form().nameErrorProperty().get().isEmpty());
        vm.form().nameProperty().set("Rosa Apaza");
        assertTrue(vm.form().nameErrorProperty().get().isEmpty());
        assertTrue(vm.canSaveBinding().get());
        vm.form().genderProperty().set(Gender.WOMAN);
        vm.save();
        assertFalse(vm.form().openProperty().get());
        assertEquals(3, vm.members().size());
        assertEquals("Rosa Apaza", vm.selectedProperty().get().name());
        assertTrue(f.notices.latest().text().contains("Rosa Apaza"));
    }

    @Test
    void warnsAboutASecondMemberWithTheSameName() {
        vm.startAdd();
        vm.form().nameProperty().set("ana quispe");
        assertFalse(vm.form().nameWarningProperty().get().isEmpty());
        assertTrue(vm.canSaveBinding().get());
    }

    @Test
    void editsTheSelectedMember() {
        vm.selectedProperty().set(vm.members().getFirst());
        vm.startEdit();
        vm.form().contactProperty().set("7777777");
        vm.save();
        assertEquals("7777777", s.members().get("Ana Quispe").contact());
    }

    @Test
    void deactivatesAfterAskingAndHidesUnlessAsked() {
        vm.selectedProperty().set(vm.members().getFirst());
        f.dialogs.confirmAnswer = false;
        vm.deactivate();
        assertEquals(MemberStatus.ACTIVE, s.members().get("Ana Quispe").status());
        f.dialogs.confirmAnswer = true;
        vm.deactivate();
        assertEquals(MemberStatus.INACTIVE, s.members().get("Ana Quispe").status());
        assertEquals(1, vm.members().size());
        vm.showInactiveProperty().set(true);
        assertEquals(2, vm.members().size());
    }

    @Test
    void memberPageShowsWorkAndOwnAccounts() {
        s.work().add(new coop.minka.app.WorkService.Entry("Ana Quispe", UiFixture.today(), "2", "MEET", null, null));
        s.ledger().addAccount("2001", "Savings of Ana", coop.minka.domain.AccountType.LIABILITY, "Ana Quispe");
        s.ledger().post(UiFixture.today(), "Savings", null, java.util.List.of(
                new coop.minka.app.LedgerService.Line("1000", "30"), new coop.minka.app.LedgerService.Line("2001", "-30")));
        vm.reloadNow();
        vm.selectedProperty().set(vm.members().stream().filter(m -> m.name().equals("Ana Quispe")).findFirst().orElseThrow());
        MembersViewModel.MemberPage p = vm.pageProperty().get();
        assertNotNull(p);
        assertEquals(120, p.minutesThisYear());
        assertEquals(1, p.accounts().size());
        assertEquals(3000, p.accounts().getFirst().balance());
        assertEquals(1, p.statement().size());
    }
}
