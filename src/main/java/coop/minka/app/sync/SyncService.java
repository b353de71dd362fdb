package coop.minka.app.sync;

import coop.minka.app.PeriodRules;
import coop.minka.app.Texts;
import coop.minka.app.Workspace;
import coop.minka.app.backup.BackupRotation;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.store.ChangeLog;
import coop.minka.store.Meta;
import coop.minka.store.OpStore;
import coop.minka.app.FileChecks;
import coop.minka.store.Identity;
import coop.minka.store.JoinRequestFile;
import coop.minka.store.KeyRepository;
import coop.minka.store.RecoveryKeyFile;
import coop.minka.store.ReplicaRepository;
import coop.minka.sync.AgeFiles;
import coop.minka.store.Session;
import coop.minka.sync.BundleImporter;
import coop.minka.sync.BundleLimits;
import coop.minka.sync.BundleReader;
import coop.minka.sync.BundleWriter;
import coop.minka.domain.ImportReceipt;
import coop.minka.sync.SyncRecords;
import coop.minka.sync.VerifiedBundle;
import coop.minka.sync.format.ManifestJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/// Sync bundles for both front ends (DESIGN.md §5): import (copy off the medium, verify all,
/// back up, one transaction, archive), export (new unique name, flushed, read back, then this
/// laptop's older bundles in that folder removed), the shared-folder mailbox, and joining.
public final class SyncService {
    /// Tunables; tests switch backups and the archive off where they are not the subject.
    public record Options(boolean backups, int keepBackups, boolean archive, BundleLimits limits) {
        public static final Options DEFAULT = new Options(true, 10, true, BundleLimits.DEFAULT);
    }

    /// What to put in an exported bundle.
    public enum Mode {
        /// everything not known to be held by every other known laptop
        DEFAULT,
        /// every entry held
        FULL,
        /// what one laptop lacks, from the last version vector received from it
        FOR_PEER
    }

    /// A written bundle and the older bundles of this laptop it replaced.
    public record ExportResult(Path file, String sha256, long entries, int authors, Mode mode, List<Path> removedOlder) {
    }

    /// One file of a shared folder: imported, skipped (why), or refused (the error).
    public record FolderItem(Path file, ImportReceipt receipt, String skipped, MinkaException error) {
    }

    /// The outcome of `sync folder`: every file looked at, and our own bundle written there.
    public record FolderResult(List<FolderItem> items, ExportResult written) {
        public boolean anyRefused() {
            return items.stream().anyMatch(i -> i.error() != null);
        }
    }

    static final String RECEIVED = "received";
    /// [FolderItem#skipped] of a file that vanished while the folder was being read.
    public static final String GONE = "gone";
    /// [FolderItem#skipped] of an encrypted file not addressed to this laptop.
    public static final String NOT_ADDRESSED = "not-addressed";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Workspace ws;
    private final PeriodRules periods;
    private final Options options;
    private final BundleReader reader;
    /// Called with each file of a shared folder just before it is read (tests make it vanish there).
    Consumer<Path> beforeReading = p -> { };

    public SyncService(Workspace ws, PeriodRules periods) {
        this(ws, periods, Options.DEFAULT);
    }

    public SyncService(Workspace ws, PeriodRules periods, Options options) {
        this.ws = ws;
        this.periods = periods;
        this.options = options;
        this.reader = new BundleReader(options.limits());
    }

    // ------------------------------------------------------------------ import

    /// Imports one bundle file. On any failure the database is left exactly as it was.
    public ImportReceipt importBundle(Path file) {
        try (SyncQuarantine q = SyncQuarantine.copyOf(file, options.limits())) {
            VerifiedBundle vb = verifyCopy(q, label(file));
            return applyVerified(vb, q.copy(), label(file));
        }
    }

    /// Runs every check of an import without writing anything (the first half of [#importBundle]).
    /// The entries of a large bundle cannot be read from the result (its checked copy is gone
    /// again): use it for what the file holds, per author.
    public VerifiedBundle verify(Path file) {
        try (SyncQuarantine q = SyncQuarantine.copyOf(file, options.limits())) {
            return verifyCopy(q, label(file));
        }
    }

