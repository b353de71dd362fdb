package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `minka demo generate`: the same demo as the desktop app's, named in the language of messages,
/// ending on the day given.
class DemoCliTest {
    @TempDir
    Path dir;

    @Test
    void theDemoIsNamedInTheLanguageOfMessages() {
        Path out = dir.resolve("demo");
        var r = new CliRunner(dir.resolve("unused.db")).run("--lang", "fr", "demo", "generate", "--out", out.toString(),
                "--members", "6", "--replicas", "2", "--end", "2026-03-01", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, r.json().get("databases").size());
        try (Services s = new Services(Workspace.open(Path.of(r.json().get("databases").get(0).asString()),
                System::currentTimeMillis))) {
            assertEquals("Flor de Quinua (démo)", s.workspace().coop().name());
            var accounts = s.ledger().accounts().stream().map(a -> a.account().code() + " " + a.account().name()).toList();
            assertTrue(accounts.contains("1010 Argent mobile"), accounts.toString());
            assertTrue(s.work().list(null, java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 1), false)
                    .size() > 0, "work on the last day's month");
        }
    }
}
