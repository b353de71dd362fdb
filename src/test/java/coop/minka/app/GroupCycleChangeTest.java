package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coop.minka.domain.Gender;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A later cycle started (here, or received from another laptop) while a meeting of the earlier
/// one is still open: what is bought at that meeting keeps that cycle's prices, and the entry
/// stands on its transaction (design notes 37).
class GroupCycleChangeTest {
    @TempDir
    Path dir;

    @Test
    void theOpenMeetingKeepsItsOwnCyclesRules() {
        try (Services s = Fixtures.create(dir, "cycles")) {
            s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            s.group().startCycle(LocalDate.of(2026, 1, 1), "10.00", 1, 5, "2.00", "10", "flat", null, null, Map.of());
            s.group().openMeeting(LocalDate.of(2026, 1, 5));
            s.group().startCycle(LocalDate.of(2026, 7, 1), "20.00", 1, 5, "3.00", "5", "flat", null, null, Map.of());
            assertEquals(3000, s.group().buyShares("Ana", 3), "3 × 10.00, the open meeting's cycle");
            assertEquals(200, s.group().paySocial("Ana"));
            assertEquals(2L, (long) s.workspace().read(d -> coop.minka.store.GroupRepository.entries(d).stream()
                    .filter(e -> e.tx() != null).count()), "both entries stand on their transactions");
        }
    }
}
