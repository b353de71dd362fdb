package coop.minka.app.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import coop.minka.app.Services;
import coop.minka.app.Workspace;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Sync files that are safe to lose (design-notes item 28): encrypted round trips between several
/// laptops, the recovery key, refusals that leave the database unchanged, and the real `age` tool.
class EncryptionTest {
    private static final SyncService.Options QUIET = new SyncService.Options(false, 10, false,
            coop.minka.sync.BundleLimits.DEFAULT);

    @TempDir
    Path dir;

    private Services found(String name, boolean encrypted) {
        return new Services(Workspace.create(dir.resolve(name + ".db"), "Coop " + name, "BOB", "Laptop " + name,
                "es,en", encrypted, System::currentTimeMillis));
    }

    private static SyncService sync(Services s) {
        return new SyncService(s.workspace(), s.periods(), QUIET);
    }

    private Path full(Services s, String name) {
        return sync(s).export(dir.resolve(name), SyncService.Mode.FULL, null).file();
    }

    private Path recoveryKey(Services founder) {
        Path key = dir.resolve("recovery-" + founder.workspace().selfId().substring(0, 8) + ".txt");
        founder.security().writeRecoveryKey(key, false);
        return key;
    }

    private static boolean isZip(Path p) throws IOException {
        try (var in = Files.newInputStream(p)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 'P' && m[1] == 'K';
        }
    }

    @Test
    void severalLaptopsReadEachOthersEncryptedFiles() throws IOException {
        try (Services a = found("a", true)) {
            a.members().add("Ana Quispe", Gender.WOMAN, null, "70012345", null);
            Path key = recoveryKey(a);
            assertEquals(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(key));
            assertTrue(Files.readString(key).lines().anyMatch(l -> l.startsWith("# ")));
            assertFalse(a.security().status().recoveryKeptHere(), "the kept copy is removed once written out");
            Path fa = full(a, "a1.minka");
            assertFalse(isZip(fa));
            assertFalse(new String(Files.readAllBytes(fa), StandardCharsets.ISO_8859_1).contains("Ana Quispe"));
            try (Services b = new Services(SyncService.join(dir.resolve("b.db"), fa, "Laptop b",
                    System::currentTimeMillis, key));
                 Services c = new Services(SyncService.join(dir.resolve("c.db"), fa, "Laptop c",
                    System::currentTimeMillis, key))) {
                assertTrue(b.security().status().on());
                // pending laptops write files the admitted ones can read
                importInto(a, sync(b).export(dir.resolve("b1.minka"), SyncService.Mode.DEFAULT, null).file());
                importInto(a, sync(c).export(dir.resolve("c1.minka"), SyncService.Mode.DEFAULT, null).file());
                new SyncTrust(a.workspace()).admit(b.workspace().selfId());
                new SyncTrust(a.workspace()).admit(c.workspace().selfId());
                a.members().add("Juan Mamani", Gender.MAN, null, null, null);
                Path fa2 = sync(a).export(dir.resolve("a2.minka"), SyncService.Mode.FULL, null).file();
                sync(b).importBundle(fa2);
                sync(c).importBundle(fa2);
                b.members().add("Rosa Condori", Gender.WOMAN, null, null, null);
                Path fb = sync(b).export(dir.resolve("b2.minka"), SyncService.Mode.DEFAULT, null).file();
                sync(c).importBundle(fb); // c reads b's file: both are admitted
                sync(a).importBundle(fb);
                assertEquals(3, c.members().list().size());
                assertEquals(3, a.members().list().size());
            }
        }
    }

    private static void importInto(Services s, Path f) {
        sync(s).importBundle(f);
    }

