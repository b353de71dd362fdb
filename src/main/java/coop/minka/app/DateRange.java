package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.time.LocalDate;

/// A period given as optional from/to dates.
public final class DateRange {
    private DateRange() {
    }

    public static void check(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new MinkaException(ErrorCode.BAD_DATE_RANGE, from, to);
        }
    }
}
