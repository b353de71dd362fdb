package coop.minka.sync;

import static coop.minka.store.schema.Tables.OP;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.store.Keys;
import coop.minka.store.OpCodec;
import coop.minka.store.OpStore;
import coop.minka.sync.format.ManifestJson;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jooq.DSLContext;

/// Writes a bundle (DESIGN.md §5): `ops.ndjson` streamed straight from the stored canonical
/// bytes, then the signed `manifest.json`. The file is created new (never over an existing
/// one), flushed to the device, read back and its SHA-256 compared before it counts as written.
public final class BundleWriter {
    /// What was written.
    public record Written(Path file, byte[] sha256, ManifestJson manifest) {
    }

    /// Who writes: the cooperative, this laptop and its signing key.
    public record Sender(ManifestJson.Party coop, ManifestJson.Party replica, PrivateKey key) {
    }

    private BundleWriter() {
    }

    /// Writes every entry held except, per author, the first `alreadyHeld.get(author)` ones. Each
    /// author's range ends at its latest signed head.
    public static Written write(DSLContext d, Path target, Sender sender, Map<String, Long> alreadyHeld, long createdAt) {
        Map<String, Long> vv = new TreeMap<>(OpStore.versionVector(d));
        List<Plan> plans = new ArrayList<>();
        for (var e : vv.entrySet()) {
            String author = e.getKey();
            OpStore.SignedHead head = latestHeadAtOrBelow(d, author, e.getValue());
            if (head == null) {
                continue;
            }
            long from = Math.max(1, alreadyHeld.getOrDefault(author, 0L) + 1);
            if (from > head.seq()) {
                continue;
            }
            plans.add(new Plan(author, from, head));
        }
        MessageDigest fileMd = OpCodec.sha256();
        MessageDigest opsMd = OpCodec.sha256();
        long count = 0;
        List<ManifestJson.AuthorRange> ranges = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        ManifestJson manifest;
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream raw = new DigestOutputStream(new BufferedOutputStream(new Unclosable(Channels.newOutputStream(ch)),
                    1 << 16), fileMd);
            ZipOutputStream zip = new ZipOutputStream(raw);
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(BundleReader.OPS));
            // entries are small: gather them so the digest and the deflater work on large blocks
            OutputStream ops = new BufferedOutputStream(new DigestOutputStream(new Unclosable(zip), opsMd), 1 << 16);
            for (Plan p : plans) {
                byte[][] prevHolder = {p.from == 1 ? OpCodec.NO_PREV : OpStore.hashAt(d, p.author, p.from - 1).orElseThrow()};
                String prevHex = hex.formatHex(prevHolder[0]);
                long expected = p.from;
                try (var c = d.select(OP.SEQ, OP.BODY, OP.HASH).from(OP)
                        .where(OP.REPLICA.eq(p.author).and(OP.SEQ.between(p.from, p.head.seq()))).orderBy(OP.SEQ)
                        .fetchSize(1000).fetchLazy()) {
                    for (var r : c) {
                        if (r.value1() != expected) {
                            throw new MinkaException(ErrorCode.INTERNAL, "gap in the log of " + p.author);
                        }
                        ops.write(r.value2());
                        ops.write('\n');
                        prevHolder[0] = r.value3();
                        expected++;
                        count++;
                    }
                }
                if (expected != p.head.seq() + 1 || !Arrays.equals(prevHolder[0], p.head.hash())) {
                    throw new MinkaException(ErrorCode.INTERNAL, "the log of " + p.author + " does not match its head");
                }
                ranges.add(new ManifestJson.AuthorRange(p.author, p.from, p.head.seq(), prevHex,
                        new ManifestJson.Head(p.head.seq(), hex.formatHex(p.head.hash()),
                                Base64.getEncoder().encodeToString(p.head.signature()))));
            }
            ops.flush();
            zip.closeEntry();
            manifest = new ManifestJson(ManifestJson.FORMAT, sender.coop(), sender.replica(), createdAt,
                    new TreeMap<>(vv), List.copyOf(ranges), count, hex.formatHex(opsMd.digest()), "");
            byte[] sig = Keys.sign(sender.key(), manifest.signedStatement().getBytes(StandardCharsets.UTF_8));
            manifest = manifest.withSignature(Base64.getEncoder().encodeToString(sig));
            zip.putNextEntry(new ZipEntry(BundleReader.MANIFEST));
            zip.write(ManifestCodec.write(manifest));
            zip.closeEntry();
            zip.finish();
            raw.flush();
            ch.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new MinkaException(ErrorCode.FILE_EXISTS, e, target);
        } catch (IOException e) {
            deleteQuietly(target);
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, target);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
        byte[] sha = fileMd.digest();
        if (!Arrays.equals(sha, sha256Of(target))) {
            deleteQuietly(target);
            throw new MinkaException(ErrorCode.CANNOT_WRITE, target);
        }
        return new Written(target, sha, manifest);
    }

    private record Plan(String author, long from, OpStore.SignedHead head) {
    }

    private static OpStore.SignedHead latestHeadAtOrBelow(DSLContext d, String author, long held) {
        OpStore.SignedHead best = null;
        for (OpStore.SignedHead h : OpStore.heads(d, author)) {
            if (h.seq() <= held && (best == null || h.seq() > best.seq())) {
                best = h;
            }
        }
        return best;
    }

    /// SHA-256 of a file as it is on the device now.
    public static byte[] sha256Of(Path file) {
        MessageDigest md = OpCodec.sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, file);
        }
        return md.digest();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the half-written file has our new, unique name: leaving it is harmless
        }
    }

    /// Keeps the channel open when a wrapping stream is closed, so it can be forced first.
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
