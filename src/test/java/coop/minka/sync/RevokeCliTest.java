package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `minka sync revoke LAPTOP --reason TEXT [--keep-up-to N]` (design-notes 30), through the
/// command line: a refusal is one line with exit 2 and writes nothing; a revocation says what
/// still counts, and `sync status` shows the reason and the entries held after it.
class RevokeCliTest {
    @TempDir
    Path tmp;

    @Test
    void revokeALaptopFromTheCommandLine() throws Exception {
        Path a = tmp.resolve("a/minka.db");
        Path b = tmp.resolve("b/minka.db");
        Files.createDirectories(a.getParent());
        Files.createDirectories(b.getParent());
        Path stick = Village.mkdir(tmp.resolve("stick"));
        CliRunner ca = new CliRunner(a);
        CliRunner cb = new CliRunner(b);
        ca.ok("init", "--name", "Mujeres de Qollana", "--currency", "BOB", "--replica", "Village A");
        String exp = ca.ok("sync", "export", "--out", stick.toString(), "--full", "--json");
        Path full = Path.of(Pattern.compile("\"file\" : \"([^\"]+)\"").matcher(exp).results().findFirst()
                .orElseThrow().group(1));
        String key = tmp.resolve("recovery.txt").toString();
        ca.ok("security", "recovery-key", "--out", key);
        cb.ok("join", "--from", full.toString(), "--replica", "Village B", "--recovery-key", key);
        cb.ok("member", "add", "--name", "Ana Quispe", "--gender", "woman");
        cb.ok("sync", "folder", stick.toString());
        ca.ok("sync", "folder", stick.toString());

        var pending = ca.run("sync", "revoke", "Village B", "--reason", "stolen");
        assertEquals(2, pending.exit(), "a laptop never admitted is rejected, not revoked");
        assertTrue(pending.err().contains("sync reject"), pending.err());
        ca.ok("sync", "admit", "Village B");
        var noReason = ca.run("sync", "revoke", "Village B", "--reason", " ");
        assertEquals(2, noReason.exit());
        assertTrue(noReason.err().contains("needs a reason"), noReason.err());
        var tooFar = ca.run("sync", "revoke", "Village B", "--reason", "stolen", "--keep-up-to", "99");
        assertEquals(2, tooFar.exit());
        assertTrue(tooFar.err().contains("up to #2"), tooFar.err());
        assertEquals(2, ca.run("sync", "revoke", "Village A", "--reason", "mine").exit(), "not this laptop");

        String out = ca.ok("sync", "revoke", "Village B", "--reason", "stolen at the market", "--keep-up-to", "1");
        assertTrue(out.startsWith("Revoked \"Village B\"") && out.contains("up to #1 still count"), out);
        assertTrue(ca.ok("sync", "revoke", "Village B", "--reason", "again").startsWith("Already revoked"));
        String status = ca.ok("sync", "status");
        assertTrue(status.contains("stolen at the market") && status.contains("by \"Village A\""), status);
        assertTrue(status.contains("Held: 1 entries of \"Village B\" written after the laptop was revoked (after #1)"),
                status);
    }
}
