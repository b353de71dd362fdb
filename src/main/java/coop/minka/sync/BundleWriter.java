package coop.minka.sync;

import static coop.minka.store.schema.Tables.REPLICA;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.store.Keys;
import coop.minka.store.OpCodec;
import coop.minka.store.OpStore;
import coop.minka.store.Session;
import coop.minka.sync.format.ManifestJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/// Writes a bundle (DESIGN.md §5): `ops.ndjson` streamed straight from the stored canonical
/// bytes, then the signed `manifest.json`. The file is created new (never over an existing
/// one), flushed to the device, read back and its SHA-256 compared before it counts as written.
///
/// A full export walks every op held (a million and more), so the walk reads stored bodies
/// through plain JDBC ([OpStore#streamBodies]) and [BundleZipWriter] deflates on a second core
/// while this thread reads; the file is the same standard ZIP as before.
public final class BundleWriter {
    /// What was written.
    public record Written(Path file, byte[] sha256, ManifestJson manifest) {
    }

    /// Who writes: the cooperative, this laptop and its signing key.
    public record Sender(ManifestJson.Party coop, ManifestJson.Party replica, PrivateKey key, byte[] publicKey) {
    }

    private BundleWriter() {
    }

    /// Writes every entry held except, per author, the first `alreadyHeld.get(author)` ones. Each
    /// author's range ends at its latest signed head.
    public static Written write(Session s, Path target, Sender sender, Map<String, Long> alreadyHeld, long createdAt) {
        return write(s.dsl(), target, sender, alreadyHeld, createdAt);
    }

    public static Written write(DSLContext d, Path target, Sender sender, Map<String, Long> alreadyHeld, long createdAt) {
        return write(d, target, sender, alreadyHeld, createdAt, BundleZipWriter.DEFAULT_BLOCK,
                BundleZipWriter.defaultWorkers(), null);
    }

    /// The same as an encrypted sync file (design-notes item 28), addressed to `recipients`
    /// (`age1…`): the ZIP is streamed straight into the age stream, in one pass, so that the plain
    /// ZIP exists nowhere, neither on the medium nor on this laptop. The SHA-256 in the result is
    /// that of the encrypted file, as written and as read back.
    public static Written writeEncrypted(Session s, Path target, Sender sender, Map<String, Long> alreadyHeld,
                                         long createdAt, Collection<String> recipients) {
        return write(s.dsl(), target, sender, alreadyHeld, createdAt, BundleZipWriter.DEFAULT_BLOCK,
                BundleZipWriter.defaultWorkers(), List.copyOf(recipients));
    }

    /// As above, deflating in blocks of `blockSize` bytes on `workers` threads besides this one
    /// (tests use small blocks to cross many block boundaries with few entries).
    static Written write(DSLContext d, Path target, Sender sender, Map<String, Long> alreadyHeld, long createdAt,
                         int blockSize, int workers) {
        return write(d, target, sender, alreadyHeld, createdAt, blockSize, workers, null);
    }

    /// `recipients` null: a plain ZIP file; otherwise an age file to them.
    private static Written write(DSLContext d, Path target, Sender sender, Map<String, Long> alreadyHeld,
                                 long createdAt, int blockSize, int workers, List<String> recipients) {
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
            // encrypted: the ZIP goes through the age stream, which digests the file's bytes itself
            WritableByteChannel sink = recipients == null ? ch : AgeFiles.encrypting(ch, fileMd, recipients);
            try (BundleZipWriter zip = new BundleZipWriter(sink, recipients == null ? fileMd : null, blockSize, workers,
                    System.currentTimeMillis())) {
                zip.begin(BundleReader.OPS, opsMd);
                for (Plan p : plans) {
                    byte[] prev = p.from == 1 ? OpCodec.NO_PREV
                            : OpStore.hashAt(d, p.author, p.from - 1).orElseThrow();
                    Lines lines = new Lines(zip, p.author, p.from);
                    byte[] last = OpStore.streamBodies(d, p.author, p.from, p.head.seq(), lines);
                    if (lines.expected != p.head.seq() + 1 || !Arrays.equals(last, p.head.hash())) {
                        throw new MinkaException(ErrorCode.INTERNAL,
                                "the log of " + p.author + " does not match its head");
                    }
                    count += lines.expected - p.from;
                    ranges.add(new ManifestJson.AuthorRange(p.author, p.from, p.head.seq(), hex.formatHex(prev),
                            new ManifestJson.Head(p.head.seq(), hex.formatHex(p.head.hash()),
                                    Base64.getEncoder().encodeToString(p.head.signature()))));
                }
                zip.end();
                TreeMap<String, String> keys = new TreeMap<>();
                keys.put(sender.replica().id(), Base64.getEncoder().encodeToString(sender.publicKey()));
                for (ManifestJson.AuthorRange r : ranges) {
                    byte[] key = d.select(REPLICA.PUBLIC_KEY).from(REPLICA).where(REPLICA.ID.eq(r.replica()))
                            .fetchOptional(REPLICA.PUBLIC_KEY).orElseThrow(() ->
                                    new MinkaException(ErrorCode.INTERNAL, "no key held for " + r.replica()));
                    keys.put(r.replica(), Base64.getEncoder().encodeToString(key));
                }
                manifest = new ManifestJson(ManifestJson.FORMAT, sender.coop(), sender.replica(), createdAt,
                        new TreeMap<>(vv), List.copyOf(ranges), keys, count, hex.formatHex(opsMd.digest()), "");
                byte[] sig = Keys.sign(sender.key(), manifest.signedStatement().getBytes(StandardCharsets.UTF_8));
                manifest = manifest.withSignature(Base64.getEncoder().encodeToString(sig));
                zip.entry(BundleReader.MANIFEST, ManifestCodec.write(manifest));
                zip.finish();
            }
            if (recipients != null) {
                sink.close(); // the last chunk; the file channel stays open
            }
            ch.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new MinkaException(ErrorCode.FILE_EXISTS, e, target);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(target);
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e instanceof UncheckedIOException u ? u.getCause() : e,
                    target);
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

    /// Writes one author's stored bodies as `ops.ndjson` lines, checking that seqs follow on.
    private static final class Lines implements OpStore.BodySink {
        private final BundleZipWriter zip;
        private final String author;
        long expected;

        Lines(BundleZipWriter zip, String author, long from) {
            this.zip = zip;
            this.author = author;
            this.expected = from;
        }

        @Override
        public void accept(long seq, byte[] body) {
            if (seq != expected) {
                throw new MinkaException(ErrorCode.INTERNAL, "gap in the log of " + author);
            }
            try {
                zip.write(body);
                zip.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            expected++;
        }
    }
}
