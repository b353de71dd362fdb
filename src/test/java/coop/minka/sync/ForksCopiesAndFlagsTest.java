package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.LedgerService;
import coop.minka.app.PeriodService;
import coop.minka.app.Services;
import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncStatus;
import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.Hlc;
import coop.minka.domain.Ids;
import coop.minka.domain.ImportReceipt;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.ChangeLog;
import coop.minka.store.Database;
import coop.minka.store.Meta;
import coop.minka.sync.format.ManifestJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Copies and forks (DESIGN.md §5 "Media and copies"), late entries in closed periods, clocks
/// far ahead, and backup rotation.
class ForksCopiesAndFlagsTest {
    @TempDir
    Path tmp;

    @Test
    void twoLaptopsWritingUnderOneIdentityAreAFork() throws Exception {
        try (Village a = Village.found(tmp, "a", SyncService.Options.DEFAULT)) {
            a.s.members().add("Ana", Gender.WOMAN, null, null, null);
            // the same file and identity on a second computer (e.g. a cloned disk)
            Path clone = Village.mkdir(tmp.resolve("clone")).resolve("a.db");
            a.s.workspace().db().backupTo(clone);
            Path forked;
            try (Database db = Database.open(clone)) {
                ChangeLog log = new ChangeLog(db, a.s.workspace().log().identity(), a.s.workspace().coop().id(),
                        System::currentTimeMillis);
                log.write(w -> w.append(OpType.MEMBER_ADD, Ids.owned(a.id(), System.currentTimeMillis()), OpData.builder().put("name", "Intruder")
                        .put("gender", "man").put("status", "active").build()));
                forked = db.read(d -> BundleWriter.write(d, tmp.resolve("forked.minka"), new BundleWriter.Sender(
                        new ManifestJson.Party(a.s.workspace().coop().id(), "c"),
                        new ManifestJson.Party(a.id(), "Laptop a"), a.s.workspace().log().identity().privateKey(),
                        a.s.workspace().log().identity().publicKey()),
                        Map.of(), System.currentTimeMillis())).file();
                Village.seal(forked);
            }
            a.s.members().add("Rosa", Gender.WOMAN, null, null, null);
            String before = a.digest();
            ImportReceipt r = a.sync.importBundle(forked);
            assertEquals(1, r.forks(), r.toString());
            assertEquals(0, r.newOps());
            assertEquals(before, a.digest(), "a fork is never applied");
            SyncStatus.Status st = new SyncStatus(a.s.workspace()).status();
            assertEquals(1, st.forks().size());
            assertTrue(a.s.members().list().stream().noneMatch(m -> m.name().equals("Intruder")));
            assertTrue(a.sync.importBundle(forked).forks() == 1, "seen again: still reported, stored once");
            assertEquals(1, new SyncStatus(a.s.workspace()).status().forks().size());
        }
    }

    @Test
    void aCopiedDatabaseGetsItsOwnIdentityVouchedByTheOldKeyOrWaitsWithoutIt() throws Exception {
        Path withKey = Village.mkdir(tmp.resolve("copy"));
        Path withoutKey = Village.mkdir(tmp.resolve("bare"));
        Path aDb;
        try (Village a = Village.found(tmp, "a", SyncService.Options.DEFAULT)) {
            a.s.members().add("Ana", Gender.WOMAN, null, null, null);
            aDb = a.file();
        }
        Files.copy(aDb, withKey.resolve("a.db"));
        Files.copy(aDb.resolveSibling("a.db.identity"), withKey.resolve("a.db.identity"));
        Files.copy(aDb, withoutKey.resolve("a.db"));
        try (Village a = Village.open(aDb, SyncService.Options.DEFAULT)) {
            Path fromCopy;
            String copyId;
            try (Village c = Village.open(withKey.resolve("a.db"), SyncService.Options.DEFAULT)) {
                c.s.members().add("Written on the copy", Gender.MAN, null, null, null);
                assertNotEquals(a.id(), c.id(), "the copy writes under a new identity");
                copyId = c.id();
                fromCopy = c.export(Village.mkdir(tmp.resolve("out")), SyncService.Mode.FULL, null);
            }
            ImportReceipt r = a.sync.importBundle(fromCopy);
            assertEquals(0, r.forks(), "no fork: the copy never wrote as A");
            assertEquals(0, r.quarantined(), "the old key vouched for the copy's new one: it counts at once");
            assertEquals(2, a.s.members().list().size());
            assertEquals("admitted", new SyncStatus(a.s.workspace()).status().laptops().stream()
                    .filter(l -> l.id().equals(copyId)).findFirst().orElseThrow().status());
            try (Village bare = Village.open(withoutKey.resolve("a.db"), SyncService.Options.DEFAULT)) {
                bare.s.members().add("Written on a bare copy", Gender.MAN, null, null, null);
                fromCopy = bare.export(Village.mkdir(tmp.resolve("out2")), SyncService.Mode.FULL, null);
            }
            r = a.sync.importBundle(fromCopy);
            assertEquals(0, r.forks());
            assertEquals(2, r.quarantined(), "without the old key: its join and its member wait for admission");
            assertEquals(2, a.s.members().list().size());
        }
    }

