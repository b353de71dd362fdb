package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.cli.MinkaCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The "done when" story of issue 3, through the command line only: village A founds the
/// cooperative; B and C join from A's full bundle and are admitted after comparing fingerprints;
/// all three record members, work and transactions offline; bundles travel through one folder
/// standing in for the USB stick, in shuffled order and more than once; at the end every
/// `minka verify` prints the same digest.
class ThreeVillagesCliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    Run minka(Path db, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db.toString(), "--lang", "en"));
        all.addAll(List.of(args));
        int code = MinkaCommand.commandLine(new MinkaCommand(), new PrintWriter(out), new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    Run ok(Path db, String... args) {
        Run r = minka(db, args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    static String digest(Run verify) {
        Matcher m = Pattern.compile("\"digest\" : \"([0-9a-f]{64})\"").matcher(verify.out());
        assertTrue(m.find(), verify.out());
        return m.group(1);
    }

    @Test
    void threeVillagesConvergeThroughAFolder() throws Exception {
        Path a = tmp.resolve("a/minka.db");
        Path b = tmp.resolve("b/minka.db");
        Path c = tmp.resolve("c/minka.db");
        Path stick = Village.mkdir(tmp.resolve("stick"));
        Files.createDirectories(b.getParent());
        Files.createDirectories(c.getParent());

        ok(a, "init", "--name", "Mujeres de Qollana", "--currency", "BOB", "--replica", "Village A");
        ok(a, "account", "add", "--code", "1000", "--name", "Cash box", "--type", "asset");
        ok(a, "account", "add", "--code", "4000", "--name", "Dues", "--type", "income");
        ok(a, "category", "add", "--code", "KITCHEN", "--name", "Community kitchen", "--rate", "10", "--kind", "care");
        ok(a, "member", "add", "--name", "Ana Quispe", "--gender", "woman");
        Run exp = ok(a, "sync", "export", "--out", stick.toString(), "--full", "--json");
        Path full = Path.of(Pattern.compile("\"file\" : \"([^\"]+)\"").matcher(exp.out()).results().findFirst()
                .orElseThrow().group(1));

        // the cooperative encrypts its sync files (the default): the new laptops join with its recovery key
        String key = tmp.resolve("recovery.txt").toString();
        ok(a, "security", "recovery-key", "--out", key);
        assertEquals(5, minka(b, "join", "--from", full.toString(), "--replica", "Village B").code(),
                "an encrypted full file needs the recovery key");
        Run joinB = ok(b, "join", "--from", full.toString(), "--replica", "Village B", "--recovery-key", key);
        ok(c, "join", "--from", full.toString(), "--replica", "Village C", "--recovery-key", key);
        assertTrue(joinB.out().contains("fingerprint"), joinB.out());
        assertEquals(3, minka(b, "join", "--from", full.toString(), "--replica", "Again", "--recovery-key", key).code(),
                "joining into an existing database is refused");

        // B and C are pending: they cannot admit; their bundles reach A through the stick
        assertEquals(2, minka(b, "sync", "admit", "Village C").code());
        ok(b, "sync", "folder", stick.toString());
        ok(c, "sync", "folder", stick.toString());
        ok(a, "sync", "folder", stick.toString());
        Run status = ok(a, "sync", "status");
        assertTrue(status.out().contains("Waiting to be admitted: \"Village B\""), status.out());
        String fpB = fingerprint(ok(b, "sync", "status", "--json").out(), "Village B");
        Run admit = ok(a, "sync", "admit", "Village B");
        assertTrue(admit.out().contains(fpB), "the fingerprint read over the phone matches");
        ok(a, "sync", "admit", "Village C");

        // everyone works offline
        ok(a, "tx", "add", "--date", "2026-03-01", "--memo", "Dues March", "--post", "1000=50", "--post", "4000=-50");
        ok(b, "member", "add", "--name", "Berta Mamani", "--gender", "woman");
        ok(b, "work", "add", "--member", "Ana Quispe", "--date", "2026-03-02", "--hours", "3", "--category", "KITCHEN");
        ok(c, "member", "add", "--name", "Carmen Flores", "--gender", "woman");
        ok(c, "tx", "add", "--date", "2026-03-03", "--memo", "Dues", "--post", "1000=20", "--post", "4000=-20");
        ok(c, "member", "update", "Ana Quispe", "--notes", "treasurer");
        ok(b, "member", "update", "Ana Quispe", "--notes", "cook");

        // the stick travels in any order, several times; bundles are also imported twice
        List<Path> order = new ArrayList<>(List.of(a, b, c, a, b, c, c, b, a));
        Collections.shuffle(order, new Random(42));
        order.addAll(List.of(a, b, c, a, b));
        for (Path db : order) {
            ok(db, "sync", "folder", stick.toString());
        }
        for (Path f : SyncServiceFiles.bundles(stick)) {
            ok(a, "sync", "import", f.toString());
        }
        String da = digest(ok(a, "verify", "--json"));
        assertEquals(da, digest(ok(b, "verify", "--json")));
        assertEquals(da, digest(ok(c, "verify", "--json")));
        Run members = ok(c, "member", "list");
        assertTrue(members.out().contains("Berta Mamani") && members.out().contains("Carmen Flores"), members.out());
        assertEquals(3, SyncServiceFiles.bundles(stick).size(), "one bundle per laptop on the stick");
        Run st = ok(b, "sync", "status", "--json");
        assertTrue(st.out().contains("\"conflicts\" : 1"), "the concurrent notes are a conflict to review: " + st.out());
    }

    private static String fingerprint(String statusJson, String name) {
        Matcher m = Pattern.compile("\"name\" : \"" + name + "\",\\s*\"status\" : \"[a-z]+\",\\s*\"fingerprint\" : \"([0-9A-F ]+)\"")
                .matcher(statusJson);
        assertTrue(m.find(), statusJson);
        return m.group(1);
    }

    /// The bundle files in a folder.
    static final class SyncServiceFiles {
        static List<Path> bundles(Path dir) throws java.io.IOException {
            try (var s = Files.list(dir)) {
                return s.filter(p -> p.toString().endsWith(".minka")).sorted().toList();
            }
        }
    }
}
