package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Person;
import coop.minka.domain.Role;
import coop.minka.store.OpStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Who may run the savings group (design notes 32, docs/roles.md): the constitution needs two
/// people, the secretary opens meetings and takes attendance, money entries are the treasurer's.
class GroupPermissionsTest {
    @TempDir
    Path dir;

    private static void refused(ErrorCode code, Services s, Runnable change) {
        long before = s.workspace().read(OpStore::count);
        MinkaException e = assertThrows(MinkaException.class, change::run);
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(before, s.workspace().read(OpStore::count), "nothing written");
    }

    @Test
    void theTreasurerKeepsTheMoneyAndTheConstitutionNeedsTwoPeople() {
        try (Services s = Fixtures.create(dir, "roles")) {
            s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            Person pres = s.people().add("Pres", EnumSet.of(Role.PRESIDENT), null, "1111");
            s.people().actAs(pres, null);
            Person tre = s.people().add("Tre", EnumSet.of(Role.TREASURER), null, "2222");
            s.people().actAs(pres, tre);
            Person sec = s.people().add("Sec", EnumSet.of(Role.SECRETARY), null, "3333");

            s.people().actAs(tre, null);
            refused(ErrorCode.SECOND_PERSON_REQUIRED, s, () -> s.group().startCycle(LocalDate.of(2026, 1, 1), "10", 1,
                    5, "2", "10", "flat", null, null, Map.of()));
            s.people().actAs(tre, pres);
            s.group().startCycle(LocalDate.of(2026, 1, 1), "10", 1, 5, "2", "10", "flat", null, null, Map.of());

            s.people().actAs(sec, null);
            s.group().openMeeting(LocalDate.of(2026, 1, 5));
            s.group().attend("Ana", "present");
            refused(ErrorCode.NOT_ALLOWED, s, () -> s.group().buyShares("Ana", 2));
            s.people().actAs(tre, null);
            assertEquals(2000, s.group().buyShares("Ana", 2));
            assertEquals(2000, s.group().closeMeeting("20").expected());
        }
    }
}
