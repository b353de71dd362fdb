package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Person;
import coop.minka.domain.Role;
import coop.minka.domain.SurplusAllocation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Who may keep the capital (design notes 35, docs/roles.md): the register is the treasurer's;
/// paying shares back and allocating a year's surplus need a second person.
class CapitalPermissionsTest {
    @TempDir
    Path dir;

    @Test
    void theTreasurerKeepsTheRegisterAndTwoPeoplePayBackAndAllocate() {
        try (Services s = CapitalServiceTest.coop(dir, "roles")) {
            Person pres = s.people().add("Pres", EnumSet.of(Role.PRESIDENT), null, "1111");
            s.people().actAs(pres, null);
            Person tre = s.people().add("Tre", EnumSet.of(Role.TREASURER), null, "2222");
            s.people().actAs(pres, tre);
            Person sec = s.people().add("Sec", EnumSet.of(Role.SECRETARY), null, "3333");

            s.people().actAs(sec, null);
            CapitalServiceTest.refused(ErrorCode.NOT_ALLOWED, s,
                    () -> s.capital().subscribe("Ana", 4, "10.00", CapitalServiceTest.JAN));
            s.people().actAs(tre, null);
            s.capital().subscribe("Ana", 4, "10.00", CapitalServiceTest.JAN);
            s.capital().pay("Ana", "40.00", CapitalServiceTest.JAN);
            s.capital().transfer("Ana", "Rosa", 1, CapitalServiceTest.JAN);
            CapitalServiceTest.refused(ErrorCode.SECOND_PERSON_REQUIRED, s,
                    () -> s.capital().redeem("Ana", 1, CapitalServiceTest.JAN));
            s.people().actAs(tre, sec);
            s.capital().redeem("Ana", 1, CapitalServiceTest.JAN);

            s.people().actAs(tre, null);
            CapitalServiceTest.sales(s, "100.00", "40.00");
            s.people().actAs(tre, pres);
            s.closing().close(LocalDate.of(2025, 12, 31));
            s.people().actAs(tre, null);
            assertTrue(!s.capital().allocate(2025, "30", "5", SurplusAllocation.Basis.CAPITAL, null, null, false)
                    .posted(), "anyone may look at the preview");
            CapitalServiceTest.refused(ErrorCode.SECOND_PERSON_REQUIRED, s, () -> s.capital().allocate(2025, "30",
                    "5", SurplusAllocation.Basis.CAPITAL, null, null, true));
            s.people().actAs(tre, pres);
            assertTrue(s.capital().allocate(2025, "30", "5", SurplusAllocation.Basis.CAPITAL, null, null, true)
                    .posted());
            assertEquals(2, s.capital().statement("Ana").position().sharesHeld());
        }
    }
}
