package coop.minka.app.demo;

import coop.minka.app.PeriodRules;
import coop.minka.app.Workspace;
import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncTrust;

import coop.minka.domain.Ids;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.WorkKind;
import coop.minka.domain.AccountType;
import coop.minka.store.ChangeLog;
import coop.minka.store.OpStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongSupplier;

/// The demo cooperative, for the desktop app's "explore a demo" button, `minka demo generate` and
/// the benchmarks: members with Quechua, Aymara, Spanish, Portuguese and French names; kinds of
/// work with reference rates, so work shows its value (care, community kitchen, communal labour,
/// meetings, training); about 20 accounts including member savings sub-accounts, on the codes of
/// the starter charts ([StarterKit]); every name, memo and note in the language asked for;
/// transactions of two or three postings; single work entries and collective work days; a void
/// now and then; and `replicas` laptops (one database each) that joined through real sync
/// bundles, each recording its own village's work and money, exchanging bundles through the
/// founder's laptop every quarter and once more at the end, so all of them hold the same books
/// and the founder's Sync screen knows the other laptops. The history ends on a given day (the
/// caller's today: nothing here reads the computer's clock), and that day's month always holds work.
///
/// Everything but keys and hashes follows from the seed: names, ids, dates, amounts, counts.
/// Many entries are written per transaction (one signed head per month and laptop), which is
/// what makes a million entries take seconds rather than hours.
public final class DemoGenerator {
    /// What to generate.
    ///
    /// @param members               number of members
    /// @param years                 years of history, ending on `end`
    /// @param replicas              laptops (databases), at least 1
    /// @param seed                  random seed; the same seed gives the same books
    /// @param workPerMemberYear     single work entries per member and year (collective work days come on top)
    /// @param txPerMemberYear       transactions per member and year
    /// @param end                   the last day of the history
    /// @param currency              ISO 4217 code
    /// @param language              the language of names, memos and notes (English when Minka does not speak it)
    public record Options(int members, int years, int replicas, long seed, int workPerMemberYear,
                          int txPerMemberYear, LocalDate end, String currency, Locale language) {
        public Options {
            if (members < 1 || years < 1 || replicas < 1 || workPerMemberYear < 0 || txPerMemberYear < 0) {
                throw new IllegalArgumentException("members, years and replicas must be at least 1");
            }
            if (end == null) {
                throw new IllegalArgumentException("the history needs a last day");
            }
            language = language == null ? Locale.ENGLISH : language;
        }

        /// Names in English.
        public Options(int members, int years, int replicas, long seed, int workPerMemberYear, int txPerMemberYear,
                       LocalDate end, String currency) {
            this(members, years, replicas, seed, workPerMemberYear, txPerMemberYear, end, currency, Locale.ENGLISH);
        }

        /// A village-sized default: `members` members over `years` years ending `end` (today) on
        /// `replicas` laptops.
        public static Options of(int members, int years, int replicas, long seed, LocalDate end) {
            return new Options(members, years, replicas, seed, 40, 16, end, "BOB", Locale.ENGLISH);
        }

        /// The demo the desktop app opens: a year of a small cooperative on two laptops, ending `today`,
        /// named in `language`.
        public static Options desktop(LocalDate today, Locale language) {
            return new Options(16, 1, 2, 42, 30, 12, today, "BOB", language);
        }

        public Options withRates(int workPerMemberYear, int txPerMemberYear) {
            return new Options(members, years, replicas, seed, workPerMemberYear, txPerMemberYear, end, currency,
                    language);
        }

        public Options withEnd(LocalDate newEnd) {
            return new Options(members, years, replicas, seed, workPerMemberYear, txPerMemberYear, newEnd, currency,
                    language);
        }

        public Options withLanguage(Locale newLanguage) {
            return new Options(members, years, replicas, seed, workPerMemberYear, txPerMemberYear, end, currency,
                    newLanguage);
        }
    }

    /// What was generated: one database per laptop (the founder's first) and counts over all laptops.
    public record Result(List<Path> databases, long entries, long members, long accounts, long categories,
                         long transactions, long postings, long workEntries, long voids, int bundles) {
        public Path founder() {
            return databases.getFirst();
        }
    }

