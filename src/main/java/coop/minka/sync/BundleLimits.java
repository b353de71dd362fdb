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
/// @param keptInMemory     the most entries kept decoded in memory between checking a bundle and
///                         applying it; a larger bundle is read a second time from its checked
///                         copy instead (see [BundleOps]), so its size never depends on memory
public record BundleLimits(long maxFileBytes, long maxManifestBytes, long maxOpsBytes, long maxOps, int maxAuthors,
                           int keptInMemory) {
    /// Far above any real cooperative (a million entries are about 60 MB), far below harm. A
    /// decoded entry takes about 1.5 KB, so at most about 200 MB are kept decoded: a fifth of the
    /// 1 GB Java gives itself on a 4 GB laptop.
    public static final BundleLimits DEFAULT = new BundleLimits(1L << 30, 4L << 20, 2L << 30, 10_000_000, 10_000,
            131_072);

    public BundleLimits withKeptInMemory(int entries) {
        return new BundleLimits(maxFileBytes, maxManifestBytes, maxOpsBytes, maxOps, maxAuthors, entries);
    }
}
