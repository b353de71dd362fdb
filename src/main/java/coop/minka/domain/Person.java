package coop.minka.domain;

import java.util.Set;

/// Someone who uses Minka (design notes 26): a name, one or more roles, optionally the member
/// they are, and the slow salted hash of their PIN (design notes 27; never the PIN itself).
public record Person(String id, String name, Set<Role> roles, String member, String pinHash) {
    public Person {
        roles = Set.copyOf(roles);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /// The roles as they travel in an op: wire names, sorted, comma-separated.
    public static String rolesWire(Set<Role> roles) {
        return roles.stream().map(Role::wire).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    /// The roles of a wire list; unknown names are left out (the rule book refuses them).
    public static Set<Role> rolesOf(String wire) {
        java.util.EnumSet<Role> out = java.util.EnumSet.noneOf(Role.class);
        if (wire != null) {
            for (String s : wire.split(",", -1)) {
                Role r = Role.ofWire(s);
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
