package coop.minka.cli;

import coop.minka.app.LedgerService;
import coop.minka.app.report.ReportService;
import coop.minka.app.report.ReportTable;
import coop.minka.app.report.ReportTables;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import coop.minka.domain.Money;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
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
        @Option(names = "--from", paramLabel = "DATE", description = "First day (default: the beginning).")
        String from;
        @Option(names = "--to", paramLabel = "DATE", description = "Last day (default: the latest entry).")
        String to;
        @Option(names = "--json", description = "Print JSON (field names in docs/reports.md).")
        boolean json;
        @Option(names = "--csv", description = "Print CSV, the same rows as the CSV export.")
        boolean csv;

        LocalDate from() {
            return Texts.date(from);
        }

        LocalDate to() {
            return Texts.date(to);
        }

        /// Prints the table (or CSV), or the JSON object when `--json`.
        int print(ReportTable table, Map<String, Object> jsonObject, List<String> after) {
            if (json) {
                Out.json(out(), jsonObject);
            } else if (csv) {
                table.writeCsv(out());
            } else {
                Out.table(out(), table.headers(), table.rows());
                after.forEach(line -> out().println(Terminal.safe(line)));
            }
            return 0;
        }
    }

    @Command(name = "balances", description = "Balance of every account (debit positive); the total is zero.")
    static final class Balances extends Leaf {
        @Option(names = "--as-of", paramLabel = "DATE")
        String asOf;
        @Option(names = "--json")
        boolean json;
        @Option(names = "--csv", description = "Print CSV: code, name, type, balance.")
        boolean csv;

        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            List<LedgerService.AccountBalance> rows = s.reports().balances(Texts.date(asOf));
            if (csv && !json) {
                new ReportTable("balances", "Balances", List.of("CODE", "NAME", "TYPE", "BALANCE"),
                        List.of(false, false, false, true), rows.stream().map(r -> List.of(r.account().code(),
                        r.account().name(), r.account().type().wire(), Money.format(r.balance(), cur))).toList())
                        .writeCsv(out());
                return 0;
            }
            long total = rows.stream().mapToLong(LedgerService.AccountBalance::balance).sum();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("asOf", asOf);
                o.put("currency", cur.getCurrencyCode());
                o.put("accounts", rows.stream().map(r -> Out.account(r.account(), r.balance(), cur)).toList());
                o.put("total", Money.format(total, cur));
                Out.json(out(), o);
            } else {
                BalancesTable.print(out(), rows, cur);
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
            return print(ReportTables.trialBalance(tb, cur), ReportJson.trialBalance(tb, cur),
                    List.of("Debits and credits are equal: " + (tb.totalDebits() == tb.totalCredits() ? "yes" : "NO")));
        }
    }

    @Command(name = "balance-sheet", description = "What the cooperative has and owes at the end of the period (--to).")
    static final class BalanceSheet extends PeriodReport {
        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            var bs = s.reports().statements().balanceSheet(to());
            return print(ReportTables.balanceSheet(bs, cur), ReportJson.balanceSheet(bs, cur), List.of());
        }
    }

    @Command(name = "income", description = "Income and expenditure of the period, and the surplus or deficit.")
    static final class Income extends PeriodReport {
        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            var is = s.reports().statements().income(from(), to());
            return print(ReportTables.income(is, cur), ReportJson.income(is, cur), List.of());
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
            Map<String, Object> o = ReportJson.period(from(), to(), cur);
            o.put("accounts", books.stream().map(b -> ReportJson.book(b, cur)).toList());
            return print(ReportTables.cashBooks(books, from(), cur), o, List.of());
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
            Map<String, Object> o = ReportJson.period(from(), to(), cur);
            o.put("members", st.stream().map(m -> ReportJson.statement(m, cur)).toList());
            List<String> after = st.stream().map(m -> m.member().name() + ": " + Texts.hours(m.workMinutes())
                    + " hours of work, valued at " + Money.format(m.workValueMinor(), cur)).toList();
            return print(ReportTables.memberStatements(st, from(), cur), o, after);
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
                return print(ReportTables.recognition(r, cur), ReportJson.recognition(r, cur), List.of(
                        "Total: " + Texts.hours(r.total().minutes()) + " hours, valued at "
                                + Money.format(r.total().valueMinor(), cur) + "; done by women: "
                                + (share == null ? "-" : share + "%")));
            }
            return grouped(s, cur);
        }

        private int grouped(Services s, java.util.Currency cur) {
            var rows = s.reports().work(by, from(), to());
            long total = rows.stream().mapToLong(ReportService.WorkRow::minutes).sum();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("by", by.name().toLowerCase(java.util.Locale.ROOT));
            o.put("from", from);
            o.put("to", to);
            o.put("rows", rows.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", r.key());
                m.put("label", r.label());
                m.put("hours", ReportJson.hours(r.minutes()));
                m.put("entries", r.entries());
                m.put("value", Money.format(r.valueMinor(), cur));
                return m;
            }).toList());
            o.put("totalHours", ReportJson.hours(total));
            ReportTable t = new ReportTable("work-by-" + o.get("by"), "Work", List.of(by.name(), "NAME", "HOURS",
                    "ENTRIES", "VALUE"), List.of(false, false, true, true, true), rows.stream().map(r -> List.of(
                    r.key(), r.label(), Texts.hours(r.minutes()), Long.toString(r.entries()),
                    Money.format(r.valueMinor(), cur))).toList());
            return print(t, o, List.of("Total: " + Texts.hours(total) + " hours"));
        }
    }

    @Command(name = "audit", description = "The audit trail: every change in the period, by which laptop, when, "
            + "and the sync file it came in.")
    static final class Audit extends PeriodReport {
        @Override
        int run(Services s) {
            var entries = s.audit().log(from(), to(), 0);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("from", from);
            o.put("to", to);
            o.put("entries", ReportJson.audit(entries));
            return print(ReportTables.audit(entries), o, List.of());
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
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            var p = s.pack().write(Texts.date(from), Texts.date(to), file, root().lang == null ? null : root().locale());
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("file", p.file().toString());
                o.put("pages", p.pages());
                o.put("from", p.code().from().toString());
                o.put("to", p.code().to().toString());
                o.put("checkCode", p.code().text());
                Out.json(out(), o);
            } else {
                out().println(Terminal.safe("Wrote " + p.file() + " (" + p.pages() + " pages)."));
                out().println("Check code: " + p.code().text());
            }
            return 0;
        }
    }
}
