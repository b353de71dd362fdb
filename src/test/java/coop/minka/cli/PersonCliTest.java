package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// `minka person …`, `--as` and `--also` (design notes 26, 27): refusals end with exit 7 and one
/// line, nothing written; reading needs no person.
class PersonCliTest {
    @TempDir
    Path dir;

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void refused(CliRunner.Result r, String words) {
        assertEquals(7, r.exit(), r.err());
        assertTrue(r.err().contains(words), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void peopleRolesPinsAndTheTrail() {
        CliRunner cli = new CliRunner(dir.resolve("c.db"));
        cli.ok("init", "--name", "Flor", "--currency", "BOB", "--replica", "A");
        cli.ok("account", "add", "--code", "1000", "--name", "Cash box", "--type", "asset"); // no people yet
        // no PIN anywhere (no terminal in tests): refused
        refused(cli.runIn(env(), "person", "add", "--name", "Rosa", "--role", "president"), "No PIN for Rosa");
        refused(cli.runIn(env("MINKA_NEW_PIN", "1234"), "person", "add", "--name", "Rosa", "--role", "treasurer"),
                "must be a president");
        assertEquals(2, cli.runIn(env("MINKA_NEW_PIN", "12"), "person", "add", "--name", "Rosa", "--role",
                "president").exit(), "a PIN is 4 to 12 digits");
        cli.runIn(env("MINKA_NEW_PIN", "1234"), "person", "add", "--name", "Rosa", "--role", "president");
        // from now on a change needs --as; reading does not
        refused(cli.run("account", "add", "--code", "4000", "--name", "Dues", "--type", "income"), "--as PERSON");
        assertEquals(0, cli.run("account", "list").exit());
        assertEquals(0, cli.run("report", "balances").exit());
        refused(cli.runIn(env("MINKA_PIN", "9999"), "--as", "Rosa", "account", "add", "--code", "4000", "--name",
                "Dues", "--type", "income"), "Wrong PIN for Rosa");
        refused(cli.runIn(env("MINKA_PIN", "1234"), "--as", "Rosa", "account", "add", "--code", "4000", "--name",
                "Dues", "--type", "income"), "Rosa may not make this change");
        // the president adds the treasurer alone (nobody else could be the second person yet)
        assertEquals(0, cli.runIn(env("MINKA_PIN", "1234", "MINKA_NEW_PIN", "5678"), "--as", "Rosa", "person", "add",
                "--name", "Tere", "--role", "treasurer").exit());
        assertEquals(0, cli.runIn(env("MINKA_PIN", "5678"), "--as", "Tere", "account", "add", "--code", "4000",
                "--name", "Dues", "--type", "income").exit());
        // now roles change with two people
        refused(cli.runIn(env("MINKA_PIN", "1234"), "--as", "Rosa", "person", "update", "Tere", "--role", "treasurer",
                "--role", "secretary"), "needs two different people");
        assertEquals(0, cli.runIn(env("MINKA_PIN", "1234", "MINKA_PIN2", "5678"), "--as", "Rosa", "--also", "Tere",
                "person", "update", "Tere", "--role", "treasurer", "--role", "secretary").exit());
        JsonNode people = cli.run("person", "list", "--json").json();
        assertEquals(2, people.size());
        assertEquals("[\"secretary\",\"treasurer\"]", people.get(1).get("roles").toString());
        assertTrue(!people.toString().contains("pbkdf2"), "the PIN hash is never printed");
        // a person changes their own PIN
        assertEquals(0, cli.runIn(env("MINKA_PIN", "5678", "MINKA_NEW_PIN", "24680"), "person", "pin", "Tere").exit());
        refused(cli.runIn(env("MINKA_PIN", "5678"), "--as", "Tere", "account", "add", "--code", "5000", "--name",
                "Costs", "--type", "expense"), "Wrong PIN");
        // the trail: person, laptop, time, and old → new
        JsonNode log = cli.run("log", "--json").json();
        JsonNode update = null;
        for (JsonNode e : log) {
            if (e.get("type").asString().equals("person.update")) {
                update = e;
            }
        }
        assertEquals("Rosa", update.get("person").asString());
        assertEquals("Tere", update.get("also").asString());
        assertEquals("roles", update.get("changes").get(0).get("field").asString());
        assertEquals("treasurer", update.get("changes").get(0).get("before").asString());
        assertEquals("secretary,treasurer", update.get("changes").get(0).get("after").asString());
        JsonNode audit = cli.run("report", "audit", "--json").json();
        assertTrue(audit.toString().contains("\"person\":\"Tere\""), audit.toString());
        String table = cli.ok("log");
        assertTrue(table.contains("roles: treasurer \u2192 secretary,treasurer"), table);
    }
}
