package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/// The hybrid logical clock on its own (issue #15: the pure core gets direct unit tests).
class HlcTest {
    static final long NOW = 1_800_000_000_000L;

    @Test
    void packsMillisAndCounterAndReadsThemBack() {
        long h = Hlc.pack(NOW, 7);
        assertEquals(NOW, Hlc.millis(h));
        assertEquals(7, Hlc.counter(h));
        assertEquals(NOW, Hlc.millis(Hlc.pack(NOW, 0xFFFF)));
        assertEquals(0xFFFF, Hlc.counter(Hlc.pack(NOW, 0xFFFF)));
    }

    @Test
    void neverGoesBackwardsWhenTheWallClockDoes() {
        long a = Hlc.next(0, NOW);
        assertEquals(Hlc.pack(NOW, 0), a);
        long b = Hlc.next(a, NOW);
        assertEquals(a + 1, b, "same millisecond: the counter moves");
        long c = Hlc.next(b, NOW - 60_000);
        assertTrue(c > b, "a clock set back a minute still gives a later stamp");
        assertEquals(Hlc.pack(NOW + 5, 0), Hlc.next(c, NOW + 5), "a wall clock ahead of the stamps wins");
    }

    @Test
    void movesPastWhatItSeesUnlessItIsFarAhead() {
        long local = Hlc.pack(NOW, 0);
        long remote = Hlc.pack(NOW + 1_000, 3);
        assertEquals(remote, Hlc.observe(local, remote, NOW));
        assertEquals(local, Hlc.observe(local, Hlc.pack(NOW - 1_000, 0), NOW), "an older stamp changes nothing");
        long farAhead = Hlc.pack(NOW + Hlc.MAX_AHEAD_MILLIS + 1, 0);
        assertTrue(Hlc.isFarAhead(farAhead, NOW));
        assertEquals(local, Hlc.observe(local, farAhead, NOW), "a laptop whose clock says 2099 does not drag ours");
        assertFalse(Hlc.isFarAhead(Hlc.pack(NOW + Hlc.MAX_AHEAD_MILLIS, 0), NOW), "a day ahead is still accepted");
    }
}
