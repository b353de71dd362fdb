package coop.minka.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/// Identifiers (RFC 9562 UUIDs) and who owns them (docs/design-notes.md items 10–11).
///
/// - A laptop's id is derived from its public key ([#replicaIdFor]), and a cooperative's id from
///   its founder's key ([#coopIdFor]): both are UUIDs of version 8 that nobody can claim with
///   another key.
/// - An entity a laptop creates gets an **owned** id ([#owned]): the Unix time in milliseconds
///   first (so new rows land at the end of the B-tree), a counter, and a 40-bit owner tag that
///   hashes the author's id; [#isOwnedBy] checks it.
/// - Ids made by Minka before these rules are UUIDs of version 7 ([#isLegacy]).
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TAG_BYTES = 5;
    private static long lastMillis;
    private static int counter;

    private Ids() {
    }

    /// A time-ordered random id (version 7) for things nobody else refers to: a database file's
    /// own id, a work day's attendance list.
    public static String newId() {
        return newId(System.currentTimeMillis());
    }

    public static String newId(long epochMillis) {
        byte[] r = new byte[10];
        RANDOM.nextBytes(r);
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16;
        msb |= 0x7000L | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
        long lsb = 0x8000_0000_0000_0000L | ((r[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            lsb |= (r[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(msb, lsb).toString();
    }

    /// The id of the laptop whose public key (X.509 bytes) this is.
    public static String replicaIdFor(byte[] publicKey) {
        return derived("minka-replica\n", publicKey);
    }

    /// The id of the cooperative founded by the laptop with this public key.
    public static String coopIdFor(byte[] founderKey) {
        return derived("minka-coop\n", founderKey);
    }

    /// A new id for an entity created by `author`, carrying the author's owner tag.
    public static String owned(String author, long epochMillis) {
        long ms;
        int c;
        synchronized (Ids.class) {
            if (epochMillis > lastMillis) {
                lastMillis = epochMillis;
                counter = RANDOM.nextInt(0x400);
            } else if (++counter > 0xFFF) {
                lastMillis++;
                counter = 0;
            }
            ms = lastMillis;
            c = counter;
        }
        byte[] b = new byte[16];
        ByteBuffer.wrap(b).putLong(0, (ms & 0xFFFF_FFFF_FFFFL) << 16);
        b[6] = (byte) (0x80 | ((c >>> 8) & 0x0F));
        b[7] = (byte) c;
        byte[] r = new byte[3];
        RANDOM.nextBytes(r);
        b[8] = (byte) (0x80 | (r[0] & 0x3F));
        b[9] = r[1];
        b[10] = r[2];
        System.arraycopy(tag(author, b), 0, b, 11, TAG_BYTES);
        return format(b);
    }

    /// An owned id from given random bits (the demo generator's seeded, repeatable ids).
    public static String owned(String author, long epochMillis, long random) {
        byte[] b = new byte[16];
        ByteBuffer.wrap(b).putLong(0, (epochMillis & 0xFFFF_FFFF_FFFFL) << 16);
        b[6] = (byte) (0x80 | ((random >>> 8) & 0x0F));
        b[7] = (byte) random;
        b[8] = (byte) (0x80 | ((random >>> 16) & 0x3F));
        b[9] = (byte) (random >>> 24);
        b[10] = (byte) (random >>> 32);
        System.arraycopy(tag(author, b), 0, b, 11, TAG_BYTES);
        return format(b);
    }

    /// True if `entity` is an owned id (version 8) whose tag names `author`.
    public static boolean isOwnedBy(String entity, String author) {
        if (!looksLikeId(entity) || version(entity) != 8 || author == null) {
            return false;
        }
        byte[] b = bytes(entity);
        byte[] t = tag(author, b);
        for (int i = 0; i < TAG_BYTES; i++) {
            if (b[11 + i] != t[i]) {
                return false;
            }
        }
        return true;
    }

    /// True for an id made by Minka before ids carried their owner (UUID version 7).
    public static boolean isLegacy(String id) {
        return looksLikeId(id) && version(id) == 7;
    }

    /// The Unix time in milliseconds when a time-ordered id (version 7 or owned) was made.
    public static long millisOf(String id) {
        return Long.parseLong(id.substring(0, 8) + id.substring(9, 13), 16);
    }

    /// True for the canonical 36-character UUID form.
    public static boolean looksLikeId(String s) {
        return s != null && s.length() == 36
                && s.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static int version(String id) {
        return Character.digit(id.charAt(14), 16);
    }

    private static String derived(String domain, byte[] key) {
        MessageDigest md = sha256();
        md.update(domain.getBytes(StandardCharsets.UTF_8));
        md.update(key);
        byte[] b = java.util.Arrays.copyOf(md.digest(), 16);
        b[6] = (byte) (0x80 | (b[6] & 0x0F));
        b[8] = (byte) (0x80 | (b[8] & 0x3F));
        return format(b);
    }

    private static byte[] tag(String author, byte[] idBytes) {
        MessageDigest md = sha256();
        md.update(("minka-owner\n" + author + "\n").getBytes(StandardCharsets.UTF_8));
        md.update(idBytes, 0, 11);
        return md.digest();
    }

    private static byte[] bytes(String id) {
        return HexFormat.of().parseHex(id.replace("-", ""));
    }

    private static String format(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b);
        return new UUID(bb.getLong(0), bb.getLong(8)).toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