    /// The name of the i-th database (0 = founder) in the output folder.
    public static String databaseName(int i) {
        return "village-" + (char) ('a' + (i % 26)) + (i >= 26 ? Integer.toString(i / 26) : "") + ".db";
    }

    private static final String[] GIVEN_WOMEN = {"Wayra", "Killa", "Sisa", "Inti Sumaq", "Nina", "Qhispi", "Kusi",
        "Phaxsi", "Warmi", "Illa", "Chaska", "Ayelen", "María", "Juana", "Rosa", "Carmen", "Lucía", "Teresa",
        "Ana", "Isabel", "Francisca", "Antonia", "Marta", "Elena", "Beatriz", "Josefa", "Raquel", "Flora",
        "Conceição", "Maria José", "Fernanda", "Luíza", "Rita", "Aparecida", "Joana", "Sebastiana",
        "Marie", "Aminata", "Fatou", "Mariam", "Awa", "Hélène", "Geneviève", "Aïssatou", "Brigitte", "Odile"};
    private static final String[] GIVEN_MEN = {"Amaru", "Yupanqui", "Tupac", "Mallku", "Kusi Yupanqui", "Ch'aska",
        "Willka", "Apu", "Waman", "Sayri", "Juan", "José", "Pedro", "Luis", "Carlos", "Miguel", "Santiago",
        "Francisco", "Andrés", "Mateo", "Tomás", "Evo", "João", "Antônio", "Sebastião", "Raimundo", "Francisco José",
        "Moussa", "Ibrahima", "Jean", "Pierre", "Mamadou", "Étienne", "Abdoulaye", "Ousmane"};
    private static final String[] SURNAMES = {"Mamani", "Quispe", "Condori", "Huanca", "Choque", "Apaza", "Colque",
        "Ticona", "Yupanqui", "Cusi", "Huarachi", "Limachi", "Chambi", "Poma", "Laura", "Tarqui", "Villca",
        "Flores", "García", "Rojas", "Vargas", "Gutiérrez", "Rodríguez", "Fernández", "López", "Pérez", "Torrez",
        "Ayala", "Mendoza", "Cruz", "da Silva", "dos Santos", "Oliveira", "Souza", "Pereira", "Nascimento",
        "Ferreira", "Lima", "Araújo", "Diallo", "Traoré", "Koné", "Ouédraogo", "Sawadogo", "Dubois", "Lefèvre",
        "Moreau", "Ndiaye"};
    private static final String[] VILLAGES = {"Tiquipaya", "Achocalla", "Sorata", "Ollantaytambo", "Chinchero",
        "Tarabuco", "Copacabana", "Pisac", "Vacas", "Colomi", "Ayopaya", "Quillacollo"};
    /// Keys of the notes of single work entries; most entries have none.
    private static final String[] WORK_NOTES = {"", "", "", "", "demo.note.cooked", "demo.note.children",
        "demo.note.canal", "demo.note.hall", "demo.note.harvest", "demo.note.elder", "demo.note.seeds",
        "demo.note.water"};

    /// The accounts: the codes of the women's group starter chart and a few more (keys of `starter.*` and `demo.account.*`).
    private enum Acc {
        CASH("1000", "starter.account.cash", AccountType.ASSET), BANK("1100", "starter.account.bank", AccountType.ASSET),
        MOBILE("1010", "demo.account.mobile", AccountType.ASSET), LOANS("1200", "starter.account.loans", AccountType.ASSET),
        STOCK("1300", "demo.account.kitchenStock", AccountType.ASSET),
        SAVINGS("2000", "starter.account.savings", AccountType.LIABILITY),
        FUND("3000", "starter.account.groupFund", AccountType.EQUITY),
        DUES("4000", "starter.account.dues", AccountType.INCOME), SALES("4100", "starter.account.sales", AccountType.INCOME),
        GRANTS("4200", "demo.account.grants", AccountType.INCOME),
        INTEREST("4300", "starter.account.interest", AccountType.INCOME),
        SUPPLIES("5000", "starter.account.supplies", AccountType.EXPENSE),
        TOOLS("5100", "demo.account.tools", AccountType.EXPENSE),
        TRANSPORT("5200", "starter.account.transport", AccountType.EXPENSE),
        MEETINGS("5300", "starter.account.meetingCosts", AccountType.EXPENSE),
        FEES("5400", "demo.account.fees", AccountType.EXPENSE);

