package coop.minka.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.Workspace;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.store.JoinRequestFile;
import coop.minka.store.KeyRepository;
import coop.minka.sync.AgeFiles;
import coop.minka.sync.BundleLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Key rotation (design-notes item 29) and joining after a join request (item 28).
class KeyRotationTest {
    private static final SyncService.Options QUIET = new SyncService.Options(false, 10, false, BundleLimits.DEFAULT);

    @TempDir
    Path dir;

    private static SyncService sync(Services s) {
        return new SyncService(s.workspace(), s.periods(), QUIET);
    }

    private Path export(Services s, String name, SyncService.Mode mode, List<String> extra) {
        return sync(s).export(dir.resolve(name), mode, null, extra).file();
    }

    @Test
    void aRotatedLaptopWritesUnderItsNewKeyAndOthersEncryptToItOnly() {
        try (Services a = new Services(Workspace.create(dir.resolve("a.db"), "Coop", "BOB", "Laptop a", "es",
                true, System::currentTimeMillis))) {
            Path key = dir.resolve("recovery.txt");
            a.security().writeRecoveryKey(key, false);
            try (Services b = new Services(SyncService.join(dir.resolve("b.db"),
                    export(a, "a1.minka", SyncService.Mode.FULL, List.of()), "Laptop b", System::currentTimeMillis,
                    key))) {
                sync(a).importBundle(export(b, "b1.minka", SyncService.Mode.DEFAULT, List.of()));
                new SyncTrust(a.workspace()).admit(b.workspace().selfId());
                sync(b).importBundle(export(a, "a2.minka", SyncService.Mode.DEFAULT, List.of()));
                b.members().add("Before Rotation", Gender.WOMAN, null, null, null);
                String oldId = b.workspace().selfId();
                String oldFingerprint = b.workspace().fingerprint();
                String oldAgeKey = b.workspace().log().identity().ageIdentity();

                String fp = b.security().rotateKey();
                assertNotEquals(oldFingerprint, fp);
                assertNotEquals(oldId, b.workspace().selfId());
                b.members().add("After Rotation", Gender.WOMAN, null, null, null);
                sync(a).importBundle(export(b, "b2.minka", SyncService.Mode.DEFAULT, List.of()));

                // both of b's entries count on a; a now encrypts to b's new key, not the old one
                assertEquals(2, a.members().list().size());
                List<String> counted = a.workspace().read(KeyRepository::counted).stream()
                        .map(KeyRepository.Recipient::replica).toList();
                assertTrue(counted.contains(b.workspace().selfId()));
                assertFalse(counted.contains(oldId));
                assertEquals("admitted", new SyncTrust(a.workspace()).admit(b.workspace().selfId()).status());
                a.members().add("From A", Gender.MAN, null, null, null);
                Path fa = export(a, "a3.minka", SyncService.Mode.DEFAULT, List.of());
                MinkaException old = assertThrows(MinkaException.class, () -> AgeFiles.decrypt(fa,
                        dir.resolve("old.zip"), List.of(oldAgeKey), BundleLimits.DEFAULT, "a3"));
                assertEquals(ErrorCode.BUNDLE_NOT_ADDRESSED, old.code());
                sync(b).importBundle(fa);
                assertEquals(3, b.members().list().size());
            }
            // the rotation survives closing and opening the database
            try (Services b = new Services(Workspace.open(dir.resolve("b.db"), System::currentTimeMillis))) {
                assertFalse(b.workspace().identityRenewed());
            }
        }
    }