    /// Decrypts an encrypted copy with this laptop's key, then every check of the ZIP. A file of
    /// this cooperative that is not encrypted while the cooperative encrypts is refused. The
    /// SHA-256 that identifies the file (already imported?) is that of the file as it came.
    private VerifiedBundle verifyCopy(SyncQuarantine q, String label) {
        boolean encrypted = q.encrypted();
        Path plain = q.plain(ownKeys(), options.limits());
        VerifiedBundle vb = ws.read(s -> reader.read(plain, label, ws.log().coopId(),
                author -> ReplicaRepository.publicKey(s, author)));
        if (!encrypted && ws.read(KeyRepository::encryption).on()) {
            throw new MinkaException(ErrorCode.BUNDLE_NOT_ENCRYPTED, label);
        }
        return encrypted ? vb.withFileSha256(BundleWriter.sha256Of(q.copy())) : vb;
    }

    /// The age identities this laptop decrypts sync files with: its own.
    private List<String> ownKeys() {
        return List.of(ws.log().identity().ageIdentity());
    }

    /// The bundle's manifest, decrypting an encrypted file first.
    private ManifestJson peekAny(Path p) {
        if (!AgeFiles.isAge(p)) {
            return reader.peek(p, label(p));
        }
        try (SyncQuarantine q = SyncQuarantine.copyOf(p, options.limits())) {
            return reader.peek(q.plain(ownKeys(), options.limits()), label(p));
        }
    }

    private ImportReceipt applyVerified(VerifiedBundle vb, Path copy, String label) {
        boolean repeated = ws.read(s -> SyncRecords.wasReceived(s, vb.fileSha256()));
        List<BundleImporter.AuthorPlan> plans = ws.read(s -> BundleImporter.plan(s, vb));
        ws.settleIdentity(); // a copied file takes its own identity before it changes anything
        Path backup = null;
        if (options.backups() && BundleImporter.changesLog(plans)) {
            backup = new BackupRotation(ws.db().file(), options.keepBackups()).backup(ws.db(), "before-import",
                    ws.log().now());
        }
        Path archive = options.archive() && !repeated ? archive(copy, label, vb.fileSha256()) : null;
        long now = ws.log().now();
        String bundleName = archive != null ? archive.getFileName().toString() : label;
        String archiveText = archive == null ? null : archive.toString();
        List<ImportReceipt.Author> authors = ws.db().transaction(s -> importInto(s, vb, ws.log(), bundleName, label,
                archiveText, now, periods));
        return new ImportReceipt(label, vb.senderId(), vb.manifest().sender().name(), vb.manifest().createdAt(), authors,
                backup == null ? null : backup.toString(), archiveText, repeated);
    }

    /// The one write transaction of an import: entries, heads, forks, projections, flags, the
    /// sender's version vector and the record of the bundle.
    public static List<ImportReceipt.Author> importInto(Session s, VerifiedBundle vb, ChangeLog log, String bundleName,
                                                 String label, String archive, long now, PeriodRules periods) {
        List<BundleImporter.AuthorPlan> plans = BundleImporter.plan(s, vb);
        List<ImportReceipt.Author> authors = BundleImporter.apply(s, plans, log.projector(),
                log.identity().replicaId(), new BundleImporter.Context(bundleName, now, periods::closedUpTo));
        // a version vector is an acknowledgement only from a sender whose key signed it and who counts here
        boolean senderCounts = ReplicaRepository.trusted(s, vb.senderId());
        if (senderCounts) {
            // nobody can hold entries that did not exist when the file came: claims beyond what this
            // laptop holds then are capped (a laptop claiming our future entries would stop our exports)
            Map<String, Long> held = OpStore.versionVector(s);
            Map<String, Long> acked = new java.util.TreeMap<>();
            vb.manifest().versionVector().forEach((author, seq) ->
                    acked.put(author, Math.min(seq, held.getOrDefault(author, 0L))));
            SyncRecords.mergePeerVv(s, vb.senderId(), acked);
        }
        SyncRecords.recordReceived(s, vb.fileSha256(), new SyncRecords.Received(vb.senderId(), label, archive,
                vb.manifest().createdAt(), now, authors.stream().mapToLong(ImportReceipt.Author::newOps).sum()));
        return authors;
    }

    private Path archive(Path copy, String label, byte[] sha) {
        Path dir = ws.db().file().toAbsolutePath().getParent().resolve(RECEIVED);
        String safe = label.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        String name = STAMP.format(Instant.ofEpochMilli(ws.log().now())) + "-" + HexFormat.of().formatHex(sha, 0, 6)
                + "-" + safe;
        Path target = dir.resolve(name);
        Path tmp = dir.resolve(name + ".part");
        try {
            Files.createDirectories(dir);
            Files.copy(copy, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, target);
        }
    }

    /// True if `file` is an encrypted sync file (it then needs a key to be read or joined from).
    public static boolean isEncrypted(Path file) {
        return AgeFiles.isAge(file);
    }

