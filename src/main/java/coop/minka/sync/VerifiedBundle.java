package coop.minka.sync;

import coop.minka.domain.Op;
import coop.minka.store.OpStore;
import coop.minka.sync.format.ManifestJson;
import java.util.List;

/// A bundle whose every check passed: the ZIP structure and caps, the manifest and its
/// signature, the ops file hash, every entry's hash and chain link, and each author's signed
/// head. Nothing of it has touched a database yet.
///
/// @param manifest   the manifest as read
/// @param ranges     the entries per author, in manifest order
/// @param fileSha256 SHA-256 of the whole bundle file
/// @param full       true if it holds every entry its sender holds, from each author's first one
/// @param coopCreated true if it holds the entry creating its cooperative (a new laptop needs it)
public record VerifiedBundle(ManifestJson manifest, List<Range> ranges, byte[] fileSha256, boolean full,
                             boolean coopCreated) {

    /// One author's entries `fromSeq..toSeq`, chained from `prev`, ending at the signed `head`.
    /// `verified` is false only when the author's key is neither in the bundle nor held here:
    /// then the range starts after entries this laptop does not have, and waits for them.
    /// `ops` of a large bundle are read again from its checked copy as they are used
    /// ([BundleOps]): use them while that copy exists, in order where possible.
    public record Range(String author, long fromSeq, long toSeq, byte[] prev, List<Op> ops, OpStore.SignedHead head,
                        boolean verified) {
    }

    /// The same, identified by another file's SHA-256 (an encrypted file: the file as it came).
    public VerifiedBundle withFileSha256(byte[] sha) {
        return new VerifiedBundle(manifest, ranges, sha, full, coopCreated);
    }

    public String senderId() {
        return manifest.sender().id();
    }

    public long opCount() {
        return manifest.opCount();
    }
}
