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
import java.util.List;

/// One laptop of a test cooperative in its own folder, with its sync service.
final class Village implements AutoCloseable {
    final Path dir;
    final Services s;
    final SyncService sync;

    Village(Path dir, Services s, SyncService.Options options) {
        this.dir = dir;
        this.s = s;
        // files forged by tests under this folder's parent are encrypted to every laptop there
        if (s.security().status().on()) {
            KEYS.computeIfAbsent(dir.toAbsolutePath().getParent(),
                    k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(s.workspace().log().identity().ageRecipient());
        }
        this.sync = new SyncService(s.workspace(), s.periods(), options);
    }

    /// A new cooperative founded in `root/name`; its sync files are encrypted, as for every new
    /// cooperative, and its recovery key is written to `root/name.recovery.txt` for laptops to join.
    static Village found(Path root, String name, SyncService.Options options) {
        Path dir = mkdir(root.resolve(name));
        Services s = new Services(Workspace.create(dir.resolve(name + ".db"), "Cooperativa " + name, "BOB",
                "Laptop " + name, "es,en", true, System::currentTimeMillis));
        Path key = root.resolve(name + RECOVERY);
        s.security().writeRecoveryKey(key, false);
        RECOVERY_KEYS.add(coop.minka.store.RecoveryKeyFile.readIdentity(key));
        return new Village(dir, s, options);
    }

    /// The same with plain (ZIP) sync files: for tests that forge or damage the ZIP itself.
    static Village foundPlain(Path root, String name, SyncService.Options options) {
        Path dir = mkdir(root.resolve(name));
        return new Village(dir, Fixtures.create(dir, name), options);
    }

    private static final String RECOVERY = ".recovery.txt";

    /// The recovery keys of every cooperative the tests founded (to take their files apart).
    private static final List<String> RECOVERY_KEYS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /// The ZIP inside a sync file: the file itself, or (encrypted) its decryption with the
    /// recovery keys of the test cooperatives, in a temporary file.
    static Path opened(Path file) {
        if (!coop.minka.sync.AgeFiles.isAge(file)) {
            return file;
        }
        try {
            Path plain = Files.createTempFile("minka-opened-", ".zip");
            Files.delete(plain);
            coop.minka.sync.AgeFiles.decrypt(file, plain, RECOVERY_KEYS, coop.minka.sync.BundleLimits.DEFAULT, "test");
            plain.toFile().deleteOnExit();
            return plain;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// The encryption keys of the laptops made under each test folder.
    private static final java.util.Map<Path, List<String>> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    /// A ZIP bundle written by a test (forged, or written with BundleWriter directly) as the
    /// laptops of an encrypting cooperative write it: encrypted to every laptop made under a folder
    /// that holds `file` (or below it), in place. Plain cooperatives' files are left alone by the
    /// callers (`sealIfEncrypting`).
    static Path seal(Path file) {
        Path abs = file.toAbsolutePath();
        java.util.Set<String> to = new java.util.LinkedHashSet<>();
        KEYS.forEach((root, keys) -> {
            if (abs.startsWith(root) || root.startsWith(abs.getParent())) {
                to.addAll(keys);
            }
        });
        if (to.isEmpty() || coop.minka.sync.AgeFiles.isAge(file)) {
            return file;
        }
        Path sealed = abs.resolveSibling(abs.getFileName() + ".sealing");
        coop.minka.sync.AgeFiles.encrypt(abs, sealed, to);
        try {
            Files.move(sealed, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /// Joins from a full file; an encrypted one with the recovery key of a cooperative founded in `root`.
    static Village join(Path root, String name, Path fullBundle, SyncService.Options options) {
        Path dir = mkdir(root.resolve(name));
        Path db = dir.resolve(name + ".db");
        List<Path> keys;
        try (var files = Files.list(root)) {
            keys = files.filter(p -> p.getFileName().toString().endsWith(RECOVERY)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!coop.minka.sync.AgeFiles.isAge(fullBundle) || keys.isEmpty()) {
            return new Village(dir, new Services(SyncService.join(db, fullBundle, "Laptop " + name,
                    System::currentTimeMillis)), options);
        }
        coop.minka.domain.MinkaException last = null;
        for (Path key : keys) {
            try {
                return new Village(dir, new Services(SyncService.join(db, fullBundle, "Laptop " + name,
                        System::currentTimeMillis, key)), options);
            } catch (coop.minka.domain.MinkaException e) {
                if (e.code() != coop.minka.domain.ErrorCode.BUNDLE_NOT_ADDRESSED) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
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
