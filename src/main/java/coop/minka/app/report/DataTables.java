package coop.minka.app.report;

import coop.minka.app.Books;
import coop.minka.app.Words;

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
/// Titles and column headers are in the language of the [Words] given (English without);
/// the cells keep their codes (`asset`, `woman`, `yes`/`no`) for programs.
public final class DataTables {
    private DataTables() {
    }

    public static ReportTable accounts(Books b) {
        return accounts(b, Words.ENGLISH);
    }

    public static ReportTable accounts(Books b, Words w) {
        var close = b.closing();
        List<List<String>> rows = new ArrayList<>();
        for (Account a : b.accounts().values()) {
            Member m = a.memberId() == null ? null : b.members().get(a.memberId());
            rows.add(List.of(a.id(), a.code(), a.name(), a.type().wire(), nz(a.memberId()),
                    m == null ? "" : m.name(), a.archived() ? "yes" : "no",
                    ReportTables.m(close.getOrDefault(a.id(), 0L), b.currency())));
        }
        return new ReportTable("accounts", w.t("table.accounts"), ReportTables.headers(w,
                "csv.col.id", "csv.col.code", "csv.col.name", "csv.col.type", "csv.col.member-id", "csv.col.member",
                "csv.col.archived", "csv.col.balance"), flags(7), rows);
    }

    public static ReportTable members(Books b) {
        return members(b, Words.ENGLISH);
    }

    public static ReportTable members(Books b, Words w) {
        List<List<String>> rows = new ArrayList<>();
        for (Member m : b.members().values()) {
            rows.add(List.of(m.id(), m.name(), m.gender().wire(), m.joined() == null ? "" : m.joined().toString(),
                    m.status().wire(), nz(m.contact()), nz(m.notes())));
        }
        return new ReportTable("members", w.t("table.members"), ReportTables.headers(w,
                "csv.col.id", "csv.col.name", "csv.col.gender", "csv.col.joined", "csv.col.status", "csv.col.contact",
                "csv.col.notes"), Collections.nCopies(7, false), rows);
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
        return categories(b, Words.ENGLISH);
    }

    public static ReportTable categories(Books b, Words w) {
        List<List<String>> rows = new ArrayList<>();
        for (WorkCategory c : b.categories().values()) {
            rows.add(List.of(c.id(), c.code(), c.name(), c.kind().wire(),
                    rates(c, b.currency())));
        }
        return new ReportTable("categories", w.t("table.categories"), ReportTables.headers(w,
                "csv.col.id", "csv.col.code", "csv.col.name", "csv.col.kind", "csv.col.rate-per-hour"),
                flags(4), rows);
    }

    public static ReportTable transactions(List<Transaction> txs, Books b) {
        return transactions(txs, b, Words.ENGLISH);
    }

    public static ReportTable transactions(List<Transaction> txs, Books b, Words w) {
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
        return new ReportTable("transactions", w.t("table.transactions"), ReportTables.headers(w,
                "csv.col.id", "csv.col.date", "csv.col.memo", "csv.col.reference", "csv.col.line",
                "csv.col.account", "csv.col.account-name", "csv.col.amount", "csv.col.voided", "csv.col.void-reason"),
                List.of(false, false, false, false, true, false, false, true, false, false), rows);
    }

    public static ReportTable work(List<WorkEntry> entries, Books b) {
        return work(entries, b, Words.ENGLISH);
    }

    public static ReportTable work(List<WorkEntry> entries, Books b, Words w) {
        List<List<String>> rows = new ArrayList<>();
        for (WorkEntry e : entries) {
            Member m = b.members().get(e.memberId());
            WorkCategory c = b.categories().get(e.categoryId());
            Member witness = e.witnessId() == null ? null : b.members().get(e.witnessId());
            rows.add(List.of(e.id(), e.date().toString(), e.memberId(), m == null ? "?" : m.name(),
                    m == null ? "" : m.gender().wire(), c == null ? "?" : c.code(), ReportTables.h(e.minutes()),
                    ReportTables.m(e.voided() ? 0 : WorkFigures.value(e, c), b.currency()), nz(e.note()),
                    witness == null ? "" : witness.name(), nz(e.workDayId()), e.voided() ? "yes" : "no",
                            nz(e.voidReason())));
        }
        return new ReportTable("work-entries", w.t("table.workEntries"), ReportTables.headers(w,
                "csv.col.id", "csv.col.date", "csv.col.member-id", "csv.col.member", "csv.col.gender",
                "csv.col.category", "csv.col.hours", "csv.col.value", "csv.col.note", "csv.col.witness",
                        "csv.col.work-day", "csv.col.voided", "csv.col.void-reason"),
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
