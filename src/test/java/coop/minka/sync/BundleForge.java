package coop.minka.sync;

import coop.minka.store.Keys;
import coop.minka.store.OpCodec;
import coop.minka.sync.format.ManifestJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/// Takes valid bundles apart and puts them back together, changed: the tools of the bad-bundle
/// catalogue and the mutation fuzz test.
final class BundleForge {
    private BundleForge() {
    }

    static Map<String, byte[]> entries(Path bundle) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(Village.opened(bundle).toFile())) {
            var en = z.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    static ManifestJson manifest(Map<String, byte[]> entries) {
        return ManifestCodec.parse(entries.get(BundleReader.MANIFEST), "test");
    }

    static byte[] manifestBytes(ManifestJson m) {
        return ManifestCodec.write(m);
    }

    static ManifestJson resign(ManifestJson m, PrivateKey key) {
        byte[] sig = Keys.sign(key, m.withSignature("").signedStatement().getBytes(StandardCharsets.UTF_8));
        return m.withSignature(Base64.getEncoder().encodeToString(sig));
    }

    /// A deflated ZIP with these entries in this order (names may repeat only in [#rawZip]).
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    /// A stored (uncompressed) ZIP written by hand, so names can repeat or climb out (`../`).
    static byte[] rawZip(List<Map.Entry<String, byte[]>> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream cd = new ByteArrayOutputStream();
        for (var e : entries) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = e.getValue();
            CRC32 crc = new CRC32();
            crc.update(data);
            int offset = out.size();
            ByteBuffer lh = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
            lh.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt((int) crc.getValue()).putInt(data.length).putInt(data.length)
                    .putShort((short) name.length).putShort((short) 0);
            out.writeBytes(lh.array());
            out.writeBytes(name);
            out.writeBytes(data);
            ByteBuffer ch = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
            ch.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt((int) crc.getValue()).putInt(data.length)
                    .putInt(data.length).putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
            cd.writeBytes(ch.array());
            cd.writeBytes(name);
        }
        int cdOffset = out.size();
        out.writeBytes(cd.toByteArray());
        ByteBuffer eocd = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        eocd.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(cd.size()).putInt(cdOffset).putShort((short) 0);
        out.writeBytes(eocd.array());
        return out.toByteArray();
    }

    static List<byte[]> lines(byte[] ndjson) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < ndjson.length; i++) {
            if (ndjson[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(ndjson, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    static byte[] joinLines(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.writeBytes(l);
            out.write('\n');
        }
        return out.toByteArray();
    }

    /// Replaces `from` by `to` in the `index`-th line, then recomputes that author's chain, the
    /// head hash and the ops hash, and re-signs the manifest with `senderKey`: a bundle whose
    /// only flaw is the author's head signature.
    static byte[] rewriteOp(Map<String, byte[]> entries, int index, String from, String to, PrivateKey senderKey)
            throws IOException {
        ManifestJson m = manifest(entries);
        List<byte[]> lines = new ArrayList<>(lines(entries.get(BundleReader.OPS)));
        String body = new String(lines.get(index), StandardCharsets.UTF_8);
        if (!body.contains(from)) {
            throw new IllegalArgumentException("line " + index + " has no " + from + ": " + body);
        }
        lines.set(index, body.replace(from, to).getBytes(StandardCharsets.UTF_8));
        HexFormat hex = HexFormat.of();
        List<ManifestJson.AuthorRange> ranges = new ArrayList<>();
        int line = 0;
        for (ManifestJson.AuthorRange r : m.authors()) {
            byte[] prev = hex.parseHex(r.prev());
            for (long s = r.fromSeq(); s <= r.toSeq(); s++) {
                prev = OpCodec.hash(prev, lines.get(line++));
            }
            ranges.add(new ManifestJson.AuthorRange(r.replica(), r.fromSeq(), r.toSeq(), r.prev(),
                    new ManifestJson.Head(r.head().seq(), hex.formatHex(prev), r.head().signature())));
        }
        byte[] ops = joinLines(lines);
        ManifestJson changed = new ManifestJson(m.format(), m.coop(), m.sender(), m.createdAt(), m.versionVector(),
                ranges, m.keys(), m.opCount(), hex.formatHex(OpCodec.sha256().digest(ops)), "");
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(BundleReader.OPS, ops);
        out.put(BundleReader.MANIFEST, manifestBytes(resign(changed, senderKey)));
        return zip(out);
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
