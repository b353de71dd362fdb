package coop.minka.cli;

import coop.minka.app.report.AuditService;
import coop.minka.app.LedgerService;
import coop.minka.app.report.ReportService;
import coop.minka.app.report.ReportTable;
import coop.minka.app.report.ReportTables;
import coop.minka.app.Progress;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import coop.minka.app.Words;
import coop.minka.domain.Money;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `minka report …`: the reports of the books and of shared work, as a table, `--json` or
/// `--csv` (the same rows as the CSV export and the printed pack), and the printable pack.
@Command(name = "report", description = "Reports: balances, statements, cash books, shared work, audit trail, the printable pack.",
        subcommands = {ReportCommand.Balances.class, ReportCommand.TrialBalance.class, ReportCommand.BalanceSheet.class,
                ReportCommand.Income.class, ReportCommand.CashBook.class, ReportCommand.MemberStatement.class,
                ReportCommand.Work.class, ReportCommand.Audit.class, ReportCommand.Pack.class})
final class ReportCommand {
    private ReportCommand() {
    }

    /// A report over a period, printed as a table, JSON or CSV.
    abstract static class PeriodReport extends Leaf {
        @Mixin
        DateRangeOptions dates;
        @Mixin
        JsonOption json;
        @Option(names = "--csv", description = "Print CSV, the same rows as the CSV export.")
        boolean csv;

        LocalDate from() {
            return dates.from();
        }

        LocalDate to() {
            return dates.to();
        }

        /// The words of the tables: the terminal's language (`--lang`, else the environment's), the
        /// same tables the export writes in the cooperative's language.
        Words words() {
            return Words.of(root().locale());
        }

        /// Prints the table (in [#words]; the cells holding Minka's codes put in words for the
        /// terminal), its CSV, or the JSON record when `--json`.
        int print(ReportTable table, Object jsonObject, List<String> after) {
            return print(table, jsonObject, after, null);
        }

        int print(ReportTable table, Object jsonObject, List<String> after, List<AuditService.Entry> audit) {
            if (json.on) {
                Out.json(out(), jsonObject);
            } else if (csv) {
                table.writeCsv(out());
            } else {
                ReportTable shown = ReportText.localize(this, table, audit);
                Out.table(out(), shown.headers(), shown.rows());
                after.forEach(line -> out().println(Terminal.safe(line)));
            }
            return 0;
        }
    }

