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
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
    /// A streaming parse: this runs once for every entry of every sync file.
    public static Op decode(byte[] prev, byte[] body) {
        if (body.length > MAX_OP_BYTES) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "op too large");
        }
        try (JsonParser p = MAPPER.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed();
            }
            String replica = null;
            String type = null;
            String entity = null;
            Long seq = null;
            Long hlc = null;
            Map<String, Object> data = null;
            int fields = 0;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                fields++;
                switch (name) {
                    case "replica" -> replica = t == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "type" -> type = t == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "entity" -> entity = t == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "seq" -> seq = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    case "hlc" -> hlc = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    case "data" -> data = t == JsonToken.START_OBJECT ? readObject(p) : null;
                    default -> throw malformed();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || fields != 6 || replica == null
                    || type == null || entity == null || seq == null || hlc == null || data == null) {
                throw malformed();
            }
            return new Op(replica, seq, prev, hlc, type, entity, OpData.of(data), hash(prev, body), body);
        } catch (MinkaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, e, "unreadable op");
        }
    }

    private static MinkaException malformed() {
        return new MinkaException(ErrorCode.BUNDLE_TAMPERED, "malformed op");
    }

    /// Reads the object whose START_OBJECT is the current token: strings, whole numbers,
    /// booleans, nulls (dropped), objects and arrays; anything else is not an op of Minka's.
    private static Map<String, Object> readObject(JsonParser p) {
        Map<String, Object> m = new java.util.TreeMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            Object v = readValue(p);
            if (v != null) {
                m.put(name, v);
            }
        }
        return m;
    }

    private static Object readValue(JsonParser p) {
        JsonToken t = p.currentToken();
        return switch (t) {
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_OBJECT -> readObject(p);
            case START_ARRAY -> {
                List<Object> l = new java.util.ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(readValue(p));
                }
                yield l;
            }
            default -> throw malformed();
        };
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
