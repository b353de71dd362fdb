package coop.minka.cli;

import coop.minka.app.sync.ConflictService;
import coop.minka.app.Services;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka sync conflicts` and `minka sync resolve`: the decisions two laptops left to a person,
/// and recording one so that it travels with the next sync file.
final class ConflictCommands {
    private ConflictCommands() {
    }

    @Command(name = "conflicts", description = "Changes made on two laptops at once, waiting for a person to decide.")
    static final class ListCmd extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            List<ConflictService.Conflict> all = s.conflicts().list();
            if (json.on) {
                Out.json(out(), all.stream().map(c -> json(c, this)).toList());
                return 0;
            }
            PrintWriter o = out();
            if (all.isEmpty()) {
                o.println(t("cli.conflicts.none"));
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ConflictService.Conflict c : all) {
                boolean first = true;
                for (ConflictService.Change ch : c.changes()) {
                    rows.add(List.of(first ? c.number() + "" : "", first ? c.id() : "", first ? what(c, this) : "", ch.field(),
                            ch.current().value(), ch.other().value(),
                            ch.current().laptop() + " / " + ch.other().laptop(),
                            day(ch.current().at()) + " / " + day(ch.other().at())));
                    first = false;
                }
            }
            Out.table(o, List.of("#", t("cli.col.id"), t("cli.col.what"), t("cli.col.field"), t("cli.col.currentValue"),
                    t("cli.col.otherValue"), t("cli.col.laptops"), t("cli.col.dates")), rows);
            o.println(t("cli.conflicts.decide"));
            return 0;
        }
    }

    @Command(name = "resolve", description = "Decide a conflict: keep the current value or take the other one. "
            + "The decision travels to the other laptops with the next sync file.")
    static final class Resolve extends Leaf {
        @Parameters(paramLabel = "N|ID", description = "The number or id shown by 'minka sync conflicts'.")
        String ref;

        static final class Which {
            @Option(names = "--keep", required = true, description = "Keep the current value.")
            boolean keep;
            @Option(names = "--take-other", required = true, description = "Take the other laptop's value.")
            boolean takeOther;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            ConflictService.Choice choice = which.keep ? ConflictService.Choice.KEEP_CURRENT
                    : ConflictService.Choice.TAKE_OTHER;
            ConflictService.Decision d = s.conflicts().resolve(ref, choice);
            if (json.on) {
                ConflictJson c = json(d.conflict(), this);
                Out.json(out(), new DecisionJson(c.number(), c.id(), c.kind(), c.entity(), c.name(), c.code(), c.what(),
                        c.fields(), choice == ConflictService.Choice.KEEP_CURRENT ? "keep" : "take-other",
                        d.entries()));
                return 0;
            }
            List<String> values = d.conflict().changes().stream()
                    .map(ch -> ch.field() + " = \"" + (choice == ConflictService.Choice.KEEP_CURRENT
                            ? ch.current().value() : ch.other().value()) + "\"").toList();
            out().println(Terminal.safe(t("cli.conflicts.decided", what(d.conflict(), this), String.join(", ", values))));
            out().println(t("cli.conflicts.travels"));
            return 0;
        }
    }

    /// What a conflict is about, in the user's language ("member Ana Quispe").
    static String what(ConflictService.Conflict c, Leaf cmd) {
        return switch (c.kind()) {
            case MEMBER -> cmd.t("cli.conflicts.member", c.name());
            case ACCOUNT -> cmd.t("cli.conflicts.account", c.code(), c.name());
            case CATEGORY -> cmd.t("cli.conflicts.category", c.code(), c.name());
            case COOPERATIVE -> cmd.t("cli.conflicts.cooperative", c.name());
            case OTHER -> c.entity();
        };
    }

    private static String day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }

    /// A conflict in `sync conflicts --json`; `what` is in the user's language.
    record ConflictJson(int number, String id, String kind, String entity, String name, String code, String what,
                        List<FieldJson> fields) {
    }

    /// A conflict and the decision in `sync resolve --json`.
    record DecisionJson(int number, String id, String kind, String entity, String name, String code, String what,
                        List<FieldJson> fields, String decision, int entries) {
    }

    record FieldJson(String field, SideJson current, SideJson other) {
    }

    record SideJson(String value, String laptop, String at) {
    }

    static ConflictJson json(ConflictService.Conflict c, Leaf cmd) {
        return new ConflictJson(c.number(), c.id(), c.kind().name().toLowerCase(java.util.Locale.ROOT), c.entity(),
                c.name(), c.code(), what(c, cmd), c.changes().stream()
                .map(ch -> new FieldJson(ch.field(), side(ch.current()), side(ch.other()))).toList());
    }

    private static SideJson side(ConflictService.Side s) {
        return new SideJson(s.value(), s.laptop(), Instant.ofEpochMilli(s.at()).toString());
    }
}
