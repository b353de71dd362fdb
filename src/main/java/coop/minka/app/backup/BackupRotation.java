package coop.minka.app.backup;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.store.Database;
import coop.minka.store.OpCodec;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/// Automatic backups before an import (DESIGN.md §5, import step 4): a consistent online copy
/// (`VACUUM INTO`) in `backups/` beside the database, listed in Minka's own index file
/// `backups/minka-backups.json`. Only the newest `keep` are kept, and only files listed in that
/// index are ever deleted — never anything a person put in the folder. An entry is listed
/// before its copy starts, so a copy cut short by a power cut is still Minka's to remove.
/// Several databases may share one folder (and so one `backups/`): each database's backups are
/// named after it, and only its own count towards its `keep` and are rotated or listed.
public final class BackupRotation {
    public static final String FOLDER = "backups";
    public static final String INDEX = "minka-backups.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    /// The index file's form.
    public record IndexJson(int format, List<Item> backups) {
    }

    /// One backup Minka made; `complete` once the copy finished.
    public record Item(String file, long createdAt, String reason, boolean complete) {
    }

    private final Path dir;
    private final int keep;
    /// This database's backups: its base name, then the time stamp `backup` writes.
    private final Pattern own;

    public BackupRotation(Path database, int keep) {
        Path parent = database.toAbsolutePath().getParent();
        this.dir = parent.resolve(FOLDER);
        this.keep = keep;
        this.own = Pattern.compile(Pattern.quote(stripDb(database.getFileName().toString()))
                + "-\\d{8}-\\d{6}-\\d{3}-.*\\.db");
    }

    public Path folder() {
        return dir;
    }

    /// Copies the database now; returns the backup file. Rotates afterwards.
    public Path backup(Database db, String reason, long now) {
        try {
            Files.createDirectories(dir);
            List<Item> items = new ArrayList<>(read());
            String base = stripDb(db.file().getFileName().toString()) + "-" + STAMP.format(Instant.ofEpochMilli(now))
                    + "-" + reason;
            String name = base + ".db";
            for (int i = 2; Files.exists(dir.resolve(name)) || listed(items, name); i++) {
                name = base + "-" + i + ".db";
            }
            items.add(new Item(name, now, reason, false));
            write(items);
            db.backupTo(dir.resolve(name));
            String done = name;
            items.replaceAll(it -> it.file().equals(done) ? new Item(it.file(), it.createdAt(), it.reason(), true) : it);
            write(rotate(items));
            return dir.resolve(name);
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.BACKUP_FAILED, e, dir);
        }
    }

    /// This database's backups, oldest first.
    public List<Path> list() {
        return read().stream().filter(this::isOwn).filter(Item::complete).map(i -> dir.resolve(i.file())).toList();
    }

    private boolean isOwn(Item it) {
        return own.matcher(it.file()).matches();
    }

    /// Keeps the newest `keep` complete backups of this database; other databases' entries are
    /// left exactly as they are (an unfinished one may be another Minka's copy in progress).
    private List<Item> rotate(List<Item> items) throws IOException {
        List<Item> kept = new ArrayList<>();
        List<Item> complete = items.stream().filter(this::isOwn).filter(Item::complete).toList();
        int drop = Math.max(0, complete.size() - keep);
        for (Item it : items) {
            boolean remove = isOwn(it) && (!it.complete() || complete.indexOf(it) < drop);
            if (remove) {
                Path p = dir.resolve(it.file()).normalize();
                if (p.getParent().equals(dir.normalize())) {
                    Files.deleteIfExists(p);
                }
            } else {
                kept.add(it);
            }
        }
        return kept;
    }

    private static boolean listed(List<Item> items, String name) {
        return items.stream().anyMatch(i -> i.file().equals(name));
    }

    private List<Item> read() {
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return List.of();
        }
        try {
            IndexJson j = OpCodec.mapper().readValue(Files.readAllBytes(index), IndexJson.class);
            return j.backups() == null ? List.of() : j.backups().stream()
                    .filter(i -> i.file() != null && !i.file().contains("/") && !i.file().contains("\\")
                            && !i.file().startsWith(".")).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private void write(List<Item> items) throws IOException {
        Path index = dir.resolve(INDEX);
        Path tmp = dir.resolve(INDEX + ".tmp");
        Files.write(tmp, OpCodec.mapper().writeValueAsBytes(new IndexJson(1, items)));
        try {
            Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String stripDb(String name) {
        return name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    }
}
