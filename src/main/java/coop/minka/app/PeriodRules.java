package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.store.Meta;
import coop.minka.store.ReportRepository;
import coop.minka.store.Session;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/// Closed periods: the treasurer closes the books up to a date with a `period.close` entry;
/// entries made on this laptop dated on or before the latest close are refused. Every local
/// write of a dated entry (posting or voiding a transaction, adding or voiding work, a
/// collective work day) calls [#checkOpen] inside its write transaction. Closes made by a laptop
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

    /// Refuses `date` with `PERIOD_CLOSED` when it lies in a closed period.
    public void checkOpen(Session s, LocalDate date) {
        Optional<LocalDate> closed = closedUpTo(s);
        if (closed.isPresent() && !date.isAfter(closed.get())) {
            throw new MinkaException(ErrorCode.PERIOD_CLOSED, date, closed.get());
        }
    }
}
