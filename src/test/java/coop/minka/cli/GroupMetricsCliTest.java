package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// `minka group metrics`: the table, the JSON records and the CSV headers in the user's language.
class GroupMetricsCliTest {
    @TempDir
    Path dir;

    @Test
    void metricsAsTableJsonAndSpanishCsv() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("coop.db"));
        cli.ok("init", "--name", "Grupo Flor", "--currency", "BOB", "--replica", "Village A");
        cli.ok("member", "add", "--name", "Ana Quispe");
        String cycle = cli.ok("--lang", "es", "group", "cycle", "start", "--start", "2026-01-01", "--share-price",
                "10.00", "--max-shares", "5", "--social-fund", "2.00", "--interest", "10", "--interest-method", "flat");
        assertTrue(cycle.contains("(tasa fija)"), cycle);
        cli.ok("group", "meeting", "open", "--date", "2026-01-05");
        cli.ok("group", "attend", "--member", "Ana", "--status", "present");
        cli.ok("group", "shares", "--member", "Ana", "--count", "5");
        cli.ok("group", "meeting", "close");

        String table = cli.ok("group", "metrics", "--from", "2026-01-01", "--to", "2026-03-31");
        assertTrue(table.contains("QUARTER") && table.contains("2026-Q1") && table.contains("50.00"), table);
        JsonNode json = cli.run("group", "metrics", "--from", "2026-01-01", "--to", "2026-03-31", "--json").json();
        assertEquals("2026-Q1", json.get(0).get("quarter").asString());
        assertEquals(1, json.get(0).get("members").asInt());
        assertEquals("100.0", json.get(0).get("attendancePercent").asString());
        assertEquals("50.00", json.get(0).get("savings").asString());

        Path csv = dir.resolve("metrics.csv");
        cli.ok("--lang", "es", "group", "metrics", "--from", "2026-01-01", "--to", "2026-03-31", "--csv",
                csv.toString());
        String[] lines = Files.readString(csv, StandardCharsets.UTF_8).split("\r\n");
        assertEquals("TRIMESTRE,MIEMBROS,% MUJERES,% ASISTENCIA,AHORROS,PRÉSTAMOS PENDIENTES,"
                + "% CARTERA EN RIESGO > 30 DÍAS,% RENDIMIENTO DEL AHORRO,DESERCIONES", lines[0]);
        assertTrue(lines[1].startsWith("2026-Q1,1,"), lines[1]);
    }
}
