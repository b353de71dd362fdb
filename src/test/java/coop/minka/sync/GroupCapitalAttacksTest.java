package coop.minka.sync;

import static coop.minka.store.schema.Tables.GROUP_ENTRY;
import static coop.minka.sync.TestCoop.assertHeldInvalid;
import static coop.minka.sync.TestCoop.assertVerifies;
import static coop.minka.sync.TestCoop.heldInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.GroupBacking;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.Projector;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Signed forgeries against the savings group and the share register (issue 14, design notes
/// 32–37) by an admitted laptop turned hostile: each entry is held invalid with its reason, or
/// stands, the same on every laptop whatever order and however its entries arrive, a rebuild
/// included; the books balance and `verify` passes.
class GroupCapitalAttacksTest {
    @TempDir
    Path tmp;

    /// A cycle and an open meeting on `a` with two shares bought for Ana (so her savings account
    /// exists), carried to every laptop. Returns {meeting id, Ana's savings account id}.
    static String[] meeting(TestCoop c) {
        Village a = c.a();
        a.s.group().startCycle(LocalDate.of(2026, 6, 1), "10.00", 1, 5, "2.00", "10", "flat", null, null, Map.of());
        String meeting = a.s.group().openMeeting(LocalDate.of(2026, 6, 2)).id();
        a.s.group().buyShares("Ana", 2);
        String savings = a.s.ledger().accounts().stream().filter(x -> x.account().code().startsWith("2000-"))
                .findFirst().orElseThrow().account().id();
        c.fromATo(c.laptops);
        return new String[] {meeting, savings};
    }

    /// A forged share-out for a token amount (0.01 from Ana's savings to the cash box, correctly
    /// signed by an admitted laptop) against a running cycle: it is held (`shareout-mismatch`) on
    /// every laptop whether it arrives before or after the honest meeting's next entries, the
    /// cycle is not frozen (an expense and the real share-out are still taken), and every laptop,
    /// and a rebuild, agree.
    @Test
    void aForgedTokenShareOutDoesNotFreezeTheCycle() {
        try (TestCoop c = TestCoop.found(tmp, "b", "c")) {
            Village a = c.a();
            Village b = c.get("b");
            Village cc = c.get("c");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            String[] m = meeting(c);
            String cycle = a.s.group().cycle().orElseThrow().id();

            long from = h.seq() + 1;
            String tx = ForgeKit.ownedId(h.author.id());
            h.append(OpType.TX_POST, tx, TestCoop.tx("2026-06-02", "Share-out", m[1], 1L, c.cash, -1L));
            Op token = h.append(OpType.GROUP_SHAREOUT, ForgeKit.ownedId(h.author.id()), OpData.builder()
                    .put("cycle", cycle).put("date", "2026-06-02").put("distributable", 1L).put("tx", tx).build());
            Path hostile = c.forged(h, from, h.seq());

            a.sync.importBundle(hostile); // a: the forgery first, then its own entries
            assertFalse(a.s.group().shareOut().posted(), "the cycle is still running");
            a.s.group().expense("3.00", "Cuaderno");
            Path honest = a.exportFull(c.dir());
            b.sync.importBundle(hostile); // b: the forgery, then a's entries
            b.sync.importBundle(honest);
            cc.sync.importBundle(honest); // c: a's entries, then the forgery
            cc.sync.importBundle(hostile);

            for (Village v : List.of(a, b, cc)) {
                assertHeldInvalid(v, token);
                assertEquals(coop.minka.domain.GroupBook.SHAREOUT_MISMATCH, reasonOf(v, token), "on " + v.id());
                assertFalse(v.s.group().shareOut().posted(), "on " + v.id());
                assertEquals(2000 - 300, v.s.group().shareOut().result().distributable(), "shares less the expense");
                TestCoop.assertBooksSumToZero(v);
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            assertEquals(a.digest(), cc.digest());
            assertEquals(a.digest(), rebuilt(a));
            a.s.group().closeMeeting(null);
            assertEquals(1700, a.s.group().postShareOut().result().distributable(), "the real share-out is taken");
        }
    }

    /// A group entry signed before the transaction it names, and the two sent in two files (the
    /// entry first): a laptop reading them one file at a time must come to the verdict of a
    /// laptop reading them in one file, and of a rebuild — the entry stands once its transaction
    /// is held, as it does once its account or meeting arrives.
    @Test
    void anEntryWhoseTransactionComesInALaterFileStandsOnceItArrives() {
        try (TestCoop c = TestCoop.found(tmp, "b", "c")) {
            Village a = c.a();
            Village b = c.get("b");
            Village cc = c.get("c");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            String[] m = meeting(c);

            long from = h.seq() + 1;
            String tx = ForgeKit.ownedId(h.author.id());
            Op entry = h.append(OpType.GROUP_SHARES, ForgeKit.ownedId(h.author.id()), shares(m[0], c.ana, 1, 1000, tx));
            h.append(OpType.TX_POST, tx, TestCoop.tx("2026-06-02", "Shares", c.cash, 1000L, m[1], -1000L));
            Path first = c.forged(h, from, from);
            Path second = c.forged(h, from + 1, h.seq());
            Path whole = c.forged(h, from, h.seq());

            b.sync.importBundle(first);
            assertHeldInvalid(b, entry); // its transaction is not here yet
            b.sync.importBundle(second);
            cc.sync.importBundle(whole);
            a.sync.importBundle(second);
            a.sync.importBundle(first);

            for (Village v : List.of(a, b, cc)) {
                assertFalse(heldInvalid(v, entry), "held on " + v.id());
                assertEquals(3, v.s.group().shareOut().result().totalShares(), "on " + v.id());
                assertVerifies(v);
            }
            assertEquals(cc.digest(), b.digest());
            assertEquals(cc.digest(), a.digest());
            assertEquals(b.digest(), rebuilt(b));
        }
    }

    /// Entries that name an entity of the wrong kind or another member's: a repayment of Ana's
    /// loan whose transaction repays Juan's, repayments naming a meeting or a share entry as their
    /// loan, shares naming a loan as their meeting, a write-off of a share entry, voids of a
    /// cycle and of a transaction; and an honest laptop's entry replayed under the hostile
    /// laptop's key with the same id. Each is held invalid on every laptop; a fair repayment by the
    /// same laptop stands; the digest is the same on three laptops and after a rebuild.
    @Test
    void entriesNamingTheWrongKindOfEntityOrAnotherMembersLoanAreHeld() {
        try (TestCoop c = TestCoop.found(tmp, "b", "c")) {
            Village a = c.a();
            Village b = c.get("b");
            Village cc = c.get("c");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            a.s.members().add("Juan", coop.minka.domain.Gender.MAN, null, null, null);
            String[] m = meeting(c);
            a.s.group().buyShares("Juan", 2);
            var anaLoan = a.s.group().issueLoan("Ana", "10.00", 2);
            var juanLoan = a.s.group().issueLoan("Juan", "10.00", 2);
            String cycle = a.s.group().cycle().orElseThrow().id();
            String anaLoanAccount = account(a, "1200-", anaLoan.member());
            String juanLoanAccount = account(a, "1200-", juanLoan.member());
            String anaShares = a.s.workspace().db().read(d -> d.select(GROUP_ENTRY.ID).from(GROUP_ENTRY)
                    .where(GROUP_ENTRY.TYPE.eq(OpType.GROUP_SHARES)).orderBy(GROUP_ENTRY.HLC).limit(1)
                    .fetchOne(GROUP_ENTRY.ID));
            Path honest = a.exportFull(c.dir());
            Op replayed = a.s.workspace().db().read(d -> {
                List<Op> out = new java.util.ArrayList<>();
                coop.minka.store.OpStore.forEach(d, op -> {
                    if (op.type().equals(OpType.GROUP_SHARES)) {
                        out.add(op);
                    }
                });
                return out.getFirst();
            });

            long from = h.seq() + 1;
            String own = h.author.id();
            // Ana's loan named, Juan's loan account repaid
            String t1 = repayTx(h, c.cash, juanLoanAccount, 500);
            Op otherMember = h.append(OpType.GROUP_LOAN_REPAY, ForgeKit.ownedId(own), repay(m[0], anaLoan.id(), 500, t1));
            // a meeting, then a share entry, named as the loan
            String t2 = repayTx(h, c.cash, anaLoanAccount, 500);
            Op meetingAsLoan = h.append(OpType.GROUP_LOAN_REPAY, ForgeKit.ownedId(own), repay(m[0], m[0], 500, t2));
            String t3 = repayTx(h, c.cash, anaLoanAccount, 500);
            Op sharesAsLoan = h.append(OpType.GROUP_LOAN_REPAY, ForgeKit.ownedId(own), repay(m[0], anaShares, 500, t3));
            // shares "at" a loan, and at the cycle, instead of a meeting
            String t4 = h.append(OpType.TX_POST, ForgeKit.ownedId(own), TestCoop.tx("2026-06-02", "Shares", c.cash,
                    1000L, m[1], -1000L)).entity();
            Op loanAsMeeting = h.append(OpType.GROUP_SHARES, ForgeKit.ownedId(own), shares(anaLoan.id(), c.ana, 1, 1000, t4));
            String t5 = h.append(OpType.TX_POST, ForgeKit.ownedId(own), TestCoop.tx("2026-06-02", "Shares", c.cash,
                    1000L, m[1], -1000L)).entity();
            Op cycleAsMeeting = h.append(OpType.GROUP_SHARES, ForgeKit.ownedId(own), shares(cycle, c.ana, 1, 1000, t5));
            // a share entry written off as if it were a loan
            String t6 = h.append(OpType.TX_POST, ForgeKit.ownedId(own), TestCoop.tx("2026-06-02", "Write-off",
                    c.expenses, 100L, m[1], -100L)).entity();
            Op writeOffShares = h.append(OpType.GROUP_LOAN_WRITEOFF, ForgeKit.ownedId(own), OpData.builder()
                    .put("meeting", m[0]).put("loan", anaShares).put("member", c.ana).put("amount", 100L)
                    .put("reason", "x").put("tx", t6).build());
            // voids of a cycle and of a transaction, which are not group entries
            Op voidCycle = h.append(OpType.GROUP_VOID, ForgeKit.ownedId(own), OpData.builder().put("entry", cycle)
                    .put("reason", "x").build());
            Op voidTx = h.append(OpType.GROUP_VOID, ForgeKit.ownedId(own), OpData.builder().put("entry", t4)
                    .put("reason", "x").build());
            // an honest laptop's shares entry, same id and data, signed by the hostile laptop
            Op replay = h.append(OpType.GROUP_SHARES, replayed.entity(), replayed.data());
            // the control: a fair repayment of Ana's loan by this laptop
            String t7 = repayTx(h, c.cash, anaLoanAccount, 500);
            Op fair = h.append(OpType.GROUP_LOAN_REPAY, ForgeKit.ownedId(own), repay(m[0], anaLoan.id(), 500, t7));
            Path hostile = c.forged(h, from, h.seq());

            b.sync.importBundle(hostile); // b and c already hold a's entries up to the meeting
            b.sync.importBundle(honest);
            cc.sync.importBundle(honest);
            cc.sync.importBundle(hostile);
            a.sync.importBundle(hostile);

            for (Village v : List.of(a, b, cc)) {
                for (Op bad : List.of(otherMember, meetingAsLoan, sharesAsLoan, loanAsMeeting, cycleAsMeeting,
                        writeOffShares)) {
                    assertEquals(GroupBacking.MISMATCH, reasonOf(v, bad), bad.type() + " on " + v.id());
                }
                assertEquals(coop.minka.domain.GroupBook.UNKNOWN_ENTRY, reasonOf(v, voidCycle));
                assertEquals(coop.minka.domain.GroupBook.UNKNOWN_ENTRY, reasonOf(v, voidTx));
                assertEquals("id-not-owned", reasonOf(v, replay));
                assertFalse(heldInvalid(v, fair), "the fair repayment stands on " + v.id());
                assertEquals(500, v.s.group().loan(anaLoan.id()).repaid(), "only the fair repayment, on " + v.id());
                assertEquals(0, v.s.group().loan(juanLoan.id()).repaid());
                assertEquals(4, v.s.group().shareOut().result().totalShares(), "the replay is no fifth share");
                TestCoop.assertBooksSumToZero(v);
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            assertEquals(a.digest(), cc.digest());
            assertEquals(b.digest(), rebuilt(b));
        }
    }

    /// An `account.update` giving Ana's savings account to Juan: the savings group reads a
    /// member's shares by the account's member (design notes 37), so it would have held every
    /// honest share entry of Ana's as unbacked and taken her savings out of the share-out. The
    /// member of an account is fixed at creation, like its code and type: the update is held
    /// (`fixed-field`) and Ana's shares stand, on every laptop and after a rebuild.
    @Test
    void anAccountUpdateMovingAMembersSavingsToAnotherMemberIsHeld() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            String juan = a.s.members().add("Juan", coop.minka.domain.Gender.MAN, null, null, null).id();
            String[] m = meeting(c);
            Op base = a.s.workspace().db().read(d -> Projector.latestCounted(d, m[1]).orElseThrow());
            long from = h.seq() + 1;
            Op moved = h.append(OpType.ACCOUNT_UPDATE, m[1], OpData.builder()
                    .put("base", java.util.HexFormat.of().formatHex(base.hash())).put("member", juan).build());
            Path hostile = c.forged(h, from, h.seq());
            a.sync.importBundle(hostile);
            b.sync.importBundle(hostile);
            for (Village v : List.of(a, b)) {
                assertEquals(coop.minka.domain.OpRules.FIXED_FIELD, reasonOf(v, moved), "on " + v.id());
                assertEquals(2, v.s.group().shareOut().result().totalShares(), "Ana's shares stand on " + v.id());
                assertTrue(TestCoop.invalidRows(v).stream().noneMatch(r -> GroupBacking.MISMATCH.equals(r.get("reason"))));
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            assertEquals(a.digest(), rebuilt(a));
        }
    }

    /// (c) One transaction named by several entries: by two group entries of its own author (the
    /// earliest by stamp counts, the other is held), by another laptop's entry (held: not its
    /// transaction), and by a share-register entry of the same author (held: a savings payment is
    /// not capital). The money counts once in the group, the books hold the transaction once.
    @Test
    void oneTransactionBacksOneEntryOnly() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            ForgeKit.Chain k = c.admittedHostile("Second hostile");
            String[] m = meeting(c);
            long from = h.seq() + 1;
            String tx = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()), TestCoop.tx("2026-06-02", "Shares",
                    c.cash, 1000L, m[1], -1000L)).entity();
            Op first = h.append(OpType.GROUP_SHARES, ForgeKit.ownedId(h.author.id()), shares(m[0], c.ana, 1, 1000, tx));
            Op again = h.append(OpType.GROUP_SHARES, ForgeKit.ownedId(h.author.id()), shares(m[0], c.ana, 1, 1000, tx));
            Op capital = h.append(OpType.CAPITAL_SUBSCRIBE, ForgeKit.ownedId(h.author.id()), OpData.builder()
                    .put("member", c.ana).put("shares", 10L).put("price", 100L).put("amount", 1000L)
                    .put("date", "2026-06-02").put("tx", tx).build());
            long fromK = k.seq() + 1;
            Op other = k.append(OpType.GROUP_SHARES, ForgeKit.ownedId(k.author.id()), shares(m[0], c.ana, 1, 1000, tx));
            Path fromH = c.forged(h, from, h.seq());
            Path fromOther = c.forged(k, fromK, k.seq());
            a.sync.importBundle(fromH);
            a.sync.importBundle(fromOther);
            b.sync.importBundle(fromOther); // b: the other laptop's claim first
            b.sync.importBundle(fromH);
            for (Village v : List.of(a, b)) {
                assertFalse(heldInvalid(v, first), "on " + v.id());
                assertEquals(GroupBacking.MISMATCH, reasonOf(v, again));
                assertEquals(GroupBacking.MISMATCH, reasonOf(v, other));
                assertEquals(coop.minka.domain.CapitalRegister.TX_MISMATCH, reasonOf(v, capital));
                assertEquals(3, v.s.group().shareOut().result().totalShares());
                assertTrue(v.s.capital().register().isEmpty());
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            assertEquals(b.digest(), rebuilt(b));
        }
    }

    private static String account(Village v, String prefix, String member) {
        return v.s.ledger().accounts().stream().filter(x -> x.account().code().startsWith(prefix)
                && member.equals(x.account().memberId())).findFirst().orElseThrow().account().id();
    }

    private static String repayTx(ForgeKit.Chain h, String cash, String loanAccount, long principal) {
        return h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()), TestCoop.tx("2026-06-02", "Repaid", cash,
                principal, loanAccount, -principal)).entity();
    }

    private static OpData repay(String meeting, String loan, long principal, String tx) {
        return OpData.builder().put("meeting", meeting).put("loan", loan).put("amount", principal).put("charge", 0L)
                .put("principal", principal).put("tx", tx).build();
    }

    /// (a) A hostile laptop voids another laptop's shares of a closed meeting: its `group.void`
    /// is held (`meeting-closed`), but the `tx.void` it sends with it is an ordinary void and takes
    /// the transaction out of the books — and the group's figures follow the books, not the held
    /// void: the shares are gone from the share-out and from Ana's savings alike. The same for the
    /// social contribution voided with `tx.void` alone. Same state on three laptops, a rebuild too.
    @Test
    void aHostileVoidOfAClosedMeetingsEntryLeavesTheGroupFiguresAndTheBooksAgreeing() {
        try (TestCoop c = TestCoop.found(tmp, "b", "c")) {
            Village a = c.a();
            Village b = c.get("b");
            Village cc = c.get("c");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            String[] m = meeting(c);
            a.s.group().paySocial("Ana");
            a.s.group().closeMeeting(null);
            a.s.group().openMeeting(LocalDate.of(2026, 6, 9));
            Path honest = a.exportFull(c.dir());
            b.sync.importBundle(honest);
            String sharesTx = groupEntry(a, OpType.GROUP_SHARES, GROUP_ENTRY.TX);
            String sharesId = groupEntry(a, OpType.GROUP_SHARES, GROUP_ENTRY.ID);
            String socialTx = groupEntry(a, OpType.GROUP_SOCIAL, GROUP_ENTRY.TX);

            long after = maxHlc(a) + 1000;
            long from = h.seq() + 1;
            h.appendAt(after, OpType.TX_VOID, sharesTx, OpData.builder().put("reason", "gone").build());
            Op groupVoid = h.appendAt(after + 1, OpType.GROUP_VOID, ForgeKit.ownedId(h.author.id()),
                    OpData.builder().put("entry", sharesId).put("reason", "gone").build());
            h.appendAt(after + 2, OpType.TX_VOID, socialTx, OpData.builder().put("reason", "gone").build());
            Path hostile = c.forged(h, from, h.seq());

            a.sync.importBundle(hostile);
            b.sync.importBundle(hostile);
            cc.sync.importBundle(hostile); // c: the voids before the entries they name
            cc.sync.importBundle(honest);

            for (Village v : List.of(a, b, cc)) {
                assertEquals(coop.minka.domain.GroupBook.MEETING_CLOSED, reasonOf(v, groupVoid), "on " + v.id());
                assertEquals(0, v.s.group().shareOut().result().totalShares(), "the shares left with their money");
                assertEquals(0, savingsOf(v, c.ana));
                assertEquals(0, v.s.group().socialFund());
                assertEquals(-v.s.group().socialFund(), TestCoop.balance(v, "3000"));
                TestCoop.assertBooksSumToZero(v);
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            assertEquals(a.digest(), cc.digest());
            assertEquals(cc.digest(), rebuilt(cc));
        }
    }

    /// (d) Two honest laptops each post the cycle's share-out offline. The one stamped first is
    /// the cycle's share-out; the other is held (`shareout-mismatch`, a second share-out), and its
    /// transaction stays in the books — the money was handed out twice — for the treasurer to see
    /// and void: Ana's savings account is overdrawn by what she was paid twice and the cash box
    /// short by it. Both laptops agree, a rebuild too.
    @Test
    void twoShareOutsPostedOfflineOneStandsAndTheBooksShowTheDoublePayment() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            meeting(c);
            a.s.group().closeMeeting(null);
            c.fromATo(c.laptops);
            long cashBefore = TestCoop.balance(a, "1000");
            a.s.group().postShareOut();
            b.s.group().postShareOut();
            Path fromA = a.exportFull(c.dir());
            Path fromB = b.exportFull(c.dir());
            a.sync.importBundle(fromB);
            b.sync.importBundle(fromA);

            for (Village v : List.of(a, b)) {
                assertTrue(v.s.group().shareOut().posted());
                var rows = TestCoop.invalidRows(v);
                assertEquals(1, rows.size(), "one share-out held on " + v.id());
                assertEquals(coop.minka.domain.GroupBook.SHAREOUT_MISMATCH, rows.getFirst().get("reason"));
                assertEquals(2000, savingsOf(v, c.ana), "Ana's 20.00 paid back twice");
                assertEquals(cashBefore - 2 * 2000, TestCoop.balance(v, "1000"));
                TestCoop.assertBooksSumToZero(v);
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            assertEquals(a.digest(), rebuilt(a));
        }
    }

    /// (e) A laptop whose clock lies signs redemptions of Ana's shares stamped far in the past
    /// (before her subscription), just after the subscription (ahead of an honest redemption typed
    /// later), and far in the future. The register is judged in stamp order on every laptop: the
    /// past one is held (`capital-over-holding`), the one slipped in before the honest redemption
    /// stands and the honest one still fits, the future one is held since nothing is left. Its
    /// transactions keep counting (design notes 35). Same register and digest on three laptops
    /// whatever arrived first, and after a rebuild.
    @Test
    void redemptionsStampedByALyingClockAreJudgedInStampOrderEverywhere() {
        try (TestCoop c = TestCoop.found(tmp, "b", "c")) {
            Village a = c.a();
            Village b = c.get("b");
            Village cc = c.get("c");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            a.s.capital().subscribe("Ana", 10, "1.00", LocalDate.of(2026, 1, 10));
            long subscribed = maxHlc(a);
            Path subscription = a.exportFull(c.dir());
            cc.sync.importBundle(subscription);

            long from = h.seq() + 1;
            String capital = ForgeKit.ownedId(h.author.id());
            h.appendAt(1_000L, OpType.ACCOUNT_ADD, capital, OpData.builder().put("code", "3200-ana")
                    .put("name", "Capital Ana").put("type", "equity").put("member", c.ana).build());
            Op past = redeem(c, h, capital, 1, 1_001L);
            Op slipped = redeem(c, h, capital, 6, subscribed + 1);
            Op future = redeem(c, h, capital, 1, subscribed + 10L * 365 * 24 * 3600 * 1000 * 65536);
            Path hostile = c.forged(h, from, h.seq());

            b.sync.importBundle(hostile); // b: before the subscription
            cc.sync.importBundle(hostile); // c: after it, before the honest redemption
            a.s.capital().redeem("Ana", 4, LocalDate.of(2026, 1, 11)); // typed on a, before the hostile file
            Path honest = a.exportFull(c.dir());
            a.sync.importBundle(hostile);
            b.sync.importBundle(honest);
            cc.sync.importBundle(honest);

            for (Village v : List.of(a, b, cc)) {
                assertEquals(coop.minka.domain.CapitalRegister.OVER_HOLDING, reasonOf(v, past), "on " + v.id());
                assertFalse(heldInvalid(v, slipped), "on " + v.id());
                assertEquals(coop.minka.domain.CapitalRegister.OVER_HOLDING, reasonOf(v, future), "on " + v.id());
                assertEquals(0, v.s.capital().statement("Ana").position().sharesHeld());
                assertEquals(a.s.capital().register(), v.s.capital().register());
                TestCoop.assertBooksSumToZero(v);
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            assertEquals(a.digest(), cc.digest());
            assertEquals(b.digest(), rebuilt(b));
        }
    }

    private static Op redeem(TestCoop c, ForgeKit.Chain h, String capital, long shares, long stamp) {
        String tx = ForgeKit.ownedId(h.author.id());
        h.appendAt(stamp, OpType.TX_POST, tx, TestCoop.tx("2026-01-10", "Paid back", capital, shares * 100,
                c.cash, -shares * 100));
        return h.appendAt(stamp, OpType.CAPITAL_REDEEM, ForgeKit.ownedId(h.author.id()), OpData.builder()
                .put("member", c.ana).put("shares", shares).put("price", 100L).put("amount", shares * 100)
                .put("date", "2026-01-10").put("tx", tx).build());
    }

    private static String groupEntry(Village v, String type, org.jooq.TableField<?, String> field) {
        return v.s.workspace().db().read(d -> d.select(field).from(GROUP_ENTRY).where(GROUP_ENTRY.TYPE.eq(type))
                .orderBy(GROUP_ENTRY.HLC).limit(1).fetchOne(field));
    }

    private static long maxHlc(Village v) {
        List<Long> all = new java.util.ArrayList<>();
        v.s.workspace().db().read(d -> {
            coop.minka.store.OpStore.forEach(d, op -> all.add(op.hlc()));
            return null;
        });
        return all.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    static OpData shares(String meeting, String member, long count, long amount, String tx) {
        return OpData.builder().put("meeting", meeting).put("member", member).put("count", count)
                .put("amount", amount).put("tx", tx).build();
    }

    static String rebuilt(Village v) {
        v.s.workspace().db().transaction(s -> {
            new Projector(v.id()).rebuild(s);
            return null;
        });
        return v.digest();
    }

    static String reasonOf(Village v, Op op) {
        return TestCoop.invalidRows(v).stream()
                .filter(r -> op.replica().equals(r.get("replica")) && Long.toString(op.seq()).equals(r.get("seq")))
                .map(r -> r.get("reason")).findFirst().orElse("");
    }

    /// Ana's savings: the balance of her `2000-…` accounts.
    private static long savingsOf(Village v, String member) {
        return v.s.ledger().accounts().stream().filter(x -> x.account().code().startsWith("2000-")
                && member.equals(x.account().memberId())).mapToLong(coop.minka.app.LedgerService.AccountBalance::balance)
                .sum();
    }
}
