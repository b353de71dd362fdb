package coop.minka.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/// Amounts are `long` minor units of the cooperative's ISO 4217 currency. This class parses and
/// prints the plain form the command line uses (`1234.50`, `-3`, `0.5`); the desktop app
/// formats with the user's locale.
public final class Money {
    private Money() {
    }

    /// Number of minor digits of the currency (2 for BOB, 0 for PYG, 3 for TND).
    public static int digits(Currency currency) {
        int d = currency.getDefaultFractionDigits();
        return d < 0 ? 0 : d;
    }

    /// Parses a plain decimal (`1234.5`, `-12.30`, `+7`) into minor units. Refuses grouping
    /// separators, exponents, more decimals than the currency has, and more than
    /// [OpRules#MAX_AMOUNT] minor units either way.
    public static long parse(String text, Currency currency) {
        if (text == null) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, "");
        }
        String t = text.strip();
        if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, text);
        }
        BigDecimal value = new BigDecimal(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
        int digits = digits(currency);
        if (value.stripTrailingZeros().scale() > digits) {
            throw new MinkaException(ErrorCode.TOO_MANY_DECIMALS, text, currency.getCurrencyCode(), digits);
        }
        BigDecimal minor = value.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY);
        if (minor.abs().compareTo(BigDecimal.valueOf(OpRules.MAX_AMOUNT)) > 0) {
            throw new MinkaException(ErrorCode.AMOUNT_TOO_LARGE, text, format(OpRules.MAX_AMOUNT, currency));
        }
        return minor.longValueExact();
    }

    /// Prints minor units as a plain decimal with exactly the currency's digits: `1234.50`.
    public static String format(long minor, Currency currency) {
        return BigDecimal.valueOf(minor, digits(currency)).toPlainString();
    }

    /// Adds without silently overflowing.
    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, e, "overflow");
        }
    }
}
