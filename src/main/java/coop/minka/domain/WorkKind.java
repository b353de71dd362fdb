package coop.minka.domain;

/// What sort of social-production work a category counts.
public enum WorkKind {
    CARE, COMMUNITY, PRODUCTIVE, GOVERNANCE, OTHER;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static WorkKind fromWire(String s) {
        return Choices.parse(WorkKind.class, s);
    }
}
