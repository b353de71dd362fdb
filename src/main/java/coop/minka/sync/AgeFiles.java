package coop.minka.sync;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/// The outer layer of an encrypted sync file (design-notes item 28, docs/bundle-format.md): a
/// standard age v1 file (C2SP age) whose payload is the bundle ZIP unchanged, encrypted to the
/// X25519 key of every laptop that counts and to the cooperative's recovery key. The standard
/// `age` tool decrypts it with any of those keys: `age -d -i KEYFILE x.minka > x.zip`.
///
/// Reading is guarded like the ZIP itself: the header is checked for size and number of
/// recipients before any key is tried, the decrypted size is capped by [BundleLimits#maxFileBytes],
/// and every failure is one [MinkaException] (`BUNDLE_*`), never anything else.
public final class AgeFiles {
    /// The first line of every age v1 file.
    static final byte[] MAGIC = "age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII);

    private AgeFiles() {
    }

    /// True if the file starts like an age v1 file (an encrypted sync file).
    public static boolean isAge(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /// Encrypts `plain` into the new file `target` (never over an existing one) to `recipients`
    /// (`age1…`); the file is flushed to the device before this returns. Returns the SHA-256 of
    /// the bytes written, to compare with the file read back.
    public static byte[] encrypt(Path plain, Path target, Collection<String> recipients) {
        java.security.MessageDigest md = coop.minka.store.OpCodec.sha256();
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            try (WritableByteChannel out = encrypting(ch, md, recipients);
                 FileChannel in = FileChannel.open(plain, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate(1 << 16);
                while (in.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        out.write(buf);
                    }
                    buf.clear();
                }
            }
            ch.force(true);
            return md.digest();
        } catch (FileAlreadyExistsException e) {
            throw new MinkaException(ErrorCode.FILE_EXISTS, e, target);
        } catch (IOException e) {
            deleteQuietly(target);
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, target);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    /// An age stream onto `ch` to `recipients` (`age1…`), in one pass: what is written to it is
    /// encrypted in 64 KiB chunks and written to `ch` at once, and every byte that reaches `ch`
    /// (header and ciphertext) is digested into `md`. Closing it writes the last chunk and leaves
    /// `ch` open, to be flushed by its owner. Not closed (a failed write), the file is not a
    /// whole age file and must be removed. A damaged key held here is `INTERNAL`.
    public static WritableByteChannel encrypting(FileChannel ch, java.security.MessageDigest md,
                                                 Collection<String> recipients) throws IOException {
        List<RecipientStanzaWriter> writers = new ArrayList<>();
        try {
            for (String r : new LinkedHashSet<>(recipients)) {
                writers.add(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(r));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new MinkaException(ErrorCode.INTERNAL, e, "an encryption key held here is damaged");
        }
        if (writers.isEmpty()) {
            throw new MinkaException(ErrorCode.INTERNAL, "no key to encrypt the sync file to");
        }
        try {
            return new StandardEncryptingChannelFactory().newEncryptingChannel(new Unclosed(ch, md), writers);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /// Decrypts the age file `in` into the new file `out` with the first of `identities`
    /// (`AGE-SECRET-KEY-1…`) it is addressed to. A file addressed to none of them is
    /// `BUNDLE_NOT_ADDRESSED`; a changed or cut-off one `BUNDLE_TAMPERED`; one larger than the
    /// limits `BUNDLE_TOO_LARGE`. `out` is removed again on failure.
    public static void decrypt(Path in, Path out, Collection<String> identities, BundleLimits limits, String label) {
        checkHeader(in, limits, label);
        List<RecipientStanzaReader> readers = new ArrayList<>();
        for (String id : identities) {
            if (id == null) {
                continue;
            }
            try {
                readers.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(id.strip()));
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new MinkaException(ErrorCode.KEY_FILE_UNREADABLE, e, label);
            }
        }
        if (readers.isEmpty()) {
            throw new MinkaException(ErrorCode.BUNDLE_NOT_ADDRESSED, label);
        }
        try (FileChannel src = FileChannel.open(in, StandardOpenOption.READ);
             ReadableByteChannel plain = new StandardDecryptingChannelFactory().newDecryptingChannel(src, readers);
             FileChannel dst = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long total = 0;
            while (plain.read(buf) >= 0) {
                buf.flip();
                total += buf.remaining();
                if (total > limits.maxFileBytes()) {
                    throw new MinkaException(ErrorCode.BUNDLE_TOO_LARGE, label);
                }
                while (buf.hasRemaining()) {
                    dst.write(buf);
                }
                buf.clear();
            }
        } catch (UnsupportedRecipientStanzaException e) {
            deleteQuietly(out);
            throw new MinkaException(ErrorCode.BUNDLE_NOT_ADDRESSED, e, label);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            deleteQuietly(out);
            if (e instanceof MinkaException m) {
                throw m;
            }
            throw new MinkaException(ErrorCode.BUNDLE_TAMPERED, e, "the encrypted file is damaged");
        }
    }

    /// The age header must end (`---` line) within the manifest limit and name at most one
    /// recipient more than the most laptops a bundle may speak for, before any key is tried on it.
    private static void checkHeader(Path in, BundleLimits limits, String label) {
        long maxHeader = limits.maxManifestBytes();
        long maxStanzas = limits.maxAuthors() + 1L;
        try (InputStream s = new java.io.BufferedInputStream(Files.newInputStream(in))) {
            if (!Arrays.equals(s.readNBytes(MAGIC.length), MAGIC)) {
                throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, label);
            }
            long read = MAGIC.length;
            long stanzas = 0;
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = s.read()) >= 0) {
                if (++read > maxHeader) {
                    throw new MinkaException(ErrorCode.BUNDLE_TOO_LARGE, label);
                }
                if (c != '\n') {
                    if (line.length() < 4) {
                        line.append((char) c);
                    }
                    continue;
                }
                String start = line.toString();
                line.setLength(0);
                if (start.startsWith("-> ") && ++stanzas > maxStanzas) {
                    throw new MinkaException(ErrorCode.BUNDLE_TOO_LARGE, label);
                }
                if (start.startsWith("---")) {
                    return; // the MAC line ends the header; the payload follows
                }
            }
            throw new MinkaException(ErrorCode.BUNDLE_TRUNCATED, label);
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, e, label);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file in the quarantine folder, removed with it
        }
    }

    /// The file channel stays open after the age stream is closed, to be flushed to the device;
    /// every byte written is digested on its way.
    private record Unclosed(FileChannel ch, java.security.MessageDigest md) implements WritableByteChannel {
        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer view = src.duplicate();
            int n = ch.write(src);
            view.limit(view.position() + n);
            md.update(view);
            return n;
        }

        @Override
        public boolean isOpen() {
            return ch.isOpen();
        }

        @Override
        public void close() {
            // closed by its owner
        }
    }
}
