package coop.minka.ui.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.domain.OpType;
import coop.minka.domain.Person;
import coop.minka.domain.Role;
import coop.minka.ui.UiFixture;
import coop.minka.ui.common.DialogService;
import coop.minka.ui.common.Notices;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.common.WhoIsWorking;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Who is working, idle locking, the second person of a dual-control change, and the People
/// screen's form, without a toolkit (every background call runs at once).
class PeopleViewModelTest {
    @TempDir
    Path dir;

    private final UiFixture f = new UiFixture();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final WhoIsWorking who = new WhoIsWorking(f.ui.async(), f.i18n, f.notices, f.dialogs, now::get);
    private final UiContext ui = new UiContext(f.ui.async(), f.i18n, f.notices, f.dialogs, f.ui.revision(),
            UiFixture.CLOCK, who);

    private PeopleViewModel screen(Services s) {
        who.attach(s.people());
        PeopleViewModel vm = new PeopleViewModel(ui, s.people(), s.members());
        vm.shown();
        return vm;
    }

    private static Person person(WhoIsWorking who, String name) {
        return who.people().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theFirstPersonMustBeAPresidentAndThePinIsTypedTwice() {
        Services s = f.books(dir, "a");
        PeopleViewModel vm = screen(s);
        assertTrue(vm.canAddBinding().get(), "no people yet: anyone may add the first");
        vm.startAdd();
        assertTrue(vm.form().roleProperty(Role.PRESIDENT).get());
        vm.form().nameProperty().set("Rosa");
        vm.form().roleProperty(Role.PRESIDENT).set(false);
        vm.form().roleProperty(Role.TREASURER).set(true);
        assertEquals("The first person must be a president.", vm.rolesErrorBinding().get());
        vm.form().roleProperty(Role.PRESIDENT).set(true);
        vm.form().pinProperty().set("12a4");
        assertEquals("A PIN is 4 to 12 digits, nothing else.", vm.pinErrorBinding().get());
        vm.form().pinProperty().set("1234");
        vm.form().pinAgainProperty().set("1235");
        assertEquals("The two PINs are not the same.", vm.pinErrorBinding().get());
        assertFalse(vm.canSaveBinding().get());
        vm.form().pinAgainProperty().set("1234");
        assertTrue(vm.canSaveBinding().get());
        vm.save();
        assertEquals(1, vm.rows().size());
        assertEquals(EnumSet.of(Role.PRESIDENT, Role.TREASURER), vm.rows().getFirst().person().roles());
        assertEquals("President, Treasurer", vm.roles(vm.rows().getFirst().person()));
        assertTrue(who.lockedBinding().get(), "from now on someone must unlock");
        assertFalse(vm.canAddBinding().get());
    }

    @Test
    void idleForTenMinutesLocks() {
        Services s = f.books(dir, "b");
        s.people().add("Rosa", Set.of(Role.PRESIDENT), null, "2468");
        screen(s);
        who.unlock(person(who, "Rosa"), "2468");
        assertEquals("Rosa", who.byProperty().get().name());
        now.addAndGet(WhoIsWorking.IDLE.toMillis() - 1);
        assertFalse(who.lockIfIdle());
        who.touched();
        now.addAndGet(WhoIsWorking.IDLE.toMillis());
        assertTrue(who.lockIfIdle());
        assertNull(who.byProperty().get());
        assertTrue(s.people().acting().isEmpty(), "the books know nobody works any more");
    }

    @Test
    void aWrongPinIsSaidUnderTheFieldAndAWaitGivesItsSeconds() {
        Services s = f.books(dir, "c");
        s.people().add("Rosa", Set.of(Role.PRESIDENT), null, "2468");
        screen(s);
        Person rosa = person(who, "Rosa");
        who.unlock(rosa, "0000");
        assertEquals("Wrong PIN for Rosa.", who.unlockErrorProperty().get());
        who.unlock(rosa, "0000");
        who.unlock(rosa, "0000");
        who.unlock(rosa, "2468");
        assertTrue(who.unlockErrorProperty().get().startsWith("Too many wrong PINs for Rosa: wait "),
                who.unlockErrorProperty().get());
        assertNull(who.byProperty().get());
    }

    @Test
    void aChangeForTwoAsksTheSecondPersonForThatChangeOnly() {
        Services s = f.books(dir, "d");
        s.people().add("Rosa", Set.of(Role.PRESIDENT), null, "2468");
        PeopleViewModel vm = screen(s);
        who.unlock(person(who, "Rosa"), "2468");
        // alone: nobody else could confirm
        assertEquals(0, who.secondCandidates(OpType.PERSON_ADD).size());
        who.run(OpType.PERSON_ADD, () -> s.people().add("Tere", Set.of(Role.KEYHOLDER), null, "1357"), p -> { });
        who.refresh();
        assertEquals(1, who.secondCandidates(OpType.PERSON_ADD).size());

        // cancelled: nothing happens
        f.dialogs.secondAnswer = Optional.empty();
        who.run(OpType.PERSON_ADD, () -> s.people().add("Sara", Set.of(Role.SECRETARY), null, "8642"), p -> { });
        assertEquals(2, s.people().list().size());

        // a wrong PIN of the second person: refused in plain words, nothing saved
        f.dialogs.secondAnswer = Optional.of(new DialogService.SecondPerson("Tere", "0000"));
        who.run(OpType.PERSON_ADD, () -> s.people().add("Sara", Set.of(Role.SECRETARY), null, "8642"), p -> { });
        assertEquals(Notices.Kind.ERROR, f.notices.latest().kind());
        assertEquals("Wrong PIN for Tere.", f.notices.latest().text());
        assertEquals(2, s.people().list().size());

        f.dialogs.secondAnswer = Optional.of(new DialogService.SecondPerson("Tere", "1357"));
        vm.reloadNow();
        vm.startAdd();
        vm.form().nameProperty().set("Sara");
        vm.form().roleProperty(Role.SECRETARY).set(true);
        vm.form().pinProperty().set("8642");
        vm.form().pinAgainProperty().set("8642");
        vm.save();
        assertEquals(3, s.people().list().size());
        assertEquals("Sara was added.", f.notices.latest().text());
        var acting = s.people().acting().orElseThrow();
        assertEquals("Rosa", acting.by().name());
        assertNull(acting.also(), "the second person was for that change only");
    }

    @Test
    void theRolesSayWhatTheyMayDoFromThePermissionTable() {
        Services s = f.books(dir, "e");
        PeopleViewModel vm = screen(s);
        assertEquals("Reads and checks everything; changes nothing.", vm.explain(Role.AUDITOR));
        assertTrue(vm.explain(Role.TREASURER).startsWith("Changes: members, shared work, money"), vm.explain(Role.TREASURER));
        assertEquals("Changes: laptops. Second person for: closing the books, people and roles.",
                vm.explain(Role.KEYHOLDER));
    }
}