        final String code;
        final String key;
        final AccountType type;

        Acc(String code, String key, AccountType type) {
            this.code = code;
            this.key = key;
            this.type = type;
        }
    }

    /// A kind of work: code, key of its name, kind and reference rate of an hour in minor units.
    private record Cat(String code, String key, WorkKind kind, long rate) {
    }

    private static final List<Cat> CATEGORIES = List.of(
            new Cat("CARE", "starter.work.care", WorkKind.CARE, 1500),
            new Cat("KITCH", "starter.work.kitchen", WorkKind.COMMUNITY, 1500),
            new Cat("COMM", "starter.work.communal", WorkKind.PRODUCTIVE, 1800),
            new Cat("MEET", "starter.work.meetings", WorkKind.GOVERNANCE, 1200),
            new Cat("TRAIN", "demo.work.training", WorkKind.OTHER, 1000));

    private static final int SAVINGS_SUB_ACCOUNTS = 4;

    /// One member as the generator sees her.
    private record M(String id, String name, int village) {
    }

    private final Options o;
    private final SplittableRandom rnd;
    private final long[] clock = new long[1];
    private final LongSupplier clockFn = () -> clock[0];
    private final List<Workspace> laptops = new ArrayList<>();
    private final List<SyncService> syncs = new ArrayList<>();
    private final List<M> members = new ArrayList<>();
    private final List<String> memberSavings = new ArrayList<>();
    private final String[] accountIds = new String[Acc.values().length];
    private final List<String> categoryIds = new ArrayList<>();
    /// The folder of the other laptops' databases and of the exchanged files.
    private final Path dir;
    private final Path founderFile;
    private final Path bundleDir;
    private long entries;
    private long accounts;
    private long transactions;
    private long postings;
    private long work;
    private long voids;
    private int bundles;
    private int bundleNo;

    private DemoGenerator(Path dir, Path founderFile, Options o) {
        this.dir = dir;
        this.founderFile = founderFile;
        this.o = o;
        this.rnd = new SplittableRandom(o.seed());
        this.bundleDir = dir.resolve("bundles");
    }

    /// Generates the cooperative into `dir` (created if needed; it must not hold demo databases
    /// already). Returns the database files, the founder's first.
    public static Result generate(Path dir, Options o) {
        createDirectories(dir);
        return generate(dir, dir.resolve(databaseName(0)), o);
    }

    /// Generates the cooperative into the single new database `file` (the desktop app's demo): the
    /// other laptops live in a scratch folder beside it while they work and exchange sync files with
    /// this one, and are removed at the end. The result lists `file` only.
    public static Result generateOne(Path file, Options o) {
        Path parent = file.toAbsolutePath().getParent();
        createDirectories(parent);
        Path scratch;
        try {
            scratch = Files.createTempDirectory(parent, ".minka-demo-");
        } catch (IOException e) {
            throw new coop.minka.domain.MinkaException(coop.minka.domain.ErrorCode.CANNOT_WRITE, e, parent);
        }
        boolean existed = Files.exists(file);
        try {
            Result r = generate(scratch, file, o);
            return new Result(List.of(file), r.entries(), r.members(), r.accounts(), r.categories(), r.transactions(),
                    r.postings(), r.workEntries(), r.voids(), r.bundles());
        } catch (RuntimeException e) {
            if (!existed) { // a half-made demo would open next time as if it were whole
                for (String suffix : List.of("", "-wal", "-shm", ".identity")) {
                    delete(file.resolveSibling(file.getFileName() + suffix));
                }
            }
            throw e;
        } finally {
            deleteTree(scratch);
        }
    }

