package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/// Closing the books: after `close(to)` nothing dated on or before `to` can be entered or
/// voided on any laptop that has received the close. Entries dated in a closed period that
/// arrive later from another laptop are kept (never dropped) and listed by sync as late entries.
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
}
