package coop.minka.domain;

import java.time.LocalDate;

/// A member of the cooperative. `joined` may be unknown.
public record Member(String id, String name, Gender gender, LocalDate joined, MemberStatus status,
                     String contact, String notes) {
}
