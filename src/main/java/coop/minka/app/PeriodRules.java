package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpType;
import coop.minka.store.OpStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/// Closed periods: the treasurer closes the books up to a date with a `period.close` op; local
/// entries dated on or before the latest close are refused.
public final class PeriodRules {
    /// The latest closing date held, if any.
    public Optional<LocalDate> closedUpTo(DSLContext d) {
        List<Op> closes = OpStore.byTypes(d, List.of(OpType.PERIOD_CLOSE));
        return closes.stream().map(op -> LocalDate.parse(op.data().str("to"))).max(LocalDate::compareTo);
    }

    public void checkOpen(DSLContext d, LocalDate date) {
        Optional<LocalDate> closed = closedUpTo(d);
        if (closed.isPresent() && !date.isAfter(closed.get())) {
            throw new MinkaException(ErrorCode.PERIOD_CLOSED, date, closed.get());
        }
    }
}
