package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// The command line end to end on a real database file, with `--json` output asserted.
class CliTest {
    @TempDir
    Path dir;
    CliRunner cli;
    Path db;

    @BeforeEach
    void init() {
        db = dir.resolve("coop.db");
        cli = new CliRunner(db);
        JsonNode created = cli.run("init", "--name", "Cooperativa Flor", "--currency", "BOB", "--replica", "Village A", "--json").json();
        assertEquals("BOB", created.get("currency").asString());
        assertTrue(created.get("fingerprint").asString().matches("([0-9A-F]{4} ){4}[0-9A-F]{4}"));
    }

    @Test
    void theWholeCommandLineWorksOnAFreshDatabase() {
        String ana = cli.ok("member", "add", "--name", "Ana Quispe", "--gender", "woman", "--joined", "2024-01-10");
        assertTrue(ana.matches("[0-9a-f-]{36}"), ana);
        cli.ok("member", "add", "--name", "Juan Mamani", "--gender", "man");
        cli.ok("category", "add", "--code", "KITCHEN", "--name", "Community kitchen", "--rate", "12.50", "--kind", "care");
        String work = cli.ok("work", "add", "--member", "Ana", "--date", "2026-11-20", "--hours", "2.5",
                "--category", "KITCHEN", "--note", "lunch", "--witness", "Juan");
        cli.ok("work", "day", "--date", "2026-11-21", "--hours", "3", "--category", "KITCHEN", "--attendee", "Ana", "--attendee", "Juan");
        cli.ok("account", "add", "--code", "1000", "--name", "Cash box", "--type", "asset");
        cli.ok("account", "add", "--code", "4000", "--name", "Dues", "--type", "income");
        String tx = cli.ok("tx", "add", "--date", "2026-11-20", "--memo", "Dues Ana", "--post", "1000=50.00", "--post", "4000=-50");
        cli.ok("tx", "add", "--date", "2026-11-22", "--memo", "Dues Juan", "--post", "1000=30", "--post", "4000=-30");

        JsonNode members = cli.run("member", "list", "--json").json();
        assertEquals(2, members.size());
        assertEquals(ana, members.get(0).get("id").asString());
        assertEquals("woman", members.get(0).get("gender").asString());
        assertEquals("2024-01-10", members.get(0).get("joined").asString());

        JsonNode shown = cli.run("member", "show", "Ana Quispe", "--json").json();
        assertEquals(5.5, shown.get("workHours").asDouble());

        JsonNode entries = cli.run("work", "list", "--member", "Ana", "--json").json();
        assertEquals(2, entries.size());
        assertEquals("KITCHEN", entries.get(0).get("category").asString());
        assertEquals("Juan Mamani", cli.run("member", "show", entries.get(0).get("witness").asString(), "--json").json().get("name").asString());

        JsonNode balances = cli.run("report", "balances", "--json").json();
        assertEquals("80.00", balances.get("accounts").get(0).get("balance").asString());
        assertEquals("-80.00", balances.get("accounts").get(1).get("balance").asString());
        assertEquals("0.00", balances.get("total").asString());
        assertEquals("50.00", cli.run("report", "balances", "--as-of", "2026-11-21", "--json").json()
                .get("accounts").get(0).get("balance").asString());

        JsonNode byGender = cli.run("report", "work", "--by", "gender", "--json").json();
        assertEquals("man", byGender.get("rows").get(0).get("key").asString());
        assertEquals(3.0, byGender.get("rows").get(0).get("hours").asDouble());
        assertEquals("37.50", byGender.get("rows").get(0).get("value").asString());
        assertEquals(8.5, byGender.get("totalHours").asDouble());

        cli.ok("tx", "void", tx, "--reason", "entered twice");
        JsonNode txs = cli.run("tx", "list", "--account", "1000", "--json").json();
        assertEquals(2, txs.size());
        assertTrue(txs.get(0).get("voided").asBoolean());
        assertEquals("entered twice", txs.get(0).get("voidReason").asString());
        assertEquals("30.00", cli.run("account", "list", "--json").json().get(0).get("balance").asString());

        cli.ok("work", "void", work, "--reason", "wrong day");
        assertEquals(1, cli.run("work", "list", "--member", "Ana", "--json").json().size());
        assertEquals(2, cli.run("work", "list", "--member", "Ana", "--include-voided", "--json").json().size());

        cli.ok("member", "update", "Juan", "--status", "inactive", "--contact", "70012345");
        assertEquals("inactive", cli.run("member", "show", "Juan", "--json").json().get("status").asString());

        JsonNode log = cli.run("log", "--json").json();
        assertEquals("replica.join", log.get(0).get("type").asString());
        assertEquals("Village A", log.get(0).get("replicaName").asString());
        assertTrue(log.size() >= 14);

        JsonNode verify = cli.run("verify", "--json").json();
        assertTrue(verify.get("ok").asBoolean(), verify.toString());
        assertEquals(64, verify.get("digest").asString().length());
        assertEquals(0, verify.get("problems").size());
    }