    @Command(name = "balances", description = "Balance of every account (debit positive); the total is zero.")
    static final class Balances extends Leaf {
        @Option(names = "--as-of", paramLabel = "DATE")
        String asOf;
        @Mixin
        JsonOption json;
        @Option(names = "--csv", description = "Print CSV: code, name, type, balance.")
        boolean csv;

        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            List<LedgerService.AccountBalance> rows = s.reports().balances(Texts.date(asOf));
            if (csv && !json.on) {
                new ReportTable("balances", "Balances", List.of("CODE", "NAME", "TYPE", "BALANCE"),
                        List.of(false, false, false, true), rows.stream().map(r -> List.of(r.account().code(),
                        r.account().name(), r.account().type().wire(), Money.format(r.balance(), cur))).toList())
                        .writeCsv(out());
                return 0;
            }
            long total = rows.stream().mapToLong(LedgerService.AccountBalance::balance).sum();
            if (json.on) {
                Out.json(out(), new ReportJson.BalancesJson(asOf, cur.getCurrencyCode(),
                        rows.stream().map(r -> Out.account(r.account(), r.balance(), cur)).toList(), Money.format(total, cur)));
            } else {
                BalancesTable.print(out(), rows, cur, root().locale());
            }
            return 0;
        }
    }

    @Command(name = "trial-balance", description = "Every account: balance at the start, debits, credits, balance at the end.")
    static final class TrialBalance extends PeriodReport {
        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            var tb = s.reports().statements().trialBalance(from(), to());
            return print(ReportTables.trialBalance(tb, cur, words()), ReportJson.trialBalance(tb, cur),
                    List.of(t(tb.totalDebits() == tb.totalCredits() ? "cli.report.debitsEqualYes" : "cli.report.debitsEqualNo")));
        }
    }

    @Command(name = "balance-sheet", description = "What the cooperative has and owes at the end of the period (--to).")
    static final class BalanceSheet extends PeriodReport {
        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            var bs = s.reports().statements().balanceSheet(to());
            return print(ReportTables.balanceSheet(bs, cur, words()), ReportJson.balanceSheet(bs, cur), List.of());
        }
    }

    @Command(name = "income", description = "Income and expenditure of the period, and the surplus or deficit.")
    static final class Income extends PeriodReport {
        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            var is = s.reports().statements().income(from(), to());
            return print(ReportTables.income(is, cur, words()), ReportJson.income(is, cur), List.of());
        }
    }

    @Command(name = "cash-book", description = "Cash book of each cash box and bank account, with the running balance.")
    static final class CashBook extends PeriodReport {
        @Option(names = "--account", paramLabel = "CODE",
                description = "Only this account (repeatable; default: every asset account that is not a member's).")
        List<String> accounts = new ArrayList<>();

        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            var books = s.reports().statements().cashBooks(accounts, from(), to());
            return print(ReportTables.cashBooks(books, from(), cur, words()), ReportJson.cashBooks(from(), to(), cur, books),
                    List.of());
        }
    }

    @Command(name = "member-statement", description = "Each member's accounts (dues, savings, loans) and hours of work.")
    static final class MemberStatement extends PeriodReport {
        @Option(names = "--member", paramLabel = "NAME|ID", description = "Only this member (default: every member).")
        String member;

        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            var st = s.reports().statements().memberStatements(member, from(), to());
            List<String> after = st.stream().map(m -> t("cli.report.memberWork", m.member().name(),
                    Texts.hours(m.workMinutes()), Money.format(m.workValueMinor(), cur))).toList();
            return print(ReportTables.memberStatements(st, from(), cur, words()), ReportJson.statements(from(), to(), cur, st),
                    after);
        }
    }

    @Command(name = "work", description = "Recognition of shared work: hours and value by gender, member, category and "
            + "month, share done by women, collective work days. With --by: one grouping only.")
    static final class Work extends PeriodReport {
        @Option(names = "--by", description = "Only one grouping: member, category, month or gender.")
        ReportService.WorkGrouping by;

        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            if (by == null) {
                var r = s.reports().recognition().recognition(from(), to());
                Double share = r.total().womenSharePercent();
                return print(ReportTables.recognition(r, cur, words()), ReportJson.recognition(r, cur), List.of(
                        t("cli.report.workTotal", Texts.hours(r.total().minutes()),
                                Money.format(r.total().valueMinor(), cur), share == null ? "-" : share + "%")));
            }
            return grouped(s, cur);
        }

        private int grouped(Services s, java.util.Currency cur) {
            var rows = s.reports().work(by, from(), to());
            long total = rows.stream().mapToLong(ReportService.WorkRow::minutes).sum();
            String byName = by.name().toLowerCase(java.util.Locale.ROOT);
            var o = new ReportJson.WorkByJson(byName, dates.from, dates.to, rows.stream()
                    .map(r -> new ReportJson.WorkByRowJson(r.key(), r.label(), ReportJson.hours(r.minutes()), r.entries(),
                            Money.format(r.valueMinor(), cur))).toList(), ReportJson.hours(total));
            ReportTable table = new ReportTable("work-by-" + byName, t("cli.report.group." + byName),
                    List.of(t("cli.col." + byName), t("cli.col.name"), t("cli.col.hours"), t("cli.col.entries"),
                            t("cli.col.value")), List.of(false, false, true, true, true), rows.stream().map(r -> List.of(
                    r.key(), r.label(), Texts.hours(r.minutes()), Long.toString(r.entries()),
                    Money.format(r.valueMinor(), cur))).toList());
            return print(table, o, List.of(t("cli.totalHours", Texts.hours(total))));
        }
    }

    @Command(name = "audit", description = "The audit trail: every change in the period, by which laptop, when, "
            + "and the sync file it came in.")
    static final class Audit extends PeriodReport {
        @Override
        int run(Services s) {
            var entries = s.audit().log(from(), to(), 0);
            return print(ReportTables.audit(entries, words()), new ReportJson.AuditReportJson(dates.from, dates.to,
                    ReportJson.audit(entries, type -> ReportText.change(this, type))), List.of(), entries);
        }
    }

    @Command(name = "pack", description = "Write the printable assembly pack (PDF) for a period.")
    static final class Pack extends Leaf {
        @Option(names = "--from", paramLabel = "DATE", required = true)
        String from;
        @Option(names = "--to", paramLabel = "DATE", required = true)
        String to;
        @Option(names = "--out", paramLabel = "FILE.pdf", required = true,
                description = "The new PDF file, or a folder to write it in.")
        Path file;
        @Option(names = "--recovery-key", paramLabel = "KEYFILE",
                description = "Add the cooperative's recovery key, read from this file (written by "
                        + "'minka security recovery-key --out'), on a last page to fold and seal. "
                        + "The check code does not cover that page.")
        Path recoveryKey;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            var p = s.pack().write(Texts.date(from), Texts.date(to), file, root().askedLanguage(), recoveryKey,
                    Progress.NONE);
            if (json.on) {
                Out.json(out(), new ReportJson.PackJson(p.file().toString(), p.pages(), p.code().from().toString(),
                        p.code().to().toString(), p.code().text()));
            } else {
                out().println(Terminal.safe(t("cli.report.packWrote", p.file().toString(), Integer.toString(p.pages()))));
                out().println(t("cli.report.checkCode", p.code().text()));
                if (recoveryKey != null) {
                    out().println(Terminal.safe(t("cli.report.packSealed", Integer.toString(p.pages()),
                            p.file().toString())));
                }
            }
            return 0;
        }
    }
}
