package coop.minka.bench;

import coop.minka.app.demo.DemoGenerator;
import coop.minka.app.PeriodRules;
import coop.minka.app.report.ReportService;
import coop.minka.app.Services;
import coop.minka.app.sync.SyncService;
import coop.minka.app.Workspace;
import coop.minka.store.OpStore;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// The benchmark harness behind `bench/run.sh` (issue 6). In one run on the same data it
/// generates the demo cooperatives, then measures bundle export and verified import (100k and
/// 1M entries) against the raw SQLite insert limit for the same rows, the in-process reports
/// over a million postings, whole-process `minka report balances` against hledger, ledger and
/// beancount on the same books exported by Minka, and the desktop app's first frame and peak
/// memory. Prints a table and writes JSON. Bench code (`src/bench/java`): never in the shipped jar.
///
/// `java -cp target/test-classes:target/minka.jar coop.minka.bench.Harness --work DIR --json FILE [--smoke] [--jar JAR]`
public final class Harness {
    private static final long SEED = 42;
    private static final LocalDate END = LocalDate.of(2025, 12, 31);

    private final Path work;
    private final boolean smoke;
    private final Path jar;
    private final String javaExe;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Object> datasets = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /// `--encryption`: only the village (~100k entries) export and import, plain and encrypted.
    private boolean encryptionOnly;

    private Harness(Path work, boolean smoke, Path jar) {
        this.work = work;
        this.smoke = smoke;
        this.jar = jar;
        this.javaExe = ProcessHandle.current().info().command().orElse("java");
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("bench/work");
        Path json = Path.of("bench/results/latest.json");
        Path jar = null;
        boolean smoke = false;
        boolean encryptionOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--smoke" -> smoke = true;
                case "--encryption" -> encryptionOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (jar == null) {
            jar = Path.of("target/minka.jar");
        }
        Harness h = new Harness(work, smoke, jar);
        h.encryptionOnly = encryptionOnly;
        h.run();
        h.write(json);
        System.exit(0);
    }

    // ------------------------------------------------------------------ the run

    private void run() throws Exception {
        clean(work);
        if (!Files.exists(work.resolve(".minka-bench"))) {
            Files.createDirectories(work);
            Files.createFile(work.resolve(".minka-bench"));
        }
        // sizes: the federation (≥ 1M entries, ≥ 1M postings), the village import (~100k entries),
        // and books of ~100k transactions for the whole-process report
        var big = smoke ? opts(30, 1, 2, 24, 36) : opts(5000, 3, 1, 24, 36);
        var mid = smoke ? opts(12, 1, 2, 24, 36) : opts(500, 3, 3, 24, 36);
        var books = smoke ? opts(20, 1, 1, 4, 50) : opts(1000, 2, 1, 4, 50);

        DemoGenerator.Result rMid = generate("village", mid);
        if (encryptionOnly) {
            exportImport("village", rMid, "100k", 1.5, null);
            return;
        }
        DemoGenerator.Result rBooks = generate("books", books);
        DemoGenerator.Result rBig = generate("federation", big);

        exportImport("village", rMid, "100k", 1.5, null);
        exportImport("federation", rBig, "1M", 12.0, 0.25);
        inProcessReports(rBig);
        wholeProcess(rBooks);
        firstFrame(rBig);
    }

    private static DemoGenerator.Options opts(int members, int years, int replicas, int work, int tx) {
        return new DemoGenerator.Options(members, years, replicas, SEED, work, tx, END, "BOB");
    }

