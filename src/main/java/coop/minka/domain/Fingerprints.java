package coop.minka.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/// A short fingerprint of a public key to compare by phone: 20 hex digits in groups of four,
/// e.g. `3F2A 91C0 77DE 0B14 5A6E` (the first 80 bits of its SHA-256).
public final class Fingerprints {
    private Fingerprints() {
    }

    public static String of(byte[] publicKeyX509) {
        byte[] d;
        try {
            d = MessageDigest.getInstance("SHA-256").digest(publicKeyX509);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String hex = HexFormat.of().withUpperCase().formatHex(d, 0, 10);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(hex, i, i + 4);
        }
        return sb.toString();
    }
}
