package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.LedgerService;
import coop.minka.app.MemberService;
import coop.minka.app.sync.SyncService;
import coop.minka.app.WorkService;
import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.MinkaException;
import coop.minka.domain.WorkKind;
import coop.minka.store.OpStore;
import coop.minka.testkit.Seeded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Invariant 3 of DESIGN.md §6: replicas converge whatever travels, in whatever order, however
/// often. Three laptops (five with `-Dminka.sync.replicas=5`; `-Dminka.sync.rounds=N` runs N
/// scenarios per try) make random local edits — including concurrent edits of one member's
/// fields and voids of the same transaction — and exchange bundles with drops, duplicates,
/// reordering and stale re-delivery; after an all-to-all exchange every `verify` digest is the
/// same, no entry any laptop ever held is missing anywhere (so conflict losers stay in the log),
/// and `verify` is ok on every laptop after every try.
///
/// The laptops are set up once (founded, joined, admitted, in step) in a RAM folder and each
/// try restores their databases from that snapshot, so a try costs a few milliseconds.
///
/// 1000 seeded tries of 1 to 10 steps; `-Dminka.tries=N`, `-Dminka.seed=S` replays the try a
/// failure names (see [Seeded]).
@Tag("slow")
class ConvergenceProperties {
    private static final int REPLICAS = Integer.getInteger("minka.sync.replicas", 3);
    private static final int ROUNDS = Integer.getInteger("minka.sync.rounds", 1);
    private static final SyncService.Options FAST = new SyncService.Options(false, 10, false,
            BundleLimits.DEFAULT);

    private static Path root;
    private static final List<Village> villages = new ArrayList<>();
    private static final List<Path> snapshots = new ArrayList<>();
    private static String ana;
    private static List<String> baseTx;
    private static String baseWork;
    private static int tryNo;
    private static long verifyNanos;

    @BeforeAll
    static void setUp() throws Exception {
        Path shm = Path.of("/dev/shm");
        root = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "minka-conv-")
                : Files.createTempDirectory("minka-conv-");
        Path stick = Village.mkdir(root.resolve("stick"));
        Village a = Village.found(root, "v0", FAST);
        villages.add(a);
        ana = a.s.members().add("Ana", Gender.WOMAN, null, null, null).id();
        a.s.ledger().addAccount("1000", "Cash", AccountType.ASSET, null);
        a.s.ledger().addAccount("4000", "Dues", AccountType.INCOME, null);
        a.s.work().addCategory("K", "Kitchen", "10", WorkKind.CARE);
        baseTx = List.of(post(a, "10").id(), post(a, "20").id());
        baseWork = a.s.work().add(new WorkService.Entry(ana, LocalDate.of(2026, 5, 1), "1", "K", null, null)).id();
        Path full = a.exportFull(stick);
        for (int i = 1; i < REPLICAS; i++) {
            Village v = Village.join(root, "v" + i, full, FAST);
            villages.add(v);
            a.sync.importBundle(v.exportFull(Village.mkdir(root.resolve("out" + i))));
            a.trust().admit(v.id());
        }
        Path fromA = a.exportFull(Village.mkdir(root.resolve("final")));
        for (Village v : villages.subList(1, villages.size())) {
            v.sync.importBundle(fromA);
        }
        for (Village v : villages) {
            assertEquals(a.digest(), v.digest());
            Path snap = root.resolve(v.file().getFileName() + ".snapshot");
            v.s.workspace().db().backupTo(snap);
            snapshots.add(snap);
            // the identity file is a witness of the laptop's own entries: it goes back with the file
            Files.copy(coop.minka.store.IdentityFile.pathFor(v.file()),
                    coop.minka.store.IdentityFile.pathFor(snap), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        System.out.println("convergence: " + tryNo + " scenarios, main-thread CPU "
                + java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000
                + " ms, of which verify " + verifyNanos / 1_000_000 + " ms (wall)");
        villages.forEach(Village::close);
        villages.clear();
        snapshots.clear();
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static coop.minka.domain.Transaction post(Village v, String amount) {
        return v.s.ledger().post(LocalDate.of(2026, 5, 2), "Dues", null,
                List.of(new LedgerService.Line("1000", amount), new LedgerService.Line("4000", "-" + amount)));
    }

    /// One step: a local edit (kind 0–7) or an exchange (kind 8–11), with small numbers to pick
    /// the laptops, the entity and the bundle.
    record Step(int kind, int a, int b, int n) {
    }

    /// 1 to 10 steps.
    static List<Step> scenario(SplittableRandom rnd) {
        int n = 1 + rnd.nextInt(10);
        List<Step> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Step(rnd.nextInt(13), rnd.nextInt(REPLICAS), rnd.nextInt(REPLICAS), rnd.nextInt(10)));
        }
        return out;
    }

