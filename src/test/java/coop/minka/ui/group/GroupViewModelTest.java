package coop.minka.ui.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.GroupService;
import coop.minka.app.Services;
import coop.minka.domain.Role;
import coop.minka.ui.UiFixture;
import coop.minka.ui.common.DialogService;
import coop.minka.ui.common.Notices;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The savings-group screen's model without a window (design notes 33): typing a number of shares
/// sets them (buying the difference, never taking any back), the social fund once, the close
/// with a short count, and the share-out asking for a second person once there are people.
class GroupViewModelTest {
    @TempDir
    Path dir;

    private static GroupViewModel.MeetingRow row(GroupViewModel vm, String name) {
        return vm.rows().stream().filter(r -> r.member().name().startsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void aMeetingSetsSharesAndTheShareOutNeedsTwoPeople() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "g")) {
            GroupViewModel vm = new GroupViewModel(f.ui, s.group(), s.members(), s.pack());
            vm.shown();
            assertEquals(null, vm.cycleProperty().get(), "no cycle yet");
            vm.sharePriceProperty().set("10");
            vm.socialFundProperty().set("2,00");
            vm.chargeProperty().set("10");
            vm.finesProperty().set("late=5, absent = 10");
            vm.startCycle();
            assertEquals(1_000L, vm.cycleProperty().get().rules().sharePrice());
            assertEquals(Optional.of(1_000L), vm.cycleProperty().get().rules().fine("absent"));

            vm.openMeeting();
            assertEquals(UiFixture.today(), vm.meetingProperty().get().date());
            assertEquals(2, vm.rows().size(), "one row per active member");
            GroupViewModel.MeetingRow ana = row(vm, "Ana");
            vm.shares(ana, 2);
            assertEquals(2, ana.sharesProperty().get());
            vm.shares(ana, 4);
            assertEquals(4, ana.sharesProperty().get(), "set to 4: two more bought");
            vm.shares(ana, 3);
            assertEquals(Notices.Kind.INFO, f.notices.latest().kind(), "fewer: not taken back");
            assertEquals(4, ana.sharesProperty().get());
            vm.social(ana);
            vm.social(ana);
            String meeting = vm.meetingProperty().get().id();
            GroupService.AtMeeting at = s.group().atMeeting(meeting).get(ana.member().id());
            assertEquals(4_000L, at.sharesAmount());
            assertEquals(200L, at.social(), "the social fund once a meeting");
            assertEquals(4_200L, vm.expectedProperty().get());
            assertEquals(4_200L, vm.cashInProperty().get());
            assertEquals("42.00", vm.countedProperty().get(), "the count starts at what the books say");

            vm.countedProperty().set("41");
            assertTrue(vm.differenceBinding().get().contains("short"), vm.differenceBinding().get());
            vm.closeMeeting();
            GroupService.Meeting closed = s.group().meetings().getLast();
            assertEquals(4_100L, closed.counted());
            assertEquals(4_200L, closed.expected());
            assertEquals(null, vm.meetingProperty().get());

            // people: the share-out is the treasurer's with a second person
            var rosa = s.people().add("Rosa", Set.of(Role.PRESIDENT, Role.TREASURER), null, "2468");
            s.people().actAs(rosa, null);
            s.people().add("Tere", Set.of(Role.KEYHOLDER), null, "1357");
            s.people().lock();
            var who = f.ui.who();
            who.attach(s.people());
            assertFalse(vm.may(coop.minka.domain.OpType.GROUP_SHAREOUT).get(), "nobody works: not offered");
            who.unlock(who.people().stream().filter(p -> p.name().equals("Rosa")).findFirst().orElseThrow(), "2468");
            assertTrue(vm.may(coop.minka.domain.OpType.GROUP_SHAREOUT).get());
            f.dialogs.asked.clear();
            f.dialogs.secondAnswer = Optional.empty();
            vm.postShareOut();
            assertTrue(f.dialogs.asked.contains("A second person is needed: Tere"), f.dialogs.asked.toString());
            assertFalse(s.group().shareOut().posted(), "cancelled: nothing posted");
            f.dialogs.secondAnswer = Optional.of(new DialogService.SecondPerson("Tere", "1357"));
            vm.postShareOut();
            assertTrue(s.group().shareOut().posted());
            assertTrue(vm.postedProperty().get());
        }
    }
}
