package coop.minka.sync.format;

import java.util.List;
import java.util.SortedMap;

/// `manifest.json` of a sync bundle, exactly as on the wire (docs/bundle-format.md). A DTO kept
/// apart from the model so the file format stays put when the code changes; every field is
/// required and unknown fields are refused.
///
/// @param format      the bundle format version ([#FORMAT])
/// @param coop        the cooperative the entries belong to
/// @param sender      the laptop that wrote the bundle
/// @param createdAt   the sender's wall clock when writing (milliseconds since 1970, UTC)
/// @param versionVector the highest entry number the sender holds per author (its acknowledgement)
/// @param authors     the ranges of entries shipped, one per author, in author order
/// @param keys        the public key (X.509, base64) of the sender and of every author shipped, so
///                    the file can be verified alone; a key never replaces one already held
/// @param opCount     the number of lines of `ops.ndjson`
/// @param opsSha256   SHA-256 of `ops.ndjson` (lower-case hex)
/// @param signature   Ed25519 signature by the sender over [#signedStatement] (base64)
public record ManifestJson(int format, Party coop, Party sender, long createdAt,
                           SortedMap<String, Long> versionVector, List<AuthorRange> authors,
                           SortedMap<String, String> keys, long opCount, String opsSha256, String signature) {
    /// Format 2 (sync files of Minka with key-derived ids) added `keys`; format 1 is refused.
    public static final int FORMAT = 2;

    /// A cooperative or a laptop: id and display name.
    public record Party(String id, String name) {
    }

    /// Entries `fromSeq..toSeq` of one author; `prev` is the hash of entry `fromSeq - 1` (all
    /// zeros when `fromSeq` is 1), `head` the author's signed head at `toSeq`.
    public record AuthorRange(String replica, long fromSeq, long toSeq, String prev, Head head) {
    }

    /// A signed head: the author's signature over (coop id, replica, seq, hash).
    public record Head(long seq, String hash, String signature) {
    }

    /// The exact text the sender signs: format, cooperative, sender, time, the ops file hash and
    /// count, the version vector and every range with its head. Names are covered by their
    /// SHA-256 so that any text is safe in the statement.
    public String signedStatement() {
        StringBuilder sb = new StringBuilder(256);
        sb.append("minka-bundle-v2\n");
        sb.append("format=").append(format).append('\n');
        sb.append("coop=").append(coop.id()).append(' ').append(Digests.sha256Hex(coop.name())).append('\n');
        sb.append("sender=").append(sender.id()).append(' ').append(Digests.sha256Hex(sender.name())).append('\n');
        sb.append("createdAt=").append(createdAt).append('\n');
        sb.append("opCount=").append(opCount).append('\n');
        sb.append("opsSha256=").append(opsSha256).append('\n');
        versionVector.forEach((k, v) -> sb.append("vv=").append(k).append(':').append(v).append('\n'));
        keys.forEach((k, v) -> sb.append("key=").append(k).append(':').append(v).append('\n'));
        for (AuthorRange r : authors) {
            sb.append("range=").append(r.replica()).append(':').append(r.fromSeq()).append(':').append(r.toSeq())
                    .append(':').append(r.prev()).append(':').append(r.head().seq()).append(':')
                    .append(r.head().hash()).append(':').append(r.head().signature()).append('\n');
        }
        return sb.toString();
    }

    /// The same manifest with another signature (used when signing).
    public ManifestJson withSignature(String sig) {
        return new ManifestJson(format, coop, sender, createdAt, versionVector, authors, keys, opCount, opsSha256, sig);
    }
}
