package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.Transaction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The journal screen loads the latest transactions a page at a time: the page must be exactly
/// the newest ones of the whole journal, in the same order, with the right total, for every
/// filter.
class LedgerPageTest {
    @TempDir
    Path dir;

    @Test
    void pagesAreTheNewestTransactionsOfTheWholeJournal() {
        try (Services s = ReportFixture.create(dir)) {
            List<Transaction> all = s.ledger().transactions(null, null, null).reversed(); // newest first
            assertTrue(all.size() >= 8, "fixture has enough transactions");
            for (int limit : new int[] {1, 3, all.size(), all.size() + 5}) {
                var page = s.ledger().latestTransactions(null, true, limit);
                assertEquals(all.subList(0, Math.min(limit, all.size())), page.latest(), "limit " + limit);
                assertEquals(all.size(), page.total());
            }
            List<Transaction> counted = all.stream().filter(t -> !t.voided()).toList();
            assertTrue(counted.size() < all.size(), "the fixture voids one transaction");
            var withoutVoided = s.ledger().latestTransactions(null, false, 4);
            assertEquals(counted.subList(0, 4), withoutVoided.latest());
            assertEquals(counted.size(), withoutVoided.total());
            String cash = "1000";
            List<Transaction> ofCash = s.ledger().transactions(null, null, cash).reversed();
            var cashPage = s.ledger().latestTransactions(cash, true, 2);
            assertEquals(ofCash.subList(0, 2), cashPage.latest());
            assertEquals(ofCash.size(), cashPage.total());
            assertTrue(ofCash.size() < all.size());
        }
    }
}
