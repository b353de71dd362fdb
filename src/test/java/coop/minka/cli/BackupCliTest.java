package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// `minka backup list|make|restore`.
class BackupCliTest {
    @TempDir
    Path dir;

    @Test
    void listMakeAndRestore() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("coop.db"));
        cli.ok("init", "--name", "Flor", "--currency", "BOB", "--replica", "A");
        cli.ok("member", "add", "--name", "Ana", "--gender", "woman");
        assertTrue(cli.ok("backup", "list").contains("No backups"), cli.ok("backup", "list"));
        String name = cli.run("backup", "make", "--json").json().get("name").asString();
        assertTrue(cli.ok("backup", "make").startsWith("Backup made"));
        cli.ok("member", "add", "--name", "Rosa", "--gender", "woman");
        JsonNode list = cli.run("backup", "list", "--json").json();
        assertEquals(2, list.size());
        assertTrue(cli.ok("backup", "list").contains(name));

        CliRunner.Result refused = cli.run("backup", "restore", name);
        assertEquals(2, refused.exit(), "no terminal to ask: refused");
        assertTrue(refused.err().contains("--yes"), refused.err());
        assertEquals(2, cli.run("member", "list", "--json").json().size(), "nothing changed");

        assertTrue(cli.ok("backup", "restore", name, "--yes").contains("restored"));
        assertEquals(1, cli.run("member", "list", "--json").json().size(), "the books are those of the backup");
        assertTrue(cli.ok("backup", "list").contains("before-restore"));

        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "hello");
        CliRunner.Result bad = cli.run("backup", "restore", junk.toString(), "--yes");
        assertEquals(3, bad.exit(), bad.err());
        assertTrue(bad.err().contains("not a Minka database"), bad.err());
        assertEquals(1, cli.run("member", "list", "--json").json().size());
    }
}
