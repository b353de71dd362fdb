package coop.minka.app.pack;

import coop.minka.app.DateRange;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// A check code as printed on every page of an assembly pack: the period and ten characters,
/// `2026-01-01..2026-03-31 7K3M-Q9XA-2B`. The first nine characters are the first 45 bits of
/// the period's digest in Crockford base32 (no I, L, O or U, so nothing is mistaken for 1 or 0);
/// the tenth is a check character that catches a mistyped or swapped character, so a typo is
/// told apart from books that really differ. Lower case, missing dashes and extra spaces are
/// accepted when typing it back; `O` is read as 0 and `I`/`L` as 1.
public record CheckCode(LocalDate from, LocalDate to, String code) {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern PERIOD = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s*(?:\\.\\.|to|/)\\s*(\\d{4}-\\d{2}-\\d{2})");

    /// The code as printed: `FROM..TO XXXX-XXXX-XX`.
    public String text() {
        return from + ".." + to + " " + code;
    }

    /// Makes the printed code from a digest (at least 6 bytes).
    public static String fromDigest(byte[] digest) {
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        bits >>>= 3; // 45 bits
        int[] v = new int[9];
        for (int i = 8; i >= 0; i--) {
            v[i] = (int) (bits & 31);
            bits >>>= 5;
        }
        StringBuilder sb = new StringBuilder();
        for (int x : v) {
            sb.append(ALPHABET.charAt(x));
        }
        sb.append(ALPHABET.charAt(checkValue(v)));
        return group(sb.toString());
    }

    private static int checkValue(int[] v) {
        int sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += (i + 1) * v[i];
        }
        return sum % 31;
    }

    private static String group(String ten) {
        return ten.substring(0, 4) + "-" + ten.substring(4, 8) + "-" + ten.substring(8);
    }

    /// Reads a code as typed. The period comes from the text or, if the text has none, from
    /// `from` and `to`; a code that is not ten valid characters with a matching check
    /// character, or without a period, is refused with `BAD_CHECK_CODE`.
    public static CheckCode parse(String text, LocalDate from, LocalDate to) {
        String t = text == null ? "" : text.strip();
        Matcher m = PERIOD.matcher(t);
        LocalDate f = from;
        LocalDate e = to;
        String rest = t;
        if (m.find()) {
            try {
                f = LocalDate.parse(m.group(1));
                e = LocalDate.parse(m.group(2));
            } catch (DateTimeParseException ex) {
                throw new MinkaException(ErrorCode.BAD_CHECK_CODE, ex, t);
            }
            rest = (t.substring(0, m.start()) + " " + t.substring(m.end())).strip();
        }
        if (f == null || e == null) {
            throw new MinkaException(ErrorCode.BAD_CHECK_CODE, t);
        }
        DateRange.check(f, e);
        String chars = normalise(rest);
        if (chars.length() != 10) {
            throw new MinkaException(ErrorCode.BAD_CHECK_CODE, t);
        }
        int[] v = new int[9];
        for (int i = 0; i < 9; i++) {
            v[i] = ALPHABET.indexOf(chars.charAt(i));
        }
        int check = ALPHABET.indexOf(chars.charAt(9));
        for (int x : v) {
            if (x < 0) {
                throw new MinkaException(ErrorCode.BAD_CHECK_CODE, t);
            }
        }
        if (check != checkValue(v)) {
            throw new MinkaException(ErrorCode.BAD_CHECK_CODE, t);
        }
        return new CheckCode(f, e, group(chars));
    }

    private static String normalise(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case ' ', '-', '\t' -> { }
                case 'O' -> sb.append('0');
                case 'I', 'L' -> sb.append('1');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