    @Test
    void everyReplicaConvergesWhateverTravels() {
        Seeded.forEachSeed("ConvergenceProperties", 1000, (seed, rnd) -> {
            List<Step> steps = scenario(rnd);
            for (int round = 0; round < ROUNDS; round++) {
                List<Step> s = steps;
                if (round > 0) {
                    s = new ArrayList<>(steps);
                    java.util.Collections.shuffle(s, rnd);
                }
                try {
                    runScenario(s);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + " (steps " + s + ")", e);
                }
            }
        });
    }

    private void runScenario(List<Step> steps) throws Exception {
        tryNo++;
        for (int i = 0; i < villages.size(); i++) {
            try (Statement st = villages.get(i).s.workspace().db().connection().createStatement()) {
                st.executeUpdate("restore from " + snapshots.get(i).toAbsolutePath());
            }
            Files.copy(coop.minka.store.IdentityFile.pathFor(snapshots.get(i)),
                    coop.minka.store.IdentityFile.pathFor(villages.get(i).file()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path bag = Village.mkdir(root.resolve("bag" + tryNo));
        List<Path> mail = new ArrayList<>();
        int counter = 0;
        for (Step s : steps) {
            Village v = villages.get(s.a());
            counter++;
            try {
                switch (s.kind()) {
                    case 0 -> v.s.members().add("M" + s.a() + "-" + counter, Gender.UNSPECIFIED, null, null, null);
                    case 1 -> v.s.members().update(ana, new MemberService.Changes("Ana " + s.a() + "." + s.n(),
                            null, null, null, null, null));
                    case 2 -> v.s.members().update(ana, new MemberService.Changes(null, null, null,
                            s.n() % 2 == 0 ? MemberStatus.ACTIVE : MemberStatus.INACTIVE, null, "note " + s.a()));
                    case 3 -> post(v, Integer.toString(s.n() + 1));
                    case 4 -> v.s.ledger().voidTransaction(baseTx.get(s.n() % 2), "by " + s.a());
                    case 5 -> v.s.work().add(new WorkService.Entry(ana, LocalDate.of(2026, 5, 3), "2", "K", null, null));
                    case 6 -> v.s.work().voidEntry(baseWork, "by " + s.a());
                    case 7 -> v.s.ledger().updateAccount("1000", "Cash " + s.a() + s.n(), null);
                    case 8, 9 -> deliver(v.export(Village.mkdir(bag.resolve("o" + counter)), mode(s.n()),
                            villages.get(s.b()).id()), villages.get(s.b()));
                    case 10 -> mail.add(v.export(Village.mkdir(bag.resolve("o" + counter)), mode(s.n()),
                            villages.get(s.b()).id()));
                    case 11, 12 -> {
                        if (!mail.isEmpty()) {
                            Path m = mail.get(s.n() % mail.size());
                            deliver(m, villages.get(s.b()));
                            if (s.kind() == 12) {
                                deliver(m, villages.get(s.b()));
                            }
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            } catch (MinkaException e) {
                // refused locally (already voided, inactive member, …): the scenario goes on
                assertTrue(e.code().exitCode() == 2, e.toString());
            }
        }
        Set<String> everHeld = new HashSet<>();
        for (Village v : villages) {
            everHeld.addAll(opKeys(v));
        }
        // all-to-all through a shared folder: everyone once, then everyone but the last again
        Path folder = Village.mkdir(bag.resolve("shared"));
        List<Village> order = new ArrayList<>(villages);
        order.addAll(villages.subList(0, villages.size() - 1));
        for (Village v : order) {
            var result = v.sync.syncFolder(folder);
            assertTrue(!result.anyRefused(), () -> result.items().toString());
        }
        String digest = villages.getFirst().digest();
        for (Village v : villages) {
            assertEquals(digest, v.digest(), "digest of " + v.id());
            assertEquals(everHeld, opKeys(v), "entries held by " + v.id());
        }
        for (Village v : villages) {
            long t0 = System.nanoTime();
            var res = v.s.verify().verify();
            verifyNanos += System.nanoTime() - t0;
            assertTrue(res.ok(), () -> "verify on " + v.id() + ": " + res.problems());
        }
        try (Stream<Path> s = Files.walk(bag)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /// Imports a bundle (possibly the laptop's own, which is all known and harmless).
    private static void deliver(Path bundle, Village to) {
        to.sync.importBundle(bundle);
    }

    private static SyncService.Mode mode(int n) {
        return switch (n % 3) {
            case 0 -> SyncService.Mode.DEFAULT;
            case 1 -> SyncService.Mode.FOR_PEER;
            default -> SyncService.Mode.FULL;
        };
    }

    private static Set<String> opKeys(Village v) {
        Set<String> out = new HashSet<>();
        v.s.workspace().db().read(d -> {
            OpStore.forEach(d, op -> out.add(op.replica() + "#" + op.seq() + "#" + HexFormat.of().formatHex(op.hash())));
            return null;
        });
        return out;
    }
}
