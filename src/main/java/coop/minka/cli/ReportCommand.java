package coop.minka.cli;

import coop.minka.app.ReportService;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import coop.minka.domain.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `minka report balances|work`.
@Command(name = "report", description = "Reports: balances and shared work.",
        subcommands = {ReportCommand.Balances.class, ReportCommand.Work.class})
final class ReportCommand {
    private ReportCommand() {
    }

    @Command(name = "balances", description = "Balance of every account (debit positive); the total is zero.")
    static final class Balances extends Leaf {
        @Option(names = "--as-of", paramLabel = "DATE")
        String asOf;
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            List<ReportService.BalanceRow> rows = s.reports().balances(Texts.date(asOf));
            long total = rows.stream().mapToLong(ReportService.BalanceRow::balance).sum();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("asOf", asOf);
                o.put("currency", cur.getCurrencyCode());
                o.put("accounts", rows.stream().map(r -> Out.account(r.account(), r.balance(), cur)).toList());
                o.put("total", Money.format(total, cur));
                Out.json(out(), o);
            } else {
                Out.table(out(), List.of("CODE", "NAME", "TYPE", "BALANCE"), rows.stream().map(r -> List.of(
                        r.account().code(), r.account().name(), r.account().type().wire(),
                        Money.format(r.balance(), cur))).toList());
                out().println("Total: " + Money.format(total, cur) + " " + cur.getCurrencyCode());
            }
            return 0;
        }
    }

    @Command(name = "work", description = "Hours of shared work and their value, grouped.")
    static final class Work extends Leaf {
        @Option(names = "--by", defaultValue = "category", description = "member, category, month or gender.")
        ReportService.WorkGrouping by;
        @Option(names = "--from", paramLabel = "DATE")
        String from;
        @Option(names = "--to", paramLabel = "DATE")
        String to;
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            var rows = s.reports().work(by, Texts.date(from), Texts.date(to));
            long total = rows.stream().mapToLong(ReportService.WorkRow::minutes).sum();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("by", by.name().toLowerCase(java.util.Locale.ROOT));
                o.put("from", from);
                o.put("to", to);
                o.put("rows", rows.stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("key", r.key());
                    m.put("label", r.label());
                    m.put("hours", Double.parseDouble(Texts.hours(r.minutes())));
                    m.put("entries", r.entries());
                    m.put("value", Money.format(r.valueMinor(), cur));
                    return m;
                }).toList());
                o.put("totalHours", Double.parseDouble(Texts.hours(total)));
                Out.json(out(), o);
            } else {
                Out.table(out(), List.of(by.name(), "NAME", "HOURS", "ENTRIES", "VALUE"), rows.stream().map(r -> List.of(
                        r.key(), r.label(), Texts.hours(r.minutes()), Long.toString(r.entries()),
                        Money.format(r.valueMinor(), cur))).toList());
                out().println("Total: " + Texts.hours(total) + " hours");
            }
            return 0;
        }
    }
}
