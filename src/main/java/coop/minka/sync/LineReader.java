package coop.minka.sync;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32;

/// Splits `ops.ndjson` into lines of exact bytes (each an op body), feeding every byte read into
/// the file's SHA-256 and CRC-32 (when given). A line longer than the cap, or a last line
/// without its newline, is refused.
final class LineReader implements Closeable {
    private final InputStream in;
    private final int maxLine;
    private final MessageDigest md;
    private final CRC32 crc;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private boolean eof;

    LineReader(InputStream in, int maxLine, MessageDigest md, CRC32 crc) {
        this.in = in;
        this.maxLine = maxLine;
        this.md = md;
        this.crc = crc;
    }

    /// The next line without its `\n`, or null at the end of the file.
    byte[] next() throws IOException {
        byte[] line = null;
        int lineLen = 0;
        while (true) {
            if (pos == end) {
                if (!fill()) {
                    if (line != null || lineLen > 0) {
                        throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, "the last entry is cut short");
                    }
                    return null;
                }
            }
            int nl = -1;
            for (int i = pos; i < end; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int stop = nl < 0 ? end : nl;
            int n = stop - pos;
            if (lineLen + n > maxLine) {
                throw new MinkaException(ErrorCode.BUNDLE_TOO_LARGE, "ops.ndjson");
            }
            if (line == null) {
                line = new byte[Math.max(n, 256)];
            } else if (line.length < lineLen + n) {
                line = Arrays.copyOf(line, Math.max(lineLen + n, line.length * 2));
            }
            System.arraycopy(buf, pos, line, lineLen, n);
            lineLen += n;
            pos = stop;
            if (nl >= 0) {
                pos++;
                return Arrays.copyOf(line, lineLen);
            }
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.readNBytes(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        if (md != null) {
            md.update(buf, 0, n);
            crc.update(buf, 0, n);
        }
        pos = 0;
        end = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
