package coop.minka.ui.capital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.CapitalService;
import coop.minka.app.Services;
import coop.minka.domain.Member;
import coop.minka.domain.Role;
import coop.minka.ui.UiFixture;
import coop.minka.ui.common.DialogService;
import coop.minka.ui.common.Notices;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The Capital screen's ViewModel without a window (design notes 39): paying shares back asks for
/// a second person once the cooperative has people, cancelled writes nothing; the statement's
/// lines are the member's, as giver and as receiver; a year not closed shows no preview.
class CapitalViewModelTest {
    @TempDir
    Path dir;

    private static Member member(CapitalViewModel vm, String name) {
        return vm.everyone().stream().filter(m -> m.name().startsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void payingSharesBackAsksForASecondPerson() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "a")) {
            s.capital().subscribe("Ana", 4, "10.00", LocalDate.of(2026, 1, 5));
            s.capital().pay("Ana", "40.00", LocalDate.of(2026, 1, 5));
            var rosa = s.people().add("Rosa", Set.of(Role.PRESIDENT, Role.TREASURER), null, "2468");
            s.people().actAs(rosa, null);
            s.people().add("Tere", Set.of(Role.KEYHOLDER), null, "1357");
            s.people().lock();
            var who = f.ui.who();
            who.attach(s.people());
            who.unlock(who.people().stream().filter(p -> p.name().equals("Rosa")).findFirst().orElseThrow(), "2468");
            CapitalViewModel vm = new CapitalViewModel(f.ui, s.capital(), s.members());
            vm.shown();
            assertEquals(2, vm.register().size());

            vm.actionProperty().set(CapitalViewModel.Action.REDEEM);
            vm.memberProperty().set(member(vm, "Ana"));
            vm.sharesProperty().set("1");
            f.dialogs.secondAnswer = Optional.empty();
            vm.submit();
            assertTrue(f.dialogs.asked.contains("A second person is needed: Tere"), f.dialogs.asked.toString());
            assertEquals(2, s.capital().register().size(), "cancelled: nothing written");

            f.dialogs.secondAnswer = Optional.of(new DialogService.SecondPerson("Tere", "1357"));
            vm.submit();
            assertEquals(Notices.Kind.SUCCESS, f.notices.latest().kind(), f.notices.latest().text());
            assertEquals(3, vm.register().size());
            assertEquals(3, s.capital().statement("Ana").position().sharesHeld());
        }
    }

    @Test
    void theStatementListsTheMembersLinesAndAYearNotClosedShowsNoPreview() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "b")) {
            LocalDate d = LocalDate.of(2026, 2, 1);
            s.capital().subscribe("Ana", 5, "10.00", d);
            s.capital().subscribe("Juan", 2, null, d);
            s.capital().transfer("Juan", "Ana", 1, d);
            CapitalViewModel vm = new CapitalViewModel(f.ui, s.capital(), s.members());
            vm.shown();
            vm.statementMemberProperty().set(member(vm, "Ana"));
            assertEquals(List.of(1L, 3L), vm.statementLines().stream().map(CapitalService.Line::number).toList(),
                    "her subscription and the transfer she received");
            assertEquals(6, vm.statementProperty().get().position().sharesHeld());
            assertEquals("No. 3: Juan Mamani transferred 1 share to Ana Quispe (Bs\u00a010.00).",
                    vm.said(vm.register().get(2)));

            // a year not closed: refused in plain words, no preview
            vm.yearProperty().set("2025");
            vm.preview();
            assertEquals(Notices.Kind.ERROR, f.notices.latest().kind());
            assertEquals(null, vm.allocationProperty().get());
        }
    }
}
