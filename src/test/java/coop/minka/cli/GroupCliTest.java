package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// Issue 14's worked example of a savings-group cycle through `minka group …`, exactly as the
/// issue lists the commands, then the books still balance and `minka verify` passes.
class GroupCliTest {
    @TempDir
    Path dir;

    @Test
    void theWorkedExampleThroughTheCommandLine() {
        CliRunner cli = new CliRunner(dir.resolve("coop.db"));
        cli.ok("init", "--name", "Grupo Flor", "--currency", "BOB", "--replica", "Village A");
        for (String name : List.of("Ana Quispe", "Rosa Condori", "Juan Mamani")) {
            cli.ok("member", "add", "--name", name);
        }
        String cycle = cli.ok("group", "cycle", "start", "--start", "2026-01-01", "--share-price", "10.00",
                "--max-shares", "5", "--social-fund", "2.00", "--interest", "10", "--interest-method", "flat",
                "--loan-multiple", "3", "--max-term-months", "3", "--fine", "late=5.00");
        assertTrue(cycle.contains("10.00"), cycle);
        cli.ok("group", "meeting", "open", "--date", "2026-01-05");
        meeting(cli);
        String loan = cli.ok("group", "loan", "issue", "--member", "Ana", "--amount", "100.00", "--term-months", "1")
                .strip();
        JsonNode schedule = cli.run("group", "loan", "schedule", loan, "--json").json();
        assertEquals("110.00", schedule.get("totalDue").asString());
        assertEquals("2026-02-05", schedule.get("schedule").get(0).get("due").asString());
        String close = cli.ok("group", "meeting", "close", "--counted", "6.00");
        assertTrue(close.contains("6.00"), close);

        cli.ok("group", "meeting", "open", "--date", "2026-02-05");
        meeting(cli);
        JsonNode repaid = cli.run("group", "loan", "repay", loan, "--amount", "110.00", "--json").json();
        assertEquals("10.00", repaid.get("charge").asString());
        assertEquals("100.00", repaid.get("principal").asString());
        cli.ok("group", "fine", "--member", "Rosa", "--kind", "late");
        JsonNode closed = cli.run("group", "meeting", "close", "--counted", "226.00", "--json").json();
        assertEquals("227.00", closed.get("expected").asString());
        assertEquals("-1.00", closed.get("difference").asString());
        assertEquals("0.00", cli.run("group", "loan", "list", "--json").json().get(0).get("principalOwed").asString());

        JsonNode preview = cli.run("group", "share-out", "--json").json();
        assertShareOut(preview);
        assertEquals(false, preview.get("posted").asBoolean());
        JsonNode posted = cli.run("group", "share-out", "--post", "--json").json();
        assertShareOut(posted);
        assertEquals(true, posted.get("posted").asBoolean());

        CliRunner.Result again = cli.run("group", "share-out", "--post");
        assertEquals(2, again.exit(), again.err());
        assertTrue(again.err().contains("already shared out"), again.err());
        assertTrue(cli.ok("verify").toLowerCase(java.util.Locale.ROOT).contains("ok"));
        JsonNode tb = cli.run("report", "trial-balance", "--json").json();
        assertTrue(tb.toString().contains("\"totalDebits\""), tb.toString());
    }

    private static void meeting(CliRunner cli) {
        Map<String, String> shares = Map.of("Ana", "5", "Rosa", "3", "Juan", "2");
        for (String m : List.of("Ana", "Rosa", "Juan")) {
            cli.ok("group", "attend", "--member", m, "--status", "present");
            cli.ok("group", "shares", "--member", m, "--count", shares.get(m));
            cli.ok("group", "social-fund", "--member", m);
        }
    }

    private static void assertShareOut(JsonNode j) {
        assertEquals("215.00", j.get("distributable").asString());
        assertEquals(20, j.get("totalShares").asLong());
        assertEquals("10.75", j.get("valuePerShare").asString());
        assertEquals("12.00", j.get("socialFund").asString());
        Map<String, String> payouts = new HashMap<>();
        for (JsonNode m : j.get("members")) {
            payouts.put(m.get("name").asString(), m.get("payout").asString());
        }
        assertEquals(Map.of("Ana Quispe", "107.50", "Rosa Condori", "64.50", "Juan Mamani", "43.00"), payouts);
    }

    @Test
    void aLoanOverTheLimitIsRefusedInOnePlainLine() {
        CliRunner cli = new CliRunner(dir.resolve("coop.db"));
        cli.ok("init", "--name", "Grupo Flor", "--currency", "BOB", "--replica", "Village A");
        cli.ok("member", "add", "--name", "Ana Quispe");
        cli.ok("group", "cycle", "start", "--start", "2026-01-01", "--share-price", "10", "--max-shares", "5",
                "--social-fund", "0", "--interest", "2.5", "--interest-method", "declining");
        cli.ok("group", "meeting", "open", "--date", "2026-01-05");
        cli.ok("group", "shares", "--member", "Ana", "--count", "2");
        CliRunner.Result over = cli.run("group", "loan", "issue", "--member", "Ana", "--amount", "61",
                "--term-months", "2");
        assertEquals(2, over.exit(), over.err());
        assertTrue(over.err().contains("the most the group can lend is 60.00"), over.err());
        assertEquals(0, cli.run("group", "loan", "list", "--json").json().size(), "nothing was written");
        String uncounted = cli.ok("group", "meeting", "close");
        assertTrue(uncounted.contains("20.00"), uncounted);
        CliRunner.Result none = cli.run("group", "shares", "--member", "Ana", "--count", "1");
        assertEquals(2, none.exit(), none.err());
        assertTrue(none.err().contains("No meeting is open"), none.err());
    }
}
