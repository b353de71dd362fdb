package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coop.minka.testkit.Seeded;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency BOB = Currency.getInstance("BOB");
    private static final Currency PYG = Currency.getInstance("PYG");
    private static final Currency TND = Currency.getInstance("TND");

    @Test
    void parsesPlainDecimalsIntoMinorUnits() {
        assertEquals(123450, Money.parse("1234.50", BOB));
        assertEquals(123450, Money.parse("1234.5", BOB));
        assertEquals(-700, Money.parse("-7", BOB));
        assertEquals(50, Money.parse(".5", BOB));
        assertEquals(700, Money.parse("+7.", BOB));
        assertEquals(15000, Money.parse("15000", PYG));
        assertEquals(1234, Money.parse("1.234", TND));
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        MinkaException e = assertThrows(MinkaException.class, () -> Money.parse("12.345", BOB));
        assertEquals(ErrorCode.TOO_MANY_DECIMALS, e.code());
        assertEquals(List.of("12.345", "BOB", "2"), e.args());
        assertEquals(ErrorCode.TOO_MANY_DECIMALS, assertThrows(MinkaException.class, () -> Money.parse("1.5", PYG)).code());
        assertEquals(1200, Money.parse("12.000", BOB), "trailing zeros are not extra precision");
    }

    @Test
    void refusesWhatIsNotAPlainAmount() {
        for (String bad : List.of("", "abc", "1,234.50", "1e3", "12.3.4", "--1", "1 000", "0x10")) {
            assertEquals(ErrorCode.BAD_AMOUNT, assertThrows(MinkaException.class, () -> Money.parse(bad, BOB)).code(), bad);
        }
    }

    @Test
    void refusesMoreThanTheLargestAmountEitherWay() {
        for (String big : List.of("99999999999999999999", "100000000000.01", "-100000000000.01", "92233720368547758.08")) {
            MinkaException e = assertThrows(MinkaException.class, () -> Money.parse(big, BOB));
            assertEquals(ErrorCode.AMOUNT_TOO_LARGE, e.code(), big);
            assertEquals(List.of(big, "100000000000.00"), e.args());
        }
        assertEquals(OpRules.MAX_AMOUNT, Money.parse("100000000000", BOB));
        assertEquals(-OpRules.MAX_AMOUNT, Money.parse("-100000000000.00", BOB));
    }

    @Test
    void theBalanceCheckRefusesLinesBeyondTheMaximumAndNeverOverflows() {
        var max = new Posting("a", Long.MAX_VALUE);
        assertEquals(ErrorCode.AMOUNT_TOO_LARGE, assertThrows(MinkaException.class,
                () -> Ledger.checkBalanced(List.of(max, max, new Posting("b", 2)), BOB)).code());
        assertEquals(ErrorCode.UNBALANCED, assertThrows(MinkaException.class, () -> Ledger.checkBalanced(
                List.of(new Posting("a", OpRules.MAX_AMOUNT), new Posting("b", OpRules.MAX_AMOUNT)), BOB)).code());
        Ledger.checkBalanced(List.of(new Posting("a", OpRules.MAX_AMOUNT), new Posting("b", -OpRules.MAX_AMOUNT)), BOB);
        java.util.List<Posting> many = new java.util.ArrayList<>();
        for (int i = 0; i < OpRules.MAX_POSTINGS + 1; i++) {
            many.add(new Posting("a", i % 2 == 0 ? 1 : -1));
        }
        MinkaException tooMany = assertThrows(MinkaException.class, () -> Ledger.checkBalanced(many, BOB));
        assertEquals(ErrorCode.INVALID_ENTRY, tooMany.code());
        assertEquals("too-many-postings", tooMany.args().getFirst());
    }

    @Test
    void formatsWithExactlyTheCurrencyDigits() {
        assertEquals("1234.50", Money.format(123450, BOB));
        assertEquals("-0.05", Money.format(-5, BOB));
        assertEquals("15000", Money.format(15000, PYG));
        assertEquals("0.001", Money.format(1, TND));
    }

    @Test
    void additionRefusesToOverflow() {
        assertEquals(ErrorCode.BAD_AMOUNT, assertThrows(MinkaException.class, () -> Money.add(Long.MAX_VALUE, 1)).code());
    }

    /// 500 seeded tries (`-Dminka.tries`, `-Dminka.seed`: see [Seeded]) besides the edges of the range.
    @Test
    void formatThenParseIsTheIdentity() {
        long limit = 1_000_000_000_000L;
        for (long edge : new long[] {-limit, -limit + 1, -1, 0, 1, limit - 1, limit}) {
            formatThenParse(edge);
        }
        Seeded.forEachSeed("MoneyTest.formatThenParseIsTheIdentity", 500,
                (seed, rnd) -> formatThenParse(Seeded.between(rnd, -limit, limit)));
    }

    private static void formatThenParse(long minor) {
        for (Currency c : List.of(BOB, PYG, TND)) {
            assertEquals(minor, Money.parse(Money.format(minor, c), c), () -> minor + " in " + c);
        }
    }

    @Test
    void balancedPostingsPassAndOthersAreRefused() {
        Ledger.checkBalanced(List.of(new Posting("a", 500), new Posting("b", -300), new Posting("c", -200)), BOB);
        MinkaException e = assertThrows(MinkaException.class,
                () -> Ledger.checkBalanced(List.of(new Posting("a", 500), new Posting("b", -400)), BOB));
        assertEquals(ErrorCode.UNBALANCED, e.code());
        assertEquals(List.of("1.00"), e.args());
        assertEquals(ErrorCode.TOO_FEW_POSTINGS, assertThrows(MinkaException.class,
                () -> Ledger.checkBalanced(List.of(new Posting("a", 0)), BOB)).code());
        assertEquals(ErrorCode.ZERO_POSTING, assertThrows(MinkaException.class,
                () -> Ledger.checkBalanced(List.of(new Posting("a", 0), new Posting("b", 0)), BOB)).code());
    }
}
