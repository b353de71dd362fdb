package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.LedgerService;
import coop.minka.app.MemberService;
import coop.minka.app.sync.SyncService;
import coop.minka.domain.Gender;
import coop.minka.domain.Hlc;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.OpStore;
import coop.minka.testkit.Seeded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Issue 11, part 4: order never matters. Every permutation of six files (720 orders of
/// import) — with gaps in two authors' chains, a void, an admission, an entry held invalid and a
/// clock far ahead — and random orders of more than fifty files give one state digest on the
/// receiving laptop. The receiving database is put back between orders with SQLite's `restore`
/// from a snapshot (the same file and identity), so an order costs a few milliseconds.
///
/// `-Dminka.seed=S` and `-Dminka.tries=N` choose the random orders of the second test.
@Tag("slow")
class OrderPermutationTest {
    private static final long SEED = Seeded.seed(11L);
    private static final int ORDERS = Seeded.tries(40);

    private static Path ramDir(String prefix) throws java.io.IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, prefix)
                : Files.createTempDirectory(prefix);
    }

    private static void delete(Path root) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void everyPermutationOfSixFilesGivesOneDigest() throws Exception {
        Path root = ramDir("minka-perm-");
        // plain files: the receiving laptop d stays pending, and encrypted files are not addressed to it
        try (TestCoop c = TestCoop.found(root, TestCoop.FAST, true, "b", "c")) {
            Village a = c.a();
            Village b = c.get("b");
            Village cc = c.get("c");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            // the receiving laptop joins now, before any of the six files is written
            Village d = Village.join(root, "d", a.exportFull(c.dir()), c.options);
            List<Path> files = new ArrayList<>();

            // 1: b adds a member and a transaction
            b.s.members().add("Berta", Gender.WOMAN, null, null, null);
            String t = b.s.ledger().post(LocalDate.of(2026, 5, 6), "Dues Berta", null,
                    List.of(new LedgerService.Line("1000", "30"), new LedgerService.Line("4000", "-30"))).id();
            files.add(b.export(c.dir(), SyncService.Mode.FOR_PEER, a.id()));
            a.sync.importBundle(files.getLast());
            b.sync.importBundle(a.export(c.dir(), SyncService.Mode.FOR_PEER, b.id()));
            // 2: b's next entries only (a gap before them for whoever lacks file 1)
            b.s.members().update(c.ana, new MemberService.Changes("Ana B", null, null, null, null, null));
            b.s.ledger().post(LocalDate.of(2026, 5, 7), "More dues", null,
                    List.of(new LedgerService.Line("1000", "7"), new LedgerService.Line("4000", "-7")));
            files.add(b.export(c.dir(), SyncService.Mode.FOR_PEER, a.id()));
            // 3: c voids b's transaction and renames Ana concurrently with b
            cc.sync.importBundle(files.getFirst());
            cc.s.ledger().voidTransaction(t, "entered twice");
            cc.s.members().update(c.ana, new MemberService.Changes("Ana C", null, null, null, null, null));
            files.add(cc.export(c.dir(), SyncService.Mode.FOR_PEER, a.id()));
            // 4 and 5: the hostile laptop in two pieces: a collision with b's transaction id and a
            // member; then a rename with a clock in 2100 and a withdrawal
            long s0 = h.seq();
            h.append(OpType.TX_POST, t, TestCoop.tx("2026-05-06", "collision", c.cash, 999L, c.dues, -999L));
            h.append(OpType.MEMBER_ADD, ForgeKit.ownedId(h.author.id()), OpData.builder().put("name", "Hilda")
                    .put("gender", "woman").put("status", "active").build());
            files.add(c.forged(h, s0 + 1, s0 + 2));
            long y2100 = LocalDate.of(2100, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            h.appendAt(Hlc.pack(y2100, 0), OpType.MEMBER_UPDATE, c.ana, OpData.builder().put("name", "Ana 2100").build());
            h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    TestCoop.tx("2026-05-08", "withdrawal", c.cash, -20L, c.expenses, 20L));
            files.add(c.forged(h, s0 + 3, s0 + 4));
            // 6: a new laptop e joins; a admits it; a's file carries e's entries and the admission
            Village e = Village.join(root, "e", a.exportFull(c.dir()), c.options);
            e.s.members().add("Eva", Gender.WOMAN, null, null, null);
            a.sync.importBundle(e.export(c.dir(), SyncService.Mode.FULL, null));
            a.trust().admit(e.id());
            files.add(a.export(c.dir(), SyncService.Mode.FOR_PEER, cc.id()));
            e.close();

            assertEquals(6, files.size());
            Path snap = root.resolve("d.snapshot");
            d.s.workspace().db().backupTo(snap);
            Map<String, List<String>> digests = new TreeMap<>();
            List<Integer> idx = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
            int orders = 0;
            do {
                TestCoop.restore(d, snap);
                for (int i : idx) {
                    d.sync.importBundle(files.get(i));
                }
                digests.computeIfAbsent(d.digest(), k -> new ArrayList<>()).add(idx.toString());
                orders++;
            } while (nextPermutation(idx));
            assertEquals(720, orders);
            assertEquals(1, digests.size(), () -> "orders giving each digest: " + summary(digests));
            // and what that one state is: everything applied
            assertTrue(d.s.members().list().stream().anyMatch(m -> m.name().equals("Eva")), "e's entries count");
            assertTrue(d.s.members().list().stream().anyMatch(m -> m.name().equals("Hilda")));
            assertTrue(d.s.ledger().transaction(t).voided());
            assertEquals(s0 + 4, d.s.workspace().db().read(x -> OpStore.head(x, h.author.id())).seq());
            TestCoop.assertBooksSumToZero(d);
            TestCoop.assertVerifies(d);
            d.close();
        } finally {
            delete(root);
        }
    }

    private static String summary(Map<String, List<String>> digests) {
        StringBuilder sb = new StringBuilder();
        digests.forEach((k, v) -> sb.append("\n  ").append(k, 0, 12).append(": ").append(v.size()).append(" orders, e.g. ")
                .append(v.getFirst()));
        return sb.toString();
    }

    /// The next permutation in lexicographic order; false after the last.
    static boolean nextPermutation(List<Integer> a) {
        int i = a.size() - 2;
        while (i >= 0 && a.get(i) >= a.get(i + 1)) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.size() - 1;
        while (a.get(j) <= a.get(i)) {
            j--;
        }
        Collections.swap(a, i, j);
        Collections.reverse(a.subList(i + 1, a.size()));
        return true;
    }

    @Test
    void randomOrdersOfFiftyFilesGiveOneDigest() throws Exception {
        Path root = ramDir("minka-orders-");
        // plain files: the receiving laptop d stays pending, and encrypted files are not addressed to it
        try (TestCoop c = TestCoop.found(root, TestCoop.FAST, true, "b", "c")) {
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            Village d = Village.join(root, "d", c.a().exportFull(c.dir()), c.options);
            List<Path> files = new ArrayList<>();
            SplittableRandom rnd = new SplittableRandom(SEED);
            long hSent = h.seq();
            int step = 0;
            List<String> txs = new ArrayList<>(List.of(c.duesTx));
            while (files.size() < 54) {
                step++;
                Village v = c.laptops.get(rnd.nextInt(3));
                Village to = c.laptops.get(rnd.nextInt(3));
                try {
                    switch (rnd.nextInt(7)) {
                        case 0 -> v.s.members().add("M" + step, Gender.UNSPECIFIED, null, null, null);
                        case 1 -> v.s.members().update(c.ana, new MemberService.Changes("Ana " + step, null, null, null,
                                null, null));
                        case 2 -> txs.add(v.s.ledger().post(LocalDate.of(2026, 5, 1 + rnd.nextInt(28)), "tx " + step, null,
                                List.of(new LedgerService.Line("1000", "" + (1 + rnd.nextInt(9))),
                                        new LedgerService.Line("5000", "-" + (1 + rnd.nextInt(9)))))
                                .id());
                        case 3 -> v.s.ledger().voidTransaction(txs.get(rnd.nextInt(txs.size())), "void " + step);
                        case 4 -> {
                            int k = 1 + rnd.nextInt(3);
                            for (int i = 0; i < k; i++) {
                                h.append(OpType.MEMBER_ADD, rnd.nextInt(4) == 0 ? c.ana
                                        : ForgeKit.ownedId(h.author.id()), OpData.builder().put("name", "H" + step)
                                        .put("gender", "woman").put("status", "active").build());
                            }
                            long from = Math.max(1, hSent + 1 - rnd.nextInt(2)); // sometimes overlapping
                            files.add(c.forged(h, from, h.seq()));
                            hSent = h.seq();
                            TestCoop.tryImport(to, files.getLast());
                        }
                        default -> {
                            if (v != to) {
                                files.add(v.export(c.dir(), SyncService.Mode.FOR_PEER, to.id()));
                                to.sync.importBundle(files.getLast());
                            }
                        }
                    }
                } catch (MinkaException e) {
                    assertEquals(2, e.code().exitCode(), e.toString());
                }
            }
            Path snap = root.resolve("d.snapshot");
            d.s.workspace().db().backupTo(snap);
            for (Path f : files) {
                d.sync.importBundle(f);
            }
            String inOrder = d.digest();
            TestCoop.assertVerifies(d);
            Random shuffle = new Random(SEED);
            for (int o = 0; o < ORDERS; o++) {
                List<Path> order = new ArrayList<>(files);
                Collections.shuffle(order, shuffle);
                TestCoop.restore(d, snap);
                for (Path f : order) {
                    d.sync.importBundle(f);
                }
                int oo = o;
                assertEquals(inOrder, d.digest(), () -> "random order " + oo + " of " + files.size() + " files ("
                        + Seeded.replay(SEED) + ")");
            }
            TestCoop.assertVerifies(d);
            d.close();
        } finally {
            delete(root);
        }
    }
}
