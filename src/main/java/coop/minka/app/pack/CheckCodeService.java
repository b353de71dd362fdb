package coop.minka.app.pack;

import coop.minka.app.Books;
import coop.minka.app.DateRange;
import coop.minka.app.GroupService;
import coop.minka.app.Workspace;

import coop.minka.domain.Account;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Member;
import coop.minka.domain.MinkaException;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import coop.minka.store.ReportRepository.PostingLine;
import coop.minka.store.StateDump;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/// Check codes: a digest of the period's figures that any laptop holding the same entries
/// computes alike, so members can compare a printed pack with the books on another laptop.
///
/// The digest is SHA-256 over a canonical encoding (every value type-tagged and
/// length-prefixed, so no two different books encode alike) of: the format name, the
/// cooperative's id, name and currency, the period; the accounts the period's books touch
/// (id, code, name, type, member: every open account and any
/// archived one with postings) and their balances before the period; every non-voided
/// transaction dated in the period (id, date, memo, reference, postings in line order); the
/// members who get a statement or did work (id, name, gender, status); the categories of the
/// work; every non-voided work entry dated in the period; and, when the period has any, the
/// savings group's papers as printed (design note 34). Lists are sorted by id, so the
/// order in which laptops received the entries does not matter. Anything the pack prints
/// changes the code; entries outside the period do not, except through opening balances.
public final class CheckCodeService {
    static final String FORMAT = "minka-check/1";
    private final Workspace ws;

    public CheckCodeService(Workspace ws) {
        this.ws = ws;
    }

    /// The check code of the period on this laptop's books.
    public CheckCode compute(LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        return ws.read(s -> compute(Books.load(s, from, to), GroupService.papers(s, from, to)));
    }

    /// Checks a code as typed against this laptop's books: returns it when they give the same
    /// code; otherwise `CODE_MISMATCH` (or `BAD_CHECK_CODE` for a code with a typo).
    public CheckCode verify(String typed, LocalDate from, LocalDate to) {
        CheckCode given = CheckCode.parse(typed, from, to);
        CheckCode here = compute(given.from(), given.to());
        if (!here.code().equals(given.code())) {
            throw new MinkaException(ErrorCode.CODE_MISMATCH, given.text());
        }
        return here;
    }

