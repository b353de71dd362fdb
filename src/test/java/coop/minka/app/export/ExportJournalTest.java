package coop.minka.app.export;

import coop.minka.app.Books;
import coop.minka.app.OnReportFixture;


import static coop.minka.app.ReportFixture.FROM;
import static coop.minka.app.ReportFixture.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/// The hledger, ledger and beancount exports are accepted by the real tools, and the balances
/// the tools compute equal Minka's to the cent — for all time and for a period (where the
/// balances before it come in as one opening transaction). Skipped where a tool is missing.
class ExportJournalTest extends OnReportFixture {

    /// Minka's balances by journal account name, non-zero only, as plain decimals.
    private static Map<String, BigDecimal> minka(java.time.LocalDate to) throws Exception {
        Map<String, BigDecimal> out = new TreeMap<>();
        var names = s.workspace().read(d -> JournalExport.names(Books.load(d, null, to)));
        for (var r : s.reports().balances(to)) {
            if (r.balance() != 0) {
                out.put(names.get(r.account().id()), BigDecimal.valueOf(r.balance(), 2));
            }
        }
        return out;
    }

    private static Path export(ExportService.Format f, String name, java.time.LocalDate from, java.time.LocalDate to) {
        return s.exports().export(f, dir.resolve(name), from, to).path();
    }

    @Test
    void hledgerAcceptsTheJournalAndAgrees() throws Exception {
        assumeTrue(tool("hledger"), "hledger is not installed: skipping (.ci/run installs it)");
        for (var period : periods()) {
            Path f = export(ExportService.Format.HLEDGER, "all" + (period.get(0) == null ? "" : "-q") + ".hledger", period.get(0), period.get(1));
            run("hledger", "-f", f.toString(), "check", "--strict");
            String csv = run("hledger", "-f", f.toString(), "bal", "--flat", "-N", "-O", "csv");
            assertEquals(minka(period.get(1)), parse(csv.lines().skip(1).map(l -> l.replace("\"", "").split(",")).toList()));
        }
    }

    @Test
    void ledgerAcceptsTheJournalAndAgrees() throws Exception {
        assumeTrue(tool("ledger"), "ledger is not installed: skipping (.ci/run installs it)");
        for (var period : periods()) {
            Path f = export(ExportService.Format.LEDGER, "all" + (period.get(0) == null ? "" : "-q") + ".ledger", period.get(0), period.get(1));
            String out = run("ledger", "-f", f.toString(), "--pedantic", "bal", "--flat", "--no-total", "--empty",
                    "-F", "%(account)|%(display_total)\n");
            assertEquals(minka(period.get(1)), parse(out.lines().map(l -> l.split("\\|")).toList()));
        }
    }

    @Test
    void beancountAcceptsTheFileAndAgrees() throws Exception {
        assumeTrue(tool("bean-check") && tool("bean-query"), "beancount is not installed: skipping (.ci/run installs it)");
        for (var period : periods()) {
            Path f = export(ExportService.Format.BEANCOUNT, "all" + (period.get(0) == null ? "" : "-q") + ".beancount", period.get(0), period.get(1));
            assertEquals("", run("bean-check", f.toString()).strip());
            String csv = run("bean-query", "-f", "csv", f.toString(),
                    "SELECT account, sum(number) AS total GROUP BY account ORDER BY account");
            assertEquals(minka(period.get(1)), parse(csv.lines().skip(1).map(l -> l.split(",")).toList()));
        }
    }

    @Test
    void voidedTransactionsAreCommentsInEveryFormat() throws Exception {
        for (ExportService.Format f : List.of(ExportService.Format.HLEDGER, ExportService.Format.BEANCOUNT)) {
            String text = Files.readString(export(f, "v-" + f, null, null));
            assertTrue(text.contains("voided, not counted: 2026-03-05 Bus to market (wrong amount)"), text);
            assertTrue(text.contains("Assets:1000-Cash-box"), text);
        }
    }

    @Test
    void accountNamesAreValidEverywhere() {
        assertEquals("Ano-2026-nandu", JournalExport.component("año 2026 ñandú"));
        assertEquals("X", JournalExport.component("¿?"));
    }

    private static List<List<java.time.LocalDate>> periods() {
        List<List<java.time.LocalDate>> p = new ArrayList<>();
        p.add(java.util.Arrays.asList(null, null));
        p.add(List.of(FROM, TO));
        return p;
    }

    private static Map<String, BigDecimal> parse(List<String[]> rows) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (String[] r : rows) {
            if (r.length < 2 || r[0].isBlank()) {
                continue;
            }
            String num = r[1].replace("BOB", "").replace(",", "").strip();
            if (num.isEmpty() || num.equals("0")) {
                continue;
            }
            BigDecimal v = new BigDecimal(num).setScale(2);
            if (v.signum() != 0) {
                out.put(r[0].strip(), v);
            }
        }
        return out;
    }

    static boolean tool(String name) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, name))) {
                return true;
            }
        }
        return false;
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tool did not finish: " + String.join(" ", cmd));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " said:\n" + out);
        return out;
    }
}
