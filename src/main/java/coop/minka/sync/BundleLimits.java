package coop.minka.sync;

/// Caps checked before and while a bundle is read, so that a damaged or hostile file can never
/// exhaust memory or disk: the file size, the inflated size of each entry (counted as it is
/// inflated, never taken from the ZIP headers), the number of entries and authors.
///
/// @param maxFileBytes     the largest bundle file accepted
/// @param maxManifestBytes the largest inflated `manifest.json`
/// @param maxOpsBytes      the largest inflated `ops.ndjson`
/// @param maxOps           the most entries in one bundle
/// @param maxAuthors       the most authors (laptops) in one bundle
public record BundleLimits(long maxFileBytes, long maxManifestBytes, long maxOpsBytes, long maxOps, int maxAuthors) {
    /// Far above any real cooperative (a million entries are about 60 MB), far below harm.
    public static final BundleLimits DEFAULT = new BundleLimits(1L << 30, 4L << 20, 2L << 30, 10_000_000, 10_000);
}
