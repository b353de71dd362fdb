package coop.minka.sync;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/// Writes the ZIP file of a bundle (docs/bundle-format.md): one large streamed entry deflated
/// in blocks on more than one core, then small entries deflated in one go, the central
/// directory and the end record — the same records `java.util.zip.ZipOutputStream` writes
/// (sizes and CRC in a data descriptor after each entry's data; no extra fields, no comment).
///
/// Why not `ZipOutputStream`: deflating is most of an export's time and `ZipOutputStream`
/// deflates on one core and takes no pre-deflated data. Here, as in pigz, the streamed entry is
/// cut into blocks; each block is deflated on its own (raw deflate, level 1) with the previous
/// block's last 32 KiB as dictionary, so the ratio stays that of one stream, and ends with a
/// sync flush (an empty stored block) so that the blocks concatenate into one valid deflate
/// stream; the last block ends the stream. CRC-32 and sizes are counted here.
///
/// Threads: the caller fills blocks (it is also the thread reading the database, which must
/// stay on it) and hands them to `workers` deflating threads; when those already have work
/// waiting, the caller deflates the block itself rather than wait, and whenever it would wait
/// it takes back the blocks no worker has started — so with one worker both cores of a
/// two-core laptop stay busy to the end. The first block starts small and the last block is
/// deflated by the caller, so a small bundle allocates little and starts no thread. Blocks are
/// written in order as they complete; at most a few blocks are in memory. The output does not
/// depend on which thread deflated what. Not thread-safe: one caller thread drives it.
final class BundleZipWriter implements AutoCloseable {
    static final int DEFAULT_BLOCK = 1 << 20;
    private static final int FIRST_BLOCK = 64 * 1024;
    private static final int WINDOW = 32 * 1024;
    private static final int LFH_SIG = 0x04034b50;
    private static final int DD_SIG = 0x08074b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int END_SIG = 0x06054b50;
    private static final int VERSION = 20;
    /// Sizes in a data descriptor (bit 3) and names in UTF-8 (bit 11), as `ZipOutputStream` does.
    private static final int FLAGS = 0x0808;
    private static final long MAX_32 = 0xFFFF_FFFEL;

    private final WritableByteChannel out;
    private final MessageDigest fileMd;
    private final int blockSize;
    private final int workers;
    private final int dosTime;
    private final Deflater own = new Deflater(Deflater.BEST_SPEED, true);
    private final List<Entry> entries = new ArrayList<>();
    private final ByteBuffer small = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
    private long offset;

    // the streamed entry
    private final ArrayDeque<Block> free = new ArrayDeque<>();
    private final ArrayDeque<Block> inFlight = new ArrayDeque<>();
    private final byte[] tail = new byte[WINDOW];
    private int tailLen;
    private int blocksMade;
    private Block cur;
    private Entry streaming;
    private MessageDigest contentMd;
    private final CRC32 crc = new CRC32();
    private long size;
    private long compressed;
    private BlockingQueue<Block> queue;
    private final List<Thread> threads = new ArrayList<>();

    private record Entry(byte[] name, int crc, long compressed, long size, long offset) {
    }

    /// A block of the streamed entry: its bytes, the dictionary it is deflated against, and
    /// (once `done`) its deflated bytes.
    private static final class Block {
        static final Block STOP = new Block(0);
        byte[] in;
        final byte[] dict = new byte[WINDOW];
        int inLen;
        int dictLen;
        byte[] out;
        int outLen;
        boolean last;
        boolean onWorker;
        CompletableFuture<Void> done;

        Block(int size) {
            in = new byte[size];
            out = new byte[outSize(size)];
        }

        /// Room for the deflated block: deflate grows incompressible data by a few bytes per
        /// 16 KiB (and `deflate` grows this if ever needed).
        static int outSize(int in) {
            return in + (in >> 3) + 1024;
        }

        void grow(int size) {
            in = java.util.Arrays.copyOf(in, size);
            out = new byte[outSize(size)];
        }
    }

