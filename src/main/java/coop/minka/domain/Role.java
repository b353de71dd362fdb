package coop.minka.domain;

import java.util.Locale;

/// What a person may do in the books (docs/roles.md; design notes 26). A person may hold several.
/// The wire names are part of the bundle format: never rename one.
public enum Role {
    /// Adds people and gives roles (with a second person), changes the cooperative's name.
    PRESIDENT,
    /// Keeps the money: accounts, transactions, voids, accepting late entries.
    TREASURER,
    /// Keeps members, work and kinds of work.
    SECRETARY,
    /// Reads and checks everything, changes nothing.
    AUDITOR,
    /// Holds one of the keys: the second person of a dual-control change.
    KEYHOLDER,
    /// Sees their own statement; changes nothing.
    MEMBER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String s) {
        return Choices.parse(Role.class, s);
    }

    /// The role of a wire name, or null if there is none.
    public static Role ofWire(String s) {
        for (Role r : values()) {
            if (r.wire().equals(s)) {
                return r;
            }
        }
        return null;
    }
}