    @Test
    void wrongKeyTamperedAndPlainFilesAreRefusedAndChangeNothing() throws IOException {
        try (Services a = found("a", true); Services other = found("other", true)) {
            Path key = recoveryKey(a);
            Path otherKey = recoveryKey(other);
            Path fa = full(a, "a1.minka");
            MinkaException e = assertThrows(MinkaException.class, () -> SyncService.join(dir.resolve("x.db"), fa,
                    "X", System::currentTimeMillis, otherKey));
            assertEquals(ErrorCode.BUNDLE_NOT_ADDRESSED, e.code());
            assertFalse(Files.exists(dir.resolve("x.db")));
            assertEquals(ErrorCode.JOIN_NEEDS_KEY, assertThrows(MinkaException.class, () -> SyncService.join(
                    dir.resolve("y.db"), fa, "Y", System::currentTimeMillis, (Path) null)).code());
            try (Services b = new Services(SyncService.join(dir.resolve("b.db"), fa, "Laptop b",
                    System::currentTimeMillis, key))) {
                // a file written before b was admitted is not addressed to b
                a.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
                Path before = full(a, "a2.minka");
                assertEquals(ErrorCode.BUNDLE_NOT_ADDRESSED, refusedWithoutChange(b, before));
                sync(a).importBundle(sync(b).export(dir.resolve("b1.minka"), SyncService.Mode.DEFAULT, null).file());
                new SyncTrust(a.workspace()).admit(b.workspace().selfId());
                Path good = full(a, "a3.minka");
                byte[] bytes = Files.readAllBytes(good);
                for (int at : new int[] {30, bytes.length / 2, bytes.length - 5}) {
                    byte[] t = bytes.clone();
                    t[at] ^= 0x20;
                    Path bad = dir.resolve("tampered-" + at + ".minka");
                    Files.write(bad, t);
                    ErrorCode code = refusedWithoutChange(b, bad);
                    assertTrue(code == ErrorCode.BUNDLE_TAMPERED || code == ErrorCode.BUNDLE_NOT_ADDRESSED
                            || code == ErrorCode.BUNDLE_UNREADABLE, code.toString());
                }
                Path cut = dir.resolve("cut.minka");
                Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
                assertEquals(ErrorCode.BUNDLE_TAMPERED, refusedWithoutChange(b, cut));
                Path hostile = dir.resolve("stanzas.minka");
                try (OutputStream o = Files.newOutputStream(hostile)) {
                    o.write("age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 20_000; i++) {
                        o.write("-> X25519 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nAAAA\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                assertEquals(ErrorCode.BUNDLE_TOO_LARGE, refusedWithoutChange(b, hostile));
                Path noEnd = dir.resolve("noend.minka");
                Files.writeString(noEnd, "age-encryption.org/v1\n-> X25519 abc\n");
                assertEquals(ErrorCode.BUNDLE_TRUNCATED, refusedWithoutChange(b, noEnd));
                importInto(b, good);
                assertEquals(1, b.members().list().size());
            }
        }
    }

    /// Imports `f` into `s`, expecting a refusal; the database file is byte for byte the same.
    private static ErrorCode refusedWithoutChange(Services s, Path f) throws IOException {
        Path db = s.workspace().db().file();
        byte[] before = Files.readAllBytes(db);
        MinkaException e = assertThrows(MinkaException.class, () -> sync(s).importBundle(f));
        assertArrayEquals(before, Files.readAllBytes(db));
        return e.code();
    }

    @Test
    void aPlainFileIsRefusedOnceTheCooperativeEncrypts() throws IOException {
        try (Services a = found("a", false)) {
            assertFalse(a.security().status().on());
            Path fa = full(a, "a1.minka");
            assertTrue(isZip(fa));
            try (Services b = new Services(SyncService.join(dir.resolve("b.db"), fa, "Laptop b",
                    System::currentTimeMillis, (Path) null))) {
                sync(a).importBundle(sync(b).export(dir.resolve("b1.minka"), SyncService.Mode.DEFAULT, null).file());
                new SyncTrust(a.workspace()).admit(b.workspace().selfId());
                a.security().setEncryption(true);
                assertTrue(a.security().status().recoveryKeptHere());
                b.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
                Path plain = sync(b).export(dir.resolve("b2.minka"), SyncService.Mode.DEFAULT, null).file();
                assertEquals(ErrorCode.BUNDLE_NOT_ENCRYPTED, refusedWithoutChange(a, plain));
                // b learns that encryption is on from a's (encrypted) file, then writes encrypted files
                Path fromA = sync(a).export(dir.resolve("a2.minka"), SyncService.Mode.DEFAULT, null).file();
                assertFalse(isZip(fromA));
                sync(b).importBundle(fromA);
                assertTrue(b.security().status().on());
                Path enc = sync(b).export(dir.resolve("b3.minka"), SyncService.Mode.DEFAULT, null).file();
                assertFalse(isZip(enc));
                sync(a).importBundle(enc);
                assertEquals(1, a.members().list().size());
                a.security().setEncryption(false);
                Path again = sync(a).export(dir.resolve("a3.minka"), SyncService.Mode.DEFAULT, null).file();
                assertTrue(isZip(again));
            }
        }
    }

    @Test
    void theRecoveryKeyIsWrittenOnceAndNeverOverAFile() throws IOException {
        try (Services a = found("a", true)) {
            Path taken = Files.writeString(dir.resolve("taken.txt"), "keep me");
            assertEquals(ErrorCode.FILE_EXISTS, assertThrows(MinkaException.class,
                    () -> a.security().writeRecoveryKey(taken, false)).code());
            assertEquals("keep me", Files.readString(taken));
            recoveryKey(a);
            assertEquals(ErrorCode.RECOVERY_KEY_GONE, assertThrows(MinkaException.class,
                    () -> a.security().writeRecoveryKey(dir.resolve("again.txt"), false)).code());
            String old = a.security().status().recovery();
            String renewed = a.security().writeRecoveryKey(dir.resolve("new.txt"), true);
            assertFalse(renewed.equals(old));
            assertEquals(renewed, a.security().status().recovery());
        }
        try (Services plain = found("p", false)) {
            assertEquals(ErrorCode.ENCRYPTION_OFF, assertThrows(MinkaException.class,
                    () -> plain.security().writeRecoveryKey(dir.resolve("p.txt"), false)).code());
        }
    }

    @Test
    void theAgeToolReadsOurFilesAndWeReadItsFiles() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/age")), "the age tool is not installed");
        try (Services a = found("a", true)) {
            a.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            Path key = recoveryKey(a);
            Path fa = full(a, "a1.minka");
            Path zip = dir.resolve("a1.zip");
            Process p = new ProcessBuilder("age", "-d", "-i", key.toString(), "-o", zip.toString(), fa.toString())
                    .redirectErrorStream(true).start();
            assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
            try (ZipFile z = new ZipFile(zip.toFile())) {
                assertEquals(List.of("ops.ndjson", "manifest.json"),
                        z.stream().map(java.util.zip.ZipEntry::getName).toList());
                assertTrue(new String(z.getInputStream(z.getEntry("ops.ndjson")).readAllBytes(), StandardCharsets.UTF_8)
                        .contains("Ana Quispe"));
            }
            // a file the age tool encrypts to our key (the ZIP inside unchanged) joins with the recovery key
            Path byAge = dir.resolve("by-age.minka");
            Process q = new ProcessBuilder("age", "-r", a.security().status().recovery(), "-o", byAge.toString(),
                    zip.toString()).redirectErrorStream(true).start();
            assertEquals(0, q.waitFor(), new String(q.getInputStream().readAllBytes()));
            try (Services b = new Services(SyncService.join(dir.resolve("b.db"), byAge, "Laptop b",
                    System::currentTimeMillis, key))) {
                assertEquals(1, b.members().list().size());
            }
        }
    }
}
