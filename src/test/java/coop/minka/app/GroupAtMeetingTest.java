package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// What each member did at one meeting (design notes 33), on issue 14's worked example: the
/// loan at the first meeting, its repayment (the member's through the loan) and a fine at the
/// second; members with nothing recorded are absent, and another meeting's entries never count.
class GroupAtMeetingTest {
    @TempDir
    Path dir;

    @Test
    void eachMembersEntriesAtOneMeeting() {
        try (Services s = Fixtures.create(dir, "at")) {
            GroupServiceTest.workedExample(s);
            GroupService g = s.group();
            String ana = s.members().get("Ana").id();
            String rosa = s.members().get("Rosa").id();
            String juan = s.members().get("Juan").id();
            Map<String, GroupService.AtMeeting> first = g.atMeeting(g.meetings().getFirst().id());
            assertEquals(new GroupService.AtMeeting(ana, "present", 5, 5_000, 200, 0, 0, 10_000), first.get(ana));
            assertEquals(new GroupService.AtMeeting(juan, "represented", 2, 2_000, 200, 0, 0, 0), first.get(juan));
            Map<String, GroupService.AtMeeting> second = g.atMeeting(g.meetings().getLast().id());
            assertEquals(11_000, second.get(ana).repaid(), "the repayment is Ana's, through her loan");
            assertEquals(0, second.get(ana).lent());
            assertEquals(500, second.get(rosa).fines());
            assertEquals(5_000 + 200 + 11_000, second.get(ana).cashIn());
            long in = second.values().stream().mapToLong(GroupService.AtMeeting::cashIn).sum();
            assertEquals(10_000 + 600 + 11_000 + 500, in, "shares, social fund, the repayment, the fine");
            assertTrue(g.atMeeting("no-such-meeting").isEmpty());
        }
    }
}
