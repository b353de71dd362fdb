package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.LedgerService;
import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncStatus;
import coop.minka.app.WorkService;
import coop.minka.domain.AccountType;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.ImportReceipt;
import coop.minka.domain.MinkaException;
import coop.minka.domain.WorkKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Join, admit, exchange both ways: the basic life of two laptops.
class SyncRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void joinAdmitAndExchangeConverge() throws Exception {
        Path stick = Village.mkdir(tmp.resolve("stick"));
        try (Village a = Village.found(tmp, "a", SyncService.Options.DEFAULT)) {
            a.s.members().add("Ana", Gender.WOMAN, null, null, null);
            a.s.ledger().addAccount("1000", "Cash", AccountType.ASSET, null);
            a.s.ledger().addAccount("4000", "Dues", AccountType.INCOME, null);
            a.s.work().addCategory("K", "Kitchen", "10", WorkKind.CARE);
            Path full = a.exportFull(stick);
            try (Village b = Village.join(tmp, "b", full, SyncService.Options.DEFAULT)) {
                assertEquals(1, b.s.members().list().size(), "the joined laptop sees the books");
                // B is pending: it cannot admit anyone
                MinkaException e = assertThrows(MinkaException.class, () -> b.trust().admit("Laptop a"));
                assertEquals(ErrorCode.NOT_TRUSTED, e.code());
                b.s.members().add("Berta", Gender.WOMAN, null, null, null);
                Path fromB = b.export(stick, SyncService.Mode.DEFAULT, null);

                ImportReceipt r = a.sync.importBundle(fromB);
                assertEquals(2, r.newOps(), "B's join and its member");
                assertEquals(2, r.quarantined(), "B is not admitted yet");
                assertEquals(1, a.s.members().list().size(), "quarantined entries do not count");
                assertNotEquals(null, r.backup());
                assertTrue(Files.exists(Path.of(r.backup())));
                assertTrue(Files.exists(Path.of(r.archive())));
                SyncStatus.Status st = new SyncStatus(a.s.workspace()).status();
                assertEquals(1, st.pending().size());
                assertEquals(2, st.quarantined());

                var admitted = a.trust().admit("Laptop b");
                assertTrue(admitted.changed());
                assertEquals(admitted.fingerprint(), b.s.workspace().log().identity().fingerprint());
                assertEquals(2, a.s.members().list().size(), "admitted: B's entries count");

                a.s.ledger().post(LocalDate.of(2026, 4, 1), "Dues", null,
                        List.of(new LedgerService.Line("1000", "20"), new LedgerService.Line("4000", "-20")));
                Path fromA = a.export(stick, SyncService.Mode.DEFAULT, null);
                assertTrue(Files.notExists(full), "A's older bundle in the folder was replaced");
                ImportReceipt rb = b.sync.importBundle(fromA);
                assertTrue(rb.newOps() > 0);
                assertEquals(a.digest(), b.digest());
                assertTrue(a.s.verify().verify().ok(), a.s.verify().verify().problems().toString());
                assertTrue(b.s.verify().verify().ok(), b.s.verify().verify().problems().toString());

                // importing the same file again: nothing new, same state
                ImportReceipt again = b.sync.importBundle(fromA);
                assertTrue(again.nothingNew());
                assertTrue(again.repeated());
                assertEquals(a.digest(), b.digest());

                // --for: B only needs what it lacks; B acknowledged everything of A's
                Path forB = a.export(Village.mkdir(tmp.resolve("forb")), SyncService.Mode.FOR_PEER, "Laptop b");
                assertTrue(b.sync.importBundle(forB).nothingNew());
                b.s.work().add(new WorkService.Entry("Berta", LocalDate.of(2026, 4, 2), "2", "K", null, null));
                Path forA = b.export(Village.mkdir(tmp.resolve("fora")), SyncService.Mode.FOR_PEER, "Laptop a");
                ImportReceipt ra = a.sync.importBundle(forA);
                assertEquals(1, ra.newOps());
                assertEquals(a.digest(), b.digest());
            }
        }
    }
}
