package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// The share register and a year's surplus through `minka capital …` and `minka surplus allocate`
/// (design notes 35): `--json`, refusals in plain words (in Spanish too), and a posted allocation
/// that keeps the books balanced.
class CapitalCliTest {
    @TempDir
    Path dir;

    @Test
    void registerStatementAndSurplusThroughTheCommandLine() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("coop.db"));
        cli.ok("init", "--name", "Cooperativa Sol", "--currency", "BOB", "--replica", "Village A");
        cli.ok("member", "add", "--name", "Ana Quispe");
        cli.ok("member", "add", "--name", "Rosa Condori");
        cli.ok("account", "add", "--code", "1000", "--name", "Cash", "--type", "asset", "--cash");
        cli.ok("account", "add", "--code", "4000", "--name", "Sales", "--type", "income");

        String first = cli.ok("capital", "subscribe", "--member", "Ana", "--shares", "10", "--price", "10.00",
                "--date", "2025-01-10");
        assertTrue(first.contains("No. 1") && first.contains("100.00"), first);
        JsonNode rosa = cli.run("capital", "subscribe", "--member", "Rosa", "--shares", "5", "--date", "2025-01-11",
                "--json").json();
        assertEquals(2, rosa.get("number").asInt());
        assertEquals("50.00", rosa.get("amount").asString());
        assertEquals("subscribe", rosa.get("kind").asString());
        cli.ok("capital", "pay", "--member", "Ana", "--amount", "100.00", "--date", "2025-01-12");
        cli.ok("capital", "transfer", "--from", "Ana", "--to", "Rosa", "--shares", "2", "--date", "2025-02-01");

        JsonNode list = cli.run("capital", "list", "--json").json();
        assertEquals(4, list.size());
        assertEquals("transfer", list.get(3).get("kind").asString());
        assertEquals("Rosa Condori", list.get(3).get("toName").asString());
        String table = cli.ok("capital", "list");
        assertTrue(table.contains("Ana Quispe → Rosa Condori") && table.contains("transferred"), table);

        JsonNode ana = cli.run("capital", "statement", "--member", "Ana", "--json").json();
        assertEquals(8, ana.get("sharesHeld").asInt());
        assertEquals("0.00", ana.get("unpaid").asString());
        assertEquals("80.00", ana.get("capitalAccount").asString());

        CliRunner.Result tooMany = cli.run("--lang", "es", "capital", "redeem", "--member", "Rosa", "--shares", "8",
                "--date", "2025-03-01");
        assertEquals(2, tooMany.exit(), tooMany.err());
        assertTrue(tooMany.err().contains("Rosa Condori tiene 7 acciones, menos que las 8 pedidas"), tooMany.err());
        assertEquals(4, cli.run("capital", "list", "--json").json().size(), "nothing written");
        String redeemed = cli.ok("--lang", "es", "capital", "redeem", "--member", "Rosa", "--shares", "1", "--date",
                "2025-03-01");
        assertTrue(redeemed.contains("N.º 5") && redeemed.contains("10.00"), redeemed);

        cli.ok("tx", "add", "--date", "2025-06-01", "--memo", "Sales", "--post", "1000=300.03", "--post",
                "4000=-300.03");
        CliRunner.Result open = cli.run("--lang", "es", "surplus", "allocate", "--year", "2025", "--reserve", "30",
                "--education", "5", "--basis", "capital");
        assertEquals(2, open.exit(), open.err());
        assertTrue(open.err().contains("El año 2025 no está cerrado"), open.err());
        cli.ok("period", "close", "--to", "2025-12-31");

        Path csv = dir.resolve("sales.csv");
        Files.writeString(csv, "member,amount\nAna Quispe,10\nRosa Condori,20\n");
        JsonNode trade = cli.run("surplus", "allocate", "--year", "2025", "--reserve", "30", "--education", "5",
                "--basis", "purchases", "--amounts", csv.toString(), "--json").json();
        assertEquals("300.03", trade.get("surplus").asString());
        assertEquals(false, trade.get("posted").asBoolean());

        String preview = cli.ok("surplus", "allocate", "--year", "2025", "--reserve", "30", "--education", "5",
                "--basis", "capital", "--cash", "40");
        assertTrue(preview.contains("Preview only") && preview.contains("300.03"), preview);
        JsonNode posted = cli.run("surplus", "allocate", "--year", "2025", "--reserve", "30", "--education", "5",
                "--basis", "capital", "--cash", "40", "--post", "--json").json();
        assertEquals(true, posted.get("posted").asBoolean());
        assertEquals("90.01", posted.get("reserve").asString(), "30 % of 300.03, by largest remainder");
        long sum = Math.round(Double.parseDouble(posted.get("reserve").asString()) * 100)
                + Math.round(Double.parseDouble(posted.get("education").asString()) * 100);
        for (JsonNode m : posted.get("members")) {
            sum += Math.round(Double.parseDouble(m.get("cash").asString()) * 100)
                    + Math.round(Double.parseDouble(m.get("retained").asString()) * 100);
        }
        assertEquals(30003, sum, "exact to the cent");
        CliRunner.Result twice = cli.run("surplus", "allocate", "--year", "2025", "--reserve", "30", "--education",
                "5", "--basis", "capital", "--post");
        assertEquals(2, twice.exit(), twice.err());
        cli.ok("verify");
    }
}