    public static String label(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    // ------------------------------------------------------------------ export

    /// Writes a bundle. `out` is a folder (a new unique name is chosen there; for DEFAULT and
    /// FULL this laptop's older bundles in it are then removed) or a new file name.
    public ExportResult export(Path out, Mode mode, String peerRef) {
        return export(out, mode, peerRef, List.of());
    }

    /// The same, an encrypted file also addressed to `extraRecipients` (`age1…`: a new laptop's
    /// join request, so that it can read the full file it joins from).
    public ExportResult export(Path out, Mode mode, String peerRef, List<String> extraRecipients) {
        ws.settleIdentity(); // a copied file writes under its own new identity, never the old one's
        Map<String, Long> alreadyHeld = ws.read(s -> switch (mode) {
            case FULL -> Map.<String, Long>of();
            case FOR_PEER -> SyncRecords.peerVv(s, SyncTrust.resolve(s, peerRef).id());
            case DEFAULT -> heldByAllPeers(s);
        });
        boolean folder = Files.isDirectory(out);
        Path target = folder ? uniqueName(out) : out;
        if (!folder && Files.exists(target)) {
            throw new MinkaException(ErrorCode.FILE_EXISTS, target);
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, parent);
        }
        KeyRepository.Encryption enc = ws.read(KeyRepository::encryption);
        // encrypted: the ZIP is streamed into the age file in one pass and never written anywhere
        // in plain; either way the file is new, flushed, read back and compared by its SHA-256
        List<String> to = enc.on() ? recipients(enc, extraRecipients) : null;
        BundleWriter.Sender from = sender();
        BundleWriter.Written w = ws.read(s -> to != null
                ? BundleWriter.writeEncrypted(s, target, from, alreadyHeld, ws.log().now(), to)
                : BundleWriter.write(s, target, from, alreadyHeld, ws.log().now()));
        byte[] sha = w.sha256();
        List<Path> removed = folder && mode != Mode.FOR_PEER ? removeOlderOwn(out, target) : List.of();
        return new ExportResult(target, HexFormat.of().formatHex(sha), w.manifest().opCount(),
                w.manifest().authors().size(), mode, removed);
    }

