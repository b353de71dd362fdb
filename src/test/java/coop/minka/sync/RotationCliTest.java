package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `minka sync rotate-key` as a user meets it (design-notes 29): in a cooperative with people it
/// needs no person; afterwards the other laptop shows one admitted laptop of that name and the
/// keys it replaced, looks the name up as the current key, and revoking it revokes them all.
class RotationCliTest {
    @TempDir
    Path tmp;

    @Test
    void aLaptopThatRotatedTwiceIsStillOneLaptopByName() throws Exception {
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
        cb.ok("join", "--from", full.toString(), "--replica", "B", "--recovery-key", key);
        cb.ok("sync", "folder", stick.toString());
        ca.ok("sync", "folder", stick.toString());
        ca.ok("sync", "admit", "B");
        assertEquals(0, ca.runIn(Map.of("MINKA_NEW_PIN", "1234"), "person", "add", "--name", "Rosa", "--role",
                "president").exit());
        assertEquals(0, ca.runIn(Map.of("MINKA_PIN", "1234", "MINKA_NEW_PIN", "5678"), "--as", "Rosa", "person",
                "add", "--name", "Tere", "--role", "treasurer").exit());
        ca.ok("sync", "folder", stick.toString());
        cb.ok("sync", "folder", stick.toString());

        // the laptop's own act: no --as although the cooperative has people
        assertTrue(cb.ok("sync", "rotate-key").contains("fingerprint"));
        cb.ok("sync", "rotate-key");
        cb.ok("sync", "folder", stick.toString());
        ca.ok("sync", "folder", stick.toString());

        String status = ca.ok("sync", "status");
        assertEquals(2, count(status, "replaced by a new key (rotation)"), status);
        assertEquals(1, Pattern.compile("(?m)^B +admitted ").matcher(status).results().count(), status);
        assertTrue(ca.ok("sync", "status", "--json").contains("\"rotated\""));
        assertEquals(0, ca.run("sync", "export", "--for", "B", "--out", tmp.resolve("for-b.minka").toString())
                .exit());

        var revoked = ca.runIn(Map.of("MINKA_PIN", "1234", "MINKA_PIN2", "5678"), "--as", "Rosa", "--also", "Tere",
                "sync", "revoke", "B", "--reason", "stolen at the market");
        assertEquals(0, revoked.exit(), revoked.err());
        assertTrue(revoked.out().startsWith("Revoked \"B\""), revoked.out());
        String after = ca.ok("sync", "status");
        assertFalse(after.contains("replaced by a new key"), after);
        assertEquals(3, count(after, "stolen at the market"), after);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
