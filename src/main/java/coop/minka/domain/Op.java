package coop.minka.domain;

import java.util.Comparator;

/// One entry of the change log. `body` is the exact canonical bytes that were hashed and that
/// travel in bundles; `hash` = SHA-256(prev ‖ body). Ops of one author form a hash chain.
public record Op(String replica, long seq, byte[] prev, long hlc, String type, String entity, OpData data,
                 byte[] hash, byte[] body) {

    /// The merge order of DESIGN.md §4: (hlc, replica, seq).
    public static final Comparator<Op> STAMP_ORDER = Comparator.comparingLong(Op::hlc)
            .thenComparing(Op::replica).thenComparingLong(Op::seq);

    public String hashHex() {
        return java.util.HexFormat.of().formatHex(hash);
    }
}
