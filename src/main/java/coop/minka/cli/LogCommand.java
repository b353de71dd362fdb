package coop.minka.cli;

import coop.minka.app.report.AuditService;
import coop.minka.app.Services;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `minka log`: the audit trail.
@Command(name = "log", description = "The audit trail: which person and laptop changed what (old and new values), and when.")
final class LogCommand extends Leaf {
    @Mixin
    DateRangeOptions dates;
    @Option(names = "--limit", defaultValue = "0", description = "Show at most this many (0 = all).")
    int limit;
    @Mixin
    JsonOption json;

    /// One entry of `log --json`.
    record Entry(String replica, String replicaName, long seq, String at, String type, String entity, String bundle,
                 String person, String also, List<ReportJson.ChangeJson> changes) {
    }

    @Override
    int run(Services s) {
        List<AuditService.Entry> es = s.audit().log(dates.from(), dates.to(), limit);
        if (json.on) {
            Out.json(out(), es.stream().map(e -> new Entry(e.replica(), e.replicaName(), e.seq(), e.at().toString(),
                    e.type(), e.entity(), e.bundle(), e.person(), e.also(), e.changes().stream()
                    .map(c -> new ReportJson.ChangeJson(c.field(), c.before(), c.after())).toList())).toList());
        } else {
            Out.table(out(), List.of(t("cli.col.whenUtc"), t("cli.col.laptop"), "#", t("cli.col.change"),
                    t("cli.col.entity"), t("cli.col.person"), t("cli.col.whatChanged")), es.stream().map(e -> List.of(
                    e.at().toString().replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", ""),
                    e.replicaName() == null ? e.replica() : e.replicaName(), Long.toString(e.seq()), e.type(),
                    e.entity(), e.person() == null ? "" : e.also() == null ? e.person() : e.person() + " + " + e.also(),
                    e.changesText())).toList());
        }
        return 0;
    }
}
