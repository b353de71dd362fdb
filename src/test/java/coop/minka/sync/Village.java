package coop.minka.sync;

import coop.minka.app.Fixtures;
import coop.minka.app.Services;
import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncTrust;
import coop.minka.app.Workspace;
import coop.minka.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/// One laptop of a test cooperative in its own folder, with its sync service.
final class Village implements AutoCloseable {
    final Path dir;
    final Services s;
    final SyncService sync;

    Village(Path dir, Services s, SyncService.Options options) {
        this.dir = dir;
        this.s = s;
        this.sync = new SyncService(s.workspace(), s.periods(), options);
    }

    static Village found(Path root, String name, SyncService.Options options) {
        Path dir = mkdir(root.resolve(name));
        return new Village(dir, Fixtures.create(dir, name), options);
    }

    static Village join(Path root, String name, Path fullBundle, SyncService.Options options) {
        Path dir = mkdir(root.resolve(name));
        Workspace ws = SyncService.join(dir.resolve(name + ".db"), fullBundle, "Laptop " + name, System::currentTimeMillis);
        return new Village(dir, new Services(ws), options);
    }

    static Village open(Path dbFile, SyncService.Options options) {
        Services s = new Services(Workspace.open(dbFile, System::currentTimeMillis));
        return new Village(dbFile.getParent(), s, options);
    }

    Path file() {
        return s.workspace().db().file();
    }

    String id() {
        return s.workspace().selfId();
    }

    SyncTrust trust() {
        return new SyncTrust(s.workspace());
    }

    Path export(Path out, SyncService.Mode mode, String peer) {
        return sync.export(out, mode, peer).file();
    }

    Path exportFull(Path folder) {
        return export(folder, SyncService.Mode.FULL, null);
    }

    String digest() {
        return s.verify().digest();
    }

    long opCount() {
        return s.workspace().read(coop.minka.store.OpStore::count);
    }

    static Path mkdir(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String digestOf(Path dbFile) {
        try (Database db = Database.open(dbFile)) {
            return db.read(coop.minka.store.StateDump::digest);
        }
    }

    @Override
    public void close() {
        s.close();
    }
}
