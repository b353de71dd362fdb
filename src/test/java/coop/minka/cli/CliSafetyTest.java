package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// What the command line prints is safe for a terminal whatever the data holds; `--help` works
/// on every command group; a folder or a FIFO given as a file is named for what it is.
class CliSafetyTest {
    private static final String EVIL = "Ana\u001b[2J\nFORK: x\u202e\u0000\u009b";

    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void init() {
        cli = new CliRunner(dir.resolve("coop.db"));
        cli.ok("init", "--name", "Coop", "--currency", "BOB", "--replica", "Village A");
    }

    /// No character a terminal would act on, and no line that does not come from Minka.
    private static void assertSafe(String printed) {
        assertTrue(printed.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'
                || c >= 0x7f && c <= 0x9f || c == 0x202e), "raw control character in: " + printed);
        assertTrue(printed.lines().noneMatch(l -> l.startsWith("FORK:")), "a fake line: " + printed);
    }

    @Test
    void namesWithControlCharactersArePrintedVisiblyOnOneLine() {
        // the rule book refuses control characters in a name; the refusal quotes it safely on one line
        CliRunner.Result refused = cli.run("member", "add", "--name", EVIL);
        assertEquals(2, refused.exit());
        assertSafe(refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        // what the rule book lets through (a direction override in a name, escapes and line breaks
        // in free texts) is still shown visibly on one line
        String id = cli.ok("member", "add", "--name", "Ana\u202eFORK x",
                "--notes", "line one\r\nline two\u001b]0;title\u0007");
        cli.ok("account", "add", "--code", "1000", "--name", "Cash\u202e", "--type", "asset");
        cli.ok("account", "add", "--code", "4000", "--name", "Dues", "--type", "income");
        cli.ok("tx", "add", "--date", "2026-03-01", "--memo", "dues\nFORK: y\u001b[2J", "--post", "1000=5",
                "--post", "4000=-5");

        String list = cli.ok("member", "list");
        assertSafe(list);
        assertEquals(3, list.lines().count(), "header, rule and one row: " + list);
        assertTrue(list.contains("Ana\\u202eFORK x"), list);

        String show = cli.ok("member", "show", id);
        assertSafe(show);
        assertTrue(show.contains("notes: line one⏎line two\\u001b]0;title\\u0007"), show);
        assertSafe(cli.ok("account", "list"));
        assertSafe(cli.ok("tx", "list"));
        assertSafe(cli.ok("report", "balances"));
        assertSafe(cli.ok("report", "trial-balance"));
        assertSafe(cli.ok("member", "update", id, "--status", "inactive"));

        // an error that quotes what was typed stays one safe line
        CliRunner.Result unknown = cli.run("member", "show", "Zoe\u001b[2J\nFORK: z");
        assertEquals(2, unknown.exit());
        assertSafe(unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());

        // JSON stays exact JSON: the name reads back exactly as it was entered
        assertEquals("Ana\u202eFORK x", cli.run("member", "list", "--json").json().get(0).get("name").asString());
        assertSafe(cli.run("member", "list", "--json").out());
    }

    @Test
    void everyCommandGroupAnswersHelp() {
        for (String group : List.of("member", "category", "work", "account", "tx", "report", "sync", "period", "demo")) {
            CliRunner.Result r = cli.run(group, "--help");
            assertEquals(0, r.exit(), group + ": " + r.err());
            assertTrue(r.out().contains("Usage: minka " + group), group + ": " + r.out());
            assertTrue(r.err().isEmpty(), group + ": " + r.err());
        }
        CliRunner.Result leaf = cli.run("sync", "import", "--help");
        assertEquals(0, leaf.exit(), leaf.err());
        assertTrue(leaf.out().contains("Usage: minka sync import"), leaf.out());
        assertEquals(0, cli.run("report", "-h").exit());
    }

    @Test
    void aFolderOrAPipeGivenAsAFileIsNamedForWhatItIs() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("stick"));
        CliRunner.Result r = cli.run("sync", "import", folder.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is a folder, not a sync file"), r.err());
        r = new CliRunner(dir.resolve("b.db")).run("join", "--from", folder.toString(), "--replica", "B");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is a folder, not a sync file"), r.err());

        Path fifo = dir.resolve("pipe.minka");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (java.io.IOException e) {
            made = false;
        }
        Assumptions.assumeTrue(made, "mkfifo is not available here");
        // none of these may open the FIFO: that would wait forever for a writer
        for (List<String> args : List.of(List.of("sync", "import", fifo.toString()),
                List.of("sync", "export", "--out", fifo.toString()),
                List.of("export", "--format", "json", "--out", fifo.toString()),
                List.of("export", "--format", "csv", "--out", fifo.toString()),
                List.of("report", "pack", "--from", "2026-01-01", "--to", "2026-03-31", "--out", fifo.toString()))) {
            r = cli.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.err());
            assertTrue(r.err().contains("is not an ordinary file"), args + ": " + r.err());
            assertFalse(r.err().contains("not found"), r.err());
        }
    }
}
