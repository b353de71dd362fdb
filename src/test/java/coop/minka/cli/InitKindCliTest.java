package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `minka init --kind`: the starter chart of the desktop app's first run, named in the
/// cooperative's language; without `--kind` the books start empty as before.
class InitKindCliTest {
    @TempDir
    Path dir;

    private static List<String> accounts(Path db) {
        try (Services s = new Services(Workspace.open(db, System::currentTimeMillis))) {
            return s.ledger().accounts().stream().map(a -> a.account().code() + " " + a.account().name()).toList();
        }
    }

    private static List<String> categories(Path db) {
        try (Services s = new Services(Workspace.open(db, System::currentTimeMillis))) {
            return s.work().categories().stream().map(c -> c.code() + " " + c.name()).toList();
        }
    }

    @Test
    void aSavingsGroupInSpanish() {
        Path db = dir.resolve("es.db");
        String out = new CliRunner(db).ok("--lang", "es", "init", "--kind", "savings", "--name", "Ahorro Warmi",
                "--currency", "BOB", "--replica", "Tesorería");
        assertTrue(out.contains("Plan de cuentas inicial: 10 cuentas y 3 tipos de trabajo."), out);
        assertTrue(accounts(db).containsAll(List.of("1000 Caja", "1100 Cuenta bancaria", "1200 Préstamos a socios",
                "4200 Multas")), accounts(db).toString());
        assertTrue(categories(db).contains("MEET Reuniones"), categories(db).toString());
    }

    @Test
    void theCooperativesFirstLanguageNamesTheChart() {
        Path db = dir.resolve("pt.db");
        String json = new CliRunner(db).ok("init", "--kind", "women", "--languages", "pt,en", "--name", "Mulheres",
                "--currency", "BRL", "--replica", "Tesouraria", "--json");
        assertTrue(json.contains("\"kind\""), json);
        assertTrue(accounts(db).contains("1000 Caixa"), accounts(db).toString());
    }

    @Test
    void withoutKindTheBooksStartEmptyAndAnUnknownKindIsRefused() {
        Path db = dir.resolve("empty.db");
        new CliRunner(db).ok("init", "--name", "C", "--currency", "BOB", "--replica", "L");
        assertEquals(List.of(), accounts(db));
        assertEquals(List.of(), categories(db));

        CliRunner.Result bad = new CliRunner(dir.resolve("bad.db")).run("init", "--kind", "bakery", "--name", "C",
                "--currency", "BOB", "--replica", "L");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("bakery"), bad.err());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("bad.db")), "nothing was created");
    }
}
