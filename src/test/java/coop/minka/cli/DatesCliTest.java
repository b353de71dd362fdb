package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Issue #11 on the command line: every date option of a new entry goes through the rule book's
/// date parser. A bad date is refused with exit 2 and the books are left exactly as they were; a
/// date more than a year ahead is saved with a warning on stderr.
class DatesCliTest {
    static final List<String> BAD = List.of("+10000-01-01", "0000-01-01", "-0001-01-01", "2026-02-30",
            "1899-12-31", "3000-01-01", "26-03-31", "31/03/2026", "2026-3-31");

    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void init() {
        cli = new CliRunner(dir.resolve("coop.db"));
        cli.ok("init", "--name", "Cooperativa Flor", "--currency", "BOB", "--replica", "Village A");
        cli.ok("member", "add", "--name", "Ana Quispe", "--gender", "woman");
        cli.ok("category", "add", "--code", "KITCHEN", "--name", "Community kitchen");
        cli.ok("account", "add", "--code", "1000", "--name", "Cash box", "--type", "asset");
        cli.ok("account", "add", "--code", "4000", "--name", "Dues", "--type", "income");
        cli.ok("tx", "add", "--date", "2025-06-01", "--memo", "Dues", "--post", "1000=5", "--post", "4000=-5");
        cli.ok("period", "close", "--to", "2025-12-31");
    }

    /// What the books hold: the state digest and the whole change log.
    String books() {
        return cli.ok("verify", "--json") + cli.ok("log", "--json");
    }

    @Test
    void everyBadDateIsRefusedWithExit2AndChangesNothing() {
        String before = books();
        for (String bad : BAD) {
            List<List<String>> commands = List.of(
                    List.of("tx", "add", "--date=" + bad, "--memo", "Dues", "--post", "1000=5", "--post", "4000=-5"),
                    List.of("work", "add", "--member", "Ana", "--date=" + bad, "--hours", "2", "--category", "KITCHEN"),
                    List.of("work", "day", "--date=" + bad, "--hours", "2", "--category", "KITCHEN", "--attendee", "Ana"),
                    List.of("member", "add", "--name", "Rosa", "--joined=" + bad),
                    List.of("member", "update", "Ana", "--joined=" + bad),
                    List.of("period", "close", "--to=" + bad));
            for (List<String> c : commands) {
                CliRunner.Result r = cli.run(c.toArray(String[]::new));
                assertEquals(2, r.exit(), c + " -> " + r.err());
                assertTrue(r.err().contains("is not a date"), c + " -> " + r.err());
                assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            }
        }
        for (String bad : List.of("-0001-01-01", "0000-01-01")) {
            CliRunner.Result r = cli.run("tx", "add", "--date", bad, "--memo", "Dues", "--post", "1000=5",
                    "--post", "4000=-5");
            assertEquals(2, r.exit(), bad + " -> " + r.err());
        }
        assertEquals(before, books());
    }

    @Test
    void aYear10000DateDoesNotSlipPastAClosedPeriod() {
        String before = books();
        CliRunner.Result r = cli.run("tx", "add", "--date", "+10000-01-01", "--memo", "x", "--post", "1000=5",
                "--post", "4000=-5");
        assertEquals(2, r.exit(), r.err());
        assertEquals(before, books());
    }

    @Test
    void aDateFarAheadIsSavedWithAWarning() {
        CliRunner.Result r = cli.run("tx", "add", "--date", "2099-01-01", "--memo", "Dues", "--post", "1000=5",
                "--post", "4000=-5");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("Warning: the date 2099-01-01 is more than a year after today"), r.err());
        CliRunner.Result es = cli.run("--lang", "es", "work", "add", "--member", "Ana", "--date", "2099-01-01",
                "--hours", "2", "--category", "KITCHEN");
        assertEquals(0, es.exit(), es.err());
        assertTrue(es.err().startsWith("Aviso: la fecha 2099-01-01"), es.err());
        String soon = LocalDate.now().plusDays(30).toString();
        CliRunner.Result near = cli.run("tx", "add", "--date", soon, "--memo", "Dues", "--post", "1000=5",
                "--post", "4000=-5");
        assertEquals(0, near.exit(), near.err());
        assertEquals("", near.err());
    }

    @Test
    void amountsBeyondTheMaximumAreRefused() {
        String before = books();
        CliRunner.Result r = cli.run("tx", "add", "--date", "2026-06-01", "--memo", "x",
                "--post", "1000=100000000000.01", "--post", "4000=-100000000000.01");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("largest amount"), r.err());
        CliRunner.Result wrap = cli.run("tx", "add", "--date", "2026-06-01", "--memo", "x",
                "--post", "1000=92233720368547758.07", "--post", "4000=92233720368547758.07", "--post", "4000=0.02");
        assertEquals(2, wrap.exit(), wrap.err());
        assertFalse(wrap.err().contains("Internal"), wrap.err());
        assertEquals(before, books());
        cli.ok("tx", "add", "--date", "2026-06-01", "--memo", "x", "--post", "1000=100000000000.00",
                "--post", "4000=-100000000000");
    }
}
