package coop.minka.app.sync;

import coop.minka.app.FileChecks;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.sync.BundleLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/// A private copy of a bundle in a fresh temporary folder (git-style quarantine): the file is
/// taken off the stick once, so a stick pulled out or a file changed during the import cannot
/// change what is checked and applied. Removed on close.
final class SyncQuarantine implements AutoCloseable {
    private final Path dir;
    private final Path copy;
    private final String label;

    private SyncQuarantine(Path dir, Path copy, String label) {
        this.dir = dir;
        this.copy = copy;
        this.label = label;
    }

    /// Copies `file` into a fresh quarantine folder. A folder or special file is refused before
    /// anything opens it; a file that vanished is `FILE_NOT_FOUND`; a file whose size or time
    /// changed during the copy is `FILE_CHANGED` (a half-written or rewritten file is never
    /// checked, let alone imported, as if it were whole).
    public static SyncQuarantine copyOf(Path file, BundleLimits limits) {
        return copyOf(file, limits, () -> { });
    }

    /// As above; `whileCopying` runs after the bytes are copied and before the file is looked at
    /// again (tests change or remove the file there).
    public static SyncQuarantine copyOf(Path file, BundleLimits limits, Runnable whileCopying) {
        BasicFileAttributes before = FileChecks.syncFile(file);
        String label = SyncService.label(file);
        if (before.size() > limits.maxFileBytes()) {
            throw new MinkaException(ErrorCode.BUNDLE_TOO_LARGE, label);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("minka-import-");
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, System.getProperty("java.io.tmpdir"));
        }
        Path copy = dir.resolve("bundle.minka");
        SyncQuarantine q = new SyncQuarantine(dir, copy, label);
        try {
            Files.copy(file, copy);
            whileCopying.run();
            long copied = Files.size(copy);
            BasicFileAttributes after = FileChecks.attributes(file);
            if (after == null && copied != before.size()) {
                throw new MinkaException(ErrorCode.FILE_NOT_FOUND, file);
            }
            if (copied != before.size() || after != null && (after.size() != before.size()
                    || !after.lastModifiedTime().equals(before.lastModifiedTime()))) {
                throw new MinkaException(ErrorCode.FILE_CHANGED, label);
            }
            return q;
        } catch (NoSuchFileException e) {
            q.close();
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, e, file);
        } catch (IOException e) {
            q.close();
            throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, e, label);
        } catch (RuntimeException e) {
            q.close();
            throw e;
        }
    }

    /// The copy as taken off the medium (for an encrypted file: still encrypted).
    public Path copy() {
        return copy;
    }

    /// True if the copy is an encrypted sync file (an age file, design-notes item 28).
    public boolean encrypted() {
        return coop.minka.sync.AgeFiles.isAge(copy);
    }

    /// The bundle ZIP to check: the copy itself, or the decryption of an encrypted copy with the
    /// first of `identities` it is addressed to, written beside it in this private folder.
    public Path plain(java.util.Collection<String> identities, BundleLimits limits) {
        if (!encrypted()) {
            return copy;
        }
        Path plain = dir.resolve("bundle.zip");
        if (!Files.exists(plain)) {
            coop.minka.sync.AgeFiles.decrypt(copy, plain, identities, limits, label);
        }
        return plain;
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it up if we cannot
        }
    }
}
