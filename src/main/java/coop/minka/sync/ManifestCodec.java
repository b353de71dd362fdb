package coop.minka.sync;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.sync.format.ManifestJson;
import java.util.Base64;
import java.util.regex.Pattern;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// Reads and writes `manifest.json` with tight limits: shallow nesting, short strings, no
/// duplicate keys, no unknown fields, nothing after the object. A manifest from a newer Minka
/// is recognised by its format number before anything else is read.
final class ManifestCodec {
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{64}");
    private static final String ZERO_HASH = "0".repeat(64);
    private static final int MAX_NAME = 500;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(6).maxStringLength(4096).maxNumberLength(20)
                            .maxNameLength(128).maxDocumentLength(BundleLimits.DEFAULT.maxManifestBytes()).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ManifestCodec() {
    }

    static byte[] write(ManifestJson m) {
        return MAPPER.writeValueAsBytes(m);
    }

    static ManifestJson parse(byte[] bytes, String label) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (RuntimeException e) {
            throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, e, label);
        }
        if (tree == null || !tree.isObject() || !tree.path("format").isIntegralNumber()) {
            throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, label);
        }
        long format = tree.path("format").asLong();
        if (format > ManifestJson.FORMAT) {
            throw new MinkaException(ErrorCode.BUNDLE_TOO_NEW, label);
        }
        if (format == 1) {
            throw new MinkaException(ErrorCode.BUNDLE_TOO_OLD, label);
        }
        if (format < 1) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "unknown format version " + format);
        }
        try {
            return MAPPER.treeToValue(tree, ManifestJson.class);
        } catch (RuntimeException e) {
            throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, e, label);
        }
    }

    /// Checks every field's shape and that the ranges, counts and version vector agree.
    static void validate(ManifestJson m, BundleLimits limits, String label) {
        require(m.coop() != null && m.sender() != null && m.versionVector() != null && m.authors() != null
                && m.opsSha256() != null && m.signature() != null, "a field is missing");
        require(id(m.coop().id()) && id(m.sender().id()) && name(m.coop().name()) && name(m.sender().name()),
                "a name or id is malformed");
        if (m.versionVector().size() > limits.maxAuthors() || m.authors().size() > limits.maxAuthors()) {
            throw new MinkaException(ErrorCode.BUNDLE_TOO_LARGE, label);
        }
        m.versionVector().forEach((k, v) -> require(id(k) && v != null && v >= 1, "the version vector is malformed"));
        require(m.versionVector().containsKey(m.sender().id()), "the sender is not in its own version vector");
        require(HEX32.matcher(m.opsSha256()).matches(), "the entries' hash is malformed");
        long total = 0;
        String last = null;
        for (ManifestJson.AuthorRange r : m.authors()) {
            require(r != null && id(r.replica()) && (last == null || last.compareTo(r.replica()) < 0),
                    "the authors are not in order");
            last = r.replica();
            require(r.fromSeq() >= 1 && r.toSeq() >= r.fromSeq() && r.prev() != null && HEX32.matcher(r.prev()).matches()
                    && (r.fromSeq() != 1 || r.prev().equals(ZERO_HASH)), "a range is malformed");
            ManifestJson.Head h = r.head();
            require(h != null && h.seq() == r.toSeq() && h.hash() != null && HEX32.matcher(h.hash()).matches()
                    && h.signature() != null && signature(h.signature()), "a signed head is malformed");
            Long held = m.versionVector().get(r.replica());
            require(held != null && held >= r.toSeq(), "a range is beyond the sender's version vector");
            total += r.toSeq() - r.fromSeq() + 1;
            if (total > limits.maxOps()) {
                throw new MinkaException(ErrorCode.BUNDLE_TOO_LARGE, label);
            }
        }
        require(total == m.opCount(), "the entry count does not match the ranges");
        require(m.keys() != null && m.keys().size() <= limits.maxAuthors() + 1, "the keys are missing");
        require(m.keys().containsKey(m.sender().id()), "the sender's key is missing");
        for (ManifestJson.AuthorRange r : m.authors()) {
            require(m.keys().containsKey(r.replica()), "the key of an author is missing");
        }
        m.keys().forEach((k, v) -> require(id(k) && publicKey(v), "a key is malformed"));
    }

    private static boolean id(String s) {
        return s != null && ID.matcher(s).matches();
    }

    private static boolean name(String s) {
        return s != null && s.length() <= MAX_NAME;
    }

    private static boolean publicKey(String b64) {
        try {
            return b64 != null && Base64.getDecoder().decode(b64).length == 44;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean signature(String b64) {
        try {
            return Base64.getDecoder().decode(b64).length == 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, what);
        }
    }
}