    private DemoGenerator.Result generate(String name, DemoGenerator.Options o) {
        long t0 = System.nanoTime();
        DemoGenerator.Result r = DemoGenerator.generate(work.resolve(name), o);
        double s = secs(t0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("members", r.members());
        m.put("years", o.years());
        m.put("replicas", o.replicas());
        m.put("entries", r.entries());
        m.put("transactions", r.transactions());
        m.put("postings", r.postings());
        m.put("workEntries", r.workEntries());
        m.put("voids", r.voids());
        m.put("bundles", r.bundles());
        m.put("generateSeconds", round(s));
        m.put("databaseBytes", size(r.founder()));
        datasets.put(name, m);
        row("generate " + name + " (" + r.entries() + " entries, " + o.replicas() + " laptops)", r.entries() / s, "entries/s",
                null, null, s);
        return r;
    }

    // ------------------------------------------------------------------ export / import / raw insert

    private void exportImport(String name, DemoGenerator.Result r, String label, double importTarget,
                              Double rawShareTarget) throws Exception {
        Path bundle = work.resolve(name + "-full.minka");
        long entries;
        double exportS;
        try (Workspace ws = Workspace.open(r.founder(), System::currentTimeMillis)) {
            SyncService sync = new SyncService(ws, new PeriodRules());
            long t0 = System.nanoTime();
            var res = sync.export(bundle, SyncService.Mode.FULL, null);
            exportS = secs(t0);
            entries = res.entries();
        }
        long bytes = Files.size(bundle);
        row("export " + label + " (" + entries + " entries, full bundle)", entries / exportS, "entries/s",
                500_000.0, ">=", exportS);
        row("bundle size " + label, (double) bytes / entries, "bytes/entry", 60.0, "<=", null);

        Path joined = work.resolve(name + "-joined.db");
        long t0 = System.nanoTime();
        double[] importS = new double[1];
        try (Workspace ws = SyncService.join(joined, bundle, "Bench laptop", System::currentTimeMillis)) {
            importS[0] = secs(t0);
            long held = ws.read(OpStore::count);
            row("import " + label + " verified (minka join, " + held + " entries)", entries / importS[0], "entries/s",
                    entries / importTarget, ">=", importS[0]);
            double rawS = rawInsert(r.founder(), work.resolve(name + "-raw.db"));
            row("raw SQLite insert limit " + label + " (same op rows, batched JDBC)", entries / rawS, "rows/s", null,
                    null, rawS);
            row("import/raw " + label, rawS / importS[0], "ratio", rawShareTarget, rawShareTarget == null ? null : ">=",
                    null);
        }
        if (!smoke) {
            Files.deleteIfExists(work.resolve(name + "-raw.db"));
        }
        encrypted(name, r, label, entries, exportS, importS[0]);
    }

    /// The same full export and join with the cooperative's sync files encrypted (age, design-notes
    /// item 28): encryption turned on in the founder's books, the new laptop joining with the
    /// recovery key. Plain and encrypted runs alternate (seven exports and three joins of each
    /// after the first plain ones), so that neither is measured cold or under a passing load. Each
    /// is reported by its best and median wall time and by the median CPU time of the process
    /// (all threads): on a shared machine, the CPU time does not count the time spent waiting for
    /// a core, so it shows the work encryption adds even when the wall times are noisy.
    /// Target: at most 10 % slower than plain.
    private void encrypted(String name, DemoGenerator.Result r, String label, long entries, double firstExportS,
                           double firstImportS) throws Exception {
        int exports = smoke ? 2 : 7;
        int joins = smoke ? 1 : 3;
        Path key = work.resolve(name + "-recovery.txt");
        Files.deleteIfExists(key);
        Timings plainExport = new Timings();
        Timings encExport = new Timings();
        Path encBundle = null;
        Path plainBundle = work.resolve(name + "-full.minka");
        try (Services s = new Services(Workspace.open(r.founder(), System::currentTimeMillis))) {
            SyncService sync = new SyncService(s.workspace(), new PeriodRules());
            for (int i = 0; i < exports; i++) {
                Path p = work.resolve(name + "-plain-" + i + ".minka");
                plainExport.time(() -> sync.export(p, SyncService.Mode.FULL, null));
                Files.delete(p);
                s.security().setEncryption(true);
                if (i == 0) {
                    s.security().writeRecoveryKey(key, false);
                }
                Path e = work.resolve(name + "-encrypted-" + i + ".minka");
                encExport.time(() -> sync.export(e, SyncService.Mode.FULL, null));
                if (encBundle == null) {
                    encBundle = e;
                } else {
                    Files.delete(e);
                }
                s.security().setEncryption(false); // the founder's books plain again for what follows
            }
        }
        compare("export " + label, entries, plainExport, encExport, Math.min(firstExportS, plainExport.best()));
        Timings plainImport = new Timings();
        Timings encImport = new Timings();
        Path sealed = encBundle;
        for (int i = 0; i < joins; i++) {
            Path pj = work.resolve(name + "-joined-plain-" + i + ".db");
            plainImport.time(() -> SyncService.join(pj, plainBundle, "Bench laptop", System::currentTimeMillis).close());
            Path ej = work.resolve(name + "-joined-encrypted-" + i + ".db");
            encImport.time(() -> SyncService.join(ej, sealed, "Bench laptop", System::currentTimeMillis, key).close());
            if (!smoke) {
                Files.deleteIfExists(pj);
                Files.deleteIfExists(ej);
            }
        }
        compare("import " + label + " (minka join)", entries, plainImport, encImport,
                Math.min(firstImportS, plainImport.best()));
    }

    /// Rows comparing plain and encrypted runs: best and median wall time, median process CPU time.
    private void compare(String what, long entries, Timings plain, Timings enc, double plainBest) {
        int n = plain.wall.size();
        row(what + " plain, best of " + (n + 1), entries / plainBest, "entries/s", null, null, plainBest);
        row(what + " encrypted (age), best of " + enc.wall.size(), entries / enc.best(), "entries/s", null, null,
                enc.best());
        row(what + " encrypted/plain, median wall of " + n, enc.median(enc.wall) / plain.median(plain.wall), "ratio",
                null, null, enc.median(enc.wall));
        row(what + " encrypted/plain, median CPU time", enc.median(enc.cpu) / plain.median(plain.cpu), "ratio", null,
                null, enc.median(enc.cpu));
        row("encrypted/plain " + what + " time (best)", enc.best() / plainBest, "ratio", 1.10, "<=", null);
    }

    /// Wall and process CPU seconds of repeated runs.
    private static final class Timings {
        final List<Double> wall = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();

        void time(Step step) throws Exception {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            step.run();
            wall.add(secs(t0));
            cpu.add((os.getProcessCpuTime() - c0) / 1e9);
        }

        double best() {
            return wall.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double median(List<Double> xs) {
            double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return a.length == 0 ? Double.NaN : a.length % 2 == 1 ? a[a.length / 2]
                    : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /// The same op rows, inserted through plain batched sqlite-jdbc inserts into an equivalent
    /// table (same columns, keys and indexes as `op`), in one transaction, with Minka's pragmas.
    private double rawInsert(Path source, Path target) throws SQLException, IOException {
        Files.deleteIfExists(target);
        record Row(String replica, long seq, byte[] hash, byte[] prev, long hlc, String type, String entity, byte[] body) {
        }
        List<Row> rowsIn = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT replica, seq, hash, prev, hlc, type, entity, body FROM op ORDER BY replica, seq")) {
            while (rs.next()) {
                rowsIn.add(new Row(rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), rs.getBytes(8)));
            }
        }
        SQLiteConfig noKeys = new SQLiteConfig();
        noKeys.setGetGeneratedKeys(false); // as Minka: no extra last_insert_rowid() query per insert
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath(), noKeys.toProperties())) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA cache_size=-65536");
                st.execute("""
                        CREATE TABLE op (id INTEGER PRIMARY KEY, replica TEXT NOT NULL, seq INTEGER NOT NULL,
                          hash BLOB NOT NULL UNIQUE, prev BLOB NOT NULL, hlc INTEGER NOT NULL, type TEXT NOT NULL,
                          entity TEXT NOT NULL, body BLOB NOT NULL, received_at INTEGER NOT NULL, bundle TEXT,
                          UNIQUE (replica, seq)) STRICT""");
                st.execute("CREATE INDEX op_entity ON op (entity)");
                st.execute("CREATE INDEX op_rare_type ON op (type) WHERE type IN ('coop.create', 'replica.join', "
                        + "'replica.admit', 'replica.revoke', 'period.close')");
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO op (replica, seq, hash, prev, hlc, type, entity, "
                    + "body, received_at, bundle) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                long now = System.currentTimeMillis();
                for (Row r : rowsIn) {
                    ps.setString(1, r.replica());
                    ps.setLong(2, r.seq());
                    ps.setBytes(3, r.hash());
                    ps.setBytes(4, r.prev());
                    ps.setLong(5, r.hlc());
                    ps.setString(6, r.type());
                    ps.setString(7, r.entity());
                    ps.setBytes(8, r.body());
                    ps.setLong(9, now);
                    ps.setString(10, "bench.minka");
                    ps.addBatch();
                    if (++n % 10_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            return secs(t0);
        }
    }

    // ------------------------------------------------------------------ in-process reports

    private void inProcessReports(DemoGenerator.Result r) {
        try (Services s = new Services(Workspace.open(r.founder(), System::currentTimeMillis))) {
            ReportService rep = s.reports();
            timed("trial balance over " + r.postings() + " postings (in process)", 0.050,
                    () -> rep.statements().trialBalance(null, null));
            // a period whose edges cut months in two: whole months from the monthly totals, the
            // part-months from the postings
            LocalDate from = END.minusYears(1).withDayOfMonth(15);
            LocalDate to = END.minusMonths(6).withDayOfMonth(20);
            timed("trial balance " + from + " to " + to + " (in process)", null,
                    () -> rep.statements().trialBalance(from, to));
            timed("balance sheet (in process)", null, () -> rep.statements().balanceSheet((java.time.LocalDate) null));
            timed("account balances (report balances, in process)", 0.050, () -> rep.balances(null));
            timed("work report by category over " + r.workEntries() + " entries (in process)", null,
                    () -> rep.work(ReportService.WorkGrouping.CATEGORY, null, null));
        }
    }

    private void timed(String what, Double targetSeconds, Supplier<Object> task) {
        long t0 = System.nanoTime();
        task.get();
        double cold = secs(t0);
        int n = smoke ? 1 : 5;
        double[] warm = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            task.get();
            warm[i] = secs(t);
        }
        double med = median(warm);
        Map<String, Object> m = row(what + " — warm median of " + n, med * 1000, "ms",
                targetSeconds == null ? null : targetSeconds * 1000, targetSeconds == null ? null : "<=", med);
        m.put("coldMs", round(cold * 1000));
    }

    // ------------------------------------------------------------------ whole process

    private void wholeProcess(DemoGenerator.Result r) throws Exception {
        Path db = r.founder();
        int runs = smoke ? 1 : 5;
        List<String> base = List.of(javaExe, "--enable-native-access=ALL-UNNAMED");
        List<String> balances = List.of("-jar", jar.toString(), "--db", db.toString(), "report", "balances");

        // As installed: the command line (packaging/linux/minka-command) passes the launcher's
        // options, among them SQLite's native library ready beside the jar, so that sqlite-jdbc
        // does not copy it out of the jar at every start.
        List<String> installed = installedOptions();
        Proc plain = best(runs, concat(base, balances));
        Map<String, Object> mPlain = row("minka report balances, whole process, plain java -jar (" + r.transactions()
                + " transactions)", plain.seconds, "s", null, null, plain.seconds);
        mPlain.put("peakRssKb", plain.rssKb);
        Proc minka = best(runs, concat(base, installed, balances));
        Map<String, Object> mInstalled = row("minka report balances, whole process, with the installed command's "
                + "options (SQLite library beside the jar)", minka.seconds, "s", 0.3, "<=", minka.seconds);
        mInstalled.put("peakRssKb", minka.rssKb);
        // Not shipped (docs/performance.md): the JDK's AOT cache, trained here, with C1 and serial GC.
        Path aot = work.resolve("minka.aot");
        Proc train = exec(concat(base, installed, List.of("-XX:AOTCacheOutput=" + aot), balances));
        if (train.code == 0 && Files.exists(aot)) {
            List<String> opts = aotOptions(aot);
            Proc p = best(runs, concat(base, installed, opts, balances));
            Map<String, Object> m = row("minka report balances, whole process, not shipped: " + String.join(" ",
                    opts.stream().map(o -> o.replace(aot.toString(), "minka.aot")).toList()), p.seconds, "s", null,
                    null, p.seconds);
            m.put("peakRssKb", p.rssKb);
        } else {
            notes.add("AOT cache training failed: " + train.err.lines().limit(3).toList());
        }
        // The app-image's command line itself, when packaging/build.sh has made one.
        Path command = Path.of("target/packaging/Minka/lib/app/minka-command");
        if (Files.isExecutable(command)) {
            Proc p = best(runs, concat(List.of(command.toString()), balances.subList(2, balances.size())));
            Map<String, Object> m = row("minka report balances, whole process, app-image lib/app/minka-command",
                    p.seconds, "s", null, null, p.seconds);
            m.put("peakRssKb", p.rssKb);
        }
        // the same books, exported by Minka, in the peers
        Map<String, String[]> peers = new LinkedHashMap<>();
        peers.put("hledger", new String[] {"hledger", "hledger", "-f", "{}", "balance"});
        peers.put("ledger", new String[] {"ledger", "ledger", "-f", "{}", "balance"});
        peers.put("beancount", new String[] {"beancount", "bean-report", "{}", "balances"});
        Map<String, Double> factor = Map.of("hledger", 12.0, "ledger", 3.0, "beancount", 0.0);
        for (var e : peers.entrySet()) {
            String peer = e.getKey();
            String[] cmd = e.getValue();
            if (!onPath(cmd[1])) {
                notes.add(peer + ": not installed (apt-get install -y hledger ledger beancount); skipped");
                continue;
            }
            Path file = work.resolve("books." + peer);
            Proc ex = exec(concat(base, List.of("-jar", jar.toString(), "--db", db.toString(), "export", "--format", peer,
                    "--out", file.toString())));
            if (ex.code != 0 || !Files.exists(file)) {
                notes.add(peer + ": minka export --format " + peer + " failed: " + ex.err.lines().limit(3).toList());
                continue;
            }
            List<String> c = new ArrayList<>();
            for (int i = 1; i < cmd.length; i++) {
                c.add(cmd[i].equals("{}") ? file.toString() : cmd[i]);
            }
            Proc p = best(runs, c);
            if (p.code != 0) {
                notes.add(peer + " failed on Minka's export: " + p.err.lines().limit(3).toList());
                continue;
            }
            Map<String, Object> m = row(String.join(" ", c).replace(file.toString(), "books." + peer)
                    + ", whole process", p.seconds, "s", null, null, p.seconds);
            m.put("peakRssKb", p.rssKb);
            double ratio = p.seconds / minka.seconds;
            double want = factor.get(peer);
            row("  " + peer + " time / minka time", ratio, "x", want > 0 ? want : null, want > 0 ? ">=" : null, null);
        }
    }

    /// The AOT experiment's options (not shipped: docs/performance.md says why).
    private static List<String> aotOptions(Path aot) {
        return List.of("-XX:AOTCache=" + aot, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");
    }

    /// The options packaging/build.sh gives the launcher besides native access: SQLite's native
    /// library, taken out of the jar once into the work folder.
    private List<String> installedOptions() throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        String inJar = "org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        Path dir = work.resolve("native");
        Files.createDirectories(dir);
        try (var jf = new java.util.jar.JarFile(jar.toFile())) {
            var entry = jf.getJarEntry(inJar);
            if (entry == null) {
                notes.add("no " + inJar + " in the jar: SQLite library option left out");
                return List.of();
            }
            try (InputStream in = jf.getInputStream(entry)) {
                Files.copy(in, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return List.of("-Dorg.sqlite.lib.path=" + dir, "-Dorg.sqlite.lib.name=" + name);
    }

    // ------------------------------------------------------------------ desktop

    private void firstFrame(DemoGenerator.Result r) throws Exception {
        if (!onPath("xvfb-run") && System.getenv("DISPLAY") == null) {
            notes.add("first frame: no display and no xvfb-run; skipped");
            return;
        }
        Path home = work.resolve("home");
        Files.createDirectories(home);
        List<String> cmd = new ArrayList<>();
        if (System.getenv("DISPLAY") == null) {
            cmd.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1366x768x24"));
        }
        // the shipped jar, started through the bench-only launcher that reports the first frame
        String benchClasses = Path.of(FirstFrame.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        cmd.addAll(List.of(javaExe, "--enable-native-access=ALL-UNNAMED", "-Duser.home=" + home,
                "-cp", benchClasses + java.io.File.pathSeparator + jar, FirstFrame.class.getName(),
                "--db", r.founder().toString()));
        int runs = smoke ? 1 : 3;
        long bestMs = Long.MAX_VALUE;
        long rss = 0;
        for (int i = 0; i < runs; i++) {
            Proc p = exec(cmd, Map.of("XDG_DATA_HOME", home.toString(), "XDG_CONFIG_HOME", home.toString()));
            var m = java.util.regex.Pattern.compile("first frame after (\\d+) ms").matcher(p.out);
            if (p.code != 0 || !m.find()) {
                notes.add("first frame: the app did not report a first frame (exit " + p.code + "): "
                        + (p.err + p.out).lines().filter(l -> !l.startsWith("WARNING")).limit(4).toList());
                return;
            }
            long ms = Long.parseLong(m.group(1));
            if (ms < bestMs) {
                bestMs = ms;
                rss = p.rssKb;
            }
        }
        row("desktop app: JVM start to first frame, " + r.entries() + "-entry database", bestMs / 1000.0, "s", 1.5, "<=",
                bestMs / 1000.0);
        if (rss > 0) {
            row("desktop app: peak RSS to first frame", rss / 1024.0, "MB", 350.0, "<=", null);
        }
    }

    // ------------------------------------------------------------------ processes

    private record Proc(int code, double seconds, long rssKb, String out, String err) {
    }

    private Proc best(int runs, List<String> cmd) throws Exception {
        List<Proc> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            all.add(exec(cmd));
        }
        all.sort((a, b) -> Double.compare(a.seconds, b.seconds));
        return all.get(all.size() / 2); // median
    }

    private Proc exec(List<String> cmd) throws Exception {
        return exec(cmd, Map.of());
    }

    private Proc exec(List<String> cmd, Map<String, String> env) throws Exception {
        List<String> full = new ArrayList<>();
        Path timeFile = Files.createTempFile(work, "rss", ".txt");
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        if (gnuTime) {
            full.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", timeFile.toString()));
        }
        full.addAll(cmd);
        ProcessBuilder pb = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        var out = drain(p.getInputStream());
        var err = drain(p.getErrorStream());
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        double s = secs(t0);
        long rss = 0;
        if (gnuTime) {
            var lines = Files.readAllLines(timeFile);
            for (String l : lines) {
                if (l.strip().matches("\\d+")) {
                    rss = Long.parseLong(l.strip());
                }
            }
        }
        Files.deleteIfExists(timeFile);
        return new Proc(p.exitValue(), s, rss, out.get(), err.get());
    }

    private static Supplier<String> drain(InputStream in) {
        StringBuilder sb = new StringBuilder();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process went away
            }
        });
        return () -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sb.toString();
        };
    }

