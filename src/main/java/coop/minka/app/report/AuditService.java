package coop.minka.app.report;

import coop.minka.app.DateRange;
import coop.minka.app.Workspace;

import coop.minka.domain.Hlc;
import coop.minka.store.ReportRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/// The audit trail: every change, by which laptop, when, and how it arrived.
public final class AuditService {
    private final Workspace ws;

    public AuditService(Workspace ws) {
        this.ws = ws;
    }

    /// One change. `replicaName` is null while the author's join has not arrived; `bundle` is
    /// the sync file it came in, null for changes made on this laptop.
    public record Entry(String replica, String replicaName, long seq, Instant at, String type, String entity,
                        String bundle) {
    }

    /// Changes in time order; `limit` ≤ 0 means all.
    public List<Entry> log(LocalDate from, LocalDate to, int limit) {
        DateRange.check(from, to);
        return ws.read(s -> ReportRepository.audit(s, from, to, limit)).stream()
                .map(r -> new Entry(r.replica(), r.replicaName(), r.seq(), Instant.ofEpochMilli(Hlc.millis(r.hlc())),
                        r.type(), r.entity(), r.bundle())).toList();
    }
}
