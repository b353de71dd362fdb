package coop.minka.cli;

import coop.minka.app.ErrorMessages;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import coop.minka.domain.Money;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka category add|update|list`: kinds of shared work and their reference rates.
@Command(name = "category", description = "Work categories (care, community kitchen, communal labour…).",
        subcommands = {CategoryCommand.Add.class, CategoryCommand.Update.class, CategoryCommand.ListCategories.class})
final class CategoryCommand {
    private CategoryCommand() {
    }

    /// A sentence of the command line (errors bundle, as the other `cli.*` texts) in its language.
    static String text(Locale locale, String key, Object... args) {
        return ErrorMessages.text(key, locale, args);
    }

    /// A rate from a date on, in `--json`.
    record RateJson(String from, String rate) {
    }

    /// A category as JSON: what [Out#category] gives, plus the rate in effect today and the rates
    /// from a date on.
    record CategoryRatesJson(String id, String code, String name, String kind, String rate, String currentRate,
                             List<RateJson> ratesFrom) {
    }

    static CategoryRatesJson json(WorkCategory c, Currency cur) {
        Out.CategoryJson base = Out.category(c, cur);
        Long now = c.rateOn(LocalDate.now());
        List<RateJson> rates = new ArrayList<>();
        c.ratesFrom().forEach((from, rate) -> rates.add(new RateJson(from.toString(), Money.format(rate, cur))));
        return new CategoryRatesJson(base.id(), base.code(), base.name(), base.kind(), base.rate(),
                now == null ? null : Money.format(now, cur), rates);
    }

    @Command(name = "add", description = "Add a work category.")
    static final class Add extends Leaf {
        @Option(names = "--code", required = true)
        String code;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--rate", paramLabel = "AMOUNT", description = "Reference value of one hour, e.g. 12.50.")
        String rate;
        @Option(names = "--kind", defaultValue = "other", description = "care, community, productive, governance or other.")
        String kind;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            WorkCategory c = s.work().addCategory(code, name, rate, WorkKind.fromWire(kind));
            if (json.on) {
                Out.json(out(), json(c, s.workspace().currency()));
            } else {
                out().println(c.id());
            }
            return 0;
        }
    }

    @Command(name = "update", description = "Rename a work category or set its rate from a date on.")
    static final class Update extends Leaf {
        @Parameters(index = "0", paramLabel = "CODE", description = "The category's code.")
        String code;
        @Option(names = "--name", paramLabel = "NAME", description = "A new name.")
        String name;
        @Option(names = "--rate", paramLabel = "AMOUNT",
                description = "Reference value of one hour from --from on, e.g. 15.00; earlier work keeps its rate.")
        String rate;
        @Option(names = "--from", paramLabel = "DATE", description = "The first day of the new rate, yyyy-MM-dd.")
        String from;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            Locale locale = root().locale();
            if (name == null && rate == null && from == null) {
                spec.commandLine().getErr().println(text(locale, "cli.category.nothing"));
                return 2;
            }
            LocalDate day = Texts.date(from);
            WorkCategory c = s.work().updateCategory(code, name, rate, day);
            var cur = s.workspace().currency();
            if (json.on) {
                Out.json(out(), json(c, cur));
            } else if (day != null) {
                out().println(Terminal.safe(text(locale, "cli.category.rateSet", c.code(), c.name(),
                        Money.format(c.rateOn(day), cur), day.toString())));
            } else {
                out().println(Terminal.safe(text(locale, "cli.category.renamed", c.code(), c.name())));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List work categories with the rate in effect today.")
    static final class ListCategories extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            List<WorkCategory> cs = s.work().categories();
            if (json.on) {
                Out.json(out(), cs.stream().map(c -> json(c, cur)).toList());
            } else {
                Locale l = root().locale();
                LocalDate today = LocalDate.now();
                Out.table(out(), List.of(text(l, "cli.category.col.code"), text(l, "cli.category.col.name"),
                        text(l, "cli.category.col.kind"), text(l, "cli.category.col.rate"),
                        text(l, "cli.category.col.since")), cs.stream().map(c -> {
                            Long now = c.rateOn(today);
                            var since = c.ratesFrom().headMap(today.plusDays(1));
                            return List.of(c.code(), c.name(), t("cli.workKind." + c.kind().wire()),
                                    now == null ? "" : Money.format(now, cur),
                                    since.isEmpty() ? "" : since.lastKey().toString());
                        }).toList());
            }
            return 0;
        }
    }
}
