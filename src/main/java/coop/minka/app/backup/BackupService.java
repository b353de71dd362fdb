package coop.minka.app.backup;

import coop.minka.app.Workspace;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.store.Database;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/// The backups a person asks for (Settings): list them, make one now, put one back. Restoring is
/// file surgery on the live database, so it lives here and not in a front end: the current books
/// are backed up first, the chosen copy is staged beside the file, the books are closed, SQLite's
/// `-wal` and `-shm` side files are removed (a stale write-ahead log must never be replayed onto
/// the restored file), and the staged copy replaces the file in one move. The caller then opens
/// the books again; the restored file no longer matches its identity file and so writes under a
/// new laptop identity at its first change, vouched for by the old key (design notes 7 and 13).
public final class BackupService {
    /// How many backups of one database are kept.
    public static final int KEEP = 20;

    /// One backup: its file name in the backups folder, when it was written, its size in bytes.
    public record Backup(String name, Instant at, long size) {
    }

    private final Workspace ws;
    private final LongSupplier clock;

    public BackupService(Workspace ws, LongSupplier clock) {
        this.ws = ws;
        this.clock = clock;
    }

    private BackupRotation rotation() {
        return new BackupRotation(ws.file(), KEEP);
    }

    /// This database's backups, newest first (a file that cannot be read is left out).
    public List<Backup> list() {
        List<Backup> out = new ArrayList<>();
        for (Path p : rotation().list().reversed()) {
            try {
                if (Files.isRegularFile(p)) {
                    out.add(describe(p));
                }
            } catch (IOException e) {
                // a backup that cannot be read is not offered
            }
        }
        return out;
    }

    /// Copies the books now.
    public Backup backupNow() {
        Path p = rotation().backup(ws.db(), "manual", clock.getAsLong());
        try {
            return describe(p);
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.BACKUP_FAILED, e, p);
        }
    }

    /// Puts the backup named `name` (one of [#list]) in place of the books ([#restoreFile]).
    public void restore(String name) {
        BackupRotation rotation = rotation();
        Path source = rotation.list().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .filter(Files::isRegularFile)
                .orElseThrow(() -> new MinkaException(ErrorCode.FILE_NOT_FOUND, rotation.folder().resolve(String.valueOf(name))));
        restoreFile(source);
    }

    /// Finds what a person named: one of this database's backups by its name, else a file path.
    public Path resolve(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "FILE");
        }
        for (Path p : rotation().list()) {
            if (p.getFileName().toString().equals(nameOrPath) && Files.isRegularFile(p)) {
                return p;
            }
        }
        return Path.of(nameOrPath);
    }

    /// Puts the database file `source` (a backup, or a copy from elsewhere) in place of the books.
    ///
    /// 1. The source is copied beside the books (with its own `-wal`, if it has one, so entries
    ///    still in its write-ahead log come along) and the copy is opened and checked: a file that
    ///    is not a Minka database, is damaged or comes from a newer Minka is refused
    ///    (`NOT_A_DATABASE`, `DATABASE_TOO_NEW`) and the books stay open and untouched;
    /// 2. the current books are backed up (`before-restore`: the safety copy);
    /// 3. the books are closed, their `-wal` and `-shm` removed (closing checkpoints the log, and a
    ///    stale one must never be replayed onto the restored file) and the checked copy moved
    ///    over the file in one move.
    ///
    /// A failure before step 3 leaves the books open and unchanged; afterwards they are closed and
    /// the caller opens them again.
    public void restoreFile(Path source) {
        if (source == null || !Files.exists(source)) {
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, String.valueOf(source));
        }
        if (!Files.isRegularFile(source)) {
            throw new MinkaException(ErrorCode.NOT_A_REGULAR_FILE, source);
        }
        Path db = ws.file();
        try {
            if (Files.isSameFile(source, db)) {
                throw new MinkaException(ErrorCode.NOT_A_REGULAR_FILE, source);
            }
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, e, source);
        }
        Path staged = db.resolveSibling(db.getFileName() + ".restoring");
        try {
            stage(source, staged);
            rotation().backup(ws.db(), "before-restore", clock.getAsLong());
        } catch (RuntimeException e) {
            deleteStaged(staged);
            throw e;
        }
        ws.close();
        try {
            Files.deleteIfExists(side(db, "-wal"));
            Files.deleteIfExists(side(db, "-shm"));
            try {
                Files.move(staged, db, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, db, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteStaged(staged);
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, db);
        }
    }

    /// Copies `source` (and its write-ahead log) to `staged`, opens the copy as a Minka database
    /// (which checks it and brings an older schema up to date), folds its log into the file and
    /// closes it, leaving one self-contained file. The source itself is only read.
    private static void stage(Path source, Path staged) {
        deleteStaged(staged);
        try {
            Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
            Path wal = side(source, "-wal");
            if (Files.isRegularFile(wal)) {
                Files.copy(wal, side(staged, "-wal"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, staged);
        }
        try (Database copy = Database.open(staged)) {
            if (!copy.intact()) {
                throw new MinkaException(ErrorCode.NOT_A_DATABASE, source);
            }
            copy.checkpoint();
        } catch (MinkaException e) {
            if (e.code() == ErrorCode.NO_DATABASE || e.code() == ErrorCode.INTERNAL) {
                throw new MinkaException(ErrorCode.NOT_A_DATABASE, e, source);
            }
            if (e.code() == ErrorCode.NOT_A_DATABASE || e.code() == ErrorCode.DATABASE_TOO_NEW) {
                throw new MinkaException(e.code(), e, source);
            }
            throw e;
        }
        try {
            Files.deleteIfExists(side(staged, "-wal"));
            Files.deleteIfExists(side(staged, "-shm"));
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, staged);
        }
    }

    private static Path side(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static void deleteStaged(Path staged) {
        deleteQuietly(staged);
        deleteQuietly(side(staged, "-wal"));
        deleteQuietly(side(staged, "-shm"));
        deleteQuietly(side(staged, "-journal"));
    }

    private static Backup describe(Path p) throws IOException {
        return new Backup(p.getFileName().toString(), Files.getLastModifiedTime(p).toInstant(), Files.size(p));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: only our own staging copy
        }
    }
}
