package coop.minka.domain;

/// Trust in a replica (an installation of Minka), derived from the ops: the founder is trusted,
/// a replica admitted by a trusted replica is trusted, a revoked one never is, and an
/// **impostor** (an id met with a key that is not its own) never counts.
public enum ReplicaStatus {
    FOUNDER, ADMITTED, PENDING, REVOKED, IMPOSTOR;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean trusted() {
        return this == FOUNDER || this == ADMITTED;
    }

    public static ReplicaStatus fromWire(String s) {
        return Choices.parse(ReplicaStatus.class, s);
    }
}
