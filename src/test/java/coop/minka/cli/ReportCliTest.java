package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.ReportFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// The report, export, period and verify-code commands in-process, over the fixed cooperative.
class ReportCliTest {
    @TempDir
    static Path dir;
    static CliRunner cli;

    @BeforeAll
    static void setUp() {
        ReportFixture.create(dir).close();
        cli = new CliRunner(dir.resolve("warmi.db"));
    }

    private static final String[] Q = {"--from", "2026-01-01", "--to", "2026-03-31"};

    private static String[] args(String... head) {
        String[] all = new String[head.length + Q.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(Q, 0, all, head.length, Q.length);
        return all;
    }

    @Test
    void trialBalanceAsTableJsonAndCsv() {
        String text = cli.ok(args("report", "trial-balance"));
        assertTrue(text.contains("1000  Cash box"), text);
        assertTrue(text.contains("742.50"), text);
        JsonNode j = cli.run(args("report", "trial-balance", "--json")).json();
        assertEquals("742.50", j.get("totalDebits").asString());
        assertEquals("407.50", j.get("accounts").get(0).get("closing").asString());
        String csv = cli.ok(args("report", "trial-balance", "--csv"));
        assertTrue(csv.startsWith("CODE,NAME,TYPE,OPENING,DEBITS,CREDITS,CLOSING"), csv);
        assertTrue(csv.contains("1000,Cash box,asset,500.00,200.00,292.50,407.50"), csv);
        String balances = cli.ok("report", "balances", "--as-of", "2026-03-31", "--csv");
        assertTrue(balances.startsWith("CODE,NAME,TYPE,BALANCE\r\n"), balances);
        assertTrue(balances.contains("1000,Cash box,asset,407.50\r\n"), balances);
    }

    @Test
    void everyReportAnswers() {
        assertEquals("857.50", cli.run("report", "balance-sheet", "--to", "2026-03-31", "--json").json()
                .get("totalAssets").asString());
        assertEquals("217.50", cli.run(args("report", "income", "--json")).json().get("surplus").asString());
        JsonNode cash = cli.run(args("report", "cash-book", "--account", "1000", "--json")).json();
        assertEquals("407.50", cash.get("accounts").get(0).get("closing").asString());
        assertEquals(6, cash.get("accounts").get(0).get("lines").size());
        JsonNode ana = cli.run(args("report", "member-statement", "--member", "Ana Quispe", "--json")).json();
        assertEquals(6.5, ana.get("members").get(0).get("workHours").asDouble());
        assertEquals("100.00", ana.get("members").get(0).get("accounts").get(0).get("closing").asString());
        JsonNode work = cli.run(args("report", "work", "--json")).json();
        assertEquals(64.7, work.get("total").get("womenSharePercent").asDouble());
        assertEquals("182.00", work.get("total").get("value").asString());
        assertEquals(3, work.get("workDays").get(0).get("attendees").asInt());
        assertEquals(17.0, cli.run(args("report", "work", "--by", "gender", "--json")).json().get("totalHours").asDouble());
        JsonNode audit = cli.run("report", "audit", "--json").json();
        assertTrue(audit.get("entries").size() > 30);
        assertEquals("cooperative created", audit.get("entries").get(1).get("change").asString());
    }

    @Test
    void packAndVerifyCode() {
        Path pdf = dir.resolve("pack.pdf");
        JsonNode p = cli.run(args("report", "pack", "--out", pdf.toString(), "--json")).json();
        assertTrue(Files.exists(pdf));
        String code = p.get("checkCode").asString();
        String[] parts = code.split(" ");
        assertEquals(0, cli.run("verify-code", parts[0], parts[1]).exit());
        assertEquals(0, cli.run("verify-code", code).exit());
        assertEquals(0, cli.run("verify-code", parts[1], "--from", "2026-01-01", "--to", "2026-03-31").exit());
        CliRunner.Result wrongPeriod = cli.run("verify-code", "2026-01-01..2026-03-30", parts[1]);
        assertEquals(1, wrongPeriod.exit());
        assertTrue(wrongPeriod.err().contains("does not match the books"), wrongPeriod.err());
        CliRunner.Result typo = cli.run("verify-code", parts[0], "0000-0000-01");
        assertEquals(2, typo.exit());
        JsonNode no = cli.run("verify-code", "2026-01-01..2026-03-30", parts[1], "--json").json();
        assertEquals(false, no.get("ok").asBoolean());
    }

    @Test
    void exportsAndPeriodClose() throws Exception {
        Path zip = dir.resolve("books.zip");
        cli.ok("export", "--format", "csv", "--out", zip.toString());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (String name : new String[] {"accounts.csv", "members.csv", "categories.csv", "transactions.csv",
                "work-entries.csv", "trial-balance.csv", "balance-sheet.csv", "income.csv", "cash-book.csv",
                "member-statements.csv", "work.csv", "audit.csv"}) {
                assertTrue(z.getEntry(name) != null, name);
            }
        }
        Path folder = dir.resolve("csv");
        cli.ok("export", "--format", "csv", "--out", folder.toString(), "--from", "2026-01-01", "--to", "2026-03-31");
        assertTrue(Files.readString(folder.resolve("income.csv")).contains(",,Surplus,217.50"));
        Path json = dir.resolve("books.json");
        cli.ok("export", "--format", "json", "--out", json.toString());
        assertTrue(Files.readString(json).contains("\"format\" : \"minka-export/1\""));
        assertEquals(6, cli.run("export", "--format", "json", "--out", json.toString()).exit());
        for (String f : new String[] {"hledger", "ledger", "beancount"}) {
            cli.ok("export", "--format", f, "--out", dir.resolve("books." + f).toString());
        }
        assertTrue(cli.ok("period", "close", "--to", "2026-01-31").contains("closed up to 2026-01-31"));
        CliRunner.Result late = cli.run("tx", "add", "--date", "2026-01-20", "--memo", "late", "--post", "1000=1", "--post", "4000=-1");
        assertEquals(2, late.exit());
        assertTrue(late.err().contains("closed up to 2026-01-31"), late.err());
        assertEquals("2026-01-31", cli.run("period", "status", "--json").json().get("closedUpTo").asString());
    }
}
