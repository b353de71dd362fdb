package coop.minka.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/// Ed25519 keys and the signed head of DESIGN.md §3: (coop id, replica, seq, hash).
public final class Keys {
    private Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /// An age X25519 key pair: the secret `AGE-SECRET-KEY-1…` identity and its `age1…` recipient.
    public record AgePair(String identity, String recipient) {
        @Override
        public String toString() {
            return "AgePair[" + recipient + "]"; // never the secret
        }
    }

    /// A new age X25519 key pair (C2SP age v1, the format of the `age` and `age-keygen` tools).
    public static AgePair generateAge() {
        try {
            KeyPair kp = new com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator().generateKeyPair();
            return new AgePair(kp.getPrivate().toString(), kp.getPublic().toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /// The `age1…` recipient of an `AGE-SECRET-KEY-1…` identity; empty when the text is not a valid
    /// identity (a typing mistake breaks its Bech32 checksum).
    public static java.util.Optional<String> ageRecipientOf(String identity) {
        try {
            java.security.Key pub = new com.exceptionfactory.jagged.x25519.X25519KeyFactory().translateKey(
                    new javax.crypto.spec.SecretKeySpec(identity.getBytes(StandardCharsets.US_ASCII), "X25519"));
            return java.util.Optional.of(pub.toString());
        } catch (GeneralSecurityException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    /// The exact bytes a head signature covers.
    public static byte[] headMessage(String coopId, String replica, long seq, byte[] hash) {
        return ("minka-head-v1\n" + coopId + "\n" + replica + "\n" + seq + "\n" + HexFormat.of().formatHex(hash))
                .getBytes(StandardCharsets.UTF_8);
    }

    /// The exact bytes a laptop's old key signs to vouch for its successor (a restored or copied
    /// database's new identity).
    public static byte[] successorMessage(String coopId, String newReplica, byte[] newKey) {
        return ("minka-successor\n" + coopId + "\n" + newReplica + "\n"
                + java.util.Base64.getEncoder().encodeToString(newKey)).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(byte[] publicKeyX509, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey(publicKeyX509));
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /// A short fingerprint of a public key to compare by phone ([coop.minka.domain.Fingerprints]).
    public static String fingerprint(byte[] publicKeyX509) {
        return coop.minka.domain.Fingerprints.of(publicKeyX509);
    }
}