    private static Result generate(Path dir, Path founderFile, Options o) {
        DemoGenerator g = new DemoGenerator(dir, founderFile, o);
        try {
            return g.run();
        } finally {
            g.laptops.forEach(Workspace::close);
            g.deleteBundles();
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new coop.minka.domain.MinkaException(coop.minka.domain.ErrorCode.CANNOT_WRITE, e, dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(DemoGenerator::delete);
        } catch (IOException ignored) {
            // best effort: a scratch folder left behind holds nothing of the demo's books
        }
    }

    private final Map<String, java.text.MessageFormat> texts = new java.util.HashMap<>();

    /// The text of `key` in the demo's language (the patterns are kept: a big demo asks often).
    private String t(String key, Object... args) {
        return texts.computeIfAbsent(key, k -> new java.text.MessageFormat(StarterKit.pattern(k, o.language()),
                o.language())).format(args);
    }

    private Result run() {
        LocalDate start = o.end().minusYears(o.years()).plusDays(1);
        clock[0] = millis(start.minusDays(7)) + 8 * 3_600_000L;
        setUpFounder();
        for (int r = 1; r < o.replicas(); r++) {
            joinLaptop(r);
        }
        addMembers(start);
        exchange();
        LocalDate month = start.withDayOfMonth(1);
        int monthsDone = 0;
        while (!month.isAfter(o.end())) {
            LocalDate from = month.isBefore(start) ? start : month;
            LocalDate to = month.plusMonths(1).minusDays(1);
            if (to.isAfter(o.end())) {
                to = o.end();
            }
            clock[0] = Math.max(clock[0], millis(from) + 8 * 3_600_000L);
            for (int r = 0; r < laptops.size(); r++) {
                simulateMonth(r, from, to);
            }
            monthsDone++;
            if (monthsDone % 3 == 0) {
                exchange();
            }
            month = month.plusMonths(1);
        }
        // the last exchange happened the evening before the last day, so the Sync screen has news
        clock[0] = Math.max(clock[0], millis(o.end()) - 4 * 3_600_000L);
        exchange();
        List<Path> dbs = laptops.stream().map(w -> w.db().file()).toList();
        long held = laptops.getFirst().read(OpStore::count);
        return new Result(dbs, held, members.size(), accounts, CATEGORIES.size(), transactions, postings, work, voids,
                bundles);
    }

    // ------------------------------------------------------------------ set-up

    private void setUpFounder() {
        String language = o.language().getLanguage().isEmpty() ? "en" : o.language().getLanguage();
        Workspace ws = Workspace.create(founderFile, t("demo.coopName"), o.currency(),
                t("demo.laptop.treasurer", VILLAGES[0]), language.equals("en") ? "en" : language + ",en", clockFn);
        add(ws);
        ws.write(w -> {
            for (Acc a : Acc.values()) {
                String id = newId(w);
                accountIds[a.ordinal()] = id;
                w.append(OpType.ACCOUNT_ADD, id, OpData.builder().put("code", a.code).put("name", t(a.key))
                        .put("type", a.type.wire()).put("member", null)
                        .put("cash", a == Acc.CASH || a == Acc.BANK || a == Acc.MOBILE ? Boolean.TRUE : null).build());
                accounts++;
            }
            for (Cat c : CATEGORIES) {
                String id = newId(w);
                categoryIds.add(id);
                w.append(OpType.CATEGORY_ADD, id, OpData.builder().put("code", c.code()).put("name", t(c.key()))
                        .put("rate", c.rate()).put("kind", c.kind().wire()).build());
            }
            return null;
        });
    }

    private void add(Workspace ws) {
        laptops.add(ws);
        syncs.add(new SyncService(ws, new PeriodRules(), new SyncService.Options(false, 1, false,
                coop.minka.sync.BundleLimits.DEFAULT)));
    }

    private void joinLaptop(int r) {
        tick(60_000);
        Path full = bundle();
        syncs.getFirst().export(full, SyncService.Mode.FULL, null);
        bundles++;
        Workspace ws = SyncService.join(dir.resolve(databaseName(r)), full, t("demo.laptop.village",
                VILLAGES[r % VILLAGES.length] + (r >= VILLAGES.length ? " " + (r / VILLAGES.length + 1) : "")), clockFn);
        add(ws);
        tick(60_000);
        Path back = bundle();
        syncs.get(r).export(back, SyncService.Mode.FULL, null);
        syncs.getFirst().importBundle(back);
        bundles++;
        new SyncTrust(laptops.getFirst()).admit(ws.selfId());
    }

    private void addMembers(LocalDate start) {
        Set<String> names = new HashSet<>();
        int n = o.members();
        int savers = Math.min(SAVINGS_SUB_ACCOUNTS, n);
        laptops.getFirst().write(w -> {
            for (int i = 0; i < n; i++) {
                boolean woman = rnd.nextInt(100) < 68;
                String name;
                do {
                    name = pick(woman ? GIVEN_WOMEN : GIVEN_MEN) + " " + pick(SURNAMES) + " " + pick(SURNAMES);
                } while (!names.add(name));
                String gender = rnd.nextInt(200) == 0 ? "nonbinary" : rnd.nextInt(50) == 0 ? "unspecified"
                        : woman ? "woman" : "man";
                LocalDate joined = start.minusDays(rnd.nextInt(3 * 365));
                String id = newId(w);
                w.append(OpType.MEMBER_ADD, id, OpData.builder().put("name", name).put("gender", gender)
                        .put("joined", joined.toString()).put("status", "active")
                        .put("contact", rnd.nextInt(3) == 0 ? "+591 7" + (1000000 + rnd.nextInt(8999999)) : null)
                        .put("notes", null).build());
                members.add(new M(id, name, i % o.replicas()));
            }
            for (int i = 0; i < savers; i++) {
                M m = members.get(i);
                String id = newId(w);
                memberSavings.add(id);
                w.append(OpType.ACCOUNT_ADD, id, OpData.builder().put("code", "200" + (i + 1))
                        .put("name", t("demo.savingsOf", m.name())).put("type", AccountType.LIABILITY.wire())
                        .put("member", m.id()).build());
                accounts++;
            }
            // opening balances: the common fund brought in cash and a bank balance
            tx(w, start.toString(), t("demo.tx.opening"), "OB-1", List.of(
                    p(Acc.CASH, 150_000), p(Acc.BANK, 850_000), p(Acc.FUND, -1_000_000)));
            return null;
        });
    }

    // ------------------------------------------------------------------ a month of one laptop

    private void simulateMonth(int r, LocalDate from, LocalDate to) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        List<M> village = new ArrayList<>();
        for (M m : members) {
            if (m.village() == r) {
                village.add(m);
            }
        }
        double share = days / 365.0;
        // the last month always holds work, so "this month" is never empty in the demo
        int workCount = Math.max(poisson(village.size() * o.workPerMemberYear() * share),
                to.equals(o.end()) && o.workPerMemberYear() > 0 ? 1 : 0);
        int txCount = poisson(members.size() * o.txPerMemberYear() * share / o.replicas());
        tick(60_000);
        laptops.get(r).write(w -> {
            for (int i = 0; i < workCount && !village.isEmpty(); i++) {
                M m = village.get(rnd.nextInt(village.size()));
                LocalDate date = from.plusDays(rnd.nextInt(days));
                int c = weightedCategory();
                String witness = rnd.nextInt(5) == 0 ? village.get(rnd.nextInt(village.size())).id() : null;
                if (m.id().equals(witness)) {
                    witness = null; // nobody witnesses their own work (rule book); same draws as before
                }
                String id = workEntry(w, m, date, c, minutes(c), note(), witness, null);
                if (rnd.nextInt(100) == 0) {
                    voidIt(w, OpType.WORK_VOID, id, t("demo.void.twice"));
                }
            }
            // a collective work day (minka) in the village once a month, with an attendance list
            if (village.size() >= 2) {
                LocalDate date = from.plusDays(rnd.nextInt(days));
                String day = newId();
                int minutes = 60 * (3 + rnd.nextInt(4));
                String note = t(pick(new String[] {"demo.workDay.canal", "demo.workDay.roof", "demo.workDay.harvest",
                    "demo.workDayNote"}));
                boolean someone = false;
                for (int i = 0; i < village.size(); i++) {
                    if (rnd.nextInt(100) < 55 || (!someone && i == village.size() - 1)) {
                        workEntry(w, village.get(i), date, 2, minutes, note, null, day);
                        someone = true;
                    }
                }
            }
            for (int i = 0; i < txCount; i++) {
                LocalDate date = from.plusDays(rnd.nextInt(days));
                String id = randomTx(w, date);
                if (rnd.nextInt(50) == 0) {
                    voidIt(w, OpType.TX_VOID, id, t(pick(new String[] {"demo.void.amount", "demo.void.twice",
                        "demo.void.account"})));
                }
            }
            return null;
        });
    }

