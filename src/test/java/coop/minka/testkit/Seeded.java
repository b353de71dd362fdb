package coop.minka.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// Seeded random tries in plain JUnit 5 (no property-testing library), in the style of
/// `HostilePeerSimulationTest`. Every random test of the suite takes the same system properties:
///
/// - `-Dminka.seed=S` replays one try: the one whose seed a failure printed (a series test such as
///   `CrashTest` uses `S` as the seed of its whole series);
/// - `-Dminka.tries=N` runs `N` tries instead of the test's default;
/// - `-Dminka.seed.base=B` moves the whole series: try `i` gets the seed `B + i`;
/// - `-Dminka.keepGoing=true` runs every try and lists all failures, instead of stopping at the first.
///
/// The defaults are fixed, so `./mvnw verify` runs the same tries every time; a failure's message
/// names the seed and the property that replays it. Each try gets its own [SplittableRandom]
/// made from its seed, so a try replays alone.
public final class Seeded {
    public static final String SEED = "minka.seed";
    public static final String TRIES = "minka.tries";
    public static final String BASE = "minka.seed.base";
    /// The first seed of every series unless `-Dminka.seed.base` moves it.
    public static final long DEFAULT_BASE = 20261201L;

    private Seeded() {
    }

    /// One try of a test: throws (an assertion) when the property does not hold for `seed`.
    @FunctionalInterface
    public interface Try {
        void run(long seed, SplittableRandom rnd) throws Exception;
    }

    /// The number of tries: `-Dminka.tries=N`, else `defaultTries`.
    public static int tries(int defaultTries) {
        return Integer.getInteger(TRIES, defaultTries);
    }

    /// The seed of a test that draws one series: `-Dminka.seed=S`, else `defaultSeed`.
    public static long seed(long defaultSeed) {
        return Long.getLong(SEED, defaultSeed);
    }

    /// The words a failure message carries: the seed and how to replay it.
    public static String replay(long seed) {
        return "seed " + seed + ", replay with -D" + SEED + "=" + seed;
    }

    /// The seeds of a series: only `-Dminka.seed` if given; else `kept` (seeds that once failed),
    /// then `tries(defaultTries)` seeds from `-Dminka.seed.base` (else `defaultBase`) on.
    public static List<Long> seeds(long defaultBase, int defaultTries, List<Long> kept) {
        Long one = Long.getLong(SEED);
        if (one != null) {
            return List.of(one);
        }
        long base = Long.getLong(BASE, defaultBase);
        int n = tries(defaultTries);
        List<Long> out = new ArrayList<>(kept);
        for (int i = 0; i < n; i++) {
            out.add(base + i);
        }
        return out;
    }

    /// Runs `body` once per seed of [#seeds(long, int, List)] from [#DEFAULT_BASE] (no kept
    /// seeds); returns how many tries ran.
    public static int forEachSeed(String test, int defaultTries, Try body) {
        return forEachSeed(test, seeds(DEFAULT_BASE, defaultTries, List.of()), body);
    }

    /// Runs `body` once per seed. The first failure is thrown as an [AssertionError] naming the
    /// test, the seed and how to replay it (its cause is the original failure); with
    /// `-Dminka.keepGoing=true` every seed runs and the error lists all failures.
    public static int forEachSeed(String test, List<Long> seeds, Try body) {
        boolean keepGoing = Boolean.getBoolean("minka.keepGoing");
        List<String> failures = new ArrayList<>();
        AssertionError first = null;
        for (long seed : seeds) {
            try {
                body.run(seed, new SplittableRandom(seed));
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError vm && !(e instanceof StackOverflowError)) {
                    throw vm;
                }
                AssertionError failure = new AssertionError(test + " failed with " + replay(seed) + ": "
                        + e, e);
                if (!keepGoing) {
                    throw failure;
                }
                if (first == null) {
                    first = failure;
                }
                String m = String.valueOf(e);
                failures.add(seed + ": " + m.substring(0, Math.min(400, m.length())));
            }
        }
        if (!failures.isEmpty()) {
            AssertionError all = new AssertionError(test + ": " + failures.size() + " of " + seeds.size()
                    + " tries failed (replay one with -D" + SEED + "=S):\n" + String.join("\n", failures), first);
            throw all;
        }
        return seeds.size();
    }

    /// Seeds kept in a test resource, one per line, `#` starts a comment; none if it is missing.
    public static List<Long> keptSeeds(String resource) {
        List<Long> out = new ArrayList<>();
        try (InputStream in = Seeded.class.getResourceAsStream(resource)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.replaceAll("#.*", "").strip();
                if (!s.isEmpty()) {
                    out.add(Long.parseLong(s));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /// A long in `[from, to]`, both included (`to` < `Long.MAX_VALUE`).
    public static long between(SplittableRandom rnd, long from, long to) {
        return rnd.nextLong(from, to + 1);
    }

    /// One of `options`.
    @SafeVarargs
    public static <T> T pick(SplittableRandom rnd, T... options) {
        return options[rnd.nextInt(options.length)];
    }
}
