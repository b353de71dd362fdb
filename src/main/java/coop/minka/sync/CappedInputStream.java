package coop.minka.sync;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/// Counts the bytes actually inflated from a ZIP entry and stops at a cap: a zip bomb is
/// refused after reading at most `cap` bytes, whatever its headers claim.
final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private final String label;
    private long count;

    CappedInputStream(InputStream in, long cap, String label) {
        super(in);
        this.cap = cap;
        this.label = label;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, (int) Math.min(len, cap - count + 1));
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not used");
    }

    private void add(long n) {
        count += n;
        if (count > cap) {
            throw new MinkaException(ErrorCode.BUNDLE_TOO_LARGE, label);
        }
    }
}