    private static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> p : parts) {
            out.addAll(p);
        }
        return out;
    }

    // ------------------------------------------------------------------ output

    private Map<String, Object> row(String what, double value, String unit, Double target, String cmp, Double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measure", what);
        m.put("value", round(value));
        m.put("unit", unit);
        if (seconds != null) {
            m.put("seconds", round(seconds));
        }
        if (target != null && !smoke) {
            m.put("target", round(target));
            boolean ok = ">=".equals(cmp) ? value >= target : value <= target;
            m.put("met", ok);
        }
        rows.add(m);
        System.out.printf(Locale.ROOT, "%-92s %14s %-11s %s%n", what, fmt(value), unit,
                target == null || smoke ? "" : (cmp + " " + fmt(target) + ((Boolean) m.get("met") ? "  ok" : "  MISSED")));
        System.out.flush();
        return m;
    }

    private void write(Path json) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("date", ZonedDateTime.now().toString());
        o.put("smoke", smoke);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", cpuModel());
        machine.put("memoryMb", memoryMb());
        machine.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        o.put("machine", machine);
        o.put("datasets", datasets);
        o.put("results", rows);
        o.put("notes", notes);
        for (String n : notes) {
            System.out.println("note: " + n);
        }
        Path parent = json.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(json, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(o) + "\n");
        System.out.println("JSON: " + json);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long memoryMb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() >> 20;
        }
        return 0;
    }

    private static String fmt(double v) {
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.3f", v);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /// Empties the work folder of an earlier run; refuses a non-empty folder it did not make.
    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            Files.createFile(dir.resolve(".minka-bench"));
            return;
        }
        try (var s = Files.list(dir)) {
            if (s.findAny().isPresent() && !Files.exists(dir.resolve(".minka-bench"))) {
                throw new IOException(dir + " is not empty and was not made by the benchmark; choose another --work");
            }
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
