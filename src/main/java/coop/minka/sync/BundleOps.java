package coop.minka.sync;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.store.OpCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/// The entries of one author's range in a large bundle, read again from the bundle's checked
/// copy when they are needed instead of being held in memory between the check and the import:
/// a million decoded entries take more memory than Java gets on a 4 GB laptop. Only the 32-byte
/// hash of each entry is kept from the check, and every entry read again must hash to the same
/// value, so a copy changed in between can never slip anything in: reading it then fails (inside
/// the import's transaction, which is rolled back).
///
/// Reading in order is cheap: the ranges of one bundle share one [Source] that inflates
/// `ops.ndjson` once from start to end; going back starts it again. Not thread-safe.
final class BundleOps extends AbstractList<Op> {
    private final Source source;
    private final long firstLine;
    private final byte[] prev;
    private final byte[] hashes;
    private final int size;

    /// `hashes` holds the hash of each entry, 32 bytes after 32 bytes; `firstLine` is the line of
    /// `ops.ndjson` (from 0) holding the first of them.
    BundleOps(Source source, long firstLine, byte[] prev, byte[] hashes) {
        this.source = source;
        this.firstLine = firstLine;
        this.prev = prev;
        this.hashes = hashes;
        this.size = hashes.length / OpCodec.HASH_BYTES;
    }

    @Override
    public Op get(int index) {
        Objects.checkIndex(index, size);
        byte[] body = source.line(firstLine + index);
        int h = OpCodec.HASH_BYTES;
        byte[] p = index == 0 ? prev : Arrays.copyOfRange(hashes, (index - 1) * h, index * h);
        Op op;
        try {
            op = OpCodec.decode(p, body);
        } catch (RuntimeException e) {
            throw changed(source.file);
        }
        if (!Arrays.equals(op.hash(), 0, h, hashes, index * h, (index + 1) * h)) {
            throw changed(source.file);
        }
        return op;
    }

    @Override
    public int size() {
        return size;
    }

    private static MinkaException changed(Path file) {
        return new MinkaException(ErrorCode.BUNDLE_TAMPERED, "the file changed while it was being imported: " + file);
    }

    /// The lines of one bundle's `ops.ndjson`, read forwards; closed at the last line and
    /// reopened only to go back.
    static final class Source {
        private final Path file;
        private final BundleLimits limits;
        private final long lines;
        private ZipFile zip;
        private LineReader reader;
        private long next;

        Source(Path file, BundleLimits limits, long lines) {
            this.file = file;
            this.limits = limits;
            this.lines = lines;
        }

        byte[] line(long n) {
            try {
                if (reader == null || n < next) {
                    reopen();
                }
                byte[] line;
                do {
                    line = reader.next();
                    if (line == null) {
                        throw changed(file);
                    }
                } while (next++ < n);
                if (next == lines) {
                    close();
                }
                return line;
            } catch (IOException e) {
                close();
                throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, e, "the file changed while it was being imported: "
                        + file);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private void reopen() throws IOException {
            close();
            zip = new ZipFile(file.toFile());
            ZipEntry e = zip.getEntry(BundleReader.OPS);
            if (e == null) {
                throw changed(file);
            }
            reader = new LineReader(new CappedInputStream(zip.getInputStream(e), limits.maxOpsBytes(), BundleReader.OPS),
                    OpCodec.MAX_OP_BYTES, null, null);
            next = 0;
        }

        void close() {
            try {
                if (zip != null) {
                    zip.close();
                }
            } catch (IOException ignored) {
                // only read from; nothing to lose
            }
            zip = null;
            reader = null;
        }
    }
}
