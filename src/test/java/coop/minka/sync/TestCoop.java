package coop.minka.sync;

import static coop.minka.store.schema.Tables.ACCOUNT_BALANCE;
import static coop.minka.store.schema.Tables.REPLICA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.LedgerService;
import coop.minka.app.sync.SyncService;
import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.ReplicaStatus;
import coop.minka.domain.WorkKind;
import coop.minka.store.OpStore;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;

/// A small test cooperative for the attack tests: founder `a` with a member (Ana), a work
/// category `K`, accounts `1000` Cash (asset), `4000` Dues (income), `5000` Expenses (expense)
/// and one dues payment of 100.00; honest laptops joined and admitted; hostile authors (forged
/// with [ForgeKit]) joined and admitted; everyone in step.
final class TestCoop implements AutoCloseable {
    static final SyncService.Options FAST = new SyncService.Options(false, 10, false, BundleLimits.DEFAULT);

    final Path root;
    final SyncService.Options options;
    final List<Village> laptops = new ArrayList<>();
    final String coopId;
    final String coopName;
    final String ana;
    final String cash;
    final String dues;
    final String expenses;
    final String category;
    final String duesTx;
    private int files;

    private TestCoop(Path root, SyncService.Options options, boolean plain) {
        this.root = root;
        this.options = options;
        Village a = plain ? Village.foundPlain(root, "a", options) : Village.found(root, "a", options);
        laptops.add(a);
        coopId = a.s.workspace().coop().id();
        coopName = a.s.workspace().coop().name();
        ana = a.s.members().add("Ana", Gender.WOMAN, null, null, null).id();
        cash = a.s.ledger().addAccount("1000", "Cash", AccountType.ASSET, null).id();
        dues = a.s.ledger().addAccount("4000", "Dues", AccountType.INCOME, null).id();
        expenses = a.s.ledger().addAccount("5000", "Expenses", AccountType.EXPENSE, null).id();
        category = a.s.work().addCategory("K", "Kitchen", "10", WorkKind.CARE).id();
        duesTx = a.s.ledger().post(LocalDate.of(2026, 5, 2), "Dues", null,
                List.of(new LedgerService.Line("1000", "100"), new LedgerService.Line("4000", "-100"))).id();
    }

    /// Founder `a` and the honest laptops `others`, joined, admitted by `a` and in step.
    static TestCoop found(Path root, SyncService.Options options, String... others) {
        return found(root, options, false, others);
    }

    /// The same with plain (ZIP) sync files (`plain`), as cooperatives without encryption have.
    static TestCoop found(Path root, SyncService.Options options, boolean plain, String... others) {
        TestCoop c = new TestCoop(root, options, plain);
        Village a = c.a();
        Path full = a.exportFull(c.dir());
        for (String name : others) {
            Village v = Village.join(root, name, full, options);
            c.laptops.add(v);
            a.sync.importBundle(v.exportFull(c.dir()));
            a.trust().admit(v.id());
        }
        c.fromATo(c.laptops);
        return c;
    }

    static TestCoop found(Path root, String... others) {
        return found(root, FAST, others);
    }

    Village a() {
        return laptops.getFirst();
    }

    Village get(String name) {
        return laptops.stream().filter(v -> v.dir.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }

    /// A new empty folder for one file.
    Path dir() {
        return Village.mkdir(root.resolve("files").resolve("f" + (++files)));
    }

    /// `a`'s full file imported by every other laptop in `to`.
    void fromATo(List<Village> to) {
        Path full = a().exportFull(dir());
        for (Village v : to) {
            if (v != a()) {
                v.sync.importBundle(full);
            }
        }
    }

    /// A hostile laptop: a fresh key, its `replica.join` imported by `a`, admitted by `a` (the
    /// treasurer compared the fingerprint — the laptop was honest then), the admission carried to
    /// everyone. The returned chain continues after the join.
    ForgeKit.Chain admittedHostile(String name) {
        ForgeKit.Author h = ForgeKit.Author.fresh();
        ForgeKit.Chain c = new ForgeKit.Chain(h, coopId);
        c.join(name);
        a().sync.importBundle(forged(c, 1, c.seq()));
        a().trust().admit(h.id());
        fromATo(laptops);
        return c;
    }

    /// A correctly signed file of `chain`'s entries `from..to`, sent by the chain's author.
    Path forged(ForgeKit.Chain chain, long from, long to) {
        return ForgeKit.file(coopId, coopName).sender(chain.author, "Laptop " + chain.author.id().substring(0, 8))
                .range(chain.range(from, to)).write(dir());
    }

    /// Everything the chain wrote, in one file.
    Path forgedAll(ForgeKit.Chain chain) {
        return forged(chain, 1, chain.seq());
    }

    /// Imports a file; a refusal is returned, not thrown.
    static MinkaException tryImport(Village v, Path file) {
        try {
            v.sync.importBundle(file);
            return null;
        } catch (MinkaException e) {
            return e;
        }
    }

    /// Every honest laptop syncs with one shared folder, twice round (the last one once less),
    /// so that everything any of them holds reaches all.
    void exchangeAll() {
        Path folder = dir();
        List<Village> order = new ArrayList<>(laptops);
        order.addAll(laptops);
        order.addAll(laptops.subList(0, laptops.size() - 1));
        for (Village v : order) {
            var r = v.sync.syncFolder(folder);
            assertTrue(!r.anyRefused(), () -> "an honest file was refused: " + r.items());
        }
    }

    // ------------------------------------------------------------------ what the tests look at

    /// Forged transaction data: date, memo and postings (account id → amount, in order).
    static OpData tx(String date, String memo, Object... accountAmount) {
        List<Map<String, Object>> postings = new ArrayList<>();
        for (int i = 0; i < accountAmount.length; i += 2) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("account", accountAmount[i]);
            p.put("amount", accountAmount[i + 1]);
            postings.add(p);
        }
        return OpData.builder().put("date", date).put("memo", memo).put("postings", postings).build();
    }

