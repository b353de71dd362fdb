package coop.minka.cli;

import coop.minka.app.sync.ConflictService;
import coop.minka.app.Services;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka sync conflicts` and `minka sync resolve`: the decisions two laptops left to a person,
/// and recording one so that it travels with the next sync file.
final class ConflictCommands {
    private ConflictCommands() {
    }

    @Command(name = "conflicts", description = "Changes made on two laptops at once, waiting for a person to decide.")
    static final class ListCmd extends Leaf {
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            List<ConflictService.Conflict> all = s.conflicts().list();
            if (json) {
                Out.json(out(), all.stream().map(ConflictCommands::json).toList());
                return 0;
            }
            PrintWriter o = out();
            if (all.isEmpty()) {
                o.println("No conflicts: nothing to decide.");
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ConflictService.Conflict c : all) {
                boolean first = true;
                for (ConflictService.Change ch : c.changes()) {
                    rows.add(List.of(first ? c.number() + "" : "", first ? c.id() : "", first ? what(c) : "", ch.field(),
                            ch.current().value(), ch.other().value(),
                            ch.current().laptop() + " / " + ch.other().laptop(),
                            day(ch.current().at()) + " / " + day(ch.other().at())));
                    first = false;
                }
            }
            Out.table(o, List.of("#", "ID", "WHAT", "FIELD", "CURRENT VALUE", "OTHER VALUE", "LAPTOPS", "DATES"), rows);
            o.println("Decide with: minka sync resolve NUMBER --keep | --take-other");
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

        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            ConflictService.Choice choice = which.keep ? ConflictService.Choice.KEEP_CURRENT
                    : ConflictService.Choice.TAKE_OTHER;
            ConflictService.Decision d = s.conflicts().resolve(ref, choice);
            if (json) {
                Map<String, Object> o = json(d.conflict());
                o.put("decision", choice == ConflictService.Choice.KEEP_CURRENT ? "keep" : "take-other");
                o.put("entries", d.entries());
                Out.json(out(), o);
                return 0;
            }
            List<String> values = d.conflict().changes().stream()
                    .map(ch -> ch.field() + " = \"" + (choice == ConflictService.Choice.KEEP_CURRENT
                            ? ch.current().value() : ch.other().value()) + "\"").toList();
            out().println("Decided for " + what(d.conflict()) + ": " + String.join(", ", values) + ".");
            out().println("The decision travels to the other laptops with the next sync file.");
            return 0;
        }
    }

    static String what(ConflictService.Conflict c) {
        return switch (c.kind()) {
            case MEMBER -> "member " + c.name();
            case ACCOUNT -> "account " + c.code() + " " + c.name();
            case CATEGORY -> "work category " + c.code() + " " + c.name();
            case COOPERATIVE -> "the cooperative " + c.name();
            case OTHER -> c.entity();
        };
    }

    private static String day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }

    static Map<String, Object> json(ConflictService.Conflict c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("number", c.number());
        o.put("id", c.id());
        o.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        o.put("entity", c.entity());
        o.put("name", c.name());
        o.put("code", c.code());
        o.put("what", what(c));
        List<Object> fields = new ArrayList<>();
        for (ConflictService.Change ch : c.changes()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("field", ch.field());
            f.put("current", side(ch.current()));
            f.put("other", side(ch.other()));
            fields.add(f);
        }
        o.put("fields", fields);
        return o;
    }

    private static Map<String, Object> side(ConflictService.Side s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("value", s.value());
        o.put("laptop", s.laptop());
        o.put("at", Instant.ofEpochMilli(s.at()).toString());
        return o;
    }
}
