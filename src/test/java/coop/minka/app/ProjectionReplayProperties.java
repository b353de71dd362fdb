package coop.minka.app;

import coop.minka.app.sync.VerifyService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Transaction;
import coop.minka.domain.WorkEntry;
import coop.minka.domain.WorkKind;
import coop.minka.testkit.Seeded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/// Invariants 1 and 2 of DESIGN.md §6 over random sequences of everyday actions: every
/// transaction sums to zero, every balance equals its non-voided postings, and the stored
/// projections equal a rebuild from the change log (which `verify` checks).
///
/// 60 seeded tries of 1 to 25 actions; `-Dminka.tries=N`, `-Dminka.seed=S` (see [Seeded]).
@Tag("slow")
class ProjectionReplayProperties {
    @Test
    void projectionsEqualTheReplayOfTheLog() {
        Seeded.forEachSeed("ProjectionReplayProperties", 60, (seed, rnd) -> {
            List<Integer> actions = actions(rnd);
            Path dir = Files.createTempDirectory("minka-replay");
            try {
                replay(dir, actions);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " (actions " + actions + ")", e);
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        });
    }

    /// 1 to 25 numbers from 0 to 99: each picks an action and its details.
    static List<Integer> actions(SplittableRandom rnd) {
        int n = 1 + rnd.nextInt(25);
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(rnd.nextInt(100));
        }
        return out;
    }

    private static void replay(Path dir, List<Integer> actions) {
        try (Services s = Fixtures.create(dir, "p")) {
            s.ledger().addAccount("1000", "Cash", AccountType.ASSET, null);
            s.ledger().addAccount("4000", "Dues", AccountType.INCOME, null);
            s.work().addCategory("K", "Kitchen", "10", WorkKind.CARE);
            List<String> members = new ArrayList<>();
            List<String> txs = new ArrayList<>();
            List<String> work = new ArrayList<>();
            long expectedCash = 0;
            for (int a : actions) {
                int pick = a % 10;
                int amount = a * 7 + 1;
                try {
                    switch (pick) {
                        case 0, 1 -> members.add(s.members().add("M" + members.size() + "-" + a,
                                Gender.values()[a % 4], null, null, null).id());
                        case 2 -> {
                            if (!members.isEmpty()) {
                                s.members().update(members.get(a % members.size()), new MemberService.Changes(
                                        "Renamed " + a, null, null, a % 3 == 0 ? MemberStatus.INACTIVE : null, null, "n" + a));
                            }
                        }
                        case 3, 4 -> {
                            Transaction t = s.ledger().post(LocalDate.of(2026, 1 + a % 12, 1 + a % 28), "tx " + a, null,
                                    List.of(new LedgerService.Line("1000", amount + ".25"),
                                            new LedgerService.Line("4000", "-" + amount + ".25")));
                            txs.add(t.id());
                            expectedCash += amount * 100L + 25;
                        }
                        case 5 -> {
                            if (!txs.isEmpty()) {
                                String id = txs.remove(a % txs.size());
                                Transaction t = s.ledger().voidTransaction(id, "mistake " + a);
                                expectedCash -= t.postings().getFirst().amount();
                            }
                        }
                        case 6, 7 -> {
                            if (!members.isEmpty()) {
                                WorkEntry w = s.work().add(new WorkService.Entry(members.get(a % members.size()),
                                        LocalDate.of(2026, 2, 1 + a % 28), "1.5", "K", null, null));
                                work.add(w.id());
                            }
                        }
                        case 8 -> {
                            if (!work.isEmpty()) {
                                s.work().voidEntry(work.remove(a % work.size()), "wrong day");
                            }
                        }
                        default -> s.ledger().updateAccount("4000", "Dues " + a, null);
                    }
                } catch (MinkaException expected) {
                    // e.g. work for a member deactivated above: refused, nothing written
                }
            }
            VerifyService.Result r = s.verify().verify();
            assertTrue(r.ok(), r.problems().toString());
            long cash = s.ledger().accounts().stream().filter(b -> b.account().code().equals("1000"))
                    .mapToLong(LedgerService.AccountBalance::balance).sum();
            assertEquals(expectedCash, cash);
            assertEquals(0, s.ledger().accounts().stream().mapToLong(LedgerService.AccountBalance::balance).sum());
        }
    }
}