    /// Forged work entry data.
    OpData work(String date, long minutes) {
        return OpData.builder().put("member", ana).put("date", date).put("minutes", minutes).put("category", category)
                .build();
    }

    /// Balances of every account, by code.
    static Map<String, Long> balances(Village v) {
        Map<String, Long> out = new TreeMap<>();
        v.s.ledger().accounts().forEach(b -> out.put(b.account().code() + " " + b.account().id(), b.balance()));
        return out;
    }

    /// The balance of the account with this code (0 if it has none).
    static long balance(Village v, String code) {
        return v.s.ledger().accounts().stream().filter(b -> b.account().code().equals(code))
                .mapToLong(LedgerService.AccountBalance::balance).sum();
    }

    /// The total of every running balance (accounts held or only referenced, "not yet
    /// received"), added with overflow checks.
    static long totalOfBalances(Village v) {
        long total = 0;
        for (Long b : v.s.workspace().db().read(d -> d.select(ACCOUNT_BALANCE.BALANCE).from(ACCOUNT_BALANCE)
                .fetch(ACCOUNT_BALANCE.BALANCE))) {
            total = Math.addExact(total, b);
        }
        return total;
    }

    /// The books sum to zero: every transaction and the total of all balances.
    static void assertBooksSumToZero(Village v) {
        assertEquals(0, totalOfBalances(v), "total of the balances on " + v.id());
        for (var t : v.s.ledger().transactions(null, null, null)) {
            long sum = 0;
            for (var p : t.postings()) {
                sum = Math.addExact(sum, p.amount());
            }
            assertEquals(0, sum, "postings of " + t.id() + " on " + v.id());
        }
    }

    static void assertVerifies(Village v) {
        var r = v.s.verify().verify();
        assertTrue(r.ok(), () -> "verify on " + v.id() + ": " + r.problems());
    }

    /// The laptop whose status is `founder` on `v`.
    static List<String> founders(Village v) {
        return v.s.workspace().db().read(d -> d.select(REPLICA.ID).from(REPLICA)
                .where(REPLICA.STATUS.eq(ReplicaStatus.FOUNDER.wire())).fetch(REPLICA.ID));
    }

    static String status(Village v, String replica) {
        return v.s.workspace().db().read(d -> d.select(REPLICA.STATUS).from(REPLICA).where(REPLICA.ID.eq(replica))
                .fetchOptional(REPLICA.STATUS).orElse("unknown"));
    }

    /// The rows of `invalid_op` (design-notes 14), each as column → value (blobs in hex).
    static List<Map<String, String>> invalidRows(Village v) {
        return v.s.workspace().db().read(TestCoop::invalidRows);
    }

    static List<Map<String, String>> invalidRows(DSLContext d) {
        List<Map<String, String>> out = new ArrayList<>();
        if (d.resultQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'invalid_op'").fetch().isEmpty()) {
            return out; // a Minka without held-invalid entries (before design-notes 14)
        }
        for (var r : d.resultQuery("SELECT * FROM invalid_op").fetch()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (var f : r.fields()) {
                Object val = r.get(f);
                row.put(f.getName(), val instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(val));
            }
            out.add(row);
        }
        return out;
    }

    /// True if `op` is listed as held invalid on `v` (matched by its hash, or by its author and seq
    /// in the columns `replica` and `seq`).
    static boolean heldInvalid(Village v, Op op) {
        return heldInvalid(invalidRows(v), op);
    }

    static boolean heldInvalid(List<Map<String, String>> rows, Op op) {
        String hash = op.hashHex();
        for (Map<String, String> row : rows) {
            if (row.containsValue(hash)) {
                return true;
            }
            if (op.replica().equals(row.get("replica")) && Long.toString(op.seq()).equals(row.get("seq"))) {
                return true;
            }
        }
        return false;
    }

    static void assertHeldInvalid(Village v, Op op) {
        List<Map<String, String>> rows = invalidRows(v);
        assertTrue(heldInvalid(rows, op), () -> "entry " + op.replica() + "#" + op.seq() + " " + op.type() + " "
                + op.data() + " is not held invalid on " + v.id() + "; invalid_op = " + rows);
        assertTrue(opKeys(v).contains(key(op)), "the invalid entry is kept in the log");
    }

    static String key(Op op) {
        return op.replica() + "#" + op.seq() + "#" + op.hashHex();
    }

    /// Every entry in the log of `v`, as author#seq#hash.
    static Set<String> opKeys(Village v) {
        Set<String> out = new HashSet<>();
        v.s.workspace().db().read(d -> {
            OpStore.forEach(d, op -> out.add(key(op)));
            return null;
        });
        return out;
    }

    /// The same, of one author.
    static Set<String> opKeys(Village v, String author) {
        Set<String> out = new HashSet<>();
        for (String k : opKeys(v)) {
            if (k.startsWith(author + "#")) {
                out.add(k);
            }
        }
        return out;
    }

    /// The database file back to a snapshot taken with `backupTo` (same file, same identity).
    static void restore(Village v, Path snapshot) {
        try (Statement st = v.s.workspace().db().connection().createStatement()) {
            st.executeUpdate("restore from '" + snapshot.toAbsolutePath() + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        laptops.forEach(Village::close);
    }
}
