package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpRules;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/// PINs, kept only as slow salted hashes (design notes 27): PBKDF2 with HMAC-SHA-256 from the
/// JDK, a random 16-byte salt, and the iteration count stored with the hash
/// (`pbkdf2-sha256$ITERATIONS$SALT$HASH`) so that it can be raised later without breaking old ones.
public final class Pins {
    /// Measured on the 2-core development machine (JDK 25, shared with other work): 200 000
    /// iterations took 91-146 ms once warm, so 600 000 take about 0.3 s — slow enough that
    /// guessing at a laptop is limited by the wait, fast enough to unlock without noticing.
    public static final int DEFAULT_ITERATIONS = 600_000;
    /// A system property that lowers the cost for tests (never below [OpRules#MIN_PIN_ITERATIONS]).
    public static final String ITERATIONS_PROPERTY = "minka.pin.iterations";
    public static final int MIN_DIGITS = 4;
    public static final int MAX_DIGITS = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pins() {
    }

    /// The iterations new hashes use: [#DEFAULT_ITERATIONS] unless the property says otherwise.
    public static int iterations() {
        return Math.max(OpRules.MIN_PIN_ITERATIONS, Integer.getInteger(ITERATIONS_PROPERTY, DEFAULT_ITERATIONS));
    }

    /// Refuses a PIN that is not 4 to 12 digits.
    public static String checked(String pin) {
        if (pin == null || pin.length() < MIN_DIGITS || pin.length() > MAX_DIGITS
                || !pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MinkaException(ErrorCode.BAD_PIN, MIN_DIGITS, MAX_DIGITS);
        }
        return pin;
    }

    public static String hash(String pin) {
        return hash(pin, iterations());
    }

    public static String hash(String pin, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(checked(pin), salt, iterations));
    }

    /// True if the PIN is the one hashed; false for any other PIN or a hash of another shape.
    public static boolean matches(String pin, String stored) {
        if (pin == null || stored == null || !OpRules.PIN_HASH.matcher(stored).matches()) {
            return false;
        }
        String[] parts = stored.split("\\$");
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(pin, salt, iterations));
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }
}