    private String workEntry(ChangeLog.Writer w, M m, LocalDate date, int category, int minutes, String note,
                             String witness, String workDay) {
        String id = newId(w);
        w.append(OpType.WORK_ADD, id, OpData.builder().put("member", m.id()).put("date", date.toString())
                .put("minutes", (long) minutes).put("category", categoryIds.get(category))
                .put("note", note == null || note.isEmpty() ? null : note).put("witness", witness)
                .put("workday", workDay).build());
        work++;
        return id;
    }

    private void voidIt(ChangeLog.Writer w, String type, String entity, String reason) {
        w.append(type, entity, OpData.builder().put("reason", reason).build());
        voids++;
    }

    private int weightedCategory() {
        int x = rnd.nextInt(100);
        return x < 35 ? 0 : x < 65 ? 1 : x < 80 ? 2 : x < 95 ? 3 : 4;
    }

    private int minutes(int category) {
        return switch (category) {
            case 0 -> 30 * (2 + rnd.nextInt(12));
            case 1 -> 30 * (4 + rnd.nextInt(6));
            case 2 -> 60 * (2 + rnd.nextInt(6));
            case 3 -> 30 * (2 + rnd.nextInt(5));
            default -> 60 * (1 + rnd.nextInt(3));
        };
    }

    private String note() {
        String key = pick(WORK_NOTES);
        return key.isEmpty() ? "" : t(key);
    }

