package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpType;
import coop.minka.store.LateRepository;
import coop.minka.store.Meta;
import coop.minka.sync.SyncRecords;
import coop.minka.store.ReportRepository;
import coop.minka.store.Session;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/// Closed periods: the treasurer closes the books up to a date with a `period.close` entry;
/// entries made on this laptop dated on or before the latest close are refused. Every local
/// write of a dated entry (posting or voiding a transaction, adding or voiding work, a
/// collective work day) calls [#checkOpen] inside its write transaction; a void calls
/// [#checkVoidable], which also lets a late entry waiting for review be voided. Closes made by a laptop
/// that is not (yet) admitted do not count.
public final class PeriodRules {
    /// The latest closing date held, if any.
    public Optional<LocalDate> closedUpTo(Session s) {
        List<LocalDate> closes = closes(s);
        return closes.isEmpty() ? Optional.empty() : Optional.of(closes.getLast());
    }

    /// Every closing date that counts, oldest first.
    public List<LocalDate> closes(Session s) {
        return ReportRepository.periodCloses(s, Meta.get(s, Meta.SELF).orElse(""));
    }

    /// Refuses the void of `entity` (dated `date`) with `PERIOD_CLOSED` when it lies in a closed
    /// period, unless the entity is a late entry waiting for a decision here (design notes 23):
    /// voiding is then the correction the review offers.
    public void checkVoidable(Session s, LocalDate date, String entity) {
        Optional<LocalDate> closed = closedUpTo(s);
        if (closed.isPresent() && !date.isAfter(closed.get()) && !waitingLate(s, entity)) {
            throw new MinkaException(ErrorCode.PERIOD_CLOSED, date, closed.get());
        }
    }

    /// Whether a transaction or work entry of `entity` was flagged late here and has not been
    /// accepted.
    public boolean waitingLate(Session s, String entity) {
        String self = Meta.get(s, Meta.SELF).orElse("");
        for (SyncRecords.Flag f : SyncRecords.flags(s, SyncRecords.LATE)) {
            Optional<Op> op = LateRepository.op(s, f.replica(), f.seq());
            if (op.isPresent() && op.get().entity().equals(entity) && CREATES.contains(op.get().type())
                    && !LateRepository.accepted(s, entity, op.get().hashHex(), self)) {
                return true;
            }
        }
        return false;
    }

    /// The entries a late-entry review is about: a posted transaction, a work entry.
    static final java.util.Set<String> CREATES = java.util.Set.of(OpType.TX_POST, OpType.WORK_ADD);

    /// Refuses `date` with `PERIOD_CLOSED` when it lies in a closed period.
    public void checkOpen(Session s, LocalDate date) {
        Optional<LocalDate> closed = closedUpTo(s);
        if (closed.isPresent() && !date.isAfter(closed.get())) {
            throw new MinkaException(ErrorCode.PERIOD_CLOSED, date, closed.get());
        }
    }
}
