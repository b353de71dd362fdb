package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// `minka sync conflicts` and `minka sync resolve` on two laptops that renamed one account
/// offline: the list, a refused unknown number, the decision, and the decision reaching the
/// other laptop through the stick.
class ConflictCliTest {
    @TempDir
    Path tmp;

    @Test
    void listDecideAndCarryTheDecisionToTheOtherLaptop() throws Exception {
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        Files.createDirectories(tmp.resolve("b"));
        CliRunner a = new CliRunner(tmp.resolve("a.db"));
        CliRunner b = new CliRunner(tmp.resolve("b/b.db"));
        a.ok("init", "--name", "Mujeres de Qollana", "--currency", "BOB", "--replica", "Village A");
        a.ok("account", "add", "--code", "1100", "--name", "Cash", "--type", "asset");
        JsonNode full = a.run("sync", "export", "--out", stick.toString(), "--full", "--json").json();
        String key = tmp.resolve("recovery.txt").toString();
        a.ok("security", "recovery-key", "--out", key);
        b.ok("join", "--from", full.get("file").asString(), "--replica", "Treasurer laptop", "--recovery-key", key);
        b.ok("sync", "folder", stick.toString());
        a.ok("sync", "folder", stick.toString());
        a.ok("sync", "admit", "Treasurer laptop");
        assertEquals("No conflicts: nothing to decide.", a.ok("sync", "conflicts"));

        a.ok("account", "update", "1100", "--name", "Cash box");
        b.ok("account", "update", "1100", "--name", "Petty cash");
        a.ok("sync", "folder", stick.toString());
        b.ok("sync", "folder", stick.toString());
        a.ok("sync", "folder", stick.toString());

        JsonNode list = a.run("sync", "conflicts", "--json").json();
        assertEquals(1, list.size(), list.toString());
        JsonNode c = list.get(0);
        assertEquals(1, c.get("number").asInt());
        assertEquals("account", c.get("kind").asString());
        assertEquals("1100", c.get("code").asString());
        JsonNode f = c.get("fields").get(0);
        assertEquals("name", f.get("field").asString());
        String current = f.get("current").get("value").asString();
        String other = f.get("other").get("value").asString();
        assertTrue(current.equals("Petty cash") ? other.equals("Cash box") : other.equals("Petty cash"), list.toString());
        assertEquals(current.equals("Petty cash") ? "Treasurer laptop" : "Village A",
                f.get("current").get("laptop").asString());

        String table = a.ok("sync", "conflicts");
        assertTrue(table.contains("account 1100 Cash ") && table.contains(other) && table.contains("Village A")
                && table.contains("Treasurer laptop"), table);

        CliRunner.Result unknown = a.run("sync", "resolve", "7", "--keep");
        assertEquals(2, unknown.exit(), "an unknown conflict is a usage error");
        assertTrue(unknown.err().contains("There is no open conflict \"7\""), unknown.err());
        assertEquals(2, a.run("sync", "resolve", "1").exit(), "--keep or --take-other is required");
        assertEquals(2, a.run("sync", "resolve", "1", "--keep", "--take-other").exit(), "not both");

        JsonNode decided = a.run("sync", "resolve", c.get("id").asString(), "--take-other", "--json").json();
        assertEquals("take-other", decided.get("decision").asString());
        assertEquals(2, decided.get("entries").asInt());
        assertEquals(0, a.run("sync", "conflicts", "--json").json().size());
        assertTrue(a.ok("account", "list").contains(other));

        a.ok("sync", "folder", stick.toString());
        b.ok("sync", "folder", stick.toString());
        a.ok("sync", "folder", stick.toString());
        assertEquals(0, b.run("sync", "conflicts", "--json").json().size(), "the decision travelled");
        assertTrue(b.ok("account", "list").contains(other));
        assertEquals(a.run("verify", "--json").json().get("digest").asString(),
                b.run("verify", "--json").json().get("digest").asString());
    }
}
