package coop.minka.app.report;

import coop.minka.app.Texts;

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
/// (`1.5`), dates ISO.
public final class ReportTables {
    private static final Map<String, String> CHANGES = Map.ofEntries(
            Map.entry("coop.create", "cooperative created"), Map.entry("coop.update", "cooperative changed"),
            Map.entry("replica.join", "laptop joined"), Map.entry("replica.admit", "laptop admitted"),
            Map.entry("replica.revoke", "laptop rejected"), Map.entry("member.add", "member added"),
            Map.entry("member.update", "member changed"), Map.entry("category.add", "work category added"),
            Map.entry("category.update", "work category changed"), Map.entry("account.add", "account added"),
            Map.entry("account.update", "account changed"), Map.entry("work.add", "work recorded"),
            Map.entry("work.void", "work voided"), Map.entry("tx.post", "transaction posted"),
            Map.entry("tx.void", "transaction voided"), Map.entry("period.close", "books closed"),
            Map.entry("conflict.resolve", "conflict resolved"));

    private ReportTables() {
    }

    public static ReportTable trialBalance(TrialBalance tb, Currency cur) {
        List<List<String>> rows = new ArrayList<>();
        for (TrialRow r : tb.rows()) {
            rows.add(List.of(r.account().code(), r.account().name(), r.account().type().wire(),
                    m(r.opening(), cur), m(r.debits(), cur), m(r.credits(), cur), m(r.closing(), cur)));
        }
        rows.add(List.of("", "Total", "", m(tb.totalOpening(), cur), m(tb.totalDebits(), cur),
                m(tb.totalCredits(), cur), m(tb.totalClosing(), cur)));
        return new ReportTable("trial-balance", "Trial balance", List.of("CODE", "NAME", "TYPE", "OPENING", "DEBITS",
                "CREDITS", "CLOSING"), flags(3, 4), rows);
    }

    public static ReportTable balanceSheet(BalanceSheet bs, Currency cur) {
        List<List<String>> rows = new ArrayList<>();
        section(rows, "assets", bs.assets(), cur);
        rows.add(List.of("assets", "", "Total assets", m(bs.totalAssets(), cur)));
        section(rows, "liabilities", bs.liabilities(), cur);
        rows.add(List.of("liabilities", "", "Total liabilities", m(bs.totalLiabilities(), cur)));
        section(rows, "equity", bs.equity(), cur);
        rows.add(List.of("equity", "", "Surplus to date", m(bs.surplus(), cur)));
        rows.add(List.of("equity", "", "Total equity and surplus", m(bs.totalEquity() + bs.surplus(), cur)));
        rows.add(List.of("", "", "Total liabilities, equity and surplus", m(bs.totalLiabilitiesAndEquity(), cur)));
        return new ReportTable("balance-sheet", "Balance sheet", List.of("SECTION", "CODE", "NAME", "AMOUNT"),
                flags(3, 1), rows);
    }

    public static ReportTable income(IncomeStatement is, Currency cur) {
        List<List<String>> rows = new ArrayList<>();
        section(rows, "income", is.income(), cur);
        rows.add(List.of("income", "", "Total income", m(is.totalIncome(), cur)));
        section(rows, "expenditure", is.expenses(), cur);
        rows.add(List.of("expenditure", "", "Total expenditure", m(is.totalExpenses(), cur)));
        rows.add(List.of("", "", is.surplus() < 0 ? "Deficit" : "Surplus", m(is.surplus(), cur)));
        return new ReportTable("income", "Income and expenditure", List.of("SECTION", "CODE", "NAME", "AMOUNT"),
                flags(3, 1), rows);
    }

    /// Cash books: per account an opening row, the lines and a closing row with the totals.
    public static ReportTable cashBooks(List<AccountBook> books, LocalDate from, Currency cur) {
        List<List<String>> rows = new ArrayList<>();
        for (AccountBook b : books) {
            bookRows(rows, List.of(b.account().code()), b, from, cur, true);
        }
        return new ReportTable("cash-book", "Cash book", List.of("ACCOUNT", "DATE", "MEMO", "REFERENCE",
                "OTHER ACCOUNTS", "IN", "OUT", "BALANCE"), flags(5, 3), rows);
    }

