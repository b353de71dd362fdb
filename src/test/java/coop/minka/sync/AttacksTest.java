package coop.minka.sync;

import static coop.minka.sync.TestCoop.assertBooksSumToZero;
import static coop.minka.sync.TestCoop.assertHeldInvalid;
import static coop.minka.sync.TestCoop.assertVerifies;
import static coop.minka.sync.TestCoop.balances;
import static coop.minka.sync.TestCoop.founders;
import static coop.minka.sync.TestCoop.opKeys;
import static coop.minka.sync.TestCoop.status;
import static coop.minka.sync.TestCoop.tryImport;
import static coop.minka.sync.TestCoop.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.LedgerService;
import coop.minka.app.MemberService;
import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncStatus;
import coop.minka.cli.CliRunner;
import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.Hlc;
import coop.minka.domain.ImportReceipt;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.ReplicaStatus;
import coop.minka.store.IdentityFile;
import coop.minka.store.OpStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Issue 11 "Proof": one test per numbered attack. Each forges correctly signed files with
/// [ForgeKit] (so the file checks of `BadBundleTest` do not apply: only the trust rules of
/// design-notes 10–18 stand in the way) and shows the attack fails safely — the file is refused,
/// or its entries are quarantined or held invalid — while the founder, the balances, `verify`
/// and the agreement of every honest laptop (same state digest) hold.
class AttacksTest {
    @TempDir
    Path tmp;

    private static final long MAX = Long.MAX_VALUE;

    // ------------------------------------------------------------------ 1

    /// Attack 1: a laptop that was never admitted (and, second round, one that was rejected)
    /// sends its `replica.join`, a `coop.create` stamped before the real one (clock 1970), a
    /// self-admission, a revocation of the founder and a withdrawal from the cash box.
    @Test
    void attack01_founderTakeoverByAnUnadmittedOrRejectedLaptop() {
        for (boolean rejected : new boolean[] {false, true}) {
            Path root = Village.mkdir(tmp.resolve(rejected ? "rejected" : "never-admitted"));
            try (TestCoop c = TestCoop.found(root, "b")) {
                Village a = c.a();
                Village b = c.get("b");
                Map<String, Long> before = balances(a);
                ForgeKit.Author x = ForgeKit.Author.fresh();
                ForgeKit.Chain ch = new ForgeKit.Chain(x, c.coopId);
                ch.join("Treasurer's new laptop");
                if (rejected) {
                    a.sync.importBundle(c.forged(ch, 1, 1));
                    a.trust().reject(x.id());
                    c.fromATo(c.laptops);
                }
                ch.appendAt(Hlc.pack(1, 0), OpType.COOP_CREATE, c.coopId, OpData.builder().put("name", "Taken over")
                        .put("currency", "USD").put("languages", "en").build());
                ch.append(OpType.REPLICA_ADMIT, x.id(), OpData.builder().put("fingerprint", x.fingerprint()).build());
                ch.append(OpType.REPLICA_REVOKE, a.id(), OpData.builder()
                        .put("fingerprint", a.s.workspace().log().identity().fingerprint()).build());
                Op withdrawal = ch.append(OpType.TX_POST, ForgeKit.ownedId(x.id()),
                        tx("2026-05-03", "withdrawal", c.cash, -5000L, c.expenses, 5000L));
                Path takeover = c.forgedAll(ch);
                for (Village v : c.laptops) {
                    tryImport(v, takeover);
                }
                c.exchangeAll();
                for (Village v : c.laptops) {
                    assertEquals(List.of(a.id()), founders(v), "the founder on " + v.id());
                    assertNotEquals(ReplicaStatus.FOUNDER.wire(), status(v, x.id()));
                    assertNotEquals(ReplicaStatus.ADMITTED.wire(), status(v, x.id()));
                    assertEquals(before, balances(v), "the withdrawal is not counted on " + v.id());
                    assertTrue(v.s.ledger().transactions(null, null, null).stream()
                            .noneMatch(t -> t.id().equals(withdrawal.entity())));
                    assertEquals("BOB", v.s.workspace().coop().currency().getCurrencyCode());
                    assertEquals(c.coopName, v.s.workspace().coop().name());
                    assertVerifies(v);
                }
                assertEquals(a.digest(), b.digest());
                // the next export carries no takeover: a laptop joining from it sees the same
                try (Village d = Village.join(root, "d", a.exportFull(c.dir()), c.options)) {
                    assertEquals(List.of(a.id()), founders(d));
                    assertEquals(before, balances(d));
                    assertEquals("BOB", d.s.workspace().coop().currency().getCurrencyCode());
                    assertVerifies(d);
                }
            }
        }
    }

    // ------------------------------------------------------------------ 2

