package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.Hlc;
import coop.minka.domain.Op;
import coop.minka.domain.OpRules;
import coop.minka.domain.OpType;
import coop.minka.store.LateRepository;
import coop.minka.store.MemberRepository;
import coop.minka.store.ReplicaRepository;
import coop.minka.store.Session;
import coop.minka.sync.SyncRecords;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// Closing the books: after `close(to)` nothing dated on or before `to` can be entered or
/// voided on any laptop that has received the close. Entries dated in a closed period that
/// arrive later from another laptop are kept (never dropped) and listed as late entries, for a
/// person to accept (`period.accept`, which syncs) or void (design notes 23).
public final class PeriodService {
    private final Workspace ws;
    private final PeriodRules rules;
    private final ZoneId zone;

    public PeriodService(Workspace ws, PeriodRules rules, ZoneId zone) {
        this.ws = ws;
        this.rules = rules;
        this.zone = zone;
    }

    /// What a close did: the date the books are now closed up to, and whether this call
    /// recorded a new close (false when they were already closed up to that date or later).
    public record Closed(LocalDate closedUpTo, boolean changed) {
    }

    /// Closes the books up to `to` (inclusive). Refuses a day that has not ended yet by this
    /// laptop's clock, so a mistyped year cannot lock the books.
    public Closed close(LocalDate to) {
        if (to == null) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "--to");
        }
        Texts.date(to);
        LocalDate today = Instant.ofEpochMilli(ws.log().now()).atZone(zone).toLocalDate();
        if (!to.isBefore(today)) {
            throw new MinkaException(ErrorCode.PERIOD_NOT_ENDED, to, today);
        }
        String id = Ids.owned(ws.selfId(), ws.log().now());
        return ws.write(w -> {
            Optional<LocalDate> current = rules.closedUpTo(w);
            if (current.isPresent() && !to.isAfter(current.get())) {
                return new Closed(current.get(), false);
            }
            w.append(OpType.PERIOD_CLOSE, id, OpData.builder().put("to", to.toString()).build());
            return new Closed(to, true);
        });
    }

    /// The latest closing date, if the books were ever closed.
    public Optional<LocalDate> closedUpTo() {
        return ws.read(rules::closedUpTo);
    }

    /// Every closing date that counts, oldest first.
    public List<LocalDate> closes() {
        return ws.read(rules::closes);
    }

    /// One close in the history: the date closed up to, the laptop that closed and when.
    public record Close(LocalDate to, String laptop, Instant at) {
    }

    /// Every close that counts, oldest first, with who closed and when.
    public List<Close> history() {
        return ws.read(s -> LateRepository.closes(s, ws.selfId()).stream()
                .map(c -> new Close(c.to(), ReplicaRepository.name(s, c.replica()).orElse("?"),
                        Instant.ofEpochMilli(Hlc.millis(c.hlc())))).toList());
    }

    /// What a person decided about a late entry.
    public enum LateStatus {
        /// no decision yet: accept it or void it
        WAITING,
        /// a `period.accept` names it: it stays in the books
        ACCEPTED,
        /// voided: it no longer counts
        VOIDED
    }

    /// An entry dated in a closed period that arrived after the close (design notes 23): `id` is
    /// its transaction or work entry, `kind` `tx` or `work`, `what` the memo or the member and minutes.
    public record LateEntry(String id, String kind, LocalDate date, String what, long amountOrMinutes, String laptop,
                            long seq, Instant receivedAt, LateStatus status) {
    }

    /// The late entries held here, waiting ones first, then by arrival.
    public List<LateEntry> lateEntries() {
        return ws.read(this::late);
    }

    private List<LateEntry> late(Session s) {
        String self = ws.selfId();
        List<LateEntry> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SyncRecords.Flag f : SyncRecords.flags(s, SyncRecords.LATE)) {
            Optional<Op> held = LateRepository.op(s, f.replica(), f.seq());
            if (held.isEmpty() || !PeriodRules.CREATES.contains(held.get().type()) || !seen.add(held.get().entity())) {
                continue;
            }
            Op op = held.get();
            boolean tx = op.type().equals(OpType.TX_POST);
            String kind = tx ? "tx" : "work";
            LateStatus status = LateRepository.voided(s, op.entity(), kind) ? LateStatus.VOIDED
                    : LateRepository.accepted(s, op.entity(), op.hashHex(), self) ? LateStatus.ACCEPTED : LateStatus.WAITING;
            String what;
            long figure;
            if (tx) {
                what = op.data().str("memo");
                long sum = 0;
                Object postings = op.data().asMap().get("postings");
                if (postings instanceof List<?> l) {
                    for (Object p : l) {
                        if (p instanceof java.util.Map<?, ?> m && m.get("amount") instanceof Number n && n.longValue() > 0) {
                            sum += n.longValue();
                        }
                    }
                }
                figure = sum;
            } else {
                String member = op.data().str("member");
                what = member == null ? "" : MemberRepository.byId(s, member).map(coop.minka.domain.Member::name).orElse(member);
                Object minutes = op.data().asMap().get("minutes");
                figure = minutes instanceof Number n ? n.longValue() : 0;
            }
            out.add(new LateEntry(op.entity(), kind, OpRules.parseDate(op.data().str("date")).orElse(null),
                    what == null ? "" : what, figure, ReplicaRepository.name(s, op.replica()).orElse("?"), op.seq(),
                    Instant.ofEpochMilli(f.receivedAt()), status));
        }
        out.sort(java.util.Comparator.comparing((LateEntry e) -> e.status() != LateStatus.WAITING));
        return out;
    }

    /// How many late entries still wait for a decision.
    public long waitingLate() {
        return lateEntries().stream().filter(e -> e.status() == LateStatus.WAITING).count();
    }

    /// Accepts the late entry `ref` (its id, or the start of it naming one late entry): appends a
    /// `period.accept` that syncs, so every laptop shows it accepted. Returns the entry as it now
    /// stands; an entry already accepted is returned as it is, nothing appended.
    public LateEntry accept(String ref, String note) {
        String r = ref == null ? "" : ref.strip().toLowerCase(java.util.Locale.ROOT);
        if (r.isEmpty()) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "ID");
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        return ws.write(w -> {
            List<LateEntry> matches = late(w).stream().filter(e -> e.id().equals(r)
                    || r.length() >= 4 && e.id().startsWith(r)).toList();
            if (matches.size() > 1) {
                throw new MinkaException(ErrorCode.AMBIGUOUS_ENTRY, ref, matches.size());
            }
            if (matches.isEmpty()) {
                throw new MinkaException(ErrorCode.NOT_LATE, ref);
            }
            LateEntry e = matches.getFirst();
            if (e.status() == LateStatus.VOIDED) {
                throw new MinkaException(ErrorCode.ALREADY_VOIDED, e.id());
            }
            if (e.status() == LateStatus.ACCEPTED) {
                return e;
            }
            Op op = LateRepository.about(w, e.id()).stream().filter(o -> PeriodRules.CREATES.contains(o.type()))
                    .findFirst().orElseThrow(() -> new MinkaException(ErrorCode.NOT_LATE, ref));
            OpData.Builder b = OpData.builder().put("entry", op.hashHex());
            if (n != null) {
                b.put("note", n);
            }
            w.append(OpType.PERIOD_ACCEPT, e.id(), b.build());
            return new LateEntry(e.id(), e.kind(), e.date(), e.what(), e.amountOrMinutes(), e.laptop(), e.seq(),
                    e.receivedAt(), LateStatus.ACCEPTED);
        });
    }
}
