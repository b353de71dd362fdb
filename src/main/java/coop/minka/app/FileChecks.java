package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/// What a path given as a file really is, asked of its attributes only: a folder or a special
/// file (a FIFO, a device) gets its own plain message instead of "not found", and such a file is
/// never opened (opening a FIFO for reading waits forever for a writer).
public final class FileChecks {
    private FileChecks() {
    }

    /// The attributes of a sync file about to be read. A folder is `SYNC_FILE_IS_FOLDER`,
    /// anything else that is not an ordinary file `NOT_A_REGULAR_FILE`, nothing there
    /// `FILE_NOT_FOUND`.
    public static BasicFileAttributes syncFile(Path file) {
        BasicFileAttributes a;
        try {
            a = attributes(file);
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.BUNDLE_UNREADABLE, e, file);
        }
        if (a == null) {
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, file);
        }
        if (a.isDirectory()) {
            throw new MinkaException(ErrorCode.SYNC_FILE_IS_FOLDER, file);
        }
        if (!a.isRegularFile()) {
            throw new MinkaException(ErrorCode.NOT_A_REGULAR_FILE, file);
        }
        return a;
    }

    /// A place to write to: a new name or a folder is fine (the writer decides); an existing
    /// special file is refused before anything opens it.
    public static void target(Path target) {
        BasicFileAttributes a;
        try {
            a = attributes(target);
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, target);
        }
        if (a != null && !a.isDirectory() && !a.isRegularFile()) {
            throw new MinkaException(ErrorCode.NOT_A_REGULAR_FILE, target);
        }
    }

    /// The attributes (following links), or null when there is nothing at `p`.
    public static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