    /// Every key an encrypted file is addressed to: each laptop that counts and announced one,
    /// this laptop, the cooperative's recovery key, and `extra` (a laptop asking to join).
    private List<String> recipients(KeyRepository.Encryption enc, List<String> extra) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        out.add(ws.log().identity().ageRecipient());
        ws.read(KeyRepository::counted).stream().map(KeyRepository.Recipient::recipient)
                .filter(java.util.Objects::nonNull).forEach(out::add);
        if (enc.recovery() != null) {
            out.add(enc.recovery());
        }
        out.addAll(extra);
        return List.copyOf(out);
    }

    private BundleWriter.Sender sender() {
        String selfName = ws.read(s -> ReplicaRepository.name(s, ws.selfId())).orElse("Minka");
        return new BundleWriter.Sender(new ManifestJson.Party(ws.coop().id(), ws.coop().name()),
                new ManifestJson.Party(ws.selfId(), selfName), ws.log().identity().privateKey(),
                ws.log().identity().publicKey());
    }

    /// Per author, the least any other known laptop (not rejected) is known to hold.
    private Map<String, Long> heldByAllPeers(Session s) {
        List<String> peers = ReplicaRepository.peers(s, ws.selfId());
        Map<String, Long> out = new HashMap<>();
        if (peers.isEmpty()) {
            return out;
        }
        List<Map<String, Long>> vvs = peers.stream().map(p -> SyncRecords.peerVv(s, p)).toList();
        for (String author : OpStore.versionVector(s).keySet()) {
            out.put(author, vvs.stream().mapToLong(v -> v.getOrDefault(author, 0L)).min().orElse(0));
        }
        return out;
    }

    private Path uniqueName(Path dir) {
        String base = shortId(ws.coop().id()) + "-" + shortId(ws.selfId()) + "-"
                + STAMP.format(Instant.ofEpochMilli(ws.log().now()));
        Path p = dir.resolve(base + ".minka");
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(base + "-" + i + ".minka");
        }
        return p;
    }

    private static String shortId(String id) {
        String s = id.replace("-", "").toLowerCase(Locale.ROOT);
        return s.substring(Math.max(0, s.length() - 8));
    }

    /// Deletes bundles in `dir` whose manifest says they were written by this laptop for this
    /// cooperative, except `keep`. Files that cannot be read are left alone.
    private List<Path> removeOlderOwn(Path dir, Path keep) {
        List<Path> removed = new ArrayList<>();
        for (Path p : bundlesIn(dir)) {
            if (p.equals(keep)) {
                continue;
            }
            try {
                ManifestJson m = peekAny(p);
                if (m.coop().id().equals(ws.coop().id()) && m.sender().id().equals(ws.selfId())) {
                    Files.delete(p);
                    removed.add(p);
                }
            } catch (MinkaException | IOException e) {
                // not ours, or not readable: never delete what we cannot prove is ours
            }
        }
        return removed;
    }

    public static List<Path> bundlesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".minka"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, e, dir);
        }
    }

    // ------------------------------------------------------------------ folder

    /// The USB-stick / shared-folder mailbox: imports every bundle of this cooperative found in
    /// `dir` (our own and other cooperatives' files are skipped quietly; a refused file does not
    /// stop the others), then writes this laptop's bundle there.
    public FolderResult syncFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, dir);
        }
        List<FolderItem> items = new ArrayList<>();
        for (Path p : bundlesIn(dir)) {
            try {
                beforeReading.accept(p);
                if (AgeFiles.isAge(p) && alreadyImported(p)) {
                    items.add(new FolderItem(p, null, "already-imported", null));
                    continue;
                }
                ManifestJson m;
                try {
                    m = peekAny(p);
                } catch (MinkaException e) {
                    if (e.code() != ErrorCode.BUNDLE_NOT_ADDRESSED) {
                        throw e;
                    }
                    // another cooperative's file, or one written before this laptop counted: not ours to read
                    items.add(new FolderItem(p, null, NOT_ADDRESSED, null));
                    continue;
                }
                if (!m.coop().id().equals(ws.coop().id())) {
                    items.add(new FolderItem(p, null, "other-cooperative", null));
                } else if (m.sender().id().equals(ws.selfId())) {
                    items.add(new FolderItem(p, null, "own", null));
                } else if (alreadyImported(p)) {
                    items.add(new FolderItem(p, null, "already-imported", null));
                } else {
                    items.add(new FolderItem(p, importBundle(p), null, null));
                }
            } catch (MinkaException e) {
                items.add(gone(p, e) ? new FolderItem(p, null, GONE, null) : new FolderItem(p, null, null, e));
            }
        }
        ExportResult written = export(dir, Mode.DEFAULT, null);
        return new FolderResult(List.copyOf(items), written);
    }

    /// A file another laptop removed between our listing and our reading it (each laptop removes
    /// its own older files after writing a new one): not damaged, just gone. Whatever the read
    /// failed with, a file that is no longer there is gone.
    private static boolean gone(Path p, MinkaException e) {
        return e.code() == ErrorCode.FILE_NOT_FOUND || !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private boolean alreadyImported(Path p) {
        byte[] sha = BundleWriter.sha256Of(p);
        return ws.read(s -> SyncRecords.wasReceived(s, sha));
    }

    // ------------------------------------------------------------------ join

    /// `minka join`: a new database at `db` (which must not exist) from a full bundle, with a
    /// new identity whose join request travels back in its first bundle.
    public static Workspace join(Path db, Path bundle, String replicaName, LongSupplier clock) {
        return join(db, bundle, replicaName, clock, BundleLimits.DEFAULT);
    }

    /// The same from an encrypted full file, with the cooperative's recovery key file (or null).
    public static Workspace join(Path db, Path bundle, String replicaName, LongSupplier clock, Path recoveryKey) {
        return join(db, bundle, replicaName, clock, BundleLimits.DEFAULT, recoveryKey);
    }

    /// For a cooperative made before ids were derived from keys, its founder as the full file
    /// shows it: the author of the earliest creation of the cooperative (design-notes item 11).
    private static Optional<String> legacyFounder(VerifiedBundle vb) {
        String coopId = vb.manifest().coop().id();
        if (!coop.minka.domain.Ids.isLegacy(coopId)) {
            return Optional.empty();
        }
        coop.minka.domain.Op best = null;
        for (VerifiedBundle.Range r : vb.ranges()) {
            for (coop.minka.domain.Op op : r.ops()) {
                // a cooperative cannot be created before its id was made: an entry stamped earlier is forged
                if (op.type().equals(coop.minka.domain.OpType.COOP_CREATE) && op.entity().equals(coopId)
                        && coop.minka.domain.Hlc.millis(op.hlc()) >= coop.minka.domain.Ids.millisOf(coopId)
                        && (best == null || coop.minka.domain.Op.STAMP_ORDER.compare(op, best) < 0)) {
                    best = op;
                }
            }
        }
        return Optional.ofNullable(best).map(coop.minka.domain.Op::replica);
    }

    /// The same with other limits (tests read large bundles' entries again from the file).
    public static Workspace join(Path db, Path bundle, String replicaName, LongSupplier clock, BundleLimits limits) {
        return join(db, bundle, replicaName, clock, limits, null);
    }

    /// Joins from an encrypted full file too: `recoveryKey` is the cooperative's recovery key file
    /// (`AGE-SECRET-KEY-1…`, from `minka security recovery-key`), or null.
    public static Workspace join(Path db, Path bundle, String replicaName, LongSupplier clock, BundleLimits limits,
                                 Path recoveryKey) {
        Texts.required(replicaName, "replica");
        if (Files.exists(db)) {
            throw new MinkaException(ErrorCode.DATABASE_EXISTS, db);
        }
        String label = label(bundle);
        VerifiedBundle vb;
        try (SyncQuarantine q = SyncQuarantine.copyOf(bundle, limits)) {
            boolean encrypted = q.encrypted();
            // a join request made this laptop's keys beforehand: the full file is addressed to them
            Identity pending = JoinRequestFile.pending(db).orElse(null);
            if (encrypted && recoveryKey == null && pending == null) {
                throw new MinkaException(ErrorCode.JOIN_NEEDS_KEY, label);
            }
            List<String> keys = new ArrayList<>();
            if (recoveryKey != null) {
                keys.add(RecoveryKeyFile.readIdentity(recoveryKey));
            }
            if (pending != null) {
                keys.add(pending.ageIdentity());
            }
            VerifiedBundle read = new BundleReader(limits).read(q.plain(keys, limits), label, null,
                    a -> Optional.empty());
            vb = encrypted ? read.withFileSha256(BundleWriter.sha256Of(q.copy())) : read;
            if (!vb.full() || !vb.coopCreated()) {
                throw new MinkaException(ErrorCode.BUNDLE_NOT_FULL, label);
            }
            Path copy = q.copy();
            Workspace joined = Workspace.join(db, vb.manifest().coop().id(), replicaName, clock, pending, log -> {
                Path dir = db.toAbsolutePath().getParent().resolve(RECEIVED);
                String archived;
                try {
                    Files.createDirectories(dir);
                    Path target = dir.resolve(STAMP.format(Instant.ofEpochMilli(clock.getAsLong())) + "-"
                            + HexFormat.of().formatHex(vb.fileSha256(), 0, 6) + "-join.minka");
                    Files.copy(copy, target);
                    archived = target.toString();
                } catch (IOException e) {
                    throw new MinkaException(ErrorCode.CANNOT_WRITE, e, dir);
                }
                log.database().transaction(s -> {
                    legacyFounder(vb).ifPresent(f -> Meta.put(s, Meta.FOUNDER, f));
                    return importInto(s, vb, log, label, label, archived, clock.getAsLong(), new PeriodRules());
                });
            });
            JoinRequestFile.forgetPending(db); // the database now holds the identity
            return joined;
        }
    }

    // ------------------------------------------------------------------ join requests

    /// A join request as shown to people: the new laptop's name, id, fingerprint (to compare by
    /// phone or in person) and encryption key.
    public record JoinRequest(String name, String replica, String fingerprint, String recipient) {
        static JoinRequest of(JoinRequestFile.Request r) {
            return new JoinRequest(r.name(), r.replica(), r.fingerprint(), r.recipient());
        }
    }

    /// `minka join --request`: makes this laptop's keys for the database `db` (which must not exist
    /// yet; an earlier request's keys are reused) and writes its public keys and name to the new
    /// file `out`, for an admitted laptop to write a full file this laptop can read.
    public static JoinRequest requestToJoin(Path db, String replicaName, Path out) {
        String name = Texts.required(replicaName, "replica");
        if (Files.exists(db)) {
            throw new MinkaException(ErrorCode.DATABASE_EXISTS, db);
        }
        Path parent = db.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new MinkaException(ErrorCode.FILE_NOT_FOUND, parent);
        }
        if (Files.exists(out)) {
            throw new MinkaException(ErrorCode.FILE_EXISTS, out);
        }
        Identity id = JoinRequestFile.pending(db).orElseGet(() -> {
            Identity made = Workspace.newIdentity();
            JoinRequestFile.keepPending(db, made);
            return made;
        });
        return JoinRequest.of(JoinRequestFile.write(out, name, id));
    }

    /// Reads and checks a join request file.
    public static JoinRequest readRequest(Path file) {
        FileChecks.syncFile(file);
        return JoinRequest.of(JoinRequestFile.read(file));
    }
}
