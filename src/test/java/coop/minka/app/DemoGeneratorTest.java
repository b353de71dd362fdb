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

    @Test
    void anotherSeedGivesOtherBooks() {
        DemoGenerator.Result a = DemoGenerator.generate(dir.resolve("a"), SMALL);
        DemoGenerator.Result c = DemoGenerator.generate(dir.resolve("c"), new DemoGenerator.Options(9, 1, 1, 8, 12, 10,
                LocalDate.of(2025, 6, 30), "BOB"));
        assertTrue(!books(a.founder()).members().equals(books(c.founder()).members()));
    }
}
