package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.report.StatementService;
import coop.minka.domain.GroupBook;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.domain.ShareOut;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Seeded random cycles (design notes 36): meetings with shares, social fund, fines, loans,
/// repayments, expenses, grants, random voids and reopened meetings. Whatever happens, the trial
/// balance is zero after every meeting, the payouts add up exactly to the distributable amount,
/// the cash box keeps the social fund once everything is shared out, and a rebuild gives the same
/// state.
class GroupCorrectionsProperties {
    @TempDir
    Path dir;

    private static String money(long minor) {
        return minor / 100 + "." + String.format("%02d", minor % 100);
    }

    private static void balanced(Services s, long seed) {
        StatementService.TrialBalance tb = s.reports().statements().trialBalance(null, null);
        assertEquals(tb.totalDebits(), tb.totalCredits(), "seed " + seed);
        assertEquals(0, tb.totalClosing(), "seed " + seed);
    }

    private static void tryIt(Runnable r) {
        try {
            r.run();
        } catch (MinkaException refused) {
            // a refusal writes nothing; the books are checked after every meeting
        }
    }

    @Test
    void randomCyclesWithVoidsKeepTheBooksBalancedAndThePayoutsExact() {
        for (long seed = 1; seed <= 4; seed++) {
            Random r = new Random(seed);
            try (Services s = Fixtures.create(dir, "p" + seed)) {
                List<String> names = List.of("Ana", "Rosa", "Juan", "Eva");
                for (String n : names) {
                    s.members().add(n + " Q", Gender.WOMAN, null, null, null);
                }
                s.group().startCycle(LocalDate.of(2026, 1, 1), "1.00", 1, 5, "0.50", "5",
                        seed % 2 == 0 ? "flat" : "declining", "1", 3, Map.of("late", "0.25"));
                for (int k = 0; k < 5; k++) {
                    s.group().openMeeting(LocalDate.of(2026, 1 + k, 5));
                    for (String n : names) {
                        if (r.nextInt(4) > 0) {
                            s.group().buyShares(n, 1 + r.nextInt(5));
                        }
                        if (r.nextBoolean()) {
                            s.group().paySocial(n);
                        }
                        if (r.nextInt(5) == 0) {
                            s.group().fine(n, "late", null);
                        }
                    }
                    String borrower = names.get(r.nextInt(names.size()));
                    tryIt(() -> s.group().issueLoan(borrower, money(50 + r.nextInt(300)), 1 + r.nextInt(3)));
                    for (GroupService.Loan l : s.group().loans()) {
                        long left = l.schedule().totalDue() - l.repaid();
                        if (left > 0 && l.writtenOff() == 0 && r.nextBoolean()) {
                            s.group().repay(l.id(), money(1 + r.nextInt((int) left)));
                        }
                    }
                    if (r.nextInt(3) == 0) {
                        s.group().expense(money(10 + r.nextInt(40)), "Notebook");
                    }
                    long fund = s.group().socialFund();
                    if (fund > 0 && r.nextInt(3) == 0) {
                        tryIt(() -> s.group().grant(names.get(r.nextInt(names.size())),
                                money(1 + r.nextInt((int) fund + 20)), "Emergency"));
                    }
                    for (int v = r.nextInt(4); v > 0; v--) {
                        List<GroupService.EntryView> open = s.group().entries(null).stream()
                                .filter(e -> !e.voided() && e.held() == null && GroupBook.VOIDABLE.contains(e.type()))
                                .toList();
                        if (!open.isEmpty()) {
                            String id = open.get(r.nextInt(open.size())).id();
                            tryIt(() -> s.group().voidEntry(id, "Typed by mistake"));
                        }
                    }
                    s.group().closeMeeting(null);
                    if (r.nextInt(3) == 0) {
                        s.group().reopenMeeting(null);
                        s.group().fine(names.get(r.nextInt(names.size())), "late", null);
                        s.group().closeMeeting(null);
                    }
                    balanced(s, seed);
                }
                // the last meeting: every loan is repaid, or the rest of its principal written off
                s.group().openMeeting(LocalDate.of(2026, 7, 5));
                boolean wroteOff = false;
                for (GroupService.Loan l : s.group().loans()) {
                    long left = l.schedule().totalDue() - l.repaid();
                    if (left <= 0 || l.writtenOff() > 0) {
                        continue;
                    }
                    if (!wroteOff && l.position().principalOwed() > 0) {
                        s.group().writeOff(l.id(), "Assembly decision");
                        wroteOff = true;
                    } else {
                        s.group().repay(l.id(), money(left));
                    }
                }
                GroupService.ShareOutView v = s.group().shareOut();
                ShareOut so = v.result();
                assertEquals(so.distributable(), so.members().stream().mapToLong(ShareOut.Payout::payout).sum(),
                        "seed " + seed);
                assertEquals(v.totals().sharesBought() + v.totals().serviceCharges() + v.totals().fines()
                        - v.totals().writeOffs() - v.totals().expenses(), so.distributable(), "seed " + seed);
                s.group().closeMeeting(null);
                s.group().postShareOut();
                assertEquals(s.group().socialFund(), s.group().expectedCash(), "seed " + seed);
                balanced(s, seed);
                assertTrue(s.verify().verify().ok(), "seed " + seed);
                String digest = s.verify().digest();
                s.workspace().db().transaction(x -> {
                    new coop.minka.store.Projector(s.workspace().selfId()).rebuild(x);
                    return null;
                });
                assertEquals(digest, s.verify().digest(), "seed " + seed);
            }
        }
    }
}
