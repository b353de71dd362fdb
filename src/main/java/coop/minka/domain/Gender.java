package coop.minka.domain;

/// A member's optional gender, kept so that work can always be reported by women and men.
public enum Gender {
    WOMAN, MAN, NONBINARY, UNSPECIFIED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Gender fromWire(String s) {
        return Choices.parse(Gender.class, s);
    }
}
