package coop.minka.cli;

import coop.minka.app.PeriodService;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `minka period close --to DATE` and `minka period status`.
@Command(name = "period", description = "Close the books up to a date, so nothing dated in the closed period can be entered.",
        subcommands = {PeriodCommand.Close.class, PeriodCommand.Status.class, PeriodLateCommands.Late.class, PeriodLateCommands.Accept.class})
final class PeriodCommand {
    private PeriodCommand() {
    }

    /// What `period close --json` prints.
    record ClosedJson(String closedUpTo, boolean changed) {
    }

    /// What `period status --json` prints.
    record StatusJson(String closedUpTo, java.util.List<String> closes) {
    }

    @Command(name = "close", description = "Close the books up to and including DATE.")
    static final class Close extends Leaf {
        @Option(names = "--to", required = true, paramLabel = "DATE")
        String to;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            PeriodService.Closed c = s.closing().close(Texts.date(to));
            if (json.on) {
                Out.json(out(), new ClosedJson(c.closedUpTo().toString(), c.changed()));
            } else if (c.changed()) {
                out().println(t("cli.period.closed", c.closedUpTo().toString()));
            } else {
                out().println(t("cli.period.alreadyClosed", c.closedUpTo().toString()));
            }
            return 0;
        }
    }

    @Command(name = "status", description = "Show the date the books are closed up to.")
    static final class Status extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            LocalDate closed = s.closing().closedUpTo().orElse(null);
            if (json.on) {
                Out.json(out(), new StatusJson(closed == null ? null : closed.toString(),
                        s.closing().closes().stream().map(LocalDate::toString).toList()));
            } else {
                out().println(closed == null ? t("cli.period.never") : t("cli.period.closedUpTo", closed.toString()));
            }
            return 0;
        }
    }
}
