package coop.minka.app.sync;

import coop.minka.app.Workspace;

import coop.minka.domain.EntityFold;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Hlc;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Money;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.ConflictRepository;
import coop.minka.store.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// Conflicts resolved by a person (DESIGN.md §4 and §7, design notes 5 and 17): two laptops
/// changed the same field of a member, account, work category or the cooperative without seeing
/// each other's change. [#list] says so in plain terms; [#resolve] records the decision as
/// entries in the change log, so that it travels to every laptop in the next sync file:
///
/// - *keep the current value*: a `conflict.resolve` naming the other entry (`loser`);
/// - *take the other value*: the matching `*.update` setting the field(s) back to the other
///   entry's value, made on top of the current one (`data.base`), then a `conflict.resolve`.
///
/// The `conflict.resolve` also carries `data.base` (the entry it was decided on top of): edits
/// made later take the latest entry of the entity as their base, which is then this resolution,
/// and through it they still descend from every value that was already settled.
///
/// A `conflict.resolve` names a whole entry, so an entry that changed several fields at once and
/// lost on more than one of them is one decision: its fields are kept or taken together.
public final class ConflictService {
    /// How many hex digits of the other entry's hash make a conflict's id.
    static final int ID_LENGTH = 10;

    private final Workspace ws;

    public ConflictService(Workspace ws) {
        this.ws = ws;
    }

    /// What the conflict is about.
    public enum Kind { MEMBER, ACCOUNT, CATEGORY, COOPERATIVE, OTHER }

    /// The two possible decisions.
    public enum Choice { KEEP_CURRENT, TAKE_OTHER }

    /// One value, the laptop that wrote it and when (that laptop's clock, epoch millis).
    public record Side(String value, String laptop, long at) {
    }

    /// One field in dispute: the value it holds now and the value the other entry set.
    public record Change(String field, Side current, Side other) {
    }

    /// An open decision. `number` is its place in [#list] (the same on laptops holding the same
    /// entries); `id` is the start of the other entry's hash and stays the same. `name` is the
    /// entity's name, or, when its name is what is disputed, the name both laptops started from;
    /// `code` is the account or category code (null otherwise).
    public record Conflict(int number, String id, String entity, Kind kind, String name, String code,
                           List<Change> changes) {
        public Conflict {
            changes = List.copyOf(changes);
        }

        /// The laptop that wrote the other value, and when: the same for every change.
        public Side other() {
            return changes.getFirst().other();
        }
    }

    /// What was decided, and the entries that record it.
    public record Decision(Conflict conflict, Choice choice, int entries) {
    }

    /// The open conflicts, in a fixed order: by entity, then field.
    public List<Conflict> list() {
        return ws.read(this::open);
    }

    /// Decides one conflict, given by its number in [#list] or its id (or the start of it).
    /// Unknown: [ErrorCode#UNKNOWN_CONFLICT].
    public Decision resolve(String ref, Choice choice) {
        if (choice == null) {
            throw new MinkaException(ErrorCode.BAD_CHOICE, "", "keep, take-other");
        }
        return ws.write(w -> {
            Found f = find(w, ref);
            Op seen = current(f.rows());
            if (choice == Choice.TAKE_OTHER) {
                seen = w.append(updateType(f.conflict()), f.conflict().entity(), takeOther(f.rows(), seen));
            }
            // the resolution names what it was decided on top of, so that later edits made after
            // seeing it descend from the decision (design note 17) and older values stay settled
            w.append(OpType.CONFLICT_RESOLVE, f.conflict().entity(), OpData.builder()
                    .put("loser", f.rows().getFirst().other().op().hashHex())
                    .put(EntityFold.BASE, seen.hashHex()).build());
            return new Decision(f.conflict(), choice, choice == Choice.TAKE_OTHER ? 2 : 1);
        });
    }

    private record Found(Conflict conflict, List<ConflictRepository.Row> rows) {
    }

