package coop.minka.app.report;

import coop.minka.app.Texts;
import coop.minka.app.Words;

import coop.minka.app.report.RecognitionService.Recognition;
import coop.minka.app.report.RecognitionService.Row;
import coop.minka.app.report.StatementService.AccountBook;
import coop.minka.app.report.StatementService.BalanceSheet;
import coop.minka.app.report.StatementService.BookLine;
import coop.minka.app.report.StatementService.IncomeStatement;
import coop.minka.app.report.StatementService.Line;
import coop.minka.app.report.StatementService.MemberStatement;
import coop.minka.app.report.StatementService.TrialBalance;
import coop.minka.app.report.StatementService.TrialRow;
import coop.minka.domain.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/// Turns report figures into [ReportTable]s: the same rows for the command line, the CSV
/// files and the printed pack. Amounts are plain decimals (`1234.50`), hours are decimal hours
/// (`1.5`), dates ISO. Titles, column headers and row labels (Total, Opening balance…) are in
/// the language of the [Words] given (English without); the group and section keys of the
/// first column (`assets`, `total`, `member`…) and type codes stay as they are, for programs.
/// Each row carries its [ReportTable.RowKind], so totals print bold in any language.
public final class ReportTables {
    /// The kinds of change of the change log and the keys of their plain words.
    private static final Map<String, String> CHANGES = Map.ofEntries(
            Map.entry("coop.create", "change.coop.create"),
            Map.entry("coop.update", "change.coop.update"),
            Map.entry("replica.join", "change.replica.join"),
            Map.entry("replica.admit", "change.replica.admit"),
            Map.entry("replica.revoke", "change.replica.revoke"),
            Map.entry("member.add", "change.member.add"),
            Map.entry("member.update", "change.member.update"),
            Map.entry("category.add", "change.category.add"),
            Map.entry("category.update", "change.category.update"),
            Map.entry("account.add", "change.account.add"),
            Map.entry("account.update", "change.account.update"),
            Map.entry("work.add", "change.work.add"),
            Map.entry("work.void", "change.work.void"),
            Map.entry("tx.post", "change.tx.post"),
            Map.entry("tx.void", "change.tx.void"),
            Map.entry("period.close", "change.period.close"),
            Map.entry("period.accept", "change.period.accept"),
            Map.entry("conflict.resolve", "change.conflict.resolve"),
            Map.entry("person.add", "change.person.add"),
            Map.entry("person.update", "change.person.update"),
            Map.entry("person.pin", "change.person.pin"),
            Map.entry("group.cycle", "change.group.cycle"),
            Map.entry("group.meeting.open", "change.group.meeting.open"),
            Map.entry("group.meeting.close", "change.group.meeting.close"),
            Map.entry("group.attend", "change.group.attend"),
            Map.entry("group.shares", "change.group.shares"),
            Map.entry("group.social", "change.group.social"),
            Map.entry("group.fine", "change.group.fine"),
            Map.entry("group.loan.issue", "change.group.loan.issue"),
            Map.entry("group.loan.repay", "change.group.loan.repay"),
            Map.entry("group.shareout", "change.group.shareout"),
            Map.entry("group.meeting.reopen", "change.group.meeting.reopen"),
            Map.entry("group.void", "change.group.void"),
            Map.entry("group.grant", "change.group.grant"),
            Map.entry("group.loan.writeoff", "change.group.loan.writeoff"),
            Map.entry("group.expense", "change.group.expense"),
            Map.entry("capital.subscribe", "change.capital.subscribe"),
            Map.entry("capital.pay", "change.capital.pay"),
            Map.entry("capital.transfer", "change.capital.transfer"),
            Map.entry("capital.redeem", "change.capital.redeem"),
            Map.entry("surplus.allocate", "change.surplus.allocate"));

    private ReportTables() {
    }

    /// Rows and their kinds, kept side by side.
    private static final class Rows {
        final List<List<String>> rows = new ArrayList<>();
        final List<ReportTable.RowKind> kinds = new ArrayList<>();

