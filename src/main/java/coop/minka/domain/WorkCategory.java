package coop.minka.domain;

/// A kind of shared work. `rateMinor` is the optional reference value of one hour, in minor
/// units, used to show unpaid work in money.
public record WorkCategory(String id, String code, String name, Long rateMinor, WorkKind kind) {
}
