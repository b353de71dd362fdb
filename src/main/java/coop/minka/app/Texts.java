package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpRules;
import java.time.LocalDate;
import java.util.Locale;

/// Checks and parses what people type: required text, dates, hours.
public final class Texts {
    public static final int MAX_TEXT = 500;

    private Texts() {
    }

    /// Stripped text; refuses empty or over-long values. `field` names it in the message.
    public static String required(String s, String field) {
        String t = optional(s, field);
        if (t == null) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, field);
        }
        return t;
    }

    /// Stripped text or null when blank; refuses over-long values.
    public static String optional(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.length() > MAX_TEXT) {
            throw new MinkaException(ErrorCode.TEXT_TOO_LONG, field, MAX_TEXT);
        }
        return t;
    }

    /// An ISO date `2026-03-31` exactly as the rule book takes it ([OpRules#parseDate]): four
    /// digits of year, a real day, 1900-01-01 to 2999-12-31. Null stays null (no date given).
    public static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        return OpRules.parseDate(s.strip()).orElseThrow(() -> new MinkaException(ErrorCode.BAD_DATE, s));
    }

    /// A date for an entry given as a `LocalDate` (the desktop app, demo data): refused like a typed
    /// one when the rule book would refuse it.
    public static LocalDate date(LocalDate d) {
        if (d != null && !OpRules.inRange(d)) {
            throw new MinkaException(ErrorCode.BAD_DATE, d);
        }
        return d;
    }

    /// Hours as `2`, `1.5`, `1,5` or `1:30`, into whole minutes; more than 0 and at most 24 hours.
    public static int minutes(String s) {
        if (s == null) {
            throw new MinkaException(ErrorCode.BAD_HOURS, "");
        }
        String t = s.strip().replace(',', '.').toLowerCase(Locale.ROOT);
        int minutes;
        try {
            if (t.matches("\\d{1,2}:\\d{2}")) {
                String[] p = t.split(":");
                int m = Integer.parseInt(p[1]);
                if (m >= 60) {
                    throw new MinkaException(ErrorCode.BAD_HOURS, s);
                }
                minutes = Integer.parseInt(p[0]) * 60 + m;
            } else if (t.matches("\\d{1,2}(\\.\\d{1,2})?|\\.\\d{1,2}")) {
                minutes = new java.math.BigDecimal(t).multiply(java.math.BigDecimal.valueOf(60))
                        .setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
            } else {
                throw new MinkaException(ErrorCode.BAD_HOURS, s);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MinkaException(ErrorCode.BAD_HOURS, e, s);
        }
        if (minutes <= 0 || minutes > 24 * 60) {
            throw new MinkaException(ErrorCode.BAD_HOURS, s);
        }
        return minutes;
    }

    /// Minutes as plain hours for the command line: `90` → `1.5`.
    public static String hours(long minutes) {
        return java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 2,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
