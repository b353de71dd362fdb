package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// The command line speaks the user's language (issue #12): `--lang`, else `LC_ALL`,
/// `LC_MESSAGES`, `LANG`, else English; an unknown `--lang` is refused before anything is done.
class CliLanguageTest {
    /// English words and phrases of the command line's own output that must not show in Spanish.
    private static final Pattern ENGLISH = Pattern.compile("\\b(NAME|GENDER|JOINED|STATUS|BALANCE|TYPE|CODE|LAPTOP"
            + "|FINGERPRINT|ENTRIES|WAITING|HAS OURS|LAST FILE|woman|man|active|asset|income|expense|founder"
            + "|this laptop|hours|Total assets|Updated|Recorded|Voided|entries|shared work|gender|status)\\b");

    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void init() {
        cli = new CliRunner(dir.resolve("coop.db"));
        cli.ok("init", "--name", "Cooperativa Flor", "--currency", "BOB", "--replica", "Comunidad A");
        cli.ok("member", "add", "--name", "Ana Quispe", "--gender", "woman", "--joined", "2024-01-10");
        cli.ok("account", "add", "--code", "1000", "--name", "Caja", "--type", "asset");
        cli.ok("account", "add", "--code", "4000", "--name", "Cuotas", "--type", "income");
    }

    private static void noEnglish(String what, String printed) {
        var m = ENGLISH.matcher(printed);
        assertFalse(m.find(), what + " prints English (" + (m.find(0) ? m.group() : "") + "):\n" + printed);
    }

    @Test
    void withLangEsTheCommandsPrintNoEnglish() {
        CliRunner.Result tx = cli.run("--lang", "es", "tx", "add", "--date", "2026-03-01", "--memo", "Cuota de Ana",
                "--post", "1000=50", "--post", "4000=-50");
        assertEquals(0, tx.exit(), tx.err());
        noEnglish("tx add", tx.out() + tx.err());
        String balances = cli.ok("--lang", "es", "report", "balances");
        noEnglish("report balances", balances);
        assertTrue(balances.contains("CÓDIGO") && balances.contains("SALDO") && balances.contains("activo"), balances);
        String members = cli.ok("--lang", "es", "member", "list");
        noEnglish("member list", members);
        assertTrue(members.contains("NOMBRE") && members.contains("mujer"), members);
        String status = cli.ok("--lang", "es", "sync", "status");
        noEnglish("sync status", status);
        assertTrue(status.contains("COMPUTADORA") && status.contains("(esta computadora)"), status);
        String show = cli.ok("--lang", "es", "member", "show", "Ana");
        noEnglish("member show", show);
        String trial = cli.ok("--lang", "es", "report", "trial-balance");
        noEnglish("report trial-balance", trial);
        assertTrue(trial.contains("El debe y el haber son iguales: sí"), trial);
        String voided = cli.ok("--lang", "es", "tx", "void", tx.out().strip(), "--reason", "error");
        assertEquals("Se anuló " + tx.out().strip(), voided);
    }

    @Test
    void theJsonKeysStayEnglishInEveryLanguage() {
        JsonNode es = cli.run("--lang", "es", "member", "list", "--json").json();
        assertEquals("woman", es.get(0).get("gender").asString());
        assertEquals(cli.run("member", "list", "--json").out(), cli.run("--lang", "fr", "member", "list", "--json").out());
    }