        void add(List<String> row) {
            add(row, ReportTable.RowKind.LINE);
        }

        void add(List<String> row, ReportTable.RowKind kind) {
            rows.add(row);
            kinds.add(kind);
        }

        ReportTable table(String name, String title, List<String> headers, List<Boolean> numeric) {
            return new ReportTable(name, title, headers, numeric, rows, kinds);
        }
    }

    /// The column headers of CSV files and command-line tables (`CODE`, `NAME`…) in a language,
    /// from their keys `csv.col.…`.
    static List<String> headers(Words w, String... keys) {
        return java.util.Arrays.stream(keys).map(w::t).toList();
    }

    public static ReportTable trialBalance(TrialBalance tb, Currency cur) {
        return trialBalance(tb, cur, Words.ENGLISH);
    }

    public static ReportTable trialBalance(TrialBalance tb, Currency cur, Words w) {
        Rows rows = new Rows();
        for (TrialRow r : tb.rows()) {
            rows.add(List.of(r.account().code(), r.account().name(), r.account().type().wire(),
                    m(r.opening(), cur), m(r.debits(), cur), m(r.credits(), cur), m(r.closing(), cur)));
        }
        rows.add(List.of("", w.t("table.total"), "", m(tb.totalOpening(), cur), m(tb.totalDebits(), cur),
                m(tb.totalCredits(), cur), m(tb.totalClosing(), cur)), ReportTable.RowKind.TOTAL);
        return rows.table("trial-balance", w.t("table.trialBalance"), headers(w, "csv.col.code", "csv.col.name",
                "csv.col.type", "csv.col.opening",
                "csv.col.debits", "csv.col.credits", "csv.col.closing"), flags(3, 4));
    }

    public static ReportTable balanceSheet(BalanceSheet bs, Currency cur) {
        return balanceSheet(bs, cur, Words.ENGLISH);
    }

    public static ReportTable balanceSheet(BalanceSheet bs, Currency cur, Words w) {
        Rows rows = new Rows();
        var total = ReportTable.RowKind.TOTAL;
        section(rows, "assets", bs.assets(), cur);
        rows.add(List.of("assets", "", w.t("table.totalAssets"), m(bs.totalAssets(), cur)), total);
        section(rows, "liabilities", bs.liabilities(), cur);
        rows.add(List.of("liabilities", "", w.t("table.totalLiabilities"), m(bs.totalLiabilities(), cur)), total);
        section(rows, "equity", bs.equity(), cur);
        rows.add(List.of("equity", "", w.t("table.surplusToDate"), m(bs.surplus(), cur)), total);
        rows.add(List.of("equity", "", w.t("table.totalEquity"), m(bs.totalEquity() + bs.surplus(), cur)), total);
        rows.add(List.of("", "", w.t("table.totalLiabilitiesEquity"), m(bs.totalLiabilitiesAndEquity(), cur)), total);
        return rows.table("balance-sheet", w.t("table.balanceSheet"), headers(w, "csv.col.section", "csv.col.code",
                "csv.col.name", "csv.col.amount"),
                flags(3, 1));
    }

    public static ReportTable income(IncomeStatement is, Currency cur) {
        return income(is, cur, Words.ENGLISH);
    }

    public static ReportTable income(IncomeStatement is, Currency cur, Words w) {
        Rows rows = new Rows();
        var total = ReportTable.RowKind.TOTAL;
        section(rows, "income", is.income(), cur);
        rows.add(List.of("income", "", w.t("table.totalIncome"), m(is.totalIncome(), cur)), total);
        section(rows, "expenditure", is.expenses(), cur);
        rows.add(List.of("expenditure", "", w.t("table.totalExpenditure"), m(is.totalExpenses(), cur)), total);
        rows.add(List.of("", "", w.t(is.surplus() < 0 ? "table.deficit" : "table.surplus"), m(is.surplus(), cur)),
                total);
        return rows.table("income", w.t("table.income"), headers(w, "csv.col.section", "csv.col.code", "csv.col.name",
                "csv.col.amount"),
                flags(3, 1));
    }

