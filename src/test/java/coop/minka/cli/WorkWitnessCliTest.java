package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// `minka work list --unwitnessed`, the witness's name in the list, and the typed refusals
/// (issue #12).
class WorkWitnessCliTest {
    @TempDir
    Path dir;

    @Test
    void listsUnwitnessedWorkAndRefusesBadWitnesses() {
        CliRunner cli = new CliRunner(dir.resolve("coop.db"));
        cli.ok("init", "--name", "Cooperativa Flor", "--currency", "BOB", "--replica", "Village A");
        cli.ok("member", "add", "--name", "Ana Quispe", "--gender", "woman");
        cli.ok("member", "add", "--name", "Juan Mamani", "--gender", "man");
        cli.ok("member", "add", "--name", "Rosa Condori", "--gender", "woman");
        cli.ok("member", "update", "Rosa", "--status", "inactive");
        cli.ok("category", "add", "--code", "KITCHEN", "--name", "Community kitchen");
        cli.ok("work", "add", "--member", "Ana", "--date", "2026-05-02", "--hours", "2", "--category", "KITCHEN",
                "--witness", "Juan");
        String alone = cli.ok("work", "add", "--member", "Juan", "--date", "2026-05-03", "--hours", "1",
                "--category", "KITCHEN");

        JsonNode unwitnessed = cli.run("work", "list", "--unwitnessed", "--json").json();
        assertEquals(1, unwitnessed.size());
        assertEquals(alone, unwitnessed.get(0).get("id").asString());
        assertEquals(2, cli.run("work", "list", "--json").json().size());
        String table = cli.ok("work", "list");
        assertTrue(table.contains("SEEN BY") && table.contains("Juan Mamani"), table);

        CliRunner.Result self = cli.run("work", "add", "--member", "Ana", "--date", "2026-05-04", "--hours", "1",
                "--category", "KITCHEN", "--witness", "Ana");
        assertEquals(2, self.exit(), self.err());
        assertTrue(self.err().contains("cannot witness their own work"), self.err());
        CliRunner.Result inactive = cli.run("work", "add", "--member", "Ana", "--date", "2026-05-04", "--hours", "1",
                "--category", "KITCHEN", "--witness", "Rosa");
        assertEquals(2, inactive.exit(), inactive.err());
        assertTrue(inactive.err().contains("inactive"), inactive.err());
        assertEquals(2, cli.run("work", "list", "--json").json().size(), "nothing was written");
    }
}
