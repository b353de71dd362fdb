package coop.minka.cli;

import coop.minka.app.Texts;
import coop.minka.app.report.AuditService;
import coop.minka.app.report.RecognitionService;
import coop.minka.app.report.StatementService;
import coop.minka.domain.Account;
import coop.minka.domain.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.function.UnaryOperator;

/// The `--json` shapes of the report commands, as records (field names are a contract,
/// documented in `docs/reports.md`). Amounts are plain decimal strings, hours decimal numbers,
/// dates ISO.
final class ReportJson {
    private ReportJson() {
    }

    record TrialBalanceJson(String from, String to, String currency, List<TrialRowJson> accounts, String totalOpening,
                            String totalDebits, String totalCredits, String totalClosing) {
    }

    record TrialRowJson(String code, String name, String type, String member, String opening, String debits,
                        String credits, String closing) {
    }

    record BalanceSheetJson(String asOf, String currency, List<LineJson> assets, String totalAssets,
                            List<LineJson> liabilities, String totalLiabilities, List<LineJson> equity,
                            String totalEquity, String surplus, String totalLiabilitiesAndEquity) {
    }

    record IncomeJson(String from, String to, String currency, List<LineJson> income, String totalIncome,
                      List<LineJson> expenses, String totalExpenses, String surplus) {
    }

    record LineJson(String code, String name, String type, String member, String amount) {
    }

    record CashBooksJson(String from, String to, String currency, List<BookJson> accounts) {
    }

    record BookJson(String code, String name, String type, String member, String opening, List<BookLineJson> lines,
                    String totalIn, String totalOut, String closing) {
    }

    record BookLineJson(String date, String transaction, String memo, String reference, String otherAccounts,
                        String in, String out, String balance) {
    }

    record StatementsJson(String from, String to, String currency, List<StatementJson> members) {
    }

    record StatementJson(String id, String name, String gender, double workHours, String workValue,
                         List<BookJson> accounts) {
    }

    record RecognitionJson(String from, String to, String currency, RowJson total, List<RowJson> byGender,
                           List<RowJson> byMember, List<RowJson> byCategory, List<RowJson> byMonth,
                           List<WorkDayJson> workDays, RowJson workDaysTotal) {
    }

    record RowJson(String key, String label, double hours, long entries, String value, double womenHours,
                   double menHours, double otherHours, Double womenSharePercent) {
    }

    record WorkDayJson(String id, String date, String category, String categoryName, int attendees, int women,
                       int men, double hours, String value) {
    }

    /// `report work --by … --json`: `from` and `to` as typed.
    record WorkByJson(String by, String from, String to, List<WorkByRowJson> rows, double totalHours) {
    }

    record WorkByRowJson(String key, String label, double hours, long entries, String value) {
    }

    /// `report audit --json`: `from` and `to` as typed; `change` in the user's language.
    record AuditReportJson(String from, String to, List<AuditJson> entries) {
    }

    record AuditJson(String at, String laptop, String laptopId, long number, String type, String change, String item,
                     String bundle, String person, String also, List<ChangeJson> changes) {
    }

    /// One field an update changed: before (null if never set) and after.
    record ChangeJson(String field, String before, String after) {
    }

    /// `report balances --json`: `asOf` as typed.
    record BalancesJson(String asOf, String currency, List<Out.AccountJson> accounts, String total) {
    }

    /// `report pack --json`.
    record PackJson(String file, int pages, String from, String to, String checkCode) {
    }