    @Test
    void withoutLangTheEnvironmentChoosesAndLcAllWinsOverLang() {
        CliRunner.Result fr = cli.runIn(Map.of("LANG", "fr_FR.UTF-8"), "report", "balances");
        assertEquals(0, fr.exit(), fr.err());
        assertTrue(fr.out().contains("SOLDE") && fr.out().contains("actif"), fr.out());
        CliRunner.Result es = cli.runIn(Map.of("LANG", "fr_FR.UTF-8", "LC_ALL", "es_BO.UTF-8"), "member", "list");
        assertTrue(es.out().contains("NOMBRE"), es.out());
        CliRunner.Result posix = cli.runIn(Map.of("LC_ALL", "C", "LANG", "fr_FR.UTF-8"), "member", "list");
        assertTrue(posix.out().contains("NAME"), posix.out());
        CliRunner.Result none = cli.runIn(Map.of(), "member", "list");
        assertTrue(none.out().contains("NAME"), none.out());
        CliRunner.Result given = cli.runIn(Map.of("LANG", "fr_FR.UTF-8"), "--lang", "pt", "member", "list");
        assertTrue(given.out().contains("NOME"), given.out());
        CliRunner.Result error = cli.runIn(Map.of("LANG", "fr_FR.UTF-8"), "member", "show", "Zoe");
        assertEquals(2, error.exit());
        assertTrue(error.err().startsWith("Erreur"), error.err());
    }

    @Test
    void theEnvironmentIsReadAsPosixSays() {
        assertEquals(Locale.forLanguageTag("es"), Language.ofEnvironment(Map.of("LANG", "es_ES.UTF-8")::get));
        assertEquals(Locale.forLanguageTag("pt"), Language.ofEnvironment(Map.of("LANG", "pt_BR")::get));
        assertEquals(Locale.forLanguageTag("fr"),
                Language.ofEnvironment(Map.of("LC_ALL", "fr_FR@euro", "LANG", "es_ES.UTF-8")::get));
        assertEquals(Locale.forLanguageTag("es"),
                Language.ofEnvironment(Map.of("LC_ALL", "", "LC_MESSAGES", "es_PE.UTF-8", "LANG", "fr_FR")::get));
        assertEquals(Locale.ENGLISH, Language.ofEnvironment(Map.of("LANG", "C", "LANGUAGE", "es")::get));
        assertEquals(Locale.ENGLISH, Language.ofEnvironment(Map.of("LANG", "POSIX")::get));
        assertEquals(Locale.ENGLISH, Language.ofEnvironment(Map.of("LANG", "de_DE.UTF-8")::get));
        assertEquals(Locale.ENGLISH, Language.ofEnvironment(Map.<String, String>of()::get));
        assertEquals(Locale.forLanguageTag("pt"), Language.ofOption("pt-BR"));
        assertEquals(Locale.forLanguageTag("es"), Language.ofOption("ES"));
        assertEquals(null, Language.ofOption("de"));
    }

    @Test
    void anUnknownLangIsRefusedWithOneLineAndNothingIsWritten() {
        for (String lang : List.of("xx", "de")) {
            CliRunner.Result r = cli.run("--lang", lang, "member", "add", "--name", "Zoe");
            assertEquals(2, r.exit());
            assertEquals("", r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("\"" + lang + "\"") && r.err().contains("en, es, fr, pt"), r.err());
            assertFalse(r.err().contains("Usage"), r.err());
        }
        assertEquals(1, cli.run("member", "list", "--json").json().size(), "nothing was added");
        CliRunner.Result es = cli.runIn(Map.of("LANG", "es_ES.UTF-8"), "--lang", "xx", "member", "list");
        assertTrue(es.err().startsWith("Idioma desconocido"), es.err());
    }

    @Test
    void memberUpdatePrintsAndReturnsTheMemberAsItIsAfterTheChange() {
        JsonNode updated = cli.run("member", "update", "Ana Quispe", "--name", "Ana María Quispe", "--status", "inactive",
                "--contact", "70012345", "--json").json();
        assertEquals("Ana María Quispe", updated.get("name").asString());
        assertEquals("inactive", updated.get("status").asString());
        assertEquals("70012345", updated.get("contact").asString());
        String text = cli.ok("member", "update", "Ana María", "--name", "Ana M. Quispe", "--status", "active");
        assertTrue(text.startsWith("Updated Ana M. Quispe ("), text);
        assertTrue(text.contains("status: active"), text);
        String account = cli.ok("account", "update", "1000", "--name", "Caja chica");
        assertEquals("Updated 1000 Caja chica", account);
    }
}
