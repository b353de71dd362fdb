package coop.minka.app.report;

import coop.minka.app.Books;
import coop.minka.app.DateRange;
import coop.minka.app.LedgerService.AccountBalance;
import coop.minka.app.Workspace;

import coop.minka.domain.AccountType;
import coop.minka.store.LedgerRepository;
import coop.minka.store.WorkRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/// Figures for the screen, the command line and exports alike: one query per report, so what
/// the assembly sees on paper, on screen and in a CSV always matches.
public final class ReportService {
    private final Workspace ws;
    private final StatementService statements;
    private final RecognitionService recognition;
    private final AuditService audit;

    public ReportService(Workspace ws) {
        this.ws = ws;
        this.statements = new StatementService(ws);
        this.recognition = new RecognitionService(ws);
        this.audit = new AuditService(ws);
    }

    /// Trial balance, balance sheet, income and expenditure, cash books, member statements.
    public StatementService statements() {
        return statements;
    }

    /// Work recognition: hours and value by member, category, month and gender; work days.
    public RecognitionService recognition() {
        return recognition;
    }

    /// The audit trail of a period as a table (for CSV and the command line).
    public ReportTable auditTable(LocalDate from, LocalDate to) {
        return ReportTables.audit(audit.log(from, to, 0));
    }

    /// The reports a treasurer reads as a table, on screen, on the command line and in CSV.
    public enum Report {
        TRIAL_BALANCE, BALANCE_SHEET, INCOME, CASH_BOOK, MEMBER_STATEMENT, AUDIT
    }

    /// One report of the period [from, to] as the table `minka report … --csv` prints (the
    /// same services and the same [ReportTables]), in `language` (null: the cooperative's).
    /// `memberRef` (a name or id; null: every member) only for the member statement. The
    /// balance sheet is as at `to`.
    public ReportTable table(Report report, LocalDate from, LocalDate to, String memberRef,
                             java.util.Locale language) {
        DateRange.check(from, to);
        coop.minka.app.Words w = coop.minka.app.Words.of(language, ws.coop());
        java.util.Currency cur = ws.currency();
        return switch (report) {
            case TRIAL_BALANCE -> ReportTables.trialBalance(statements.trialBalance(from, to), cur, w);
            case BALANCE_SHEET -> ReportTables.balanceSheet(statements.balanceSheet(to), cur, w);
            case INCOME -> ReportTables.income(statements.income(from, to), cur, w);
            case CASH_BOOK -> ReportTables.cashBooks(statements.cashBooks(List.of(), from, to), from, cur, w);
            case MEMBER_STATEMENT -> ReportTables.memberStatements(statements.memberStatements(memberRef, from, to),
                    from, cur, w);
            case AUDIT -> ReportTables.audit(audit.log(from, to, 0), w);
        };
    }

    /// Writes a table as CSV (RFC 4180, UTF-8, the same writer as the CSV export) to `out`, a
    /// new file or a folder to put `name.csv` in; returns the file written.
    public static java.nio.file.Path saveCsv(ReportTable table, java.nio.file.Path out) {
        java.nio.file.Path file = coop.minka.app.OutputFiles.resolve(out, table.name() + ".csv");
        coop.minka.app.OutputFiles.write(file, os -> table.writeCsv(
                new java.io.OutputStreamWriter(os, java.nio.charset.StandardCharsets.UTF_8)));
        return file;
    }

    /// Balances of every account, current or as of a date. The rows sum to zero.
    public List<AccountBalance> balances(LocalDate asOf) {
        return ws.read(s -> {
            Map<String, Long> b = asOf == null ? LedgerRepository.balances(s) : LedgerRepository.balancesAsOf(s, asOf);
            return LedgerRepository.accounts(s).stream()
                    .map(a -> new AccountBalance(a, b.getOrDefault(a.id(), 0L))).toList();
        });
    }

    /// One account type's total, on its natural side (assets and expenses as debits, the others as
    /// credits), so a full cash box and members' savings the cooperative owes are both positive.
    public record TypeTotal(AccountType type, long total) {
    }

    /// Balances (current, or as of a date) added up per account type: every type, in order.
    public List<TypeTotal> totalsByType(LocalDate asOf) {
        return totalsByTypeOf(balances(asOf));
    }

    /// `rows` (from [#balances]) added up per account type: every type, in order, natural side.
    public static List<TypeTotal> totalsByTypeOf(List<AccountBalance> rows) {
        return java.util.Arrays.stream(AccountType.values()).map(t -> new TypeTotal(t, natural(t, rows.stream()
                .filter(r -> r.account().type() == t).mapToLong(AccountBalance::balance).sum()))).toList();
    }

    /// A balance (debit positive) on the natural side of its account type.
    public static long natural(AccountType type, long balance) {
        return type.debitNormal() ? balance : -balance;
    }

    /// The cooperative's cash and bank (current, or as of a date): the accounts marked as cash or
    /// bank ([Account#isCashAndBank]) — the one definition the pack's cover, Home and the cash
    /// book share.
    public List<AccountBalance> cashAndBank(LocalDate asOf) {
        return cashAndBankOf(balances(asOf));
    }

    /// The cash and bank rows among `rows` (from [#balances]).
    public static List<AccountBalance> cashAndBankOf(List<AccountBalance> rows) {
        return rows.stream().filter(r -> r.account().isCashAndBank()).toList();
    }

    /// How work is grouped.
    public enum WorkGrouping { MEMBER, CATEGORY, MONTH, GENDER }

    /// One group of work: its key (id, code, `2026-03` or gender), a label, minutes, entries,
    /// and the value at the categories' reference rates (minor units; 0 where no rate is set).
    /// `womenMinutes`, `menMinutes` and `otherMinutes` split `minutes` by who did the work.
    public record WorkRow(String key, String label, long minutes, long entries, long valueMinor, long womenMinutes,
                          long menMinutes, long otherMinutes) {
    }

    /// Hours of non-voided work in the period, grouped, in key order (members by name).
    public List<WorkRow> work(WorkGrouping by, LocalDate from, LocalDate to) {
        DateRange.check(from, to);
        return ws.read(s -> {
            Books b = Books.chart(s, from, to); // SQLite counts the entries together
            var cells = WorkRepository.cells(s, by == WorkGrouping.MEMBER, by == WorkGrouping.MONTH, from, to);
            return WorkFigures.groupCells(cells, b.members(), b.categories(), by).stream()
                    .map(WorkFigures::row).toList();
        });
    }
}