    private static String day(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static TrialBalanceJson trialBalance(StatementService.TrialBalance tb, Currency cur) {
        return new TrialBalanceJson(day(tb.from()), day(tb.to()), cur.getCurrencyCode(), tb.rows().stream()
                .map(r -> new TrialRowJson(r.account().code(), r.account().name(), r.account().type().wire(),
                        r.account().memberId(), money(r.opening(), cur), money(r.debits(), cur),
                        money(r.credits(), cur), money(r.closing(), cur))).toList(),
                money(tb.totalOpening(), cur), money(tb.totalDebits(), cur), money(tb.totalCredits(), cur),
                money(tb.totalClosing(), cur));
    }

    static BalanceSheetJson balanceSheet(StatementService.BalanceSheet bs, Currency cur) {
        return new BalanceSheetJson(day(bs.asOf()), cur.getCurrencyCode(), lines(bs.assets(), cur),
                money(bs.totalAssets(), cur), lines(bs.liabilities(), cur), money(bs.totalLiabilities(), cur),
                lines(bs.equity(), cur), money(bs.totalEquity(), cur), money(bs.surplus(), cur),
                money(bs.totalLiabilitiesAndEquity(), cur));
    }

    static IncomeJson income(StatementService.IncomeStatement is, Currency cur) {
        return new IncomeJson(day(is.from()), day(is.to()), cur.getCurrencyCode(), lines(is.income(), cur),
                money(is.totalIncome(), cur), lines(is.expenses(), cur), money(is.totalExpenses(), cur),
                money(is.surplus(), cur));
    }

    static CashBooksJson cashBooks(LocalDate from, LocalDate to, Currency cur, List<StatementService.AccountBook> books) {
        return new CashBooksJson(day(from), day(to), cur.getCurrencyCode(), books.stream().map(b -> book(b, cur)).toList());
    }

    static BookJson book(StatementService.AccountBook b, Currency cur) {
        Account a = b.account();
        return new BookJson(a.code(), a.name(), a.type().wire(), a.memberId(), money(b.opening(), cur), b.lines().stream()
                .map(l -> new BookLineJson(l.date().toString(), l.txId(), l.memo(), l.reference(), l.otherAccounts(),
                        money(l.in(), cur), money(l.out(), cur), money(l.balance(), cur))).toList(),
                money(b.totalIn(), cur), money(b.totalOut(), cur), money(b.closing(), cur));
    }

    static StatementsJson statements(LocalDate from, LocalDate to, Currency cur,
                                     List<StatementService.MemberStatement> statements) {
        return new StatementsJson(day(from), day(to), cur.getCurrencyCode(), statements.stream()
                .map(s -> new StatementJson(s.member().id(), s.member().name(), s.member().gender().wire(),
                        hours(s.workMinutes()), money(s.workValueMinor(), cur),
                        s.accounts().stream().map(b -> book(b, cur)).toList())).toList());
    }

    static RecognitionJson recognition(RecognitionService.Recognition r, Currency cur) {
        return new RecognitionJson(day(r.from()), day(r.to()), cur.getCurrencyCode(), row(r.total(), cur),
                rows(r.byGender(), cur), rows(r.byMember(), cur), rows(r.byCategory(), cur), rows(r.byMonth(), cur),
                r.workDays().stream().map(d -> new WorkDayJson(d.id(), d.date().toString(), d.categoryCode(),
                        d.categoryName(), d.attendees(), d.women(), d.men(), hours(d.minutes()),
                        money(d.valueMinor(), cur))).toList(), row(r.workDaysTotal(), cur));
    }

    private static List<RowJson> rows(List<RecognitionService.Row> rows, Currency cur) {
        return rows.stream().map(x -> row(x, cur)).toList();
    }

    private static RowJson row(RecognitionService.Row r, Currency cur) {
        return new RowJson(r.key(), r.label(), hours(r.minutes()), r.entries(), money(r.valueMinor(), cur),
                hours(r.womenMinutes()), hours(r.menMinutes()), hours(r.otherMinutes()), r.womenSharePercent());
    }

    /// The audit trail; `change` says the kind of change in words of the user's language.
    static List<AuditJson> audit(List<AuditService.Entry> entries, UnaryOperator<String> change) {
        return entries.stream().map(e -> new AuditJson(e.at().truncatedTo(ChronoUnit.SECONDS).toString(),
                e.replicaName(), e.replica(), e.seq(), e.type(), change.apply(e.type()), e.entity(), e.bundle(),
                e.person(), e.also(), e.changes().stream().map(c -> new ChangeJson(c.field(), c.before(), c.after()))
                        .toList())).toList();
    }

    private static List<LineJson> lines(List<StatementService.Line> lines, Currency cur) {
        return lines.stream().map(l -> new LineJson(l.account().code(), l.account().name(), l.account().type().wire(),
                l.account().memberId(), money(l.amount(), cur))).toList();
    }

    static String money(long minor, Currency cur) {
        return Money.format(minor, cur);
    }

    static double hours(long minutes) {
        return Double.parseDouble(Texts.hours(minutes));
    }
}
