package coop.minka.cli;

import coop.minka.app.PeriodService;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `minka period close --to DATE` and `minka period status`.
@Command(name = "period", description = "Close the books up to a date, so nothing dated in the closed period can be entered.",
        subcommands = {PeriodCommand.Close.class, PeriodCommand.Status.class, PeriodLateCommands.Late.class, PeriodLateCommands.Accept.class})
final class PeriodCommand {
    private PeriodCommand() {
    }

    @Command(name = "close", description = "Close the books up to and including DATE.")
    static final class Close extends Leaf {
        @Option(names = "--to", required = true, paramLabel = "DATE")
        String to;
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            PeriodService.Closed c = s.closing().close(Texts.date(to));
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("closedUpTo", c.closedUpTo().toString());
                o.put("changed", c.changed());
                Out.json(out(), o);
            } else if (c.changed()) {
                out().println("The books are now closed up to " + c.closedUpTo()
                        + ". Nothing dated on or before that day can be entered or voided.");
            } else {
                out().println("The books were already closed up to " + c.closedUpTo() + "; nothing changed.");
            }
            return 0;
        }
    }

    @Command(name = "status", description = "Show the date the books are closed up to.")
    static final class Status extends Leaf {
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            LocalDate closed = s.closing().closedUpTo().orElse(null);
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("closedUpTo", closed == null ? null : closed.toString());
                o.put("closes", s.closing().closes().stream().map(LocalDate::toString).toList());
                Out.json(out(), o);
            } else {
                out().println(closed == null ? "The books have never been closed." : "The books are closed up to " + closed + ".");
            }
            return 0;
        }
    }
}
