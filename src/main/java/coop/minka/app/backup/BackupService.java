package coop.minka.app.backup;

import coop.minka.app.Workspace;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
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

    /// Puts the backup named `name` (one of [#list]) in place of the books, having backed up the
    /// current books first. Closes the books, also when it fails after the backup was staged; a
    /// failure before that leaves them open and unchanged.
    public void restore(String name) {
        BackupRotation rotation = rotation();
        Path source = rotation.list().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .filter(Files::isRegularFile)
                .orElseThrow(() -> new MinkaException(ErrorCode.FILE_NOT_FOUND, rotation.folder().resolve(String.valueOf(name))));
        Path db = ws.file();
        rotation.backup(ws.db(), "before-restore", clock.getAsLong());
        Path staged = db.resolveSibling(db.getFileName() + ".restoring");
        try {
            Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(staged);
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, db);
        }
        ws.close();
        try {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
            try {
                Files.move(staged, db, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, db, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, db);
        }
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
