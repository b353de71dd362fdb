package coop.minka.sync;

import static coop.minka.store.schema.Tables.GROUP_ENTRY;
import static coop.minka.sync.TestCoop.assertHeldInvalid;
import static coop.minka.sync.TestCoop.assertVerifies;
import static coop.minka.sync.TestCoop.heldInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
    private static String[] meeting(TestCoop c) {
        Village a = c.a();
        a.s.group().startCycle(LocalDate.of(2026, 6, 1), "10.00", 1, 5, "2.00", "10", "flat", null, null, Map.of());
        String meeting = a.s.group().openMeeting(LocalDate.of(2026, 6, 2)).id();
        a.s.group().buyShares("Ana", 2);
        String savings = a.s.ledger().accounts().stream().filter(x -> x.account().code().startsWith("2000-"))
                .findFirst().orElseThrow().account().id();
        c.fromATo(c.laptops);
        return new String[] {meeting, savings};
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
}
