package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// `minka category update CODE [--name NAME] [--rate AMOUNT --from DATE]` and `category list`
/// with the rate in effect today (issue 12).
class CategoryCliTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void init() {
        cli = new CliRunner(dir.resolve("coop.db"));
        cli.ok("init", "--name", "Cooperativa Flor", "--currency", "BOB", "--replica", "Village A");
        cli.ok("member", "add", "--name", "Ana Quispe", "--gender", "woman");
        cli.ok("category", "add", "--code", "KITCHEN", "--name", "Community kitchen", "--rate", "10", "--kind", "care");
        cli.ok("work", "add", "--member", "Ana", "--date", "2026-03-02", "--hours", "2", "--category", "KITCHEN");
        cli.ok("work", "add", "--member", "Ana", "--date", "2026-05-02", "--hours", "2", "--category", "KITCHEN");
    }

    @Test
    void updateRenamesAndSetsARateFromADate() {
        String out = cli.ok("category", "update", "KITCHEN", "--rate", "15", "--from", "2026-04-01");
        assertEquals("KITCHEN (Community kitchen): 15.00 per hour from 2026-04-01 on; earlier work keeps its rate.", out);
        assertEquals("KITCHEN: now called Olla común.", cli.ok("category", "update", "KITCHEN", "--name", "Olla común"));
        JsonNode c = cli.run("category", "list", "--json").json().get(0);
        assertEquals("Olla común", c.get("name").asString());
        assertEquals("10.00", c.get("rate").asString(), "the rate from the beginning");
        assertEquals("2026-04-01", c.get("ratesFrom").get(0).get("from").asString());
        assertEquals("15.00", c.get("ratesFrom").get(0).get("rate").asString());
        assertEquals("15.00", c.get("currentRate").asString());
        String table = cli.ok("category", "list");
        assertTrue(table.contains("SINCE"), table);
        assertTrue(table.matches("(?s).*KITCHEN +Olla común +care +15\\.00 +2026-04-01.*"), table);
        JsonNode byCat = cli.run("report", "work", "--json").json();
        assertTrue(byCat.toString().contains("\"50.00\""), "2 h at 10.00 and 2 h at 15.00: " + byCat);
    }

    @Test
    void refusalsAndTranslations() {
        CliRunner.Result none = cli.run("category", "update", "KITCHEN");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("--rate with --from"), none.err());
        CliRunner.Result noDate = cli.run("category", "update", "KITCHEN", "--rate", "15");
        assertEquals(2, noDate.exit(), noDate.err());
        CliRunner.Result badDate = cli.run("category", "update", "KITCHEN", "--rate", "15", "--from", "26-04-01");
        assertEquals(2, badDate.exit(), badDate.err());
        CliRunner.Result unknown = cli.run("category", "update", "NOPE", "--name", "x");
        assertEquals(2, unknown.exit(), unknown.err());
        String es = cli.ok("--lang", "es", "category", "update", "KITCHEN", "--rate", "12", "--from", "2026-04-01");
        assertTrue(es.contains("por hora desde el 2026-04-01"), es);
        assertTrue(cli.ok("--lang", "fr", "category", "list").contains("DEPUIS"));
    }
}