    public static ReportTable memberStatements(List<MemberStatement> statements, LocalDate from, Currency cur) {
        List<List<String>> rows = new ArrayList<>();
        for (MemberStatement s : statements) {
            for (AccountBook b : s.accounts()) {
                bookRows(rows, List.of(s.member().name(), b.account().code()), b, from, cur, false);
            }
        }
        return new ReportTable("member-statements", "Member statements", List.of("MEMBER", "ACCOUNT", "DATE",
                "MEMO", "REFERENCE", "IN", "OUT", "BALANCE"), flags(5, 3), rows);
    }

    /// Work recognition as one table; `GROUP` tells the kind of row: `total`, `gender`,
    /// `member`, `category`, `month`, `work-day` (KEY = date, ENTRIES = attendees) and
    /// `work-days` (all collective work days).
    public static ReportTable recognition(Recognition r, Currency cur) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(workRow("total", r.total(), cur));
        r.byGender().forEach(x -> rows.add(workRow("gender", x, cur)));
        r.byMember().forEach(x -> rows.add(workRow("member", x, cur)));
        r.byCategory().forEach(x -> rows.add(workRow("category", x, cur)));
        r.byMonth().forEach(x -> rows.add(workRow("month", x, cur)));
        r.workDays().forEach(d -> rows.add(List.of("work-day", d.date().toString(), d.categoryName(),
                h(d.minutes()), Integer.toString(d.attendees()), m(d.valueMinor(), cur), Integer.toString(d.women()),
                Integer.toString(d.men()), Integer.toString(d.attendees() - d.women() - d.men()),
                d.attendees() == 0 ? "" : pct(Math.round(d.women() * 1000.0 / d.attendees()) / 10.0))));
        rows.add(workRow("work-days", r.workDaysTotal(), cur));
        return new ReportTable("work", "Work recognition", List.of("GROUP", "KEY", "NAME", "HOURS", "ENTRIES", "VALUE",
                "WOMEN", "MEN", "OTHER", "WOMEN SHARE"), flags(3, 7), rows);
    }

    public static ReportTable audit(List<AuditService.Entry> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (AuditService.Entry e : entries) {
            rows.add(List.of(e.at().truncatedTo(ChronoUnit.SECONDS).toString(),
                    e.replicaName() == null ? "(not yet received)" : e.replicaName(), e.replica(),
                    Long.toString(e.seq()), change(e.type()), e.entity(), e.bundle() == null ? "" : e.bundle()));
        }
        return new ReportTable("audit", "Audit trail", List.of("WHEN (UTC)", "LAPTOP", "LAPTOP ID", "NUMBER",
                "CHANGE", "ITEM", "ARRIVED IN"), List.of(false, false, false, true, false, false, false), rows);
    }

    /// The plain words for a kind of change (`tx.post` → "transaction posted").
    public static String change(String type) {
        return CHANGES.getOrDefault(type, type);
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

    private static List<String> workRow(String group, Row r, Currency cur) {
        return List.of(group, r.key(), r.label(), h(r.minutes()), Long.toString(r.entries()), m(r.valueMinor(), cur),
                h(r.womenMinutes()), h(r.menMinutes()), h(r.otherMinutes()), pct(r.womenSharePercent()));
    }

    private static void section(List<List<String>> rows, String name, List<Line> lines, Currency cur) {
        for (Line l : lines) {
            rows.add(List.of(name, l.account().code(), l.account().name(), m(l.amount(), cur)));
        }
    }

    private static void bookRows(List<List<String>> rows, List<String> lead, AccountBook b, LocalDate from,
                                 Currency cur, boolean others) {
        rows.add(concat(lead, from == null ? "" : from.toString(), "Opening balance", "", others ? "" : null,
                "", "", m(b.opening(), cur)));
        for (BookLine l : b.lines()) {
            rows.add(concat(lead, l.date().toString(), l.memo(), l.reference() == null ? "" : l.reference(),
                    others ? l.otherAccounts() : null, l.in() == 0 ? "" : m(l.in(), cur),
                    l.out() == 0 ? "" : m(l.out(), cur), m(l.balance(), cur)));
        }
        rows.add(concat(lead, "", "Closing balance", "", others ? "" : null, m(b.totalIn(), cur),
                m(b.totalOut(), cur), m(b.closing(), cur)));
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