    /// `workers` deflating threads at most (0: everything on the caller); `createdAt` is the
    /// entries' modification time (ms since 1970); `fileMd` (or null) digests the ZIP's bytes.
    BundleZipWriter(WritableByteChannel out, MessageDigest fileMd, int blockSize, int workers, long createdAt) {
        if (blockSize < WINDOW) {
            throw new IllegalArgumentException("block smaller than the deflate window: " + blockSize);
        }
        this.out = out;
        this.fileMd = fileMd;
        this.blockSize = blockSize;
        this.workers = workers;
        this.dosTime = dosTime(createdAt);
    }

    /// Deflating threads worth starting here: the reading thread keeps one core; beyond two
    /// workers the database walk is the limit.
    static int defaultWorkers() {
        return Math.clamp(Runtime.getRuntime().availableProcessors() - 1, 0, 2);
    }

    /// Starts the streamed entry; `contentMd` is updated with its uncompressed bytes.
    void begin(String name, MessageDigest contentMd) throws IOException {
        if (streaming != null) {
            throw new IllegalStateException("an entry is open");
        }
        this.contentMd = contentMd;
        crc.reset();
        size = 0;
        compressed = 0;
        tailLen = 0;
        streaming = new Entry(name.getBytes(StandardCharsets.UTF_8), 0, 0, 0, offset);
        writeLocalHeader(streaming.name);
        cur = takeFree();
    }

    void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    void write(byte[] b, int off, int len) throws IOException {
        Block c = cur;
        while (len > 0) {
            int n = Math.min(len, c.in.length - c.inLen);
            System.arraycopy(b, off, c.in, c.inLen, n);
            c.inLen += n;
            off += n;
            len -= n;
            if (c.inLen == c.in.length) {
                c = nextBlock();
            }
        }
    }

    void write(int b) throws IOException {
        Block c = cur;
        c.in[c.inLen++] = (byte) b;
        if (c.inLen == c.in.length) {
            nextBlock();
        }
    }

    /// Ends the streamed entry: the last block, then its data descriptor.
    void end() throws IOException {
        Block c = cur;
        cur = null;
        c.last = true;
        account(c);
        deflate(own, c);
        c.done = CompletableFuture.completedFuture(null);
        // this thread has nothing else left to do: take back what the workers have not started
        inFlight.descendingIterator().forEachRemaining(this::steal);
        inFlight.addLast(c);
        while (!inFlight.isEmpty()) {
            writeBlock(await(inFlight.removeFirst()));
        }
        if (compressed > MAX_32 || streaming.offset > MAX_32) {
            throw new MinkaException(ErrorCode.INTERNAL, "a bundle cannot hold more than 4 GiB");
        }
        Entry e = new Entry(streaming.name, (int) crc.getValue(), compressed, size, streaming.offset);
        streaming = null;
        writeDescriptor(e);
        entries.add(e);
    }

    /// Writes a whole small entry, deflated.
    void entry(String name, byte[] data) throws IOException {
        if (streaming != null) {
            throw new IllegalStateException("an entry is open");
        }
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        long at = offset;
        writeLocalHeader(n);
        own.reset();
        own.setInput(data);
        own.finish();
        byte[] buf = new byte[data.length + (data.length >> 3) + 64];
        int len = 0;
        while (!own.finished()) {
            if (len == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            len += own.deflate(buf, len, buf.length - len);
        }
        emit(buf, 0, len);
        CRC32 c = new CRC32();
        c.update(data);
        Entry e = new Entry(n, (int) c.getValue(), len, data.length, at);
        writeDescriptor(e);
        entries.add(e);
    }

    /// Writes the central directory and the end record.
    void finish() throws IOException {
        long cdStart = offset;
        for (Entry e : entries) {
            ByteBuffer b = header(46 + e.name.length);
            b.putInt(CEN_SIG).putShort((short) VERSION).putShort((short) VERSION).putShort((short) FLAGS)
                    .putShort((short) Deflater.DEFLATED).putInt(dosTime).putInt(e.crc).putInt((int) e.compressed)
                    .putInt((int) e.size).putShort((short) e.name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) e.offset).put(e.name);
            emit(b);
        }
        long cdSize = offset - cdStart;
        if (offset > MAX_32) {
            throw new MinkaException(ErrorCode.INTERNAL, "a bundle cannot be larger than 4 GiB");
        }
        ByteBuffer b = header(22);
        b.putInt(END_SIG).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt((int) cdSize).putInt((int) cdStart).putShort((short) 0);
        emit(b);
    }