    /// A posting: account and signed amount (debit positive).
    private record P(String account, long amount) {
    }

    private P p(Acc a, long amount) {
        return new P(accountIds[a.ordinal()], amount);
    }

    private long amount(long min, long max) {
        long v = min + rnd.nextLong(max - min + 1);
        return v >= 10_000 ? v / 100 * 100 : v / 10 * 10; // round like people do
    }

    private String randomTx(ChangeLog.Writer w, LocalDate date) {
        int x = rnd.nextInt(100);
        String ref = rnd.nextInt(4) == 0 ? "R-" + (1000 + rnd.nextInt(9000)) : null;
        String d = date.toString();
        if (x < 18) {
            M m = members.get(rnd.nextInt(members.size()));
            long a = amount(1_000, 5_000);
            return tx(w, d, t("demo.tx.dues") + " — " + m.name(), ref, List.of(p(Acc.CASH, a), p(Acc.DUES, -a)));
        } else if (x < 36) {
            long a = amount(5_000, 60_000);
            return tx(w, d, t("demo.tx.kitchenSales"), ref, List.of(p(Acc.CASH, a), p(Acc.SALES, -a)));
        } else if (x < 46) {
            long cash = amount(5_000, 40_000);
            long mobile = amount(1_000, 20_000);
            return tx(w, d, t("demo.tx.sales"), ref,
                    List.of(p(Acc.CASH, cash), p(Acc.MOBILE, mobile), p(Acc.SALES, -(cash + mobile))));
        } else if (x < 60) {
            long a = amount(3_000, 45_000);
            return tx(w, d, t(pick(new String[] {"demo.tx.kitchenFood", "demo.tx.vegetables", "demo.tx.gas"})), ref, List.of(p(Acc.SUPPLIES, a), p(Acc.CASH, -a)));
        } else if (x < 68 && !memberSavings.isEmpty()) {
            int i = rnd.nextInt(memberSavings.size());
            long a = amount(2_000, 30_000);
            boolean deposit = rnd.nextInt(3) != 0;
            String acc = memberSavings.get(i);
            return tx(w, d, t(deposit ? "demo.tx.savings" : "demo.tx.withdrawal", members.get(i).name()), ref,
                    deposit ? List.of(p(Acc.CASH, a), new P(acc, -a)) : List.of(new P(acc, a), p(Acc.CASH, -a)));
        } else if (x < 74) {
            long a = amount(2_000, 20_000);
            return tx(w, d, t("demo.tx.pooledSavings"), ref, List.of(p(Acc.CASH, a), p(Acc.SAVINGS, -a)));
        } else if (x < 79) {
            long a = amount(20_000, 150_000);
            M m = members.get(rnd.nextInt(members.size()));
            return tx(w, d, t("demo.loanTo", m.name()), ref, List.of(p(Acc.LOANS, a), p(Acc.CASH, -a)));
        } else if (x < 85) {
            long principal = amount(5_000, 30_000);
            long interest = amount(100, 1_500);
            M m = members.get(rnd.nextInt(members.size()));
            return tx(w, d, t("demo.tx.repayment", m.name()), ref, List.of(p(Acc.CASH, principal + interest),
                    p(Acc.LOANS, -principal), p(Acc.INTEREST, -interest)));
        } else if (x < 89) {
            long a = amount(1_000, 12_000);
            return tx(w, d, t("demo.tx.transport"), ref, List.of(p(Acc.TRANSPORT, a), p(Acc.CASH, -a)));
        } else if (x < 92) {
            long a = amount(2_000, 25_000);
            long fee = amount(100, 800);
            return tx(w, d, t("demo.tx.purchase"), ref, List.of(p(Acc.TOOLS, a),
                    p(Acc.FEES, fee), p(Acc.BANK, -(a + fee))));
        } else if (x < 95) {
            long a = amount(1_500, 15_000);
            return tx(w, d, t("demo.tx.assembly"), ref, List.of(p(Acc.MEETINGS, a), p(Acc.CASH, -a)));
        } else if (x < 97) {
            long a = amount(50_000, 500_000);
            return tx(w, d, t(pick(new String[] {"demo.tx.grant", "demo.tx.donation"})), ref, List.of(p(Acc.BANK, a), p(Acc.GRANTS, -a)));
        } else {
            long a = amount(10_000, 80_000);
            return tx(w, d, t("demo.tx.deposit"), ref, List.of(p(Acc.BANK, a), p(Acc.CASH, -a)));
        }
    }