    /// Attack 2: an attacker reads a new laptop's id from its first file and writes a chain for
    /// that id with its own key (a join, a member and a withdrawal). The forged file reaches `b`
    /// before the real one; `a` admits the real laptop after comparing its fingerprint. The
    /// attacker's entries count nowhere, the real laptop's do everywhere, and all agree.
    @Test
    void attack02_admissionIsBoundToTheKeyNotToAClaimedId() throws Exception {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            Map<String, Long> before = balances(a);
            Village n = Village.join(tmp, "n", a.exportFull(c.dir()), c.options);
            c.laptops.add(n);
            n.s.members().add("Nina (real)", Gender.WOMAN, null, null, null);
            Path real = n.export(c.dir(), SyncService.Mode.FULL, null);
            String nId = BundleForge.manifest(BundleForge.entries(real)).sender().id();
            assertEquals(n.id(), nId);

            ForgeKit.Author impostor = ForgeKit.Author.claiming(nId);
            ForgeKit.Chain ch = new ForgeKit.Chain(impostor, c.coopId);
            ch.join("Laptop n");
            Op fake = ch.append(OpType.MEMBER_ADD, ForgeKit.ownedId(nId), OpData.builder().put("name", "Impostor")
                    .put("gender", "man").put("status", "active").build());
            Op withdrawal = ch.append(OpType.TX_POST, ForgeKit.ownedId(nId),
                    tx("2026-05-03", "withdrawal", c.cash, -5000L, c.expenses, 5000L));
            Path forged = c.forgedAll(ch);

            MinkaException atB = tryImport(b, forged);
            assertNotNull(atB, "a chain for n's id with another key is refused: the key in the file does not derive the id");
            a.sync.importBundle(real);
            String realFingerprint = n.s.workspace().log().identity().fingerprint();
            assertEquals(realFingerprint, SyncTrust_fingerprint(a, nId), "a holds the real key of n");
            a.trust().admit(nId);
            MinkaException atA = tryImport(a, forged);
            MinkaException atN = tryImport(n, forged);
            c.exchangeAll();
            for (Village v : c.laptops) {
                assertTrue(v.s.members().list().stream().anyMatch(m -> m.name().equals("Nina (real)")),
                        "the real laptop's entries count on " + v.id());
                assertTrue(v.s.members().list().stream().noneMatch(m -> m.name().equals("Impostor")),
                        "the impostor's member counts nowhere: " + v.id());
                assertEquals(before, balances(v), "the impostor's withdrawal counts nowhere: " + v.id());
                assertTrue(v.s.ledger().transactions(null, null, null).stream()
                        .noneMatch(t -> t.id().equals(withdrawal.entity())));
                assertEquals(ReplicaStatus.ADMITTED.wire(), status(v, nId));
                assertEquals(realFingerprint, SyncTrust_fingerprint(v, nId), "the key held for n on " + v.id());
                assertFalse(opKeys(v).contains(TestCoop.key(fake)) && !TestCoop.heldInvalid(v, fake)
                        && v.s.members().list().stream().anyMatch(m -> m.name().equals("Impostor")));
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest(), "a and b agree (forged file at b: " + atB + ", at a: " + atA
                    + ", at n: " + atN + ")");
            assertEquals(a.digest(), n.digest());
        }
    }

    private static String SyncTrust_fingerprint(Village v, String replica) {
        byte[] key = v.s.workspace().db().read(d -> d.select(coop.minka.store.schema.Tables.REPLICA.PUBLIC_KEY)
                .from(coop.minka.store.schema.Tables.REPLICA).where(coop.minka.store.schema.Tables.REPLICA.ID.eq(replica))
                .fetchOne(coop.minka.store.schema.Tables.REPLICA.PUBLIC_KEY));
        return key == null ? null : coop.minka.store.Keys.fingerprint(key);
    }

    // ------------------------------------------------------------------ 3

    /// Attack 3: a file that says it was written by the founder, signed with a fresh key,
    /// acknowledging 999 entries of everyone — once with no entries (the key must come from what
    /// `b` holds) and once with a `replica.join` for the founder's id carrying the fresh key (so a
    /// reader taking keys from the file would accept the signature). Both are refused; `b`
    /// records no fork and its next exports still carry its new entries.
    @Test
    void attack03_senderImpersonationIsRefused() throws Exception {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            Map<String, Long> vv999 = new TreeMap<>();
            b.s.workspace().db().read(OpStore::versionVector).keySet().forEach(k -> vv999.put(k, 999L));
            ForgeKit.Author fake = ForgeKit.Author.claiming(a.id());
            Path bare = ForgeKit.fileFor(b).sender(fake, "Laptop a").versionVector(vv999).write(c.dir());
            ForgeKit.Chain ch = new ForgeKit.Chain(fake, c.coopId);
            ch.join("Laptop a");
            ch.append(OpType.MEMBER_ADD, ForgeKit.ownedId(a.id()), OpData.builder().put("name", "Ghost").build());
            Path withJoin = ForgeKit.fileFor(b).sender(fake, "Laptop a").range(ch.all()).versionVector(vv999)
                    .write(c.dir());
            String digest = b.digest();
            for (Path f : List.of(bare, withJoin)) {
                String hash = Village.sha256(b.file());
                MinkaException e = assertThrows(MinkaException.class, () -> b.sync.importBundle(f), f.toString());
                assertTrue(e.code().name().startsWith("BUNDLE_"), e.toString());
                assertEquals(hash, Village.sha256(b.file()), "a refused file changes nothing");
            }
            assertEquals(digest, b.digest());
            assertTrue(new SyncStatus(b.s.workspace()).status().forks().isEmpty(), "no false fork");
            // a laptop nobody admitted, writing under its own key, acknowledging 999 of everything:
            // its file is taken (quarantined), its acknowledgement is not
            ForgeKit.Author stranger = ForgeKit.Author.fresh();
            ForgeKit.Chain sc = new ForgeKit.Chain(stranger, c.coopId);
            sc.join("Stranger");
            vv999.put(stranger.id(), 1L);
            b.sync.importBundle(ForgeKit.fileFor(b).sender(stranger, "Stranger").range(sc.all()).versionVector(vv999)
                    .write(c.dir()));
            b.s.members().add("Berta", Gender.WOMAN, null, null, null);
            ImportReceipt r = a.sync.importBundle(b.export(c.dir(), SyncService.Mode.DEFAULT, null));
            assertTrue(r.newOps() >= 1, r.toString());
            assertTrue(a.s.members().list().stream().anyMatch(m -> m.name().equals("Berta")),
                    "b's next export carries its new entry");
            assertEquals(a.digest(), b.digest(), "a got everything b holds, the stranger's join too");
        }
    }

    // ------------------------------------------------------------------ 4

    /// Attack 4: an admitted laptop posts `tx.post` with another laptop's transaction id (other
    /// amounts). Held invalid on every laptop in either order of arrival; the same digest; a
    /// laptop that joins later sees the same money.
    @Test
    void attack04_entityIdCollisionIsHeldInvalidInAnyOrder() {
        try (TestCoop c = TestCoop.found(tmp, "b", "c")) {
            Village a = c.a();
            Village b = c.get("b");
            Village cc = c.get("c");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            String t = b.s.ledger().post(LocalDate.of(2026, 5, 4), "Dues Berta", null,
                    List.of(new LedgerService.Line("1000", "30"), new LedgerService.Line("4000", "-30"))).id();
            Path fromB = b.export(c.dir(), SyncService.Mode.DEFAULT, null);
            long hStart = h.seq() + 1;
            Op collision = h.append(OpType.TX_POST, t, tx("2026-05-04", "Dues Berta", c.cash, 999_900L, c.dues, -999_900L));
            Op voidIt = h.append(OpType.TX_VOID, c.duesTx, OpData.builder().put("reason", "hostile").build());
            Path fromH = c.forged(h, hStart, h.seq());

            Path snap = c.root.resolve("a.snapshot");
            a.s.workspace().db().backupTo(snap);
            a.sync.importBundle(fromB);
            a.sync.importBundle(fromH);
            String bThenH = a.digest();
            TestCoop.restore(a, snap);
            a.sync.importBundle(fromH);
            a.sync.importBundle(fromB);
            assertEquals(bThenH, a.digest(), "either order of arrival");
            cc.sync.importBundle(fromH);
            cc.sync.importBundle(fromB);
            b.sync.importBundle(fromH);
            c.exchangeAll();
            for (Village v : c.laptops) {
                assertHeldInvalid(v, collision);
                var posted = v.s.ledger().transaction(t);
                assertEquals(List.of(3000L, -3000L), posted.postings().stream().map(p -> p.amount()).toList(),
                        "b's transaction on " + v.id());
                assertTrue(v.s.ledger().transaction(c.duesTx).voided(), "voiding a transaction is allowed to anyone");
                assertBooksSumToZero(v);
                assertVerifies(v);
            }
            assertEquals(voidIt.entity(), c.duesTx);
            assertEquals(a.digest(), b.digest());
            assertEquals(a.digest(), cc.digest());
            try (Village d = Village.join(tmp, "d", a.exportFull(c.dir()), c.options)) {
                assertEquals(balances(a), balances(d), "a laptop joining later sees the same money");
                assertHeldInvalid(d, collision);
                assertVerifies(d);
            }
        }
    }

    // ------------------------------------------------------------------ 5

    /// Attack 5: entries that break the books' arithmetic, from an admitted laptop: an unbalanced
    /// transaction, two postings of 2^63−1 (and three that wrap around to zero), 30 February,
    /// work with negative minutes. All held invalid; the books sum to zero; the journal, the cash
    /// book and the exports still work.
    @Test
    void attack05_semanticChecksOnImport() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            Map<String, Long> before = balances(a);
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            long from = h.seq() + 1;
            List<Op> bad = new ArrayList<>();
            bad.add(h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    tx("2026-05-05", "unbalanced", c.cash, 10_000L, c.dues, -5_000L)));
            bad.add(h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    tx("2026-05-05", "overflow", c.cash, MAX, c.dues, MAX)));
            bad.add(h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    tx("2026-05-05", "wraps to zero", c.cash, MAX, c.cash, MAX, c.dues, 2L)));
            bad.add(h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    tx("2026-02-30", "no such day", c.cash, 100L, c.dues, -100L)));
            bad.add(h.append(OpType.WORK_ADD, ForgeKit.ownedId(h.author.id()), c.work("2026-05-05", -60)));
            Path fromH = c.forged(h, from, h.seq());
            a.sync.importBundle(fromH);
            b.sync.importBundle(fromH);
            c.exchangeAll();
            for (Village v : c.laptops) {
                for (Op op : bad) {
                    assertHeldInvalid(v, op);
                }
                assertEquals(before, balances(v));
                assertBooksSumToZero(v);
                assertTrue(v.s.work().list(null, null, null, true).stream().allMatch(w -> w.minutes() > 0));
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            Path aDb = a.file();
            CliRunner cli = new CliRunner(aDb);
            cli.ok("tx", "list");
            cli.ok("tx", "list", "--json");
            cli.ok("report", "cash-book");
            cli.ok("report", "balances");
            cli.ok("export", "--format", "json", "--out", tmp.resolve("books.json").toString());
            cli.ok("export", "--format", "csv", "--out", tmp.resolve("books.zip").toString());
            cli.ok("verify");
        }
    }

    // ------------------------------------------------------------------ 6

    /// Attack 6: fields fixed at creation — the cooperative's currency once money exists, an
    /// account's type and code — changed by an admitted laptop's updates: held invalid.
    @Test
    void attack06_fixedFieldsNeverChange() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            long from = h.seq() + 1;
            String base = a.s.workspace().db().read(d -> OpStore.byEntity(d, c.cash)).getLast().hashHex();
            Op currency = h.append(OpType.COOP_UPDATE, c.coopId, OpData.builder().put("currency", "USD").build());
            Op type = h.append(OpType.ACCOUNT_UPDATE, c.cash, OpData.builder().put("type", "expense")
                    .put("base", base).build());
            Op code = h.append(OpType.ACCOUNT_UPDATE, c.cash, OpData.builder().put("code", "9999")
                    .put("base", base).build());
            Path fromH = c.forged(h, from, h.seq());
            a.sync.importBundle(fromH);
            b.sync.importBundle(fromH);
            for (Village v : c.laptops) {
                for (Op op : List.of(currency, type, code)) {
                    assertHeldInvalid(v, op);
                }
                assertEquals("BOB", v.s.workspace().coop().currency().getCurrencyCode());
                var cash = v.s.ledger().account("1000");
                assertEquals(c.cash, cash.id());
                assertEquals(AccountType.ASSET, cash.type());
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
        }
    }

    // ------------------------------------------------------------------ 7

    /// Attack 7: dates outside four-digit years — typed on the command line (refused) and
    /// imported from an admitted laptop (held invalid).
    @Test
    void attack07_datesOutsideFourDigitYears() {
        List<String> dates = List.of("+10000-01-01", "0000-01-01", "-0001-01-01");
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            long from = h.seq() + 1;
            List<Op> bad = new ArrayList<>();
            for (String date : dates) {
                bad.add(h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()), tx(date, "far", c.cash, 100L, c.dues,
                        -100L)));
                bad.add(h.append(OpType.WORK_ADD, ForgeKit.ownedId(h.author.id()), c.work(date, 60)));
            }
            Path fromH = c.forged(h, from, h.seq());
            String digestBefore = a.digest();
            for (String date : dates) {
                LocalDate d = LocalDate.parse(date);
                assertThrows(MinkaException.class, () -> a.s.ledger().post(d, "typed", null,
                        List.of(new LedgerService.Line("1000", "1"), new LedgerService.Line("4000", "-1"))), date);
                assertThrows(MinkaException.class, () -> a.s.work().add(new coop.minka.app.WorkService.Entry(c.ana, d,
                        "1", "K", null, null)), date);
            }
            assertEquals(digestBefore, a.digest(), "nothing typed was taken");
            Path bDb = b.file();
            b.close();
            CliRunner cli = new CliRunner(bDb);
            for (String date : dates) {
                var r = cli.run("tx", "add", "--date", date, "--memo", "typed", "--post", "1000=1", "--post", "4000=-1");
                assertNotEquals(0, r.exit(), "tx add --date " + date + ": " + r.out());
                var w = cli.run("work", "add", "--member", "Ana", "--date", date, "--hours", "1", "--category", "K");
                assertNotEquals(0, w.exit(), "work add --date " + date + ": " + w.out());
                var m = cli.run("member", "add", "--name", "Far " + date, "--joined", date);
                assertNotEquals(0, m.exit(), "member add --joined " + date + ": " + m.out());
            }
            Village b2 = Village.open(bDb, c.options);
            c.laptops.set(1, b2);
            a.sync.importBundle(fromH);
            b2.sync.importBundle(fromH);
            for (Village v : c.laptops) {
                for (Op op : bad) {
                    assertHeldInvalid(v, op);
                }
                assertBooksSumToZero(v);
                assertVerifies(v);
            }
            assertEquals(a.digest(), b2.digest());
            new CliRunner(bDb).ok("tx", "list");
            new CliRunner(bDb).ok("work", "list");
        }
    }

    // ------------------------------------------------------------------ 8

    /// Attack 8: an admitted laptop whose clock says 2100 renames a member (having seen the
    /// member). A later local `member update` on `a`, made after seeing that name, still wins
    /// everywhere (design-notes 17: causality before clocks).
    @Test
    void attack08_aClockFarAheadCannotFreezeAField() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            ForgeKit.Chain h = c.admittedHostile("Clock 2100");
            long from = h.seq() + 1;
            String base = a.s.workspace().db().read(d -> OpStore.byEntity(d, c.ana)).getLast().hashHex();
            long y2100 = LocalDate.of(2100, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            h.appendAt(Hlc.pack(y2100, 0), OpType.MEMBER_UPDATE, c.ana, OpData.builder().put("name", "Ana (2100)")
                    .put("base", base).build());
            Path fromH = c.forged(h, from, h.seq());
            a.sync.importBundle(fromH);
            b.sync.importBundle(fromH);
            assertEquals("Ana (2100)", a.s.members().get(c.ana).name(), "the far-ahead edit is taken");
            a.s.members().update(c.ana, new MemberService.Changes("Ana Quispe", null, null, null, null, null));
            assertEquals("Ana Quispe", a.s.members().get(c.ana).name(), "the later local edit wins here");
            c.exchangeAll();
            for (Village v : c.laptops) {
                assertEquals("Ana Quispe", v.s.members().get(c.ana).name(), "the later local edit wins on " + v.id());
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            // and through the command line too, once more
            Path bDb = b.file();
            b.close();
            new CliRunner(bDb).ok("member", "update", c.ana, "--name", "Ana Q.");
            Village b2 = Village.open(bDb, c.options);
            c.laptops.set(1, b2);
            c.exchangeAll();
            assertEquals("Ana Q.", a.s.members().get(c.ana).name());
            assertEquals(a.digest(), b2.digest());
        }
    }

    // ------------------------------------------------------------------ 9

    /// Attack 9, part 1: the files a laptop archived, imported again elsewhere in reverse order,
    /// give the same digest as in the order they came.
    @Test
    void attack09_archivedFilesInReverseOrderGiveTheSameDigest() throws Exception {
        SyncService.Options archiving = new SyncService.Options(false, 10, true, BundleLimits.DEFAULT);
        // plain files: a laptop that never counted replays what a received (encrypted files would
        // not be addressed to it)
        try (TestCoop c = TestCoop.found(tmp, archiving, true, "b", "c")) {
            Village a = c.a();
            Village b = c.get("b");
            Village cc = c.get("c");
            Path early = a.exportFull(c.dir());
            // a fourth laptop joins now (pending), so it can replay what a receives afterwards
            Village d = Village.join(tmp, "d", early, c.options);
            Path received = a.file().resolveSibling("received");
            try (var s = Files.list(received)) {
                s.forEach(p -> p.toFile().delete());
            }
            for (int round = 0; round < 4; round++) {
                b.s.members().add("B" + round, Gender.WOMAN, null, null, null);
                b.s.ledger().post(LocalDate.of(2026, 6, 1 + round), "b" + round, null,
                        List.of(new LedgerService.Line("1000", "" + (round + 1)), new LedgerService.Line("4000",
                                "-" + (round + 1))));
                a.sync.importBundle(b.export(c.dir(), SyncService.Mode.DEFAULT, null));
                cc.s.members().update(c.ana, new MemberService.Changes("Ana c" + round, null, null, null, null, null));
                if (round == 2) {
                    cc.s.ledger().voidTransaction(c.duesTx, "c voids");
                }
                a.sync.importBundle(cc.export(c.dir(), SyncService.Mode.DEFAULT, null));
                b.sync.importBundle(a.export(c.dir(), SyncService.Mode.DEFAULT, null));
                cc.sync.importBundle(a.export(c.dir(), SyncService.Mode.DEFAULT, null));
                // b and c acknowledge each other, so their next files hold only what is new (gaps
                // when replayed backwards)
                cc.sync.importBundle(b.export(c.dir(), SyncService.Mode.DEFAULT, null));
                b.sync.importBundle(cc.export(c.dir(), SyncService.Mode.DEFAULT, null));
            }
            List<Path> archived;
            try (Stream<Path> s = Files.list(received)) {
                archived = s.sorted().toList();
            }
            assertTrue(archived.size() >= 8, archived.toString());
            Path snap = tmp.resolve("d.snapshot");
            d.s.workspace().db().backupTo(snap);
            for (Path p : archived) {
                d.sync.importBundle(p);
            }
            String forward = d.digest();
            TestCoop.restore(d, snap);
            for (Path p : archived.reversed()) {
                d.sync.importBundle(p);
            }
            assertEquals(forward, d.digest(), "reverse order of the archived files");
            assertTrue(opKeys(d).containsAll(opKeys(a)), "d holds every entry a holds");
            assertVerifies(d);
            d.close();
        }
    }

    /// Attack 9, part 2: entries that arrive after a gap in their author's chain are kept and
    /// applied when the earlier ones arrive — without the later file being delivered again.
    @Test
    void attack09_entriesAfterAGapWaitAndAreApplied() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            ForgeKit.Chain h = c.admittedHostile("Honest after all");
            long s0 = h.seq();
            for (int i = 1; i <= 6; i++) {
                h.append(OpType.MEMBER_ADD, ForgeKit.ownedId(h.author.id()), OpData.builder().put("name", "H" + i)
                        .put("gender", "woman").put("status", "active").build());
            }
            Path first = c.forged(h, s0 + 1, s0 + 3);
            Path second = c.forged(h, s0 + 4, s0 + 6);
            ImportReceipt r = b.sync.importBundle(second);
            assertEquals(0, r.newOps(), "nothing applied before the gap is filled: " + r);
            b.sync.importBundle(first);
            for (int i = 1; i <= 6; i++) {
                String name = "H" + i;
                assertTrue(b.s.members().list().stream().anyMatch(m -> m.name().equals(name)),
                        name + " applied once the gap was filled");
            }
            assertEquals(s0 + 6, b.s.workspace().db().read(d -> OpStore.head(d, h.author.id())).seq());
            a.sync.importBundle(first);
            a.sync.importBundle(second);
            assertEquals(a.digest(), b.digest());
            assertVerifies(b);
        }
    }

    // ------------------------------------------------------------------ 10

    /// Attack 10, part 1: a cooperative of one laptop restores its own backup. The restored file
    /// writes under a new identity, a vouched successor of the founder: it is trusted, can admit a
    /// new laptop, and that laptop counts its entries.
    @Test
    void attack10_aOneLaptopCooperativeRestoringABackupIsNotLockedOut() throws Exception {
        Path aDb;
        String oldId;
        Path backup = tmp.resolve("backup.db");
        try (Village a = Village.found(tmp, "a", TestCoop.FAST)) {
            a.s.ledger().addAccount("1000", "Cash", AccountType.ASSET, null);
            a.s.ledger().addAccount("4000", "Dues", AccountType.INCOME, null);
            a.s.members().add("Ana", Gender.WOMAN, null, null, null);
            a.s.workspace().db().backupTo(backup);
            a.s.members().add("Lost with the disk", Gender.MAN, null, null, null);
            aDb = a.file();
            oldId = a.id();
        }
        Files.copy(backup, aDb, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(aDb.resolveSibling(aDb.getFileName() + "-wal"));
        Files.deleteIfExists(aDb.resolveSibling(aDb.getFileName() + "-shm"));
        try (Village a = Village.open(aDb, TestCoop.FAST)) {
            assertTrue(a.s.workspace().identityRenewed());
            a.s.ledger().post(LocalDate.of(2026, 7, 1), "after the restore", null,
                    List.of(new LedgerService.Line("1000", "5"), new LedgerService.Line("4000", "-5")));
            assertNotEquals(oldId, a.id());
            String st = status(a, a.id());
            assertTrue(st.equals(ReplicaStatus.FOUNDER.wire()) || st.equals(ReplicaStatus.ADMITTED.wire()),
                    "the restored laptop is trusted as a vouched successor, not " + st);
            try (Village n = Village.join(tmp, "n", a.exportFull(Village.mkdir(tmp.resolve("s1"))), TestCoop.FAST)) {
                a.sync.importBundle(n.exportFull(Village.mkdir(tmp.resolve("s2"))));
                a.trust().admit(n.id());
                n.sync.importBundle(a.exportFull(Village.mkdir(tmp.resolve("s3"))));
                assertEquals(ReplicaStatus.ADMITTED.wire(), status(n, n.id()));
                assertEquals(500L, TestCoop.balance(n, "1000"), "n counts the restored laptop's entries");
                n.s.members().add("Nora", Gender.WOMAN, null, null, null);
                a.sync.importBundle(n.export(Village.mkdir(tmp.resolve("s4")), SyncService.Mode.DEFAULT, null));
                assertTrue(a.s.members().list().stream().anyMatch(m -> m.name().equals("Nora")));
                assertEquals(a.digest(), n.digest());
                assertVerifies(a);
                assertVerifies(n);
            }
        }
    }

    /// Attack 10, part 2: a copy of an admitted laptop's database that syncs before it writes
    /// anything produces files the others accept, and what it writes next counts (it is the
    /// vouched successor of a trusted laptop).
    @Test
    void attack10_aCopiedDatabaseThatSyncsBeforeAnyWriteIsAccepted() throws Exception {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            Path copyDir = Village.mkdir(tmp.resolve("copy"));
            b.s.workspace().db().backupTo(copyDir.resolve("b.db"));
            Files.copy(IdentityFile.pathFor(b.file()), IdentityFile.pathFor(copyDir.resolve("b.db")));
            try (Village copy = Village.open(copyDir.resolve("b.db"), c.options)) {
                Path folder = c.dir();
                Files.copy(a.exportFull(c.dir()), folder.resolve("from-a.minka"));
                var r = copy.sync.syncFolder(folder);
                assertFalse(r.anyRefused(), r.items().toString());
                Path written = r.written().file();
                ImportReceipt atA = a.sync.importBundle(written);
                assertNotNull(atA);
                copy.s.members().add("Written on the copy", Gender.WOMAN, null, null, null);
                a.sync.importBundle(copy.export(c.dir(), SyncService.Mode.DEFAULT, null));
                assertTrue(a.s.members().list().stream().anyMatch(m -> m.name().equals("Written on the copy")),
                        "the copy is a vouched successor of b: its entries count");
                b.sync.importBundle(a.exportFull(c.dir()));
                assertEquals(a.digest(), b.digest());
                assertVerifies(a);
            }
        }
    }

    // ------------------------------------------------------------------ 11

    /// Attack 11: someone with the database file drops the triggers and deletes this laptop's
    /// latest entry with its signed head and its projection. `verify` reports own entries
    /// missing — witnessed by the identity file, and (with the identity file rolled back too) by
    /// another laptop's acknowledgement.
    @Test
    void attack11_deletingTheLatestOwnEntryIsSeenByWitnesses() throws Exception {
        for (boolean identityRolledBack : new boolean[] {false, true}) {
            Path root = Village.mkdir(tmp.resolve(identityRolledBack ? "rolled-back" : "identity-file"));
            Path aDb;
            Path savedIdentity = root.resolve("identity.saved");
            try (TestCoop c = TestCoop.found(root, "b")) {
                Village a = c.a();
                Village b = c.get("b");
                Files.copy(IdentityFile.pathFor(a.file()), savedIdentity);
                a.s.members().add("Last", Gender.WOMAN, null, null, null);
                b.sync.importBundle(a.export(c.dir(), SyncService.Mode.DEFAULT, null));
                a.sync.importBundle(b.export(c.dir(), SyncService.Mode.DEFAULT, null)); // b acknowledges a's entry
                assertVerifies(a);
                aDb = a.file();
            }
            try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + aDb); Statement st = conn.createStatement()) {
                List<String> triggers = new ArrayList<>();
                try (var rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                    while (rs.next()) {
                        triggers.add(rs.getString(1));
                    }
                }
                for (String t : triggers) {
                    st.execute("DROP TRIGGER " + t);
                }
                String self;
                try (var rs = st.executeQuery("SELECT value FROM meta WHERE key = '" + coop.minka.store.Meta.SELF + "'")) {
                    rs.next();
                    self = rs.getString(1);
                }
                long last;
                try (var rs = st.executeQuery("SELECT max(seq) FROM op WHERE replica = '" + self + "'")) {
                    rs.next();
                    last = rs.getLong(1);
                }
                assertEquals(1, st.executeUpdate("DELETE FROM op WHERE replica = '" + self + "' AND seq = " + last));
                st.executeUpdate("DELETE FROM signed_head WHERE replica = '" + self + "' AND seq = " + last);
                assertEquals(1, st.executeUpdate("DELETE FROM member WHERE name = 'Last'"));
            }
            if (identityRolledBack) {
                Files.copy(savedIdentity, IdentityFile.pathFor(aDb), StandardCopyOption.REPLACE_EXISTING);
            }
            var r = new CliRunner(aDb).run("verify", "--json");
            assertEquals(1, r.exit(), (identityRolledBack ? "peer acknowledgement" : "identity file")
                    + " as witness: verify must fail\n" + r.out() + r.err());
            assertTrue(r.out().toLowerCase(java.util.Locale.ROOT).contains("missing"), r.out());
        }
    }

    // ------------------------------------------------------------------ beyond the list

    /// A thief holding a stolen laptop's key (`b`) vouches for a new key as its successor, as a
    /// restored backup would (design-notes 13), and writes a withdrawal with it. Before the theft
    /// is noticed that successor counts (it is indistinguishable from a restore); once `a`
    /// rejects `b`, neither `b` nor any successor it vouched for counts, on every laptop.
    @Test
    void stolenLaptopRevokedCannotLiveOnThroughAVouchedSuccessor() {
        try (TestCoop c = TestCoop.found(tmp, "b", "c")) {
            Village a = c.a();
            Village b = c.get("b");
            Map<String, Long> before = balances(a);
            ForgeKit.Author stolen = ForgeKit.Author.of(b);
            ForgeKit.Author successor = ForgeKit.Author.fresh();
            ForgeKit.Chain ch = new ForgeKit.Chain(successor, c.coopId);
            String vouch = java.util.Base64.getEncoder().encodeToString(coop.minka.store.Keys.sign(stolen.privateKey(),
                    coop.minka.store.Keys.successorMessage(c.coopId, successor.id(), successor.publicKey())));
            ch.append(OpType.REPLICA_JOIN, successor.id(), OpData.builder().put("name", "Laptop b (copy)")
                    .put("key", successor.keyBase64()).put("copyOf", stolen.id()).put("vouch", vouch).build());
            Op withdrawal = ch.append(OpType.TX_POST, ForgeKit.ownedId(successor.id()),
                    tx("2026-05-09", "withdrawal", c.cash, -4000L, c.expenses, 4000L));
            Path f = c.forgedAll(ch);
            a.sync.importBundle(f);
            assertEquals(ReplicaStatus.ADMITTED.wire(), status(a, successor.id()),
                    "a vouched successor of a trusted laptop is trusted (a restore looks just like this)");
            assertTrue(a.s.ledger().transactions(null, null, null).stream().anyMatch(t -> t.id().equals(withdrawal.entity())));
            a.trust().reject(b.id());
            for (Village v : c.laptops) {
                tryImport(v, f);
            }
            c.exchangeAll();
            for (Village v : c.laptops) {
                if (v == b) {
                    continue;
                }
                assertEquals(ReplicaStatus.REVOKED.wire(), status(v, b.id()));
                assertNotEquals(ReplicaStatus.ADMITTED.wire(), status(v, successor.id()),
                        "a revoked laptop's successor is not trusted on " + v.id());
                assertTrue(v.s.ledger().transactions(null, null, null).stream()
                        .noneMatch(t -> t.id().equals(withdrawal.entity())), "the thief's withdrawal counts nowhere");
                assertEquals(before, balances(v));
                assertVerifies(v);
            }
            assertEquals(a.digest(), c.get("c").digest());
        }
    }

    /// Files of an older Minka (sync format 1) are refused with a message asking to update the
    /// laptop that wrote them, and change nothing.
    @Test
    void filesOfAnOlderMinkaAreRefused() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            ForgeKit.Author old = ForgeKit.Author.fresh();
            ForgeKit.Chain ch = new ForgeKit.Chain(old, c.coopId);
            ch.join("Old Minka");
            Path f = ForgeKit.fileFor(a).sender(old, "Old Minka").range(ch.all()).format(1).write(c.dir());
            String hash = Village.sha256(a.file());
            MinkaException e = assertThrows(MinkaException.class, () -> a.sync.importBundle(f));
            assertEquals("BUNDLE_TOO_OLD", e.code().name(), e.toString());
            assertEquals(hash, Village.sha256(a.file()));
        }
    }

    /// Found by [HostilePeerSimulationTest] (seeds 20261400, 20261419, 20261567, 20261607): an
    /// admitted laptop's `work.void` (and `tx.void`) naming an entity of the other kind, together
    /// with an honest `tx.void` of the same transaction. Design-notes 20: a void takes out only an
    /// entity of its own kind; one of the wrong kind changes nothing, before or after what it
    /// names — so it neither voids a transaction nor keeps an honest `tx.void` from taking the money
    /// out, and the books are the same in every order. (The projector once kept one `void` row per
    /// entity whatever its kind: the transaction left the journal but not the balances, or the
    /// honest void was blocked, and laptops disagreed.)
    @Test
    void aVoidOfTheWrongKindChangesNothingInAnyOrder() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            String work = a.s.work().add(new coop.minka.app.WorkService.Entry(c.ana, LocalDate.of(2026, 5, 1), "1", "K",
                    null, null)).id();
            c.fromATo(c.laptops);
            long from = h.seq() + 1;
            h.appendAt(Hlc.pack(1, 0), OpType.WORK_VOID, c.duesTx, OpData.builder()
                    .put("reason", "work.void of a transaction, stamped before everything").build());
            h.append(OpType.TX_VOID, work, OpData.builder().put("reason", "tx.void of a work entry").build());
            Path fromH = c.forged(h, from, h.seq());
            Map<String, Long> before = balances(a);
            String t = b.s.ledger().post(LocalDate.of(2026, 5, 4), "Dues Berta", null,
                    List.of(new LedgerService.Line("1000", "30"), new LedgerService.Line("4000", "-30"))).id();
            b.s.ledger().voidTransaction(c.duesTx, "entered by mistake"); // an honest void of the same transaction
            Path fromB = b.export(c.dir(), SyncService.Mode.DEFAULT, null);
            long from2 = h.seq() + 1;
            h.append(OpType.WORK_VOID, t, OpData.builder().put("reason", "work.void of a later transaction").build());
            Path fromH2 = c.forged(h, from2, h.seq());

            Path snap = c.root.resolve("a.snapshot");
            a.s.workspace().db().backupTo(snap);
            List<List<Path>> orders = List.of(List.of(fromB, fromH, fromH2), List.of(fromH, fromH2, fromB),
                    List.of(fromH, fromB, fromH2));
            String digest = null;
            for (List<Path> order : orders) {
                TestCoop.restore(a, snap);
                for (Path f : order) {
                    a.sync.importBundle(f);
                }
                if (digest == null) {
                    digest = a.digest();
                }
                assertEquals(digest, a.digest(), "order " + orders.indexOf(order));
                assertVerifies(a);
                assertTrue(a.s.ledger().transaction(c.duesTx).voided(), "b's tx.void counts");
                assertFalse(a.s.ledger().transaction(t).voided(), "a work.void does not void a transaction");
                assertFalse(a.s.work().entry(work).voided(), "a tx.void does not void a work entry");
                Map<String, Long> expected = new TreeMap<>(before);
                String cashKey = before.keySet().stream().filter(k -> k.startsWith("1000 ")).findFirst().orElseThrow();
                String duesKey = before.keySet().stream().filter(k -> k.startsWith("4000 ")).findFirst().orElseThrow();
                expected.merge(cashKey, 3000L - 10000L, Long::sum);
                expected.merge(duesKey, -3000L + 10000L, Long::sum);
                expected.values().removeIf(x -> x == 0);
                Map<String, Long> actual = new TreeMap<>(balances(a));
                actual.values().removeIf(x -> x == 0);
                assertEquals(expected, actual, "balances in order " + orders.indexOf(order));
                assertBooksSumToZero(a);
            }
        }
    }

    /// An admitted laptop tells two stories: after an entry everyone holds, it sends `b` one
    /// withdrawal and `c` another under the same entry number. Each story is correctly signed;
    /// each laptop that meets both records a fork and applies neither side twice. A person then
    /// rejects the laptop keeping its entries up to the fork (design-notes 19), and every laptop
    /// counts the same entries again, whichever story it holds.
    @Test
    void anAdmittedLaptopTellingTwoStoriesIsAForkAPersonResolves() {
        try (TestCoop c = TestCoop.found(tmp, "b", "c")) {
            Village a = c.a();
            Village b = c.get("b");
            Village cc = c.get("c");
            ForgeKit.Chain h = c.admittedHostile("Two-faced");
            h.append(OpType.MEMBER_ADD, ForgeKit.ownedId(h.author.id()), OpData.builder().put("name", "Before the fork")
                    .put("gender", "woman").put("status", "active").build());
            long common = h.seq();
            Path shared = c.forged(h, 2, common);
            for (Village v : c.laptops) {
                v.sync.importBundle(shared);
            }
            ForgeKit.Chain.Mark mark = h.mark();
            Op toB = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    tx("2026-05-09", "story for b", c.cash, -1000L, c.expenses, 1000L));
            Path storyB = c.forged(h, common + 1, h.seq());
            h.reset(mark);
            Op toC = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    tx("2026-05-09", "story for c", c.cash, -7000L, c.expenses, 7000L));
            Path storyC = c.forged(h, common + 1, h.seq());
            assertEquals(toB.seq(), toC.seq());
            b.sync.importBundle(storyB);
            cc.sync.importBundle(storyC);
            a.sync.importBundle(storyB);
            ImportReceipt second = a.sync.importBundle(storyC);
            assertEquals(1, second.forks(), second.toString());
            var forks = new SyncStatus(a.s.workspace()).status().forks();
            assertEquals(1, forks.size());
            a.trust().reject(h.author.id(), forks.getFirst().seq() - 1);
            for (Village v : c.laptops) {
                tryImport(v, storyB);
                tryImport(v, storyC);
            }
            c.exchangeAll();
            for (Village v : c.laptops) {
                assertTrue(v.s.members().list().stream().anyMatch(m -> m.name().equals("Before the fork")),
                        "its entries before the fork still count on " + v.id());
                assertTrue(v.s.ledger().transactions(null, null, null).stream()
                        .noneMatch(t -> t.id().equals(toB.entity()) || t.id().equals(toC.entity())),
                        "neither story counts on " + v.id());
                assertBooksSumToZero(v);
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            assertEquals(a.digest(), cc.digest());
        }
    }
}