    @Test
    void aLaptopRotatedTwiceIsOneLaptopAndRevokingItsCurrentKeyRevokesTheKeysItReplaced() {
        try (Services a = new Services(Workspace.create(dir.resolve("a.db"), "Coop", "BOB", "Laptop a", "es",
                true, System::currentTimeMillis))) {
            Path key = dir.resolve("recovery.txt");
            a.security().writeRecoveryKey(key, false);
            try (Services b = new Services(SyncService.join(dir.resolve("b.db"),
                    export(a, "a1.minka", SyncService.Mode.FULL, List.of()), "B", System::currentTimeMillis,
                    key))) {
                sync(a).importBundle(export(b, "b1.minka", SyncService.Mode.DEFAULT, List.of()));
                SyncTrust trust = new SyncTrust(a.workspace());
                trust.admit(b.workspace().selfId());
                sync(b).importBundle(export(a, "a2.minka", SyncService.Mode.DEFAULT, List.of()));
                String first = b.workspace().selfId();
                b.members().add("Under the first key", Gender.WOMAN, null, null, null);
                b.security().rotateKey();
                String second = b.workspace().selfId();
                b.members().add("Under the second key", Gender.WOMAN, null, null, null);
                b.security().rotateKey();
                String current = b.workspace().selfId();
                b.members().add("Under the current key", Gender.WOMAN, null, null, null);
                sync(a).importBundle(export(b, "b2.minka", SyncService.Mode.DEFAULT, List.of()));

                // one admitted "B"; the keys it replaced are shown as such and their entries count
                var laptops = new SyncStatus(a.workspace()).status().laptops();
                assertEquals(SyncStatus.ROTATED, status(laptops, first));
                assertEquals(SyncStatus.ROTATED, status(laptops, second));
                assertEquals("admitted", status(laptops, current));
                assertEquals(0, laptops.stream().mapToLong(SyncStatus.Laptop::quarantined).sum());
                assertEquals(3, a.members().list().size());
                // the name means the current key, for every command that looks a laptop up
                assertEquals(current, a.workspace().read(s -> SyncTrust.resolve(s, "B")).id());
                assertEquals(current, trust.revokePlan("b").id());
                assertEquals(first, a.workspace().read(s -> SyncTrust.resolve(s, first)).id());
                // one list of the keys new files are written for, the encryption's
                assertEquals(List.of(a.workspace().selfId(), current),
                        trust.recipients().stream().map(SyncTrust.Recipient::id).toList());

                trust.revoke("B", "stolen", null);
                var after = new SyncStatus(a.workspace()).status();
                for (String id : List.of(first, second, current)) {
                    assertEquals("revoked", status(after.laptops(), id), id);
                }
                assertEquals(3, after.revoked().size());
                // everything B wrote before counts still; no key of B receives new files
                assertEquals(3, a.members().list().size());
                assertEquals(List.of(a.workspace().selfId()),
                        trust.recipients().stream().map(SyncTrust.Recipient::id).toList());
                assertEquals(List.of(a.workspace().selfId()), a.workspace().read(KeyRepository::counted).stream()
                        .map(KeyRepository.Recipient::replica).toList());
            }
        }
    }

    private static String status(List<SyncStatus.Laptop> laptops, String id) {
        return laptops.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow().status();
    }

    @Test
    void aLaptopRotatesItsKeyWithoutNamingAPersonOnceThereArePeople() {
        try (Services a = new Services(Workspace.create(dir.resolve("a.db"), "Coop", "BOB", "Laptop a", "es",
                false, System::currentTimeMillis))) {
            a.people().add("Pres", java.util.EnumSet.of(coop.minka.domain.Role.PRESIDENT), null, "1111");
            String old = a.workspace().selfId();
            a.security().rotateKey();
            var st = new SyncStatus(a.workspace()).status();
            // the rotation is the laptop's own join: nobody is named and it is held valid
            assertTrue(st.invalid().isEmpty());
            assertEquals(SyncStatus.ROTATED, status(st.laptops(), old));
            assertEquals("admitted", status(st.laptops(), a.workspace().selfId()));
        }
    }

