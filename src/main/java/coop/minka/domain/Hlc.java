package coop.minka.domain;

/// Hybrid logical clock packed in one `long`: wall-clock milliseconds in the high 48 bits and a
/// counter in the low 16. It never goes backwards, and it moves past every stamp seen on
/// import unless that stamp is far ahead of this laptop's clock (a laptop whose clock says 2099).
public final class Hlc {
    /// A stamp more than this far ahead of the local clock is flagged and does not drag the clock.
    public static final long MAX_AHEAD_MILLIS = 24L * 60 * 60 * 1000;

    private Hlc() {
    }

    public static long pack(long millis, int counter) {
        return (millis << 16) | (counter & 0xFFFF);
    }

    public static long millis(long hlc) {
        return hlc >>> 16;
    }

    public static int counter(long hlc) {
        return (int) (hlc & 0xFFFF);
    }

    /// The next local stamp after `last`, given the wall clock `now`.
    public static long next(long last, long nowMillis) {
        long candidate = pack(nowMillis, 0);
        return candidate > last ? candidate : last + 1;
    }

    /// The clock after seeing a remote stamp; far-ahead stamps are ignored.
    public static long observe(long last, long remote, long nowMillis) {
        if (isFarAhead(remote, nowMillis)) {
            return last;
        }
        return Math.max(last, remote);
    }

    public static boolean isFarAhead(long stamp, long nowMillis) {
        return millis(stamp) > nowMillis + MAX_AHEAD_MILLIS;
    }
}
