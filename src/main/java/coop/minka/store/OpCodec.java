package coop.minka.store;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/// Encodes an op as its canonical bytes (one line of compact JSON with a fixed key order and
/// sorted `data` keys) and decodes such bytes back. Verification always hashes the bytes as
/// received, never a re-encoding.
public final class OpCodec {
    public static final int HASH_BYTES = 32;
    public static final byte[] NO_PREV = new byte[HASH_BYTES];
    /// Limits for reading an op: no op of Minka comes near them.
    public static final int MAX_OP_BYTES = 64 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8).maxStringLength(16 * 1024).maxNumberLength(20)
                    .maxDocumentLength(MAX_OP_BYTES).build())
            .build()).build();

    private OpCodec() {
    }

    /// Builds a new op: canonical body, then hash = SHA-256(prev ‖ body).
    public static Op create(String replica, long seq, byte[] prev, long hlc, String type, String entity, OpData data) {
        byte[] body = encodeBody(replica, seq, hlc, type, entity, data);
        return new Op(replica, seq, prev, hlc, type, entity, data, hash(prev, body), body);
    }

    public static byte[] encodeBody(String replica, long seq, long hlc, String type, String entity, OpData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("replica", replica);
            g.writeNumberProperty("seq", seq);
            g.writeNumberProperty("hlc", hlc);
            g.writeStringProperty("type", type);
            g.writeStringProperty("entity", entity);
            g.writeName("data");
            writeValue(g, data.asMap());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator g, Object v) {
        switch (v) {
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : new java.util.TreeMap<>(m).entrySet()) {
                    g.writeName(String.valueOf(e.getKey()));
                    writeValue(g, e.getValue());
                }
                g.writeEndObject();
            }
            case List<?> l -> {
                g.writeStartArray();
                for (Object o : l) {
                    writeValue(g, o);
                }
                g.writeEndArray();
            }
            case Long n -> g.writeNumber(n);
            case Integer n -> g.writeNumber(n);
            case Boolean b -> g.writeBoolean(b);
            default -> g.writeString(String.valueOf(v));
        }
    }

    /// Parses canonical bytes; `prev` comes from the chain, the hash is computed here.
    /// Throws [MinkaException] with [ErrorCode#BUNDLE_TAMPERED] if the bytes are not an op.
    public static Op decode(byte[] prev, byte[] body) {
        if (body.length > MAX_OP_BYTES) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "op too large");
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = MAPPER.readValue(body, Map.class);
            Object data = m.get("data");
            if (!(m.get("replica") instanceof String replica) || !(m.get("type") instanceof String type)
                    || !(m.get("entity") instanceof String entity) || !(m.get("seq") instanceof Number seq)
                    || !(m.get("hlc") instanceof Number hlc) || !(data instanceof Map<?, ?> dataMap)
                    || m.size() != 6) {
                throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "malformed op");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> dm = (Map<String, ?>) dataMap;
            return new Op(replica, seq.longValue(), prev, hlc.longValue(), type, entity, OpData.of(dm),
                    hash(prev, body), body);
        } catch (MinkaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, e, "unreadable op");
        }
    }

    public static byte[] hash(byte[] prev, byte[] body) {
        MessageDigest md = sha256();
        md.update(prev);
        md.update(body);
        return md.digest();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /// The shared mapper for small JSON files Minka writes itself (identity, settings).
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
