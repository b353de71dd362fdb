package coop.minka.store;

import java.security.PrivateKey;

/// This laptop's replica identity for one database: its id and signing key, and its age X25519
/// key pair (`AGE-SECRET-KEY-1…` / `age1…`) to which the cooperative's sync files are encrypted.
public record Identity(String replicaId, byte[] publicKey, PrivateKey privateKey, String ageIdentity,
                       String ageRecipient) {
    public String fingerprint() {
        return Keys.fingerprint(publicKey);
    }

    /// The same identity with a new encryption key pair (an identity file written before there were any).
    public Identity withAgeKeys(Keys.AgePair pair) {
        return new Identity(replicaId, publicKey, privateKey, pair.identity(), pair.recipient());
    }

    @Override
    public String toString() {
        return "Identity[" + replicaId + "]"; // never the secrets
    }
}
