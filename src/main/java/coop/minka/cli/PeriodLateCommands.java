package coop.minka.cli;

import coop.minka.app.PeriodService;
import coop.minka.app.Services;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka period late` and `minka period accept ID` (design notes 22); a late entry is voided
/// with `tx void` or `work void`.
final class PeriodLateCommands {
    private PeriodLateCommands() {
    }

    static Map<String, Object> json(PeriodService.LateEntry e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", e.id());
        o.put("kind", e.kind());
        o.put("date", e.date() == null ? null : e.date().toString());
        o.put("what", e.what());
        o.put(e.kind().equals("tx") ? "amount" : "minutes", e.amountOrMinutes());
        o.put("laptop", e.laptop());
        o.put("seq", e.seq());
        o.put("receivedAt", e.receivedAt().toString());
        o.put("status", e.status().name().toLowerCase(Locale.ROOT));
        return o;
    }

    static String status(Locale l, PeriodService.LateStatus s) {
        return BackupCommand.text(l, switch (s) {
            case WAITING -> "cli.period.late.status.waiting";
            case ACCEPTED -> "cli.period.late.status.accepted";
            case VOIDED -> "cli.period.late.status.voided";
        });
    }

    @Command(name = "late", description = "List the late entries: dated in a closed period, arrived after the close.")
    static final class Late extends Leaf {
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            List<PeriodService.LateEntry> all = s.closing().lateEntries();
            Locale l = root().locale();
            if (json) {
                Out.json(out(), all.stream().map(PeriodLateCommands::json).toList());
                return 0;
            }
            if (all.isEmpty()) {
                out().println(BackupCommand.text(l, "cli.period.late.none"));
                return 0;
            }
            var money = s.workspace().currency();
            List<List<String>> rows = new ArrayList<>();
            for (PeriodService.LateEntry e : all) {
                String figure = e.kind().equals("tx")
                        ? coop.minka.domain.Money.format(e.amountOrMinutes(), money)
                        : BackupCommand.text(l, "cli.period.late.minutes", String.valueOf(e.amountOrMinutes()));
                rows.add(List.of(e.id(), BackupCommand.text(l, e.kind().equals("tx") ? "cli.period.late.kind.tx" : "cli.period.late.kind.work"),
                        e.date() == null ? "" : e.date().toString(), e.what(), figure, e.laptop(), status(l, e.status())));
            }
            out().print(TextTable.render(List.of(BackupCommand.text(l, "cli.period.late.col.id"),
                    BackupCommand.text(l, "cli.period.late.col.kind"), BackupCommand.text(l, "cli.period.late.col.date"),
                    BackupCommand.text(l, "cli.period.late.col.what"), BackupCommand.text(l, "cli.period.late.col.figure"),
                    BackupCommand.text(l, "cli.period.late.col.laptop"), BackupCommand.text(l, "cli.period.late.col.status")),
                    rows));
            if (all.stream().anyMatch(e -> e.status() == PeriodService.LateStatus.WAITING)) {
                out().println(BackupCommand.text(l, "cli.period.late.how"));
            }
            return 0;
        }
    }

    @Command(name = "accept", description = "Accept a late entry: it stays in the books, and every laptop sees the decision.")
    static final class Accept extends Leaf {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--note", paramLabel = "TEXT")
        String note;
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            PeriodService.LateEntry e = s.closing().accept(id, note);
            if (json) {
                Out.json(out(), json(e));
            } else {
                LocalDate d = e.date();
                out().println(Terminal.safe(BackupCommand.text(root().locale(), "cli.period.accepted", e.id(),
                        d == null ? "" : d.toString())));
            }
            return 0;
        }
    }
}
