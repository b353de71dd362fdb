package coop.minka.cli;

import coop.minka.app.Services;
import coop.minka.domain.Money;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkKind;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `minka category add|list`: kinds of shared work.
@Command(name = "category", description = "Work categories (care, community kitchen, communal labour…).",
        subcommands = {CategoryCommand.Add.class, CategoryCommand.ListCategories.class})
final class CategoryCommand {
    private CategoryCommand() {
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
                Out.json(out(), Out.category(c, s.workspace().currency()));
            } else {
                out().println(c.id());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List work categories.")
    static final class ListCategories extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            List<WorkCategory> cs = s.work().categories();
            if (json.on) {
                Out.json(out(), cs.stream().map(c -> Out.category(c, cur)).toList());
            } else {
                Out.table(out(), List.of(t("cli.col.code"), t("cli.col.name"), t("cli.col.kind"), t("cli.col.rate")),
                        cs.stream().map(c -> List.of(c.code(), c.name(), t("cli.workKind." + c.kind().wire()),
                                c.rateMinor() == null ? "" : Money.format(c.rateMinor(), cur))).toList());
            }
            return 0;
        }
    }
}
