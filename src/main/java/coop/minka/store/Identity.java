package coop.minka.store;

import java.security.PrivateKey;

/// This laptop's replica identity for one database: its id and signing key.
public record Identity(String replicaId, byte[] publicKey, PrivateKey privateKey) {
    public String fingerprint() {
        return Keys.fingerprint(publicKey);
    }
}
