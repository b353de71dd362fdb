package coop.minka.cli;

import coop.minka.app.report.AuditService;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `minka log`: the audit trail.
@Command(name = "log", description = "The audit trail: which laptop changed what, and when.")
final class LogCommand extends Leaf {
    @Option(names = "--from", paramLabel = "DATE")
    String from;
    @Option(names = "--to", paramLabel = "DATE")
    String to;
    @Option(names = "--limit", defaultValue = "0", description = "Show at most this many (0 = all).")
    int limit;
    @Option(names = "--json")
    boolean json;

    @Override
    int run(Services s) {
        List<AuditService.Entry> es = s.audit().log(Texts.date(from), Texts.date(to), limit);
        if (json) {
            Out.json(out(), es.stream().map(e -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("replica", e.replica());
                o.put("replicaName", e.replicaName());
                o.put("seq", e.seq());
                o.put("at", e.at().toString());
                o.put("type", e.type());
                o.put("entity", e.entity());
                o.put("bundle", e.bundle());
                return o;
            }).toList());
        } else {
            Out.table(out(), List.of("WHEN (UTC)", "LAPTOP", "#", "CHANGE", "ENTITY"), es.stream().map(e -> List.of(
                    e.at().toString().replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", ""),
                    e.replicaName() == null ? e.replica() : e.replicaName(), Long.toString(e.seq()), e.type(),
                    e.entity())).toList());
        }
        return 0;
    }
}
