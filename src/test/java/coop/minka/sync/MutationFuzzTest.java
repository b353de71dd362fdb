package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import coop.minka.app.sync.SyncService;
import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.testkit.Seeded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Mutation fuzzing over a valid bundle: ≥ 10,000 damaged variants (`-Dminka.tries=N` for
/// more, `-Dminka.seed=S` for another series or to replay one: see [Seeded]). Every variant is either refused with a `BUNDLE_*`
/// code — never an unexpected exception — or carries exactly the entries of the original (a
/// change the checks rightly ignore, such as a ZIP timestamp). A sample is imported for real,
/// and the database must then be byte-for-byte unchanged. Failing variants are written to
/// `target/fuzz-failures/` to be kept under `src/test/resources/sync/regressions/`, which
/// [RegressionBundlesTest] replays.
@Tag("slow")
class MutationFuzzTest {
    private static final int CASES = Seeded.tries(10_000);
    private static final long SEED = Seeded.seed(Seeded.DEFAULT_BASE);

    @TempDir
    Path tmp;

    @Test
    void damagedBundlesAreRefusedCleanlyOrMeanTheSame() throws Exception {
        System.out.println("MutationFuzzTest " + Seeded.replay(SEED));
        Path work = ramDir();
        try {
            Fixture f = Fixture.make(tmp);
            byte[] good = Files.readAllBytes(f.good());
            Map<String, byte[]> entries = BundleForge.entries(f.good());
            SplittableRandom rnd = new SplittableRandom(SEED);
            int refused = 0;
            int same = 0;
            try (Village a = Village.open(f.aDb(), SyncService.Options.DEFAULT)) {
                Set<String> expected = signature(a.sync.verify(f.good()));
                for (int i = 0; i < CASES; i++) {
                    byte[] bad = mutate(rnd, good, entries);
                    Path file = work.resolve("case-" + i + ".minka");
                    Files.write(file, bad);
                    try {
                        VerifiedBundle vb = a.sync.verify(file);
                        assertEquals(expected, signature(vb), "accepted but different, case " + i + " ("
                                + Seeded.replay(SEED) + ")");
                        same++;
                    } catch (MinkaException e) {
                        if (!e.code().name().startsWith("BUNDLE_")) {
                            keep(file, i);
                            fail("case " + i + " (" + Seeded.replay(SEED) + "): not a bundle code: " + e, e);
                        }
                        refused++;
                    } catch (RuntimeException | Error e) {
                        keep(file, i);
                        fail("case " + i + " (" + Seeded.replay(SEED) + "): unhandled " + e, e);
                    }
                    Files.delete(file);
                }
            }
            // a sample, for real: import into the database, which must stay exactly as it was
            String hash = Village.sha256(f.aDb());
            SplittableRandom sample = new SplittableRandom(SEED + 1);
            for (int i = 0; i < 20; i++) {
                byte[] bad = mutate(sample, good, entries);
                Path file = Files.write(work.resolve("sample-" + i + ".minka"), bad);
                boolean wasRefused;
                try (Village a = Village.open(f.aDb(), SyncService.Options.DEFAULT)) {
                    try {
                        a.sync.verify(file);
                        wasRefused = false;
                    } catch (MinkaException e) {
                        wasRefused = true;
                        try {
                            a.sync.importBundle(file);
                            fail("verify refused but import accepted, sample " + i + " (" + Seeded.replay(SEED) + ")");
                        } catch (MinkaException again) {
                            assertEquals(e.code(), again.code(), "sample " + i + " (" + Seeded.replay(SEED) + ")");
                        }
                    }
                }
                if (wasRefused) {
                    assertEquals(hash, Village.sha256(f.aDb()), "sample " + i + " changed the database ("
                            + Seeded.replay(SEED) + ")");
                }
            }
            System.out.println("MutationFuzzTest: " + CASES + " cases, " + refused + " refused, " + same
                    + " harmless (same entries)");
            assertTrue(refused > CASES / 2, "most damage is detected (" + Seeded.replay(SEED) + ")");
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /// The fixture: a founding laptop A (its database closed, at `aDb`) and a valid bundle from
    /// an admitted laptop B holding both authors' entries.
    record Fixture(Path aDb, Path good) {
        static Fixture make(Path tmp) {
            Path stick = Village.mkdir(tmp.resolve("stick"));
            Path good;
            Path aDb;
            try (Village a = Village.found(tmp, "a", SyncService.Options.DEFAULT)) {
                a.s.members().add("Ana", Gender.WOMAN, null, null, null);
                a.s.ledger().addAccount("1000", "Cash", AccountType.ASSET, null);
                try (Village b = Village.join(tmp, "b", a.exportFull(stick), SyncService.Options.DEFAULT)) {
                    a.sync.importBundle(b.export(Village.mkdir(tmp.resolve("b1")), SyncService.Mode.FULL, null));
                    a.trust().admit(b.id());
                    b.sync.importBundle(a.exportFull(Village.mkdir(tmp.resolve("a1"))));
                    b.s.members().add("Berta", Gender.WOMAN, null, null, null);
                    good = b.export(Village.mkdir(tmp.resolve("good")), SyncService.Mode.FULL, null);
                }
                aDb = a.file();
            }
            return new Fixture(aDb, good);
        }
    }

    static Set<String> signature(VerifiedBundle vb) {
        Set<String> out = new TreeSet<>();
        for (VerifiedBundle.Range r : vb.ranges()) {
            for (Op op : r.ops()) {
                out.add(op.replica() + "#" + op.seq() + "#" + op.hashHex());
            }
            out.add("head " + r.author() + "#" + r.head().seq() + "#" + HexFormat.of().formatHex(r.head().signature()));
        }
        out.add("vv " + vb.manifest().versionVector());
        return out;
    }

    static byte[] mutate(SplittableRandom rnd, byte[] good, Map<String, byte[]> entries) throws IOException {
        int kind = rnd.nextInt(10);
        if (kind >= 7) {
            // damage the inflated content of one entry, then zip it up properly (CRC fits)
            Map<String, byte[]> e = new LinkedHashMap<>(entries);
            String name = rnd.nextBoolean() ? BundleReader.MANIFEST : BundleReader.OPS;
            e.put(name, mutateBytes(rnd, e.get(name)));
            return BundleForge.zip(e);
        }
        return mutateBytes(rnd, good);
    }

    static byte[] mutateBytes(SplittableRandom rnd, byte[] in) {
        byte[] b = in.clone();
        if (b.length == 0) {
            return new byte[] {(byte) rnd.nextInt()};
        }
        int at = rnd.nextInt(b.length);
        switch (rnd.nextInt(8)) {
            case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
            case 1 -> {
                for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 2 -> b[at] = (byte) rnd.nextInt(256);
            case 3 -> b = Arrays.copyOf(b, at);
            case 4 -> {
                byte[] ins = new byte[1 + rnd.nextInt(16)];
                rnd.nextBytes(ins);
                b = concat(Arrays.copyOf(b, at), ins, Arrays.copyOfRange(b, at, b.length));
            }
            case 5 -> {
                int end = Math.min(b.length, at + 1 + rnd.nextInt(32));
                b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, end, b.length));
            }
            case 6 -> {
                int end = Math.min(b.length, at + 1 + rnd.nextInt(64));
                byte[] chunk = Arrays.copyOfRange(b, at, end);
                b = concat(Arrays.copyOf(b, end), chunk, Arrays.copyOfRange(b, end, b.length));
            }
            default -> {
                int from = rnd.nextInt(b.length);
                int len = Math.min(1 + rnd.nextInt(24), Math.min(b.length - from, b.length - at));
                System.arraycopy(in, from, b, at, len);
            }
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    private static void keep(Path file, int i) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("minka.fuzz.keep", "target/fuzz-failures")));
        Files.copy(file, dir.resolve("seed" + SEED + "-case" + i + ".minka"));
    }

    static Path ramDir() throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "minka-fuzz-")
                : Files.createTempDirectory("minka-fuzz-");
    }

    static List<Path> listing(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.sorted().forEach(out::add);
            }
        }
        return out;
    }
}