    private Found find(Session s, String ref) {
        String r = ref == null ? "" : ref.strip().toLowerCase(Locale.ROOT);
        Map<String, List<ConflictRepository.Row>> groups = groups(s);
        int n = 0;
        List<Found> matches = new ArrayList<>();
        for (List<ConflictRepository.Row> rows : groups.values()) {
            Conflict c = conflict(++n, rows);
            boolean byNumber = r.matches("[0-9]{1,3}") && Integer.parseInt(r) == n;
            boolean byId = r.length() >= 4 && rows.getFirst().other().op().hashHex().startsWith(r);
            if (byNumber || byId) {
                matches.add(new Found(c, rows));
            }
        }
        if (matches.size() != 1) {
            throw new MinkaException(ErrorCode.UNKNOWN_CONFLICT, ref == null ? "" : ref.strip());
        }
        return matches.getFirst();
    }

    /// The entry that holds the current value (the latest of them, if the fields differ).
    private static Op current(List<ConflictRepository.Row> rows) {
        Op latest = null;
        for (ConflictRepository.Row row : rows) {
            Op cur = row.current().op();
            if (latest == null || Op.STAMP_ORDER.compare(cur, latest) > 0) {
                latest = cur;
            }
        }
        return latest;
    }

    /// The update that sets every disputed field to the other entry's value, made on top of the
    /// current value.
    private static OpData takeOther(List<ConflictRepository.Row> rows, Op current) {
        OpData.Builder b = OpData.builder();
        for (ConflictRepository.Row row : rows) {
            b.put(row.field(), row.other().value());
        }
        b.put(EntityFold.BASE, current.hashHex());
        return b.build();
    }

    private static String updateType(Conflict c) {
        return switch (c.kind()) {
            case MEMBER -> OpType.MEMBER_UPDATE;
            case ACCOUNT -> OpType.ACCOUNT_UPDATE;
            case CATEGORY -> OpType.CATEGORY_UPDATE;
            case COOPERATIVE -> OpType.COOP_UPDATE;
            case OTHER -> throw new MinkaException(ErrorCode.UNKNOWN_CONFLICT, c.id());
        };
    }

    private List<Conflict> open(Session s) {
        List<Conflict> out = new ArrayList<>();
        int n = 0;
        for (List<ConflictRepository.Row> rows : groups(s).values()) {
            out.add(conflict(++n, rows));
        }
        return out;
    }

    /// Rows grouped by the entry that lost, in the repository's order.
    private static Map<String, List<ConflictRepository.Row>> groups(Session s) {
        Map<String, List<ConflictRepository.Row>> groups = new LinkedHashMap<>();
        for (ConflictRepository.Row row : ConflictRepository.open(s)) {
            groups.computeIfAbsent(row.other().op().hashHex(), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    private Conflict conflict(int number, List<ConflictRepository.Row> rows) {
        ConflictRepository.Entity e = rows.getFirst().entity();
        List<Change> changes = rows.stream().map(r -> new Change(r.field(), side(r.field(), r.current()),
                side(r.field(), r.other()))).toList();
        String name = rows.stream().filter(r -> r.field().equals("name") && r.before() != null)
                .map(r -> r.before().toString()).findFirst().orElse(e.name());
        return new Conflict(number, rows.getFirst().other().op().hashHex().substring(0, ID_LENGTH), e.id(),
                Kind.valueOf(e.kind().name()), name, e.code(), changes);
    }

    private Side side(String field, ConflictRepository.Side s) {
        return new Side(text(field, s.value()), s.laptop(), Hlc.millis(s.op().hlc()));
    }

    /// A value as a person reads it: a rate per hour in the cooperative's money, anything else as written.
    private String text(String field, Object value) {
        if (value == null) {
            return "";
        }
        if ((field.equals("rate") || field.startsWith(coop.minka.domain.WorkCategory.RATE_FROM))
                && value instanceof Number n) {
            return Money.format(n.longValue(), ws.currency());
        }
        return String.valueOf(value);
    }
}
