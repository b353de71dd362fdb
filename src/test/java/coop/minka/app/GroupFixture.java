package coop.minka.app;

import coop.minka.domain.WorkKind;
import java.nio.file.Path;
import java.time.LocalDate;

/// Issue 14's worked example, carried to its end, for the tests of the group's papers: the two
/// meetings of [GroupServiceTest#workedExample], the second closed with 226.00 counted (1.00
/// short), the share-out posted, and 2.5 hours of work by Ana on 2026-01-10. Database
/// `group.db` in `dir`; a cooperative speaking Spanish first.
public final class GroupFixture {
    private GroupFixture() {
    }

    public static Services create(Path dir) {
        Services s = Fixtures.create(dir, "group");
        GroupServiceTest.workedExample(s);
        s.group().closeMeeting("226.00");
        s.group().postShareOut();
        s.work().addCategory("KITCHEN", "Community kitchen", "12.50", WorkKind.CARE);
        s.work().add(new WorkService.Entry("Ana", LocalDate.of(2026, 1, 10), "2.5", "KITCHEN", "lunch", "Rosa"));
        return s;
    }
}
