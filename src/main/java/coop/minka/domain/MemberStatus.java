package coop.minka.domain;

/// Members are deactivated, never deleted.
public enum MemberStatus {
    ACTIVE, INACTIVE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MemberStatus fromWire(String s) {
        return Choices.parse(MemberStatus.class, s);
    }
}
