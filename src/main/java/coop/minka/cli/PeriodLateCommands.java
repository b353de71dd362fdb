package coop.minka.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import coop.minka.app.PeriodService;
import coop.minka.app.Services;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka period late` and `minka period accept ID` (design notes 23); a late entry is voided
/// with `tx void` or `work void`.
final class PeriodLateCommands {
    private PeriodLateCommands() {
    }

    /// A late entry in `period late|accept --json`: `amount` (minor units) for a transaction,
    /// `minutes` for work; the other is left out.
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LateJson(String id, String kind, String date, String what, Long amount, Long minutes, String laptop,
                    long seq, String receivedAt, String status) {
    }

    static LateJson json(PeriodService.LateEntry e) {
        boolean tx = e.kind().equals("tx");
        return new LateJson(e.id(), e.kind(), e.date() == null ? null : e.date().toString(), e.what(),
                tx ? e.amountOrMinutes() : null, tx ? null : e.amountOrMinutes(), e.laptop(), e.seq(),
                e.receivedAt().toString(), e.status().name().toLowerCase(Locale.ROOT));
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
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            List<PeriodService.LateEntry> all = s.closing().lateEntries();
            Locale l = root().locale();
            if (json.on) {
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
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            PeriodService.LateEntry e = s.closing().accept(id, note);
            if (json.on) {
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
