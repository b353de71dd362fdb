package coop.minka.app.report;

import coop.minka.app.DateRange;
import coop.minka.app.Workspace;

import coop.minka.domain.EntityFold;
import coop.minka.domain.Hlc;
import coop.minka.domain.OpType;
import coop.minka.domain.Permissions;
import coop.minka.domain.Person;
import coop.minka.store.PeopleRepository;
import coop.minka.store.ReportRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/// The audit trail: every change, by which person and laptop, when, what it changed (old → new
/// values for changes of members, kinds of work, accounts, people and the cooperative) and how it
/// arrived.
public final class AuditService {
    /// Fields whose values the trail never shows: a PIN hash is shown as changed, not as a value.
    public static final String HIDDEN = "***";
    private static final Set<String> NOT_FIELDS = Set.of(EntityFold.BASE, Permissions.BY, Permissions.ALSO);
    /// The kinds of change that describe an entity field by field.
    private static final Set<String> DESCRIBING = Set.of(OpType.COOP_CREATE, OpType.COOP_UPDATE, OpType.MEMBER_ADD,
            OpType.MEMBER_UPDATE, OpType.CATEGORY_ADD, OpType.CATEGORY_UPDATE, OpType.ACCOUNT_ADD,
            OpType.ACCOUNT_UPDATE, OpType.PERSON_ADD, OpType.PERSON_UPDATE, OpType.PERSON_PIN);

    private final Workspace ws;

    public AuditService(Workspace ws) {
        this.ws = ws;
    }

    /// One field an update changed: its value before (by the changes with a smaller stamp; null
    /// if never set) and after.
    public record Change(String field, String before, String after) {
        /// `field: before → after`, for one-line listings.
        public String text() {
            return field + ": " + (before == null ? "" : before) + " \u2192 " + after;
        }
    }

    /// One change. `replicaName` is null while the author's join has not arrived; `bundle` is
    /// the sync file it came in, null for changes made on this laptop. `person` and `also` are
    /// the names of the people who made it (null for a change that names none); `changes` the
    /// fields an update changed.
    public record Entry(String replica, String replicaName, long seq, Instant at, String type, String entity,
                        String bundle, String person, String also, List<Change> changes) {
        /// The changed fields on one line (`name: Ana → Ana María; status: active → inactive`).
        public String changesText() {
            return String.join("; ", changes.stream().map(Change::text).toList());
        }
    }

    /// Changes in time order; `limit` ≤ 0 means all. The values before an update are folded from
    /// every earlier change, also those before `from`.
    public List<Entry> log(LocalDate from, LocalDate to, int limit) {
        DateRange.check(from, to);
        Map<String, String> names = new HashMap<>();
        for (Person p : ws.read(PeopleRepository::all)) {
            names.put(p.id(), p.name());
        }
        List<ReportRepository.AuditRow> rows = ws.read(s -> ReportRepository.audit(s, null, to, 0));
        long fromHlc = from == null ? Long.MIN_VALUE
                : Hlc.pack(from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), 0);
        Map<String, Map<String, Object>> fields = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        for (ReportRepository.AuditRow r : rows) {
            List<Change> changes = List.of();
            if (DESCRIBING.contains(r.type())) {
                Map<String, Object> known = fields.computeIfAbsent(r.entity(), e -> new HashMap<>());
                boolean update = r.type().endsWith(".update") || r.type().equals(OpType.PERSON_PIN);
                List<Change> found = new ArrayList<>();
                r.data().asMap().forEach((k, v) -> {
                    if (NOT_FIELDS.contains(k)) {
                        return;
                    }
                    Object old = known.put(k, v);
                    if (update && !Objects.equals(old, v)) {
                        boolean hidden = k.equals("pin");
                        found.add(new Change(k, old == null ? null : hidden ? HIDDEN : String.valueOf(old),
                                hidden ? HIDDEN : String.valueOf(v)));
                    }
                });
                changes = List.copyOf(found);
            }
            if (r.hlc() < fromHlc || (limit > 0 && out.size() >= limit)) {
                continue;
            }
            out.add(new Entry(r.replica(), r.replicaName(), r.seq(), Instant.ofEpochMilli(Hlc.millis(r.hlc())),
                    r.type(), r.entity(), r.bundle(), name(names, r.data().str(Permissions.BY)),
                    name(names, r.data().str(Permissions.ALSO)), changes));
        }
        return out;
    }

    private static String name(Map<String, String> names, String id) {
        return id == null ? null : names.getOrDefault(id, id);
    }
}
