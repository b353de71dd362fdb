package coop.minka.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/// A kind of shared work. `rateMinor` is the optional reference value of one hour, in minor
/// units, from the beginning (a rate set without a date, as every version before rates by date
/// did); `ratesFrom` are the rates that apply from a date on (design-notes item 22). Work is
/// valued at the rate in effect on its date: [#rateOn].
public record WorkCategory(String id, String code, String name, Long rateMinor, WorkKind kind,
                           SortedMap<LocalDate, Long> ratesFrom) {
    /// The key prefix of a dated rate in a category op's data: `rate@2026-03-01` holds the rate
    /// from 1 March 2026 on. Each (category, from-date) is one field of the entity fold.
    public static final String RATE_FROM = "rate@";

    /// One period of the rate history: `from` null means from the beginning.
    public record Rate(LocalDate from, long rateMinor) {
    }

    public WorkCategory {
        ratesFrom = ratesFrom == null ? new TreeMap<>() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(ratesFrom));
    }

    public WorkCategory(String id, String code, String name, Long rateMinor, WorkKind kind) {
        this(id, code, name, rateMinor, kind, null);
    }

    /// The data key of the rate from `from` on.
    public static String rateKey(LocalDate from) {
        return RATE_FROM + from;
    }

    /// The date of a dated rate key (`rate@2026-03-01`); empty for any other key or a bad date.
    public static Optional<LocalDate> rateKeyDate(String key) {
        if (key == null || !key.startsWith(RATE_FROM)) {
            return Optional.empty();
        }
        return OpRules.parseDate(key.substring(RATE_FROM.length()));
    }

    /// The dated rates in an op's (or a folded entity's) data.
    public static SortedMap<LocalDate, Long> ratesIn(Map<String, Object> data) {
        SortedMap<LocalDate, Long> out = new TreeMap<>();
        data.forEach((k, v) -> rateKeyDate(k).ifPresent(d -> {
            if (v instanceof Number n) {
                out.put(d, n.longValue());
            }
        }));
        return out;
    }

    /// The rate in effect on `date`: the latest dated rate from that day or before, else the rate
    /// from the beginning; null if none. A null `date` asks for the rate from the beginning.
    /// The one function that decides what an hour of this work is worth.
    public Long rateOn(LocalDate date) {
        if (date != null) {
            var upTo = ratesFrom.headMap(date.plusDays(1));
            if (!upTo.isEmpty()) {
                return upTo.get(upTo.lastKey());
            }
        }
        return rateMinor;
    }

    /// The value of `minutes` of this work done on `date`: minutes × hourly rate ÷ 60, rounded
    /// half up to a minor unit; 0 where no rate is in effect.
    public long valueOn(LocalDate date, int minutes) {
        return value(minutes, rateOn(date));
    }

    /// minutes × hourly rate ÷ 60, rounded half up to a minor unit; 0 for no rate.
    public static long value(int minutes, Long rateMinor) {
        if (rateMinor == null) {
            return 0;
        }
        return Math.floorDiv(Math.multiplyExact((long) minutes, rateMinor) + 30, 60);
    }

    /// The whole history, oldest first: the rate from the beginning (if set), then the dated ones.
    public List<Rate> rateHistory() {
        List<Rate> out = new ArrayList<>();
        if (rateMinor != null) {
            out.add(new Rate(null, rateMinor));
        }
        ratesFrom.forEach((d, r) -> out.add(new Rate(d, r)));
        return out;
    }
}