    @Test
    void lateEntriesAndClocksFarAheadAreFlaggedNotRefused() throws Exception {
        long dayAhead = 10L * 24 * 3600 * 1000;
        try (Village a = Village.found(tmp, "a", SyncService.Options.DEFAULT)) {
            a.s.ledger().addAccount("1000", "Cash", AccountType.ASSET, null);
            a.s.ledger().addAccount("4000", "Dues", AccountType.INCOME, null);
            Path full = a.exportFull(Village.mkdir(tmp.resolve("s1")));
            Path bDir = Village.mkdir(tmp.resolve("b"));
            try (Services b = new Services(SyncService.join(bDir.resolve("b.db"), full, "Laptop b",
                    () -> System.currentTimeMillis() + dayAhead, coop.minka.sync.BundleLimits.DEFAULT,
                    tmp.resolve("a.recovery.txt")))) {
                SyncService bs = new SyncService(b.workspace(), b.periods());
                a.sync.importBundle(bs.export(Village.mkdir(tmp.resolve("s2")), SyncService.Mode.FULL, null).file());
                a.trust().admit("Laptop b");
                bs.importBundle(a.exportFull(Village.mkdir(tmp.resolve("s3"))));
                b.ledger().post(LocalDate.of(2025, 1, 10), "January dues", null,
                        List.of(new LedgerService.Line("1000", "7"), new LedgerService.Line("4000", "-7")));
                new PeriodService(a.s.workspace(), a.s.periods(), ZoneOffset.UTC).close(LocalDate.of(2025, 12, 31));
                long hlcBefore = a.s.workspace().db().read(d -> Long.parseLong(Meta.get(d, Meta.HLC).orElseThrow()));
                ImportReceipt r = a.sync.importBundle(bs.export(Village.mkdir(tmp.resolve("s4")),
                        SyncService.Mode.DEFAULT, null).file());
                assertEquals(1, r.newOps());
                assertEquals(1, r.authors().stream().mapToLong(ImportReceipt.Author::late).sum(), r.toString());
                assertEquals(1, r.authors().stream().mapToLong(ImportReceipt.Author::farAhead).sum(), r.toString());
                long hlcAfter = a.s.workspace().db().read(d -> Long.parseLong(Meta.get(d, Meta.HLC).orElseThrow()));
                assertTrue(Hlc.millis(hlcAfter) < System.currentTimeMillis() + Hlc.MAX_AHEAD_MILLIS,
                        "the far-ahead stamp did not drag the clock: " + hlcBefore + " -> " + hlcAfter);
                SyncStatus.Status st = new SyncStatus(a.s.workspace()).status();
                assertEquals(1, st.late().size());
                assertEquals(OpType.TX_POST, st.late().getFirst().type());
                assertEquals(2, st.farAhead().size(), "B's join request and its transaction");
                assertEquals(1, a.s.ledger().transactions(null, null, null).size(), "the late entry is applied");
            }
        }
    }

    @Test
    void backupsRotateAndOnlyListedFilesAreDeleted() throws Exception {
        try (Village a = Village.found(tmp, "a", SyncService.Options.DEFAULT)) {
            Path backups = Village.mkdir(a.file().resolveSibling("backups"));
            Path mine = Files.writeString(backups.resolve("a-20250101-000000-000-before-import.db"), "a person's file");
            coop.minka.app.backup.BackupRotation rot = new coop.minka.app.backup.BackupRotation(a.file(), 3);
            for (int i = 0; i < 5; i++) {
                rot.backup(a.s.workspace().db(), "before-import", 1_700_000_000_000L + i);
            }
            assertEquals(3, rot.list().size());
            assertTrue(Files.exists(mine), "a file Minka did not list is never deleted");
            try (var s = Files.list(backups)) {
                assertEquals(5, s.count(), "3 backups + the index + the person's file");
            }
            try (Database db = Database.open(rot.list().getLast())) {
                assertEquals("ok", db.read(d -> d.resultQuery("PRAGMA integrity_check").fetchOne(0, String.class)));
            }
        }
    }
}