    /// Cash books: per account an opening row, the lines and a closing row with the totals.
    public static ReportTable cashBooks(List<AccountBook> books, LocalDate from, Currency cur) {
        return cashBooks(books, from, cur, Words.ENGLISH);
    }

    public static ReportTable cashBooks(List<AccountBook> books, LocalDate from, Currency cur, Words w) {
        Rows rows = new Rows();
        for (AccountBook b : books) {
            bookRows(rows, List.of(b.account().code()), b, from, cur, true, w, 0);
        }
        return rows.table("cash-book", w.t("table.cashBook"), headers(w, "csv.col.account", "csv.col.date",
                "csv.col.memo", "csv.col.reference",
                "csv.col.other-accounts", "csv.col.in", "csv.col.out", "csv.col.balance"), flags(5, 3));
    }

    public static ReportTable memberStatements(List<MemberStatement> statements, LocalDate from, Currency cur) {
        return memberStatements(statements, from, cur, Words.ENGLISH);
    }

    public static ReportTable memberStatements(List<MemberStatement> statements, LocalDate from, Currency cur,
                                               Words w) {
        Rows rows = new Rows();
        for (MemberStatement s : statements) {
            for (AccountBook b : s.accounts()) {
                bookRows(rows, List.of(s.member().name(), b.account().code()), b, from, cur, false, w, 2);
            }
            // the member's work in the period: hours and their value at the reference rates
            rows.add(List.of(s.member().name(), "", "", w.t("table.workInPeriod"), "", "", "", "",
                    h(s.workMinutes()), m(s.workValueMinor(), cur)), ReportTable.RowKind.TOTAL);
        }
        return rows.table("member-statements", w.t("table.memberStatements"), headers(w, "csv.col.member",
                "csv.col.account", "csv.col.date",
                "csv.col.memo", "csv.col.reference", "csv.col.in", "csv.col.out", "csv.col.balance",
                "csv.col.hours", "csv.col.value"), flags(5, 5));
    }

    /// Work recognition as one table; `GROUP` tells the kind of row: `total`, `gender`,
    /// `member`, `category`, `month`, `work-day` (KEY = date, ENTRIES = attendees) and
    /// `work-days` (all collective work days).
    public static ReportTable recognition(Recognition r, Currency cur) {
        return recognition(r, cur, Words.ENGLISH);
    }

    public static ReportTable recognition(Recognition r, Currency cur, Words w) {
        Rows rows = new Rows();
        rows.add(workRow("total", r.total(), w.t("table.allWork"), cur), ReportTable.RowKind.TOTAL);
        r.byGender().forEach(x -> rows.add(workRow("gender", x, x.label(), cur)));
        r.byMember().forEach(x -> rows.add(workRow("member", x, x.label(), cur)));
        r.byCategory().forEach(x -> rows.add(workRow("category", x, x.label(), cur)));
        r.byMonth().forEach(x -> rows.add(workRow("month", x, x.label(), cur)));
        r.workDays().forEach(d -> rows.add(List.of("work-day", d.date().toString(), d.categoryName(),
                h(d.minutes()), Integer.toString(d.attendees()), m(d.valueMinor(), cur), Integer.toString(d.women()),
                Integer.toString(d.men()), Integer.toString(d.attendees() - d.women() - d.men()),
                d.attendees() == 0 ? "" : pct(Math.round(d.women() * 1000.0 / d.attendees()) / 10.0))));
        rows.add(workRow("work-days", r.workDaysTotal(), w.t("table.workDays"), cur), ReportTable.RowKind.TOTAL);
        return rows.table("work", w.t("table.work"), headers(w, "csv.col.group", "csv.col.key", "csv.col.name",
                "csv.col.hours", "csv.col.entries", "csv.col.value",
                "csv.col.women", "csv.col.men", "csv.col.other", "csv.col.women-share"), flags(3, 7));
    }

