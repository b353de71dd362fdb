package coop.minka.cli;

import coop.minka.app.report.RecognitionService;
import coop.minka.app.report.ReportTables;
import coop.minka.app.report.StatementService;
import coop.minka.app.Texts;
import coop.minka.domain.Account;
import coop.minka.domain.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The `--json` shapes of the report commands (field names are a contract, documented in
/// `docs/reports.md`). Amounts are plain decimal strings, hours decimal numbers, dates ISO.
final class ReportJson {
    private ReportJson() {
    }

    static Map<String, Object> period(LocalDate from, LocalDate to, Currency cur) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("from", from == null ? null : from.toString());
        o.put("to", to == null ? null : to.toString());
        o.put("currency", cur.getCurrencyCode());
        return o;
    }

    static Map<String, Object> trialBalance(StatementService.TrialBalance tb, Currency cur) {
        Map<String, Object> o = period(tb.from(), tb.to(), cur);
        o.put("accounts", tb.rows().stream().map(r -> {
            Map<String, Object> m = account(r.account());
            m.put("opening", money(r.opening(), cur));
            m.put("debits", money(r.debits(), cur));
            m.put("credits", money(r.credits(), cur));
            m.put("closing", money(r.closing(), cur));
            return m;
        }).toList());
        o.put("totalOpening", money(tb.totalOpening(), cur));
        o.put("totalDebits", money(tb.totalDebits(), cur));
        o.put("totalCredits", money(tb.totalCredits(), cur));
        o.put("totalClosing", money(tb.totalClosing(), cur));
        return o;
    }

    static Map<String, Object> balanceSheet(StatementService.BalanceSheet bs, Currency cur) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("asOf", bs.asOf() == null ? null : bs.asOf().toString());
        o.put("currency", cur.getCurrencyCode());
        o.put("assets", lines(bs.assets(), cur));
        o.put("totalAssets", money(bs.totalAssets(), cur));
        o.put("liabilities", lines(bs.liabilities(), cur));
        o.put("totalLiabilities", money(bs.totalLiabilities(), cur));
        o.put("equity", lines(bs.equity(), cur));
        o.put("totalEquity", money(bs.totalEquity(), cur));
        o.put("surplus", money(bs.surplus(), cur));
        o.put("totalLiabilitiesAndEquity", money(bs.totalLiabilitiesAndEquity(), cur));
        return o;
    }

    static Map<String, Object> income(StatementService.IncomeStatement is, Currency cur) {
        Map<String, Object> o = period(is.from(), is.to(), cur);
        o.put("income", lines(is.income(), cur));
        o.put("totalIncome", money(is.totalIncome(), cur));
        o.put("expenses", lines(is.expenses(), cur));
        o.put("totalExpenses", money(is.totalExpenses(), cur));
        o.put("surplus", money(is.surplus(), cur));
        return o;
    }

    static Map<String, Object> book(StatementService.AccountBook b, Currency cur) {
        Map<String, Object> o = account(b.account());
        o.put("opening", money(b.opening(), cur));
        o.put("lines", b.lines().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", l.date().toString());
            m.put("transaction", l.txId());
            m.put("memo", l.memo());
            m.put("reference", l.reference());
            m.put("otherAccounts", l.otherAccounts());
            m.put("in", money(l.in(), cur));
            m.put("out", money(l.out(), cur));
            m.put("balance", money(l.balance(), cur));
            return m;
        }).toList());
        o.put("totalIn", money(b.totalIn(), cur));
        o.put("totalOut", money(b.totalOut(), cur));
        o.put("closing", money(b.closing(), cur));
        return o;
    }

    static Map<String, Object> statement(StatementService.MemberStatement s, Currency cur) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", s.member().id());
        o.put("name", s.member().name());
        o.put("gender", s.member().gender().wire());
        o.put("workHours", hours(s.workMinutes()));
        o.put("workValue", money(s.workValueMinor(), cur));
        o.put("accounts", s.accounts().stream().map(b -> book(b, cur)).toList());
        return o;
    }

    static Map<String, Object> recognition(RecognitionService.Recognition r, Currency cur) {
        Map<String, Object> o = period(r.from(), r.to(), cur);
        o.put("total", row(r.total(), cur));
        o.put("byGender", r.byGender().stream().map(x -> row(x, cur)).toList());
        o.put("byMember", r.byMember().stream().map(x -> row(x, cur)).toList());
        o.put("byCategory", r.byCategory().stream().map(x -> row(x, cur)).toList());
        o.put("byMonth", r.byMonth().stream().map(x -> row(x, cur)).toList());
        o.put("workDays", r.workDays().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("date", d.date().toString());
            m.put("category", d.categoryCode());
            m.put("categoryName", d.categoryName());
            m.put("attendees", d.attendees());
            m.put("women", d.women());
            m.put("men", d.men());
            m.put("hours", hours(d.minutes()));
            m.put("value", money(d.valueMinor(), cur));
            return m;
        }).toList());
        o.put("workDaysTotal", row(r.workDaysTotal(), cur));
        return o;
    }

    private static Map<String, Object> row(RecognitionService.Row r, Currency cur) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", r.key());
        m.put("label", r.label());
        m.put("hours", hours(r.minutes()));
        m.put("entries", r.entries());
        m.put("value", money(r.valueMinor(), cur));
        m.put("womenHours", hours(r.womenMinutes()));
        m.put("menHours", hours(r.menMinutes()));
        m.put("otherHours", hours(r.otherMinutes()));
        m.put("womenSharePercent", r.womenSharePercent());
        return m;
    }

    static List<Map<String, Object>> audit(List<coop.minka.app.report.AuditService.Entry> entries) {
        return entries.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            m.put("laptop", e.replicaName());
            m.put("laptopId", e.replica());
            m.put("number", e.seq());
            m.put("type", e.type());
            m.put("change", ReportTables.change(e.type()));
            m.put("item", e.entity());
            m.put("bundle", e.bundle());
            return m;
        }).toList();
    }

    private static List<Map<String, Object>> lines(List<StatementService.Line> lines, Currency cur) {
        return lines.stream().map(l -> {
            Map<String, Object> m = account(l.account());
            m.put("amount", money(l.amount(), cur));
            return m;
        }).toList();
    }

    private static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", a.code());
        m.put("name", a.name());
        m.put("type", a.type().wire());
        m.put("member", a.memberId());
        return m;
    }

    static String money(long minor, Currency cur) {
        return Money.format(minor, cur);
    }

    static double hours(long minutes) {
        return Double.parseDouble(Texts.hours(minutes));
    }
}
