package coop.minka.app.report;

import coop.minka.app.Books;

import coop.minka.domain.Account;
import coop.minka.domain.Member;
import coop.minka.domain.Posting;
import coop.minka.domain.Transaction;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/// The plain tables of the books for the CSV export: accounts, members, work categories,
/// transactions (one row per posting, voided ones marked) and work entries (voided marked).
public final class DataTables {
    private DataTables() {
    }

    public static ReportTable accounts(Books b) {
        var close = b.closing();
        List<List<String>> rows = new ArrayList<>();
        for (Account a : b.accounts().values()) {
            Member m = a.memberId() == null ? null : b.members().get(a.memberId());
            rows.add(List.of(a.id(), a.code(), a.name(), a.type().wire(), nz(a.memberId()),
                    m == null ? "" : m.name(), a.archived() ? "yes" : "no",
                    ReportTables.m(close.getOrDefault(a.id(), 0L), b.currency())));
        }
        return new ReportTable("accounts", "Accounts", List.of("ID", "CODE", "NAME", "TYPE", "MEMBER ID", "MEMBER",
                "ARCHIVED", "BALANCE"), flags(7), rows);
    }

    public static ReportTable members(Books b) {
        List<List<String>> rows = new ArrayList<>();
        for (Member m : b.members().values()) {
            rows.add(List.of(m.id(), m.name(), m.gender().wire(), m.joined() == null ? "" : m.joined().toString(),
                    m.status().wire(), nz(m.contact()), nz(m.notes())));
        }
        return new ReportTable("members", "Members", List.of("ID", "NAME", "GENDER", "JOINED", "STATUS", "CONTACT",
                "NOTES"), Collections.nCopies(7, false), rows);
    }

    /// The rate from the beginning, then each rate from a date: `12.00; 15.00 from 2026-03-01`.
    static String rates(WorkCategory c, java.util.Currency cur) {
        List<String> parts = new ArrayList<>();
        for (WorkCategory.Rate r : c.rateHistory()) {
            parts.add(ReportTables.m(r.rateMinor(), cur) + (r.from() == null ? "" : " from " + r.from()));
        }
        return String.join("; ", parts);
    }

    public static ReportTable categories(Books b) {
        List<List<String>> rows = new ArrayList<>();
        for (WorkCategory c : b.categories().values()) {
            rows.add(List.of(c.id(), c.code(), c.name(), c.kind().wire(),
                    rates(c, b.currency())));
        }
        return new ReportTable("categories", "Work categories", List.of("ID", "CODE", "NAME", "KIND", "RATE PER HOUR"),
                flags(4), rows);
    }

    public static ReportTable transactions(List<Transaction> txs, Books b) {
        List<List<String>> rows = new ArrayList<>();
        for (Transaction t : txs) {
            int line = 1;
            for (Posting p : t.postings()) {
                Account a = b.account(p.accountId());
                rows.add(List.of(t.id(), t.date().toString(), t.memo(), nz(t.reference()), Integer.toString(line++),
                        a.code(), a.name(), ReportTables.m(p.amount(), b.currency()), t.voided() ? "yes" : "no",
                        nz(t.voidReason())));
            }
        }
        return new ReportTable("transactions", "Transactions", List.of("ID", "DATE", "MEMO", "REFERENCE", "LINE",
                "ACCOUNT", "ACCOUNT NAME", "AMOUNT", "VOIDED", "VOID REASON"),
                List.of(false, false, false, false, true, false, false, true, false, false), rows);
    }

    public static ReportTable work(List<WorkEntry> entries, Books b) {
        List<List<String>> rows = new ArrayList<>();
        for (WorkEntry e : entries) {
            Member m = b.members().get(e.memberId());
            WorkCategory c = b.categories().get(e.categoryId());
            Member w = e.witnessId() == null ? null : b.members().get(e.witnessId());
            rows.add(List.of(e.id(), e.date().toString(), e.memberId(), m == null ? "?" : m.name(),
                    m == null ? "" : m.gender().wire(), c == null ? "?" : c.code(), ReportTables.h(e.minutes()),
                    ReportTables.m(e.voided() ? 0 : WorkFigures.value(e, c), b.currency()), nz(e.note()),
                    w == null ? "" : w.name(), nz(e.workDayId()), e.voided() ? "yes" : "no", nz(e.voidReason())));
        }
        return new ReportTable("work-entries", "Work entries", List.of("ID", "DATE", "MEMBER ID", "MEMBER", "GENDER",
                "CATEGORY", "HOURS", "VALUE", "NOTE", "WITNESS", "WORK DAY", "VOIDED", "VOID REASON"),
                List.of(false, false, false, false, false, false, true, true, false, false, false, false, false), rows);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static List<Boolean> flags(int text) {
        List<Boolean> f = new ArrayList<>(Collections.nCopies(text, false));
        f.add(true);
        return f;
    }
}
