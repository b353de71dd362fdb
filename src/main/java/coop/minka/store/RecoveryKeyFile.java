package coop.minka.store;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/// The cooperative's recovery key (design-notes item 28): an age X25519 identity in the standard
/// identity-file form (`# comment` lines, then `AGE-SECRET-KEY-1…`), the form `age -d -i FILE`
/// reads. The laptop that makes the key keeps its secret beside the database
/// (`minka.db.recovery`, readable by its owner only) until it is written out once with
/// `minka security recovery-key --out FILE`; then the copy beside the database is removed.
public final class RecoveryKeyFile {
    private RecoveryKeyFile() {
    }

    public static Path pathFor(Path database) {
        return database.resolveSibling(database.getFileName() + ".recovery");
    }

    /// The secret kept beside `database`, if it still is.
    public static Optional<String> kept(Path database) {
        Path p = pathFor(database);
        return Files.isRegularFile(p) ? Optional.of(readIdentity(p)) : Optional.empty();
    }

    /// Keeps `identity` beside `database` (replacing an older kept one).
    public static void keep(Path database, String identity, String comment) {
        Path p = pathFor(database);
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            write(tmp, identity, comment);
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, p);
        }
    }

    /// Removes the kept secret (after it was written out).
    public static void forget(Path database) {
        try {
            Files.deleteIfExists(pathFor(database));
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, pathFor(database));
        }
    }

    /// Writes a new identity file `out` (never over an existing one), readable by its owner only.
    /// `comment` is written as `#` lines above the key.
    public static void write(Path out, String identity, String comment) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : comment.split("\n")) {
            text.append("# ").append(line).append('\n');
        }
        text.append(identity).append('\n');
        createPrivate(out);
        Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try (var ch = java.nio.channels.FileChannel.open(out, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /// The `AGE-SECRET-KEY-1…` line of an identity file (comments and blank lines skipped; spaces
    /// inside the line and lower case forgiven, as when the key is typed back from the printed
    /// page); `KEY_FILE_UNREADABLE` if there is none.
    public static String readIdentity(Path file) {
        List<String> lines;
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new MinkaException(ErrorCode.KEY_FILE_UNREADABLE, file);
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            if (e instanceof MinkaException m) {
                throw m;
            }
            throw new MinkaException(ErrorCode.KEY_FILE_UNREADABLE, e, file);
        }
        return lines.stream().filter(l -> !l.strip().startsWith("#"))
                .map(l -> l.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT))
                .filter(l -> l.startsWith("AGE-SECRET-KEY-1")).findFirst()
                .orElseThrow(() -> new MinkaException(ErrorCode.KEY_FILE_UNREADABLE, file));
    }

    /// Creates the new file `p` (never over an existing one) readable and writable by its owner
    /// only; on a file system without POSIX permissions (Windows, a FAT stick) plainly, where the
    /// user profile folder is what protects it.
    static void createPrivate(Path p) throws IOException {
        try {
            Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(p);
        }
    }
}