    /// Stops the deflating threads (work they have not started is dropped) and frees the
    /// native deflaters; the channel is the caller's.
    @Override
    public void close() {
        if (queue != null) {
            queue.clear();
            for (int i = 0; i < threads.size(); i++) {
                queue.add(Block.STOP);
            }
        }
        own.end();
    }

    // ------------------------------------------------------------------ blocks

    /// The current block is full: hand it over and start the next one against its tail.
    private Block nextBlock() throws IOException {
        Block full = cur;
        if (full.in.length < blockSize) {
            // the first block starts small, so that the many small bundles stay cheap
            full.grow(Math.min(blockSize, full.in.length * 4));
            return full;
        }
        account(full);
        if (pendingOnWorkers() < 2 * workers) {
            full.onWorker = true;
            full.done = new CompletableFuture<>();
            startWorkers();
            queue.add(full);
        } else {
            deflate(own, full);
            full.done = CompletableFuture.completedFuture(null);
        }
        inFlight.addLast(full);
        drainDone();
        Block next = takeFree();
        cur = next;
        return next;
    }

    /// Counts and digests the block's bytes, gives it the 32 KiB before it as dictionary, and
    /// keeps its own last 32 KiB for the next block (every block but the last is full).
    private void account(Block b) {
        b.dictLen = tailLen;
        System.arraycopy(tail, 0, b.dict, 0, tailLen);
        contentMd.update(b.in, 0, b.inLen);
        crc.update(b.in, 0, b.inLen);
        size += b.inLen;
        if (size > MAX_32) {
            // ZIP64 is not worth having: a reader refuses far smaller bundles (BundleLimits)
            throw new MinkaException(ErrorCode.INTERNAL, "a bundle cannot hold more than 4 GiB");
        }
        if (!b.last) {
            System.arraycopy(b.in, b.inLen - WINDOW, tail, 0, WINDOW);
            tailLen = WINDOW;
        }
    }

    private int pendingOnWorkers() {
        int n = 0;
        for (Block b : inFlight) {
            if (b.onWorker && !b.done.isDone()) {
                n++;
            }
        }
        return n;
    }

    private void drainDone() throws IOException {
        while (!inFlight.isEmpty() && inFlight.peekFirst().done.isDone()) {
            writeBlock(await(inFlight.removeFirst()));
        }
    }

    private Block takeFree() throws IOException {
        Block b = free.pollFirst();
        if (b == null) {
            // a few blocks at most: beyond that, wait for the oldest
            if (blocksMade < 2 * workers + 3 || inFlight.isEmpty()) {
                b = new Block(blocksMade == 0 ? Math.min(blockSize, FIRST_BLOCK) : blockSize);
                blocksMade++;
            } else {
                writeBlock(await(inFlight.removeFirst()));
                b = free.pollFirst();
            }
        }
        b.inLen = 0;
        b.last = false;
        b.onWorker = false;
        b.done = null;
        return b;
    }

    private void writeBlock(Block b) throws IOException {
        emit(b.out, 0, b.outLen);
        compressed += b.outLen;
        free.addLast(b);
    }

    /// Deflates a block here if no worker has started it yet.
    private void steal(Block b) {
        if (b.onWorker && !b.done.isDone() && queue.remove(b)) {
            deflate(own, b);
            b.done.complete(null);
        }
    }