    @Test
    void userMistakesEndInOneLineWithoutAStackTraceAndChangeNothing() throws Exception {
        cli.ok("account", "add", "--code", "1000", "--name", "Cash", "--type", "asset");
        cli.ok("account", "add", "--code", "4000", "--name", "Dues", "--type", "income");
        byte[] before = Files.readAllBytes(db);
        String digest = cli.run("verify", "--json").json().get("digest").asString();
        record Case(int exit, String fragment, List<String> args) {
        }
        List<Case> cases = List.of(
                new Case(2, "do not add up to zero", List.of("tx", "add", "--date", "2026-01-01", "--memo", "x", "--post", "1000=10", "--post", "4000=-9")),
                new Case(2, "9999", List.of("tx", "add", "--date", "2026-01-01", "--memo", "x", "--post", "1000=10", "--post", "9999=-10")),
                new Case(2, "2026-02-30", List.of("tx", "add", "--date", "2026-02-30", "--memo", "x", "--post", "1000=10", "--post", "4000=-10")),
                new Case(2, "10.005", List.of("tx", "add", "--date", "2026-01-01", "--memo", "x", "--post", "1000=10.005", "--post", "4000=-10.005")),
                new Case(2, "ten", List.of("tx", "add", "--date", "2026-01-01", "--memo", "x", "--post", "1000=ten", "--post", "4000=-10")),
                new Case(2, "Nadie", List.of("work", "add", "--member", "Nadie", "--date", "2026-01-01", "--hours", "1", "--category", "X")),
                new Case(2, "planet", List.of("account", "add", "--code", "9", "--name", "x", "--type", "planet")),
                new Case(2, "1000", List.of("account", "add", "--code", "1000", "--name", "again", "--type", "asset")));
        for (Case c : cases) {
            CliRunner.Result r = cli.run(c.args().toArray(String[]::new));
            assertEquals(c.exit(), r.exit(), c.args() + " -> " + r.err());
            assertTrue(r.err().startsWith("Error: "), r.err());
            assertTrue(r.err().contains(c.fragment()), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertEquals(digest, cli.run("verify", "--json").json().get("digest").asString());
        assertArrayEquals(before, Files.readAllBytes(db), "refused commands leave the file as it was");
    }

    @Test
    void errorsSpeakTheUsersLanguage() {
        CliRunner.Result r = new CliRunner(db).run("--lang", "es", "member", "show", "Nadie");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Error: "), r.err());
        assertTrue(r.err().contains("Nadie"), r.err());
        assertFalse(r.err().contains("There is no member"), r.err());
    }

    @Test
    void noSuchDatabaseOrNotADatabase() throws Exception {
        CliRunner.Result missing = new CliRunner(dir.resolve("nope.db")).run("member", "list");
        assertEquals(3, missing.exit());
        assertFalse(Files.exists(dir.resolve("nope.db")));
        Path photo = dir.resolve("photo.jpg");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        CliRunner.Result notDb = new CliRunner(photo).run("member", "list");
        assertEquals(3, notDb.exit());
        assertTrue(notDb.err().contains("photo.jpg"), notDb.err());
    }

    @Test
    void verifyFailsOnATamperedCopy() throws Exception {
        cli.ok("member", "add", "--name", "Ana Quispe");
        Path copy = dir.resolve("tampered.db");
        Files.copy(db, copy);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy); var st = c.createStatement()) {
            st.execute("DROP TRIGGER op_immutable");
            st.executeUpdate("UPDATE op SET body = CAST(replace(CAST(body AS TEXT), 'Quispe', 'Quispa') AS BLOB) WHERE type = 'member.add'");
        }
        CliRunner.Result r = new CliRunner(copy).run("verify", "--json");
        assertEquals(1, r.exit());
        assertFalse(r.json().get("ok").asBoolean());
        assertTrue(r.json().get("problems").size() > 0);
        assertEquals(0, cli.run("verify").exit());
    }
}
