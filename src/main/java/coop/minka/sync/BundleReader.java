package coop.minka.sync;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpType;
import coop.minka.store.Keys;
import coop.minka.store.OpCodec;
import coop.minka.store.OpStore;
import coop.minka.sync.format.ManifestJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/// Reads and verifies a bundle file (DESIGN.md §5, import steps 1–2) without touching any
/// database: the caller passes a private copy of the file (the quarantine) and a way to look
/// up keys of authors it already holds. Entries are read by their two fixed names only; sizes
/// are counted as they are inflated; every failure is a [MinkaException] with a `BUNDLE_*`
/// code, never anything else.
public final class BundleReader {
    static final String MANIFEST = "manifest.json";
    static final String OPS = "ops.ndjson";
    private static final int EOCD_SIZE = 22;
    private static final int EOCD_SIG = 0x06054b50;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final BundleLimits limits;

    public BundleReader(BundleLimits limits) {
        this.limits = limits;
    }

    /// Reads only the manifest (structure, caps, JSON), without checking entries or signatures:
    /// enough to tell whose bundle a file in a shared folder is.
    public ManifestJson peek(Path file, String label) {
        return guarded(label, () -> {
            checkStructure(file, label);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return readManifest(zip, label);
            }
        });
    }

    /// Reads and verifies everything. `expectedCoop` null accepts any cooperative (joining);
    /// `knownKey` gives the public key of an author held here, if any.
    public VerifiedBundle read(Path file, String label, String expectedCoop, Function<String, Optional<byte[]>> knownKey) {
        return guarded(label, () -> {
            byte[] fileSha = checkStructure(file, label);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ManifestJson m = readManifest(zip, label);
                if (expectedCoop != null && !expectedCoop.equals(m.coop().id())) {
                    throw new MinkaException(ErrorCode.BUNDLE_WRONG_COOPERATIVE, label, m.coop().name());
                }
                Map<String, byte[]> bundleKeys = new HashMap<>();
                boolean[] coopCreated = {false};
                List<VerifiedBundle.Range> ranges = readOps(file, zip, m, bundleKeys, coopCreated);
                return verifySignatures(m, ranges, bundleKeys, knownKey, fileSha, coopCreated[0]);
            }
        });
    }

    private interface Step<T> {
        T run() throws IOException;
    }

    private static <T> T guarded(String label, Step<T> step) {
        try {
            return step.run();
        } catch (MinkaException e) {
            throw e;
        } catch (IOException e) {
            // the file itself was readable (checked first): what fails now is its content
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, e, "the ZIP content is damaged");
        } catch (RuntimeException e) {
            throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, e, label);
        }
    }

    /// Checks magic, size and that the ZIP directory ends exactly at the end of the file
    /// (nothing appended, nothing cut off, two entries); returns the file's SHA-256.
    private byte[] checkStructure(Path file, String label) {
        try {
            return structure(file, label);
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, e, label);
        }
    }

    private byte[] structure(Path file, String label) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > limits.maxFileBytes()) {
                throw new MinkaException(ErrorCode.BUNDLE_TOO_LARGE, label);
            }
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(4, size));
            readFully(ch, head, 0);
            byte[] magic = head.array();
            if (size < ZIP_MAGIC.length) {
                if (Arrays.equals(magic, Arrays.copyOf(ZIP_MAGIC, magic.length))) {
                    throw new MinkaException(ErrorCode.BUNDLE_TRUNCATED, label);
                }
                throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, label);
            }
            if (!Arrays.equals(magic, ZIP_MAGIC)) {
                throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, label);
            }
            if (size < EOCD_SIZE || !isEocdAt(ch, size - EOCD_SIZE)) {
                throw new MinkaException(eocdSomewhere(ch, size) ? ErrorCode.BUNDLE_TAMPERED : ErrorCode.BUNDLE_TRUNCATED,
                        eocdSomewhere(ch, size) ? "extra bytes after the end of the file" : label);
            }
            ByteBuffer eocd = ByteBuffer.allocate(EOCD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, eocd, size - EOCD_SIZE);
            int disk = eocd.getShort(4) & 0xFFFF;
            int cdDisk = eocd.getShort(6) & 0xFFFF;
            int entriesHere = eocd.getShort(8) & 0xFFFF;
            int entries = eocd.getShort(10) & 0xFFFF;
            long cdSize = eocd.getInt(12) & 0xFFFFFFFFL;
            long cdOffset = eocd.getInt(16) & 0xFFFFFFFFL;
            int comment = eocd.getShort(20) & 0xFFFF;
            if (entries != 2 || entriesHere != 2) {
                throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, label);
            }
            if (disk != 0 || cdDisk != 0 || comment != 0 || cdOffset + cdSize != size - EOCD_SIZE) {
                throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "the ZIP directory is damaged");
            }
            MessageDigest md = OpCodec.sha256();
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            long pos = 0;
            while (pos < size) {
                buf.clear();
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new MinkaException(ErrorCode.BUNDLE_TRUNCATED, label);
                }
                md.update(buf.array(), 0, n);
                pos += n;
            }
            return md.digest();
        }
    }

    private static boolean isEocdAt(FileChannel ch, long pos) throws IOException {
        if (pos < 0) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, b, pos);
        return b.getInt(0) == EOCD_SIG;
    }

    private static boolean eocdSomewhere(FileChannel ch, long size) throws IOException {
        long from = Math.max(0, size - 65_557);
        ByteBuffer b = ByteBuffer.allocate((int) (size - from)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, b, from);
        for (int i = b.capacity() - EOCD_SIZE; i >= 0; i--) {
            if (b.getInt(i) == EOCD_SIG) {
                return true;
            }
        }
        return false;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + b.position());
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private ZipEntry entry(ZipFile zip, String name, String label) {
        Set<String> seen = new HashSet<>();
        var en = zip.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            if (!e.getName().equals(MANIFEST) && !e.getName().equals(OPS) || !seen.add(e.getName())) {
                throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, label);
            }
            if (e.getMethod() != ZipEntry.DEFLATED && e.getMethod() != ZipEntry.STORED) {
                throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, label);
            }
        }
        ZipEntry e = zip.getEntry(name);
        if (e == null || seen.size() != 2) {
            throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, label);
        }
        return e;
    }

    private ManifestJson readManifest(ZipFile zip, String label) throws IOException {
        ZipEntry e = entry(zip, MANIFEST, label);
        byte[] bytes;
        CRC32 crc = new CRC32();
        try (InputStream in = new CappedInputStream(zip.getInputStream(e), limits.maxManifestBytes(), label)) {
            bytes = in.readAllBytes();
        }
        crc.update(bytes);
        if (crc.getValue() != e.getCrc()) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "the list of contents does not match its checksum");
        }
        ManifestJson m = ManifestCodec.parse(bytes, label);
        ManifestCodec.validate(m, limits, label);
        return m;
    }

    /// Checks every entry. A bundle of up to [BundleLimits#keptInMemory] entries keeps them
    /// decoded; a larger one keeps only their hashes and reads them again from `file` (its
    /// checked copy) when they are imported ([BundleOps]), so memory stays small at any size.
    private List<VerifiedBundle.Range> readOps(Path file, ZipFile zip, ManifestJson m, Map<String, byte[]> keys,
                                               boolean[] coopCreated) throws IOException {
        ZipEntry e = entry(zip, OPS, OPS);
        MessageDigest md = OpCodec.sha256();
        CRC32 crc = new CRC32();
        List<VerifiedBundle.Range> out = new ArrayList<>(m.authors().size());
        HexFormat hex = HexFormat.of();
        long total = 0;
        for (ManifestJson.AuthorRange r : m.authors()) {
            total += r.toSeq() - r.fromSeq() + 1;
        }
        boolean keep = total <= limits.keptInMemory();
        BundleOps.Source source = keep ? null : new BundleOps.Source(file, limits, total);
        long line = 0;
        try (LineReader lines = new LineReader(new CappedInputStream(zip.getInputStream(e), limits.maxOpsBytes(), OPS),
                OpCodec.MAX_OP_BYTES, md, crc)) {
            for (ManifestJson.AuthorRange r : m.authors()) {
                byte[] prev = hex.parseHex(r.prev());
                int n = Math.toIntExact(r.toSeq() - r.fromSeq() + 1);
                List<Op> ops = keep ? new ArrayList<>(n) : null;
                byte[] hashes = keep ? null : new byte[Math.multiplyExact(n, OpCodec.HASH_BYTES)];
                long firstLine = line;
                for (long seq = r.fromSeq(); seq <= r.toSeq(); seq++) {
                    byte[] body = lines.next();
                    if (body == null) {
                        throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "entries are missing");
                    }
                    Op op = OpCodec.decode(prev, body);
                    if (!op.replica().equals(r.replica()) || op.seq() != seq) {
                        throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "entry " + seq + " of " + r.replica()
                                + " is out of place");
                    }
                    if (seq == 1 && !(op.type().equals(OpType.REPLICA_JOIN) && op.entity().equals(op.replica()))) {
                        throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "the first entry of " + r.replica()
                                + " is not its join request");
                    }
                    if (op.type().equals(OpType.REPLICA_JOIN) && op.entity().equals(op.replica()) && seq == 1) {
                        keys.put(op.replica(), Base64.getDecoder().decode(op.data().str("key")));
                    }
                    if (op.type().equals(OpType.COOP_CREATE) && op.entity().equals(m.coop().id())) {
                        coopCreated[0] = true;
                    }
                    if (keep) {
                        ops.add(op);
                    } else {
                        System.arraycopy(op.hash(), 0, hashes, (int) (seq - r.fromSeq()) * OpCodec.HASH_BYTES,
                                OpCodec.HASH_BYTES);
                    }
                    prev = op.hash();
                    line++;
                }
                byte[] headHash = hex.parseHex(r.head().hash());
                if (!Arrays.equals(prev, headHash)) {
                    throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "the signed head of " + r.replica()
                            + " does not match its entries");
                }
                out.add(new VerifiedBundle.Range(r.replica(), r.fromSeq(), r.toSeq(), hex.parseHex(r.prev()),
                        keep ? List.copyOf(ops) : new BundleOps(source, firstLine, hex.parseHex(r.prev()), hashes),
                        new OpStore.SignedHead(r.replica(), r.head().seq(), headHash,
                        Base64.getDecoder().decode(r.head().signature())), true));
            }
            if (lines.next() != null) {
                throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "there are more entries than listed");
            }
        }
        if (crc.getValue() != e.getCrc()) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "the entries do not match their checksum");
        }
        if (!hex.formatHex(md.digest()).equals(m.opsSha256())) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "the entries do not match the list of contents");
        }
        return out;
    }

    /// Signatures already found valid in this process, keyed by SHA-256 of (key, message,
    /// signature): the same signed heads come back in bundle after bundle, and one Ed25519
    /// check costs far more than a hash. Only successes are remembered.
    private static final Map<String, Boolean> VERIFIED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 8192;
                }
            });

    static boolean verifyCached(byte[] key, byte[] message, byte[] signature) {
        MessageDigest md = OpCodec.sha256();
        for (byte[] part : new byte[][] {key, message, signature}) {
            md.update(java.nio.ByteBuffer.allocate(4).putInt(part.length).array());
            md.update(part);
        }
        String k = HexFormat.of().formatHex(md.digest());
        if (VERIFIED.containsKey(k)) {
            return true;
        }
        boolean ok = Keys.verify(key, message, signature);
        if (ok) {
            VERIFIED.put(k, Boolean.TRUE);
        }
        return ok;
    }

    private static VerifiedBundle verifySignatures(ManifestJson m, List<VerifiedBundle.Range> ranges,
                                                   Map<String, byte[]> bundleKeys,
                                                   Function<String, Optional<byte[]>> knownKey, byte[] fileSha,
                                                   boolean coopCreated) {
        String senderId = m.sender().id();
        byte[] senderKey = keyFor(senderId, m, bundleKeys, knownKey);
        if (senderKey == null) {
            throw new MinkaException(ErrorCode.BUNDLE_FORGED, senderId);
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(m.signature());
        } catch (IllegalArgumentException e) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, e, "the sender's signature is unreadable");
        }
        if (!verifyCached(senderKey, m.signedStatement().getBytes(java.nio.charset.StandardCharsets.UTF_8), sig)) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "the sender's signature is not valid");
        }
        List<VerifiedBundle.Range> out = new ArrayList<>(ranges.size());
        boolean full = true;
        for (VerifiedBundle.Range r : ranges) {
            byte[] key = keyFor(r.author(), m, bundleKeys, knownKey);
            OpStore.SignedHead h = r.head();
            boolean verified = key != null
                    && verifyCached(key, Keys.headMessage(m.coop().id(), r.author(), h.seq(), h.hash()), h.signature());
            if (!verified && !Ids.isLegacy(r.author())) {
                throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "the signed head of " + r.author() + " is not valid");
            }
            full &= r.fromSeq() == 1 && m.versionVector().get(r.author()) == r.toSeq();
            out.add(new VerifiedBundle.Range(r.author(), r.fromSeq(), r.toSeq(), r.prev(), r.ops(), r.head(), verified));
        }
        full &= ranges.size() == m.versionVector().size();
        return new VerifiedBundle(m, List.copyOf(out), fileSha, full, coopCreated);
    }

    /// The key a laptop's entries in this file must be signed with (design-notes item 16): for a
    /// key-derived id, the file's key, which must derive the id; for a legacy id, the key held
    /// here if any (a key in a file never replaces it), else the file's. Null when the file's
    /// key does not belong to a legacy id already held under another key (an impostor's range).
    private static byte[] keyFor(String author, ManifestJson m, Map<String, byte[]> bundleKeys,
                                 Function<String, Optional<byte[]>> knownKey) {
        byte[] fileKey = Base64.getDecoder().decode(m.keys().get(author));
        byte[] joinKey = bundleKeys.get(author);
        if (joinKey != null && !Arrays.equals(joinKey, fileKey)) {
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "the key of " + author + " differs from its join");
        }
        if (!Ids.isLegacy(author)) {
            if (!Ids.replicaIdFor(fileKey).equals(author)) {
                throw new MinkaException(ErrorCode.BUNDLE_FORGED, m.sender().name());
            }
            return fileKey;
        }
        Optional<byte[]> held = knownKey.apply(author);
        if (held.isPresent() && !Arrays.equals(held.get(), fileKey)) {
            return null;
        }
        return fileKey;
    }
}