    /// Waits for a block's deflated bytes; a block no worker has started yet is taken back and
    /// deflated here instead, so that neither thread idles while the other has a queue.
    private Block await(Block b) {
        steal(b);
        try {
            b.done.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Error err) {
                throw err;
            }
            throw new MinkaException(ErrorCode.INTERNAL, cause, "deflating the bundle failed: " + cause);
        }
        return b;
    }

    /// Raw deflate of one block against its dictionary: a sync flush at the end unless it is
    /// the last block, which ends the stream.
    private static void deflate(Deflater d, Block b) {
        d.reset();
        if (b.dictLen > 0) {
            d.setDictionary(b.dict, 0, b.dictLen);
        }
        d.setInput(b.in, 0, b.inLen);
        int len = 0;
        if (b.last) {
            d.finish();
            while (!d.finished()) {
                if (len == b.out.length) {
                    b.out = java.util.Arrays.copyOf(b.out, b.out.length * 2);
                }
                len += d.deflate(b.out, len, b.out.length - len, Deflater.NO_FLUSH);
            }
        } else {
            while (true) {
                len += d.deflate(b.out, len, b.out.length - len, Deflater.SYNC_FLUSH);
                if (len < b.out.length) {
                    break;
                }
                b.out = java.util.Arrays.copyOf(b.out, b.out.length * 2);
            }
        }
        b.outLen = len;
    }

    private void startWorkers() {
        if (queue != null) {
            return;
        }
        queue = new LinkedBlockingQueue<>();
        for (int i = 0; i < workers; i++) {
            BlockingQueue<Block> q = queue;
            Thread t = Thread.ofPlatform().daemon().name("minka-deflate-" + i).unstarted(() -> work(q));
            t.start();
            threads.add(t);
        }
    }

    private static void work(BlockingQueue<Block> q) {
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        try {
            while (true) {
                Block b = q.take();
                if (b == Block.STOP) {
                    return;
                }
                try {
                    deflate(d, b);
                    b.done.complete(null);
                } catch (Throwable t) {
                    b.done.completeExceptionally(t);
                }
            }
        } catch (InterruptedException e) {
            // nobody else knows this thread; should it happen, fail the waiting blocks rather than strand them
            for (Block b; (b = q.poll()) != null; ) {
                if (b != Block.STOP) {
                    b.done.completeExceptionally(e);
                }
            }
            Thread.currentThread().interrupt();
        } finally {
            d.end();
        }
    }

    // ------------------------------------------------------------------ records

    private void writeLocalHeader(byte[] name) throws IOException {
        ByteBuffer b = header(30 + name.length);
        b.putInt(LFH_SIG).putShort((short) VERSION).putShort((short) FLAGS).putShort((short) Deflater.DEFLATED)
                .putInt(dosTime).putInt(0).putInt(0).putInt(0).putShort((short) name.length).putShort((short) 0)
                .put(name);
        emit(b);
    }

    private void writeDescriptor(Entry e) throws IOException {
        ByteBuffer b = header(16);
        b.putInt(DD_SIG).putInt(e.crc).putInt((int) e.compressed).putInt((int) e.size);
        emit(b);
    }

    private ByteBuffer header(int len) {
        ByteBuffer b = len <= small.capacity() ? small.clear() : ByteBuffer.allocate(len);
        return b.order(ByteOrder.LITTLE_ENDIAN);
    }

    private void emit(ByteBuffer b) throws IOException {
        b.flip();
        emit(b.array(), 0, b.limit());
    }

    private void emit(byte[] b, int off, int len) throws IOException {
        if (fileMd != null) {
            fileMd.update(b, off, len);
        }
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        while (bb.hasRemaining()) {
            out.write(bb);
        }
        offset += len;
    }

    /// MS-DOS date and time (local time, as `ZipEntry` stores it); 1980-01-01 before 1980.
    static int dosTime(long millis) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault());
        int year = t.getYear() - 1980;
        if (year < 0) {
            return (1 << 21) | (1 << 16);
        }
        year = Math.min(year, 127);
        return year << 25 | t.getMonthValue() << 21 | t.getDayOfMonth() << 16 | t.getHour() << 11
                | t.getMinute() << 5 | t.getSecond() >> 1;
    }
}
