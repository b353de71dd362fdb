package coop.minka.app.report;

import coop.minka.app.DateRange;
import coop.minka.app.Workspace;

import static coop.minka.store.schema.Tables.OP;
import static coop.minka.store.schema.Tables.REPLICA;

import coop.minka.domain.Hlc;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

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
        Condition c = DSL.noCondition();
        if (from != null) {
            c = c.and(OP.HLC.ge(Hlc.pack(from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), 0)));
        }
        if (to != null) {
            c = c.and(OP.HLC.lt(Hlc.pack(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), 0)));
        }
        Condition cond = c;
        return ws.db().read(d -> {
            var q = d.select(OP.REPLICA, REPLICA.NAME, OP.SEQ, OP.HLC, OP.TYPE, OP.ENTITY, OP.BUNDLE).from(OP)
                    .leftJoin(REPLICA).on(REPLICA.ID.eq(OP.REPLICA)).where(cond)
                    .orderBy(OP.HLC, OP.REPLICA, OP.SEQ);
            var rows = limit > 0 ? q.limit(limit).fetch() : q.fetch();
            return rows.map(r -> new Entry(r.value1(), r.value2(), r.value3(),
                    Instant.ofEpochMilli(Hlc.millis(r.value4())), r.value5(), r.value6(), r.value7()));
        });
    }
}