    public static ReportTable audit(List<AuditService.Entry> entries) {
        return audit(entries, Words.ENGLISH);
    }

    public static ReportTable audit(List<AuditService.Entry> entries, Words w) {
        Rows rows = new Rows();
        for (AuditService.Entry e : entries) {
            rows.add(List.of(e.at().truncatedTo(ChronoUnit.SECONDS).toString(),
                    e.replicaName() == null ? w.t("table.notYetReceived") : e.replicaName(), e.replica(),
                    Long.toString(e.seq()), change(e.type(), w), e.entity(), e.bundle() == null ? "" : e.bundle(),
                    e.person() == null ? "" : e.also() == null ? e.person() : e.person() + " + " + e.also(),
                    e.changesText()));
        }
        return rows.table("audit", w.t("table.audit"), headers(w, "csv.col.when-utc", "csv.col.laptop",
                "csv.col.laptop-id", "csv.col.number",
                "csv.col.change", "csv.col.item", "csv.col.arrived-in", "csv.col.person", "csv.col.what-changed"),
                List.of(false, false, false, true, false, false, false, false, false));
    }

    /// The plain words for a kind of change (`tx.post` → "transaction posted").
    public static String change(String type) {
        return change(type, Words.ENGLISH);
    }

    public static String change(String type, Words w) {
        return CHANGES.containsKey(type) ? w.t(CHANGES.get(type)) : type;
    }

    public static String m(long minor, Currency cur) {
        return Money.format(minor, cur);
    }

    public static String h(long minutes) {
        return Texts.hours(minutes);
    }

    public static String pct(Double p) {
        return p == null ? "" : (p == Math.rint(p) ? Long.toString(Math.round(p)) : p.toString()) + "%";
    }

    private static List<String> workRow(String group, Row r, String label, Currency cur) {
        return List.of(group, r.key(), label, h(r.minutes()), Long.toString(r.entries()), m(r.valueMinor(), cur),
                h(r.womenMinutes()), h(r.menMinutes()), h(r.otherMinutes()), pct(r.womenSharePercent()));
    }

    private static void section(Rows rows, String name, List<Line> lines, Currency cur) {
        for (Line l : lines) {
            rows.add(List.of(name, l.account().code(), l.account().name(), m(l.amount(), cur)));
        }
    }

    private static void bookRows(Rows rows, List<String> lead, AccountBook b, LocalDate from,
                                 Currency cur, boolean others, Words w, int blanks) {
        int first = rows.rows.size();
        rows.add(concat(lead, from == null ? "" : from.toString(), w.t("table.opening"), "", others ? "" : null,
                "", "", m(b.opening(), cur)), ReportTable.RowKind.OPENING);
        for (BookLine l : b.lines()) {
            rows.add(concat(lead, l.date().toString(), l.memo(), l.reference() == null ? "" : l.reference(),
                    others ? l.otherAccounts() : null, l.in() == 0 ? "" : m(l.in(), cur),
                    l.out() == 0 ? "" : m(l.out(), cur), m(l.balance(), cur)));
        }
        rows.add(concat(lead, "", w.t("table.closing"), "", others ? "" : null, m(b.totalIn(), cur),
                m(b.totalOut(), cur), m(b.closing(), cur)), ReportTable.RowKind.CLOSING);
        // empty cells for the columns after the money (a member statement's hours and value)
        for (int i = first; i < rows.rows.size(); i++) {
            List<String> r = new ArrayList<>(rows.rows.get(i));
            r.addAll(Collections.nCopies(blanks, ""));
            rows.rows.set(i, r);
        }
    }

    private static List<String> concat(List<String> lead, String... cells) {
        List<String> out = new ArrayList<>(lead);
        for (String c : cells) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /// `text` columns of text then `num` numeric columns.
    private static List<Boolean> flags(int text, int num) {
        List<Boolean> out = new ArrayList<>(Collections.nCopies(text, false));
        out.addAll(Collections.nCopies(num, true));
        return out;
    }
}
