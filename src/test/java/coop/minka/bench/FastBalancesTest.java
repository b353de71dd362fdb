package coop.minka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.demo.DemoGenerator;
import coop.minka.cli.FastBalances;
import coop.minka.cli.MinkaCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The quick `report balances` prints exactly what the regular command line prints, and leaves
/// everything else (other options, missing or foreign files) to the regular path.
class FastBalancesTest {
    @TempDir
    Path dir;

    private static String regular(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MinkaCommand.commandLine(new MinkaCommand(), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    private static String fast(String... args) {
        StringWriter out = new StringWriter();
        assertTrue(FastBalances.tryRun(args, new PrintWriter(out, true)), "the quick path answers");
        return out.toString();
    }

    @Test
    void printsTheSameTableAsTheRegularPath() {
        var r = DemoGenerator.generate(dir.resolve("demo"), new DemoGenerator.Options(6, 1, 1, 3, 6, 12,
                LocalDate.of(2025, 3, 31), "BOB"));
        String db = r.founder().toString();
        String expected = regular("--db", db, "report", "balances");
        assertTrue(expected.contains("Total: 0.00 BOB"), expected);
        assertEquals(expected, fast("--db", db, "report", "balances"));
        assertEquals(expected, fast("--db=" + db, "report", "balances"));
    }

    @Test
    void leavesEverythingElseToTheRegularPath() throws Exception {
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out, true);
        assertFalse(FastBalances.tryRun(new String[] {"--db", dir.resolve("none.db").toString(), "report", "balances"}, w));
        Path photo = dir.resolve("photo.db");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        assertFalse(FastBalances.tryRun(new String[] {"--db", photo.toString(), "report", "balances"}, w));
        assertFalse(FastBalances.tryRun(new String[] {"--db", photo.toString(), "report", "balances", "--json"}, w));
        assertFalse(FastBalances.tryRun(new String[] {"--db", photo.toString(), "report", "work"}, w));
        assertEquals("", out.toString());
    }
}