    @Test
    void theRecoveryKeyFileSpeaksTheCooperativesLanguageInCommentLines() throws Exception {
        try (Services a = new Services(Workspace.create(dir.resolve("a.db"), "Coop", "BOB", "Laptop a", "es",
                true, System::currentTimeMillis))) {
            Path key = dir.resolve("recovery.txt");
            String recipient = a.security().writeRecoveryKey(key, false);
            List<String> lines = Files.readAllLines(key);
            assertTrue(lines.getFirst().startsWith("# Llave de recuperación de Minka de la cooperativa Coop"),
                    lines.getFirst());
            assertTrue(lines.contains("# llave pública: " + recipient), lines.toString());
            // age reads comment lines (#) and one secret key line
            assertEquals(1, lines.stream().filter(l -> !l.startsWith("#")).count());
            assertTrue(lines.getLast().startsWith("AGE-SECRET-KEY-1"));
        }
    }

    @Test
    void aRejectedLaptopCannotReadTheFilesThatFollow() {
        try (Services a = new Services(Workspace.create(dir.resolve("a.db"), "Coop", "BOB", "Laptop a", "es",
                true, System::currentTimeMillis))) {
            Path key = dir.resolve("recovery.txt");
            a.security().writeRecoveryKey(key, false);
            try (Services b = new Services(SyncService.join(dir.resolve("b.db"),
                    export(a, "a1.minka", SyncService.Mode.FULL, List.of()), "Laptop b", System::currentTimeMillis,
                    key))) {
                sync(a).importBundle(export(b, "b1.minka", SyncService.Mode.DEFAULT, List.of()));
                new SyncTrust(a.workspace()).admit(b.workspace().selfId());
                sync(b).importBundle(export(a, "a2.minka", SyncService.Mode.DEFAULT, List.of()));
                new SyncTrust(a.workspace()).reject(b.workspace().selfId());
                a.members().add("After the rejection", Gender.WOMAN, null, null, null);
                Path after = export(a, "a3.minka", SyncService.Mode.DEFAULT, List.of());
                assertEquals(ErrorCode.BUNDLE_NOT_ADDRESSED, assertThrows(MinkaException.class,
                        () -> sync(b).importBundle(after)).code());
                assertEquals(0, b.members().list().size());
            }
        }
    }

    @Test
    void aNewLaptopJoinsFromAFullFileWrittenForItsRequest() throws Exception {
        try (Services a = new Services(Workspace.create(dir.resolve("a.db"), "Coop", "BOB", "Laptop a", "es",
                true, System::currentTimeMillis))) {
            a.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            Path cDb = dir.resolve("c.db");
            Path req = dir.resolve("c.request");
            SyncService.JoinRequest asked = SyncService.requestToJoin(cDb, "Laptop c", req);
            assertFalse(Files.exists(cDb), "a request makes keys, not the database");
            assertEquals(ErrorCode.FILE_EXISTS, assertThrows(MinkaException.class,
                    () -> SyncService.requestToJoin(cDb, "Laptop c", req)).code());
            SyncService.JoinRequest read = SyncService.readRequest(req);
            assertEquals(asked, read);
            Path full = export(a, "a1.minka", SyncService.Mode.FULL, List.of(read.recipient()));
            assertEquals(ErrorCode.JOIN_NEEDS_KEY, assertThrows(MinkaException.class, () -> SyncService.join(
                    dir.resolve("x.db"), full, "X", System::currentTimeMillis, (Path) null)).code());
            try (Services c = new Services(SyncService.join(cDb, full, "Laptop c", System::currentTimeMillis,
                    (Path) null))) {
                assertEquals(asked.replica(), c.workspace().selfId());
                assertEquals(asked.fingerprint(), c.workspace().fingerprint());
                assertEquals(1, c.members().list().size());
                assertFalse(Files.exists(JoinRequestFile.pendingPathFor(cDb)));
            }
            Path bad = Files.writeString(dir.resolve("bad.request"), "{\"format\":\"minka-join-request-1\"}");
            assertEquals(ErrorCode.JOIN_REQUEST_UNREADABLE, assertThrows(MinkaException.class,
                    () -> SyncService.readRequest(bad)).code());
        }
    }
}
