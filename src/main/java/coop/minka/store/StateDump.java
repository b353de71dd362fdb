package coop.minka.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/// A canonical dump of the projections, hashed: the **state digest**. Two replicas holding
/// the same ops have the same digest (DESIGN.md §6, invariant 3). Rows are read in primary-key
/// order and every value is written with a type tag and its length, so no two different
/// states encode alike.
public final class StateDump {
    private StateDump() {
    }

    /// SHA-256 of each projection table, in [Projector#TABLES] order.
    public static Map<String, byte[]> tableDigests(Session s) {
        return tableDigests(s.dsl());
    }

    public static Map<String, byte[]> tableDigests(DSLContext d) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Table<?> t : Projector.TABLES) {
            MessageDigest md = OpCodec.sha256();
            Field<?>[] fields = t.fields();
            var pk = t.getPrimaryKey().getFields();
            for (Record r : d.select(fields).from(t).orderBy(pk.toArray(new Field<?>[0])).fetch()) {
                for (Field<?> f : fields) {
                    write(md, r.get(f));
                }
                md.update((byte) '\n');
            }
            out.put(t.getName(), md.digest());
        }
        return out;
    }

    /// The state digest: SHA-256 over the table names and their digests.
    public static String digest(Session s) {
        return digest(s.dsl());
    }

    public static String digest(DSLContext d) {
        MessageDigest md = OpCodec.sha256();
        tableDigests(d).forEach((name, h) -> {
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update(h);
        });
        return HexFormat.of().formatHex(md.digest());
    }

    /// Feeds one value to a digest with its type tag and length (`N`, `B`, `I`, `S`), so that no
    /// two different sequences of values encode alike. Shared with the check codes.
    public static void write(MessageDigest md, Object v) {
        byte[] bytes;
        byte tag;
        switch (v) {
            case null -> {
                md.update((byte) 'N');
                return;
            }
            case byte[] b -> {
                tag = 'B';
                bytes = b;
            }
            case Number n -> {
                tag = 'I';
                bytes = Long.toString(n.longValue()).getBytes(StandardCharsets.US_ASCII);
            }
            default -> {
                tag = 'S';
                bytes = v.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        md.update(tag);
        md.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        md.update((byte) ':');
        md.update(bytes);
    }
}
