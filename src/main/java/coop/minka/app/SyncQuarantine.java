package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.sync.BundleLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/// A private copy of a bundle in a fresh temporary folder (git-style quarantine): the file is
/// taken off the stick once, so a stick pulled out or a file changed during the import cannot
/// change what is checked and applied. Removed on close.
final class SyncQuarantine implements AutoCloseable {
    private final Path dir;
    private final Path copy;

    private SyncQuarantine(Path dir, Path copy) {
        this.dir = dir;
        this.copy = copy;
    }

    static SyncQuarantine copyOf(Path file, BundleLimits limits) {
        if (!Files.isRegularFile(file)) {
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, file);
        }
        String label = SyncService.label(file);
        try {
            if (Files.size(file) > limits.maxFileBytes()) {
                throw new MinkaException(ErrorCode.BUNDLE_TOO_LARGE, label);
            }
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, e, label);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("minka-import-");
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, System.getProperty("java.io.tmpdir"));
        }
        Path copy = dir.resolve("bundle.minka");
        try {
            Files.copy(file, copy);
            return new SyncQuarantine(dir, copy);
        } catch (IOException e) {
            new SyncQuarantine(dir, copy).close();
            throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, e, label);
        }
    }

    Path copy() {
        return copy;
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