    public static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "--from");
        }
        if (to == null) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "--to");
        }
        DateRange.check(from, to);
    }

    /// The check code of the books and the savings group's papers of the same period.
    public static CheckCode compute(Books b, GroupService.Papers papers) {
        return new CheckCode(b.from(), b.to(), CheckCode.fromDigest(digest(b, papers)));
    }

    /// The digest of the books and, when the period has any, the savings group's papers (design
    /// note 34): without papers (null or empty) nothing is added, so the codes of books without
    /// a savings group stay as they were. The papers are encoded as printed: each closed meeting's sheet
    /// (meeting id, date, cycle, expected, counted; each line's member, name, attendance,
    /// shares, savings, social fund, repaid, fines, lent; the loans issued with their terms) and
    /// each share-out posted in the period (cycle, date, distributable, shares, value per share,
    /// social fund, each member's shares and payout).
    public static byte[] digest(Books b, GroupService.Papers papers) {
        Canon c = canon(b);
        if (papers != null && !papers.isEmpty()) {
            c.put("group").put(papers.meetings().size());
            for (GroupService.MeetingSheet m : papers.meetings()) {
                c.put(m.meeting().id()).put(m.meeting().date().toString()).put(m.meeting().cycle())
                        .put(m.expected()).put(m.counted()).put(m.lines().size());
                for (GroupService.SheetLine l : m.lines()) {
                    c.put(l.member()).put(l.name()).put(l.attendance()).put(l.shares()).put(l.savings())
                            .put(l.social()).put(l.repaid()).put(l.fines()).put(l.lent());
                }
                c.put(m.loans().size());
                for (GroupService.Loan l : m.loans()) {
                    c.put(l.id()).put(l.member()).put(l.issued().toString()).put(l.principal()).put(l.months())
                            .put(l.schedule().chargeBpPerMonth()).put(l.schedule().method().wire());
                }
            }
            c.put("share-outs").put(papers.shareOuts().size());
            for (GroupService.PostedShareOut p : papers.shareOuts()) {
                var r = p.view().result();
                c.put(p.view().cycle().id()).put(p.date().toString()).put(r.distributable()).put(r.totalShares())
                        .put(r.valuePerShare()).put(r.socialFund()).put(r.members().size());
                r.members().forEach(x -> c.put(x.member()).put(p.view().names().get(x.member())).put(x.shares())
                        .put(x.payout()));
            }
        }
        return c.digest();
    }

    private static Canon canon(Books b) {
        Canon c = new Canon();
        c.put(FORMAT).put(b.coop().id()).put(b.coop().name()).put(b.currency().getCurrencyCode())
                .put(String.valueOf(b.from())).put(String.valueOf(b.to()));
        Map<String, Long> opening = new TreeMap<>(b.opening());
        TreeSet<String> accountIds = new TreeSet<>();
        b.postings().forEach(p -> accountIds.add(p.accountId()));
        b.accounts().values().stream().filter(a -> !a.archived()).forEach(a -> accountIds.add(a.id()));
        c.put("accounts").put(accountIds.size());
        for (String id : accountIds) {
            Account a = b.account(id);
            c.put(id).put(a.code()).put(a.name()).put(a.type().wire()).put(a.memberId());
        }
        opening.values().removeIf(v -> v == 0);
        c.put("opening").put(opening.size());
        opening.forEach((id, v) -> c.put(id).put(v));
        Map<String, List<PostingLine>> txs = new TreeMap<>();
        b.periodPostings().forEach(p -> txs.computeIfAbsent(p.txId(), k -> new ArrayList<>()).add(p));
        c.put("transactions").put(txs.size());
        txs.forEach((id, ps) -> {
            PostingLine first = ps.getFirst();
            c.put(id).put(first.date().toString()).put(first.memo()).put(first.reference()).put(ps.size());
            ps.stream().sorted(Comparator.comparingInt(PostingLine::line))
                    .forEach(p -> c.put(p.line()).put(p.accountId()).put(p.amount()));
        });
        TreeSet<String> memberIds = new TreeSet<>();
        b.statementMembers().forEach(m -> memberIds.add(m.id()));
        b.work().forEach(e -> memberIds.add(e.memberId()));
        accountIds.forEach(id -> {
            if (b.account(id).memberId() != null) {
                memberIds.add(b.account(id).memberId());
            }
        });
        c.put("members").put(memberIds.size());
        for (String id : memberIds) {
            Member m = b.members().get(id);
            c.put(id).put(m == null ? null : m.name()).put(m == null ? null : m.gender().wire())
                    .put(m == null ? null : m.status().wire());
        }
        TreeSet<String> catIds = new TreeSet<>();
        b.work().forEach(e -> catIds.add(e.categoryId()));
        c.put("categories").put(catIds.size());
        for (String id : catIds) {
            WorkCategory k = b.categories().get(id);
            c.put(id).put(k == null ? null : k.code()).put(k == null ? null : k.name())
                    .put(k == null ? null : k.rateMinor()).put(k == null ? null : k.kind().wire());
            if (k != null && !k.ratesFrom().isEmpty()) { // only then, so earlier codes stay as they were
                c.put("rates").put(k.ratesFrom().size());
                k.ratesFrom().forEach((from, rate) -> c.put(from.toString()).put(rate));
            }
        }
        List<WorkEntry> work = new ArrayList<>(b.work());
        work.sort(Comparator.comparing(WorkEntry::id));
        c.put("work").put(work.size());
        for (WorkEntry e : work) {
            c.put(e.id()).put(e.memberId()).put(e.date().toString()).put(e.minutes()).put(e.categoryId())
                    .put(e.note()).put(e.witnessId()).put(e.workDayId());
        }
        return c;
    }

    /// Type-tagged, length-prefixed values fed to SHA-256.
    private static final class Canon {
        private final MessageDigest md;

        Canon() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Canon put(Object v) {
            StateDump.write(md, v);
            return this;
        }

        byte[] digest() {
            return md.digest();
        }
    }
}
