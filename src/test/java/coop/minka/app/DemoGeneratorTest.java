package coop.minka.app;

import coop.minka.app.demo.DemoGenerator;
import coop.minka.app.report.ReportService;
import coop.minka.app.sync.VerifyService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.Member;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The demo cooperative: the same seed gives the same books; every laptop's books verify and
/// agree after the exchanges; the counts it reports are what the databases hold.
class DemoGeneratorTest {
    private static final DemoGenerator.Options SMALL = new DemoGenerator.Options(9, 1, 2, 7, 12, 10,
            LocalDate.of(2025, 6, 30), "BOB");

    @TempDir
    Path dir;

    /// What a person would compare between two runs: names, balances by account code, work per
    /// category, and how many of everything there is.
    private record Books(List<String> members, Map<String, String> balances, Map<String, Long> work,
                         long transactions, long workEntries, long voids, long entries) {
    }

    private static Books books(Path db) {
        try (Services s = new Services(Workspace.open(db, System::currentTimeMillis))) {
            Map<String, String> bal = new TreeMap<>();
            for (var r : s.reports().balances(null)) {
                bal.put(r.account().code() + " " + r.account().name(), Long.toString(r.balance()));
            }
            Map<String, Long> work = new TreeMap<>();
            for (var r : s.reports().work(ReportService.WorkGrouping.CATEGORY, null, null)) {
                work.put(r.key(), r.minutes());
            }
            var d = s.workspace().db().dsl();
            return new Books(s.members().list().stream().map(Member::name).sorted().toList(), bal, work,
                    d.fetchCount(d.selectFrom("tx")), d.fetchCount(d.selectFrom("work_entry")),
                    d.fetchCount(d.selectFrom("void")), d.fetchCount(d.selectFrom("op")));
        }
    }

    @Test
    void theSameSeedGivesTheSameBooksAndEveryLaptopAgrees() {
        DemoGenerator.Result a = DemoGenerator.generate(dir.resolve("a"), SMALL);
        DemoGenerator.Result b = DemoGenerator.generate(dir.resolve("b"), SMALL);

        assertEquals(2, a.databases().size());
        assertEquals(9, a.members());
        assertEquals(16 + 4, a.accounts(), "16 accounts of the cooperative and 4 member savings accounts");
        assertEquals(5, a.categories());
        assertTrue(a.transactions() > 50, "a year of books: " + a.transactions());
        assertTrue(a.workEntries() > 50, "a year of work: " + a.workEntries());
        assertTrue(a.postings() >= 2 * a.transactions() && a.postings() <= 3 * a.transactions());

        Books first = books(a.founder());
        assertEquals(first, books(b.founder()), "same seed, same books");
        assertEquals(a.transactions(), first.transactions());
        assertEquals(a.workEntries(), first.workEntries());
        assertEquals(a.voids(), first.voids());
        assertEquals(a.entries(), first.entries());
        assertEquals(0L, first.balances().values().stream().mapToLong(Long::parseLong).sum(), "the books balance");

        String digest = null;
        for (Path db : a.databases()) {
            try (Services s = new Services(Workspace.open(db, System::currentTimeMillis))) {
                VerifyService.Result r = s.verify().verify();
                assertTrue(r.ok(), db + ": " + r.problems());
                if (digest != null) {
                    assertEquals(digest, r.digest(), "every laptop holds the same books after the exchanges");
                }
                digest = r.digest();
            }
        }
        assertEquals(first, books(a.databases().get(1)));
    }

    /// What the desktop app's demo must show: work with a value, work this month, another laptop
    /// on the Sync screen, everything named in the language asked for, in one file.
    @Test
    void theDesktopDemoValuesWorkHasWorkThisMonthAndTwoLaptopsInSpanish() throws Exception {
        LocalDate today = LocalDate.of(2026, 6, 1); // the first of the month: the hardest day for "this month"
        Path file = dir.resolve("minka-demo.db");
        DemoGenerator.Result r = DemoGenerator.generateOne(file,
                DemoGenerator.Options.desktop(today, java.util.Locale.forLanguageTag("es")));
        assertEquals(List.of(file), r.databases());
        try (var left = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> !p.getFileName().toString().startsWith("minka-demo.db")).toList(),
                    "the other laptop's scratch folder is gone");
        }
        try (Services s = new Services(Workspace.open(file, System::currentTimeMillis))) {
            assertEquals("Flor de Quinua (prueba)", s.workspace().coop().name());
            var categories = s.work().categories();
            assertEquals(5, categories.size());
            assertTrue(categories.stream().allMatch(c -> c.rateMinor() != null && c.rateMinor() > 0),
                    "every kind of work has a reference rate: " + categories);
            assertTrue(categories.stream().anyMatch(c -> c.name().equals("Olla común")), categories.toString());
            var accounts = s.ledger().accounts().stream().map(a -> a.account().code() + " " + a.account().name()).toList();
            assertTrue(accounts.containsAll(List.of("1000 Caja", "1100 Cuenta bancaria", "4000 Cuotas")), accounts.toString());

            var d = s.workspace().db().dsl();
            var thisMonth = d.fetch("SELECT replica FROM work_entry WHERE date >= '2026-06-01'");
            assertTrue(thisMonth.isNotEmpty(), "work in the current month");
            assertTrue(d.fetch("SELECT date FROM work_entry WHERE date > '2026-06-01'").isEmpty(), "nothing after today");
            var replicas = d.fetch("SELECT DISTINCT replica FROM work_entry").getValues(0, String.class);
            assertTrue(replicas.size() >= 2, "work written on two laptops: " + replicas);
            assertTrue(s.work().list(null, today.withDayOfMonth(1), today, false).stream()
                    .allMatch(w -> w.note() == null || !w.note().matches(".*[Rr]epaired.*|.*[Cc]ooked.*")));

            var laptops = new coop.minka.app.sync.SyncStatus(s.workspace()).status().laptops();
            assertEquals(2, laptops.size(), laptops.toString());
            var other = laptops.stream().filter(l -> !l.self()).findFirst().orElseThrow();
            assertTrue(other.held() > 0 && other.quarantined() == 0 && other.lastReceivedAt() != null, other.toString());
            assertTrue(other.name().contains("computadora de la comunidad"), other.name());
            assertTrue(s.verify().verify().ok());
        }
    }

    @Test
    void anotherSeedGivesOtherBooks() {
        DemoGenerator.Result a = DemoGenerator.generate(dir.resolve("a"), SMALL);
        DemoGenerator.Result c = DemoGenerator.generate(dir.resolve("c"), new DemoGenerator.Options(9, 1, 1, 8, 12, 10,
                LocalDate.of(2025, 6, 30), "BOB"));
        assertTrue(!books(a.founder()).members().equals(books(c.founder()).members()));
    }
}
