package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/// Writing report files safely: never over an existing file (`FILE_EXISTS`), a folder given
/// as the target gets a new file name inside it, a special file (a FIFO, a device) is refused
/// without opening it, and a file appears whole or not at all (written beside the target, then
/// moved into place).
public final class OutputFiles {
    private OutputFiles() {
    }

    /// Something that writes a file's bytes.
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /// The file to write: `target` itself, or a new name made from `defaultName` inside
    /// `target` when that is a folder.
    public static Path resolve(Path target, String defaultName) {
        FileChecks.target(target);
        if (Files.isDirectory(target)) {
            int dot = defaultName.lastIndexOf('.');
            String base = dot < 0 ? defaultName : defaultName.substring(0, dot);
            String ext = dot < 0 ? "" : defaultName.substring(dot);
            Path p = target.resolve(defaultName);
            for (int i = 2; Files.exists(p); i++) {
                p = target.resolve(base + "-" + i + ext);
            }
            return p;
        }
        if (Files.exists(target)) {
            throw new MinkaException(ErrorCode.FILE_EXISTS, target);
        }
        return target;
    }

    /// Writes `file` through a temporary file beside it, stopping (with [Progress.Cancelled], and
    /// no file left) as soon as `progress` is cancelled while the bytes are written.
    public static void write(Path file, Progress progress, Content content) {
        write(file, out -> content.write(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                progress.checkCancelled();
                out.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }
        }));
    }

    /// Writes `file` (which must not exist yet) through a temporary file beside it.
    public static void write(Path file, Content content) {
        Path abs = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.write(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs);
            }
        } catch (FileAlreadyExistsException e) {
            throw new MinkaException(ErrorCode.FILE_EXISTS, e, file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof MinkaException m) {
                throw m;
            }
            if (e instanceof Progress.Cancelled c) {
                throw c; // the person pressed Cancel: the temporary file goes, nothing is moved in
            }
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, file);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and named .part; nothing else to do
                }
            }
        }
    }
}