    private String tx(ChangeLog.Writer w, String date, String memo, String ref, List<P> ps) {
        String id = newId(w);
        List<Map<String, Object>> wire = new ArrayList<>(ps.size());
        for (P p : ps) {
            wire.add(Map.of("account", p.account(), "amount", p.amount()));
        }
        w.append(OpType.TX_POST, id, OpData.builder().put("date", date).put("memo", memo).put("reference", ref)
                .put("postings", wire).build());
        transactions++;
        postings += ps.size();
        return id;
    }

    // ------------------------------------------------------------------ exchanges

    /// Every other laptop sends what the founder lacks; then the founder sends each what it lacks.
    private void exchange() {
        if (laptops.size() < 2) {
            return;
        }
        tick(3_600_000L);
        String hub = laptops.getFirst().selfId();
        for (int r = 1; r < laptops.size(); r++) {
            Path b = bundle();
            syncs.get(r).export(b, SyncService.Mode.FOR_PEER, hub);
            syncs.getFirst().importBundle(b);
            bundles++;
            delete(b);
        }
        for (int r = 1; r < laptops.size(); r++) {
            Path b = bundle();
            syncs.getFirst().export(b, SyncService.Mode.FOR_PEER, laptops.get(r).selfId());
            syncs.get(r).importBundle(b);
            bundles++;
            delete(b);
        }
    }

    private Path bundle() {
        try {
            Files.createDirectories(bundleDir);
        } catch (IOException e) {
            throw new coop.minka.domain.MinkaException(coop.minka.domain.ErrorCode.CANNOT_WRITE, e, bundleDir);
        }
        return bundleDir.resolve("exchange-" + (++bundleNo) + ".minka");
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a left-over exchange file is removed with the folder at the end
        }
    }

    private void deleteBundles() {
        if (!Files.isDirectory(bundleDir)) {
            return;
        }
        try (var s = Files.list(bundleDir)) {
            s.forEach(DemoGenerator::delete);
        } catch (IOException ignored) {
            // best effort
        }
        delete(bundleDir);
    }

    // ------------------------------------------------------------------ randomness

    private static long millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private void tick(long millis) {
        clock[0] += millis;
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private double gaussian() {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /// An id owned by the author of `w`, from the simulated clock and the seeded generator.
    private String newId(ChangeLog.Writer w) {
        return Ids.owned(w.author(), clock[0], rnd.nextLong());
    }

    /// A time-ordered id that no entity carries (a work day's attendance list).
    private String newId() {
        long ms = clock[0];
        long msb = (ms & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (rnd.nextInt() & 0x0FFF);
        long lsb = 0x8000_0000_0000_0000L | (rnd.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(msb, lsb).toString();
    }
}
