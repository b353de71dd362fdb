package coop.minka.app;

import coop.minka.domain.Cooperative;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.ChangeLog;
import coop.minka.store.CooperativeRepository;
import coop.minka.store.Database;
import coop.minka.store.Identity;
import coop.minka.store.IdentityFile;
import coop.minka.store.Keys;
import coop.minka.store.Meta;
import coop.minka.store.OpStore;
import coop.minka.store.Projector;
import coop.minka.store.RecoveryKeyFile;
import coop.minka.store.ReplicaRepository;
import coop.minka.store.Session;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/// One cooperative's books open on this laptop: the database file, this laptop's replica
/// identity and the change log every write goes through. Opening a file that was copied or
/// restored gives it a new identity (DESIGN.md §5, "Media and copies").
public final class Workspace implements AutoCloseable {
    private final Database db;
    private ChangeLog log;
    private final Cooperative coop;
    private final boolean identityRenewed;
    private String previousSelf;

    private Workspace(Database db, ChangeLog log, Cooperative coop, boolean identityRenewed) {
        this.db = db;
        this.log = log;
        this.coop = coop;
        this.identityRenewed = identityRenewed;
    }

    /// Creates a new database holding a new cooperative founded by this laptop. The
    /// cooperative's id is derived from this laptop's key, so nobody else can ever be its founder.
    public static Workspace create(Path file, String coopName, String currencyCode, String replicaName,
                                   String languages, LongSupplier clock) {
        return create(file, coopName, currencyCode, replicaName, languages, false, clock);
    }

    /// The same; `encrypted`: the cooperative's sync files are encrypted from the start (the
    /// default of `minka init`), with a new recovery key whose secret is kept beside the database
    /// until it is written out (design-notes item 28).
    public static Workspace create(Path file, String coopName, String currencyCode, String replicaName,
                                   String languages, boolean encrypted, LongSupplier clock) {
        String name = Texts.required(coopName, "name");
        String replica = Texts.required(replicaName, "replica");
        Currency currency = currency(currencyCode);
        Identity founder = newIdentity();
        String coopId = Ids.coopIdFor(founder.publicKey());
        Keys.AgePair recovery = encrypted ? Keys.generateAge() : null;
        Workspace ws = fresh(file, coopId, founder, clock, (log, id) -> log.write(w -> {
            w.append(OpType.REPLICA_JOIN, id.replicaId(), joinData(replica, id, null, null));
            OpData.Builder data = OpData.builder().put("name", name)
                    .put("currency", currency.getCurrencyCode()).put("languages", languages);
            if (recovery != null) {
                data.put("encryption", true).put("recovery", recovery.recipient());
            }
            w.append(OpType.COOP_CREATE, coopId, data.build());
            return null;
        }));
        if (recovery != null) {
            keepRecovery(file, name, languages, recovery);
        }
        return ws;
    }

    /// Keeps a new recovery key's secret beside the database until it is written out.
    /// Its comment is in the cooperative's first language (`languages`, e.g. `es,qu`).
    public static void keepRecovery(Path database, String coopName, String languages, Keys.AgePair recovery) {
        RecoveryKeyFile.keep(database, recovery.identity(), Words.of(Words.language(languages))
                .t("recoveryFile.comment", coopName.replace('\n', ' '), recovery.recipient()));
    }

    /// Creates a new database for a laptop joining an existing cooperative (`minka join`): a new
    /// identity, then `seed` fills the log (the full sync bundle, imported through the same path
    /// as any import), then this laptop's own `replica.join` is appended. The file is removed
    /// again if anything fails.
    public static Workspace join(Path file, String coopId, String replicaName, LongSupplier clock,
                                 java.util.function.Consumer<ChangeLog> seed) {
        return join(file, coopId, replicaName, clock, null, seed);
    }

    /// The same under `identity` (made by a join request), or a new one if null.
    public static Workspace join(Path file, String coopId, String replicaName, LongSupplier clock, Identity identity,
                                 java.util.function.Consumer<ChangeLog> seed) {
        String replica = Texts.required(replicaName, "replica");
        return fresh(file, coopId, identity != null ? identity : newIdentity(), clock, (log, id) -> {
            seed.accept(log);
            log.write(w -> w.append(OpType.REPLICA_JOIN, id.replicaId(), joinData(replica, id, null, null)));
        });
    }

    /// A new database file with a new laptop identity, its log filled by `fill`; the file is
    /// removed again if anything fails.
    private static Workspace fresh(Path file, String coopId, Identity id, LongSupplier clock,
                                   java.util.function.BiConsumer<ChangeLog, Identity> fill) {
        Database db = Database.create(file);
        try {
            initMeta(db, coopId, id, clock);
            ChangeLog log = new ChangeLog(db, id, coopId, clock);
            fill.accept(log, id);
            Workspace ws = new Workspace(db, log, loadCoop(db, coopId), false);
            ws.saveIdentity();
            return ws;
        } catch (RuntimeException e) {
            db.close();
            deleteQuietly(file);
            throw e;
        }
    }

    /// Opens an existing database; a copied or restored file gets a new replica identity.
    public static Workspace open(Path file, LongSupplier clock) {
        Database db = Database.open(file);
        try {
            String dbId = db.session(s -> Meta.get(s, Meta.DATABASE_ID)).orElse(null);
            String coopId = db.session(s -> Meta.get(s, Meta.COOP_ID)).orElse(null);
            if (dbId == null || coopId == null) {
                throw new MinkaException(ErrorCode.NOT_INITIALISED, file);
            }
            String oldSelf = db.session(s -> Meta.get(s, Meta.SELF)).orElse("");
            long ownSeq = db.session(s -> OpStore.head(s, oldSelf)).seq();
            var stored = IdentityFile.load(file, dbId, ownSeq).filter(i -> i.replicaId().equals(oldSelf));
            boolean renewed = stored.isEmpty();
            Identity id = stored.orElseGet(Workspace::newIdentity);
            ChangeLog log = new ChangeLog(db, id, coopId, clock);
            if (db.session(s -> Meta.get(s, Meta.REBUILD)).isPresent()) {
                // a migration changed the rules the projections follow: rebuild them once, as they were
                // built, with the file's own "self" (the log itself is not touched)
                db.transaction(s -> {
                    new Projector(oldSelf).rebuild(s);
                    Meta.remove(s, Meta.REBUILD);
                    return null;
                });
            }
            Workspace ws = new Workspace(db, log, loadCoop(db, coopId), renewed);
            ws.previousSelf = renewed ? oldSelf : null;
            return ws;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /// Runs one write transaction through the change log, then records the new head beside
    /// the database so that a later restore of an older copy is recognised.
    public <T> T write(Function<ChangeLog.Writer, T> work) {
        if (previousSelf != null) {
            takeNewIdentity();
        }
        T r = log.write(work);
        saveIdentity();
        return r;
    }

    /// A copied or restored file writes under a new identity: announced with its own
    /// `replica.join` before its first change, never on merely opening (so reading a copy, or
    /// verifying it, changes nothing). If the old identity's key is still beside the file (a
    /// restored backup, or a copy made with its identity file), the old key vouches for the new
    /// one, and the new identity is trusted wherever the old one was (design-notes item 13).
    private void takeNewIdentity() {
        String oldSelf = previousSelf;
        Identity id = log.identity();
        String oldName = read(s -> ReplicaRepository.name(s, oldSelf)).orElse("Minka");
        String vouch = IdentityFile.loadAny(db.file()).filter(old -> old.replicaId().equals(oldSelf))
                .map(old -> Base64.getEncoder().encodeToString(Keys.sign(old.privateKey(),
                        Keys.successorMessage(log.coopId(), id.replicaId(), id.publicKey()))))
                .orElse(null);
        log.write(w -> {
            Meta.put(w, Meta.SELF, id.replicaId());
            w.append(OpType.REPLICA_JOIN, id.replicaId(), joinData(oldName + " (copy)", id, oldSelf, vouch));
            // the old identity's own ops counted here as "self"; from now on they count only if trusted
            log.projector().rebuild(w);
            return null;
        });
        previousSelf = null;
        saveIdentity();
    }

    /// `minka sync rotate-key` (design-notes item 29): this laptop replaces its signing and
    /// encryption keys. The new identity is a successor vouched for by the old key (the mechanism
    /// of item 13), marked as a rotation so that every laptop stops encrypting to the old key once
    /// it holds the new join; the old private keys are discarded. Entries written under the old key
    /// keep counting. Returns the new identity's fingerprint.
    public String rotateKey() {
        settleIdentity();
        Identity old = log.identity();
        Identity next = newIdentity();
        String name = read(s -> ReplicaRepository.name(s, old.replicaId())).orElse("Minka");
        String vouch = Base64.getEncoder().encodeToString(Keys.sign(old.privateKey(),
                Keys.successorMessage(log.coopId(), next.replicaId(), next.publicKey())));
        ChangeLog nextLog = log.withIdentity(next);
        nextLog.write(w -> {
            Meta.put(w, Meta.SELF, next.replicaId());
            OpData join = joinData(name, next, old.replicaId(), vouch);
            OpData.Builder b = OpData.builder();
            join.asMap().forEach(b::put);
            w.append(OpType.REPLICA_JOIN, next.replicaId(), b.put("rotation", true).build());
            // the old identity's entries counted here as "self"; from now on they count as a trusted laptop's
            nextLog.projector().rebuild(w);
            return null;
        });
        log = nextLog;
        saveIdentity();
        return next.fingerprint();
    }

    /// Takes the new identity of a copied or restored file now, if it has not yet (before a
    /// sync file is written, so the file carries the new identity's join and is accepted).
    public void settleIdentity() {
        if (previousSelf != null) {
            takeNewIdentity();
        }
    }

    private void saveIdentity() {
        long seq = read(s -> OpStore.head(s, log.identity().replicaId())).seq();
        String dbId = read(s -> Meta.get(s, Meta.DATABASE_ID)).orElseThrow();
        IdentityFile.save(db.file(), dbId, log.identity(), seq);
    }

    /// The facts of a new database file: its own id, the cooperative, this laptop.
    private static void initMeta(Database db, String coopId, Identity id, LongSupplier clock) {
        db.transaction(s -> {
            Meta.put(s, Meta.DATABASE_ID, Ids.newId(clock.getAsLong()));
            Meta.put(s, Meta.COOP_ID, coopId);
            Meta.put(s, Meta.SELF, id.replicaId());
            return null;
        });
    }

    /// A laptop announcing itself: its name and public key (and, for a copy, whom it was copied
    /// from and that laptop's signature vouching for the new key).
    private static OpData joinData(String name, Identity id, String copyOf, String vouch) {
        return OpData.builder().put("name", name).put("key", Base64.getEncoder().encodeToString(id.publicKey()))
                .put("recipient", id.ageRecipient()).put("copyOf", copyOf).put("vouch", vouch).build();
    }

    /// A new key pair; the laptop's id is derived from its public key.
    public static Identity newIdentity() {
        KeyPair kp = Keys.generate();
        byte[] pub = kp.getPublic().getEncoded();
        Keys.AgePair age = Keys.generateAge();
        return new Identity(Ids.replicaIdFor(pub), pub, kp.getPrivate(), age.identity(), age.recipient());
    }

    private static Cooperative loadCoop(Database db, String coopId) {
        Optional<Cooperative> c = db.session(s -> CooperativeRepository.byId(s, coopId));
        return c.orElseThrow(() -> new MinkaException(ErrorCode.NOT_INITIALISED, db.file()));
    }

    public static Currency currency(String code) {
        try {
            return Currency.getInstance(code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MinkaException(ErrorCode.BAD_CURRENCY, e, code);
        }
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", ".identity"}) {
            try {
                java.nio.file.Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (java.io.IOException ignored) {
                // best effort: the file was just created by us and is empty
            }
        }
    }

    public Database db() {
        return db;
    }

    /// Reads without a write lock: `work` hands the session to the repositories.
    public <T> T read(Function<Session, T> work) {
        return db.session(work);
    }

    /// The database file.
    public Path file() {
        return db.file();
    }

    /// This laptop's key fingerprint, to compare in person or by phone before admitting it.
    public String fingerprint() {
        return log.identity().fingerprint();
    }

    /// What a failure from below means to a person: the catalogued error found in `t`'s causes,
    /// or the database error there translated (disk full, read-only…), or null for a bug.
    public static MinkaException explain(Throwable t, Path file) {
        return Database.explain(t, file);
    }

    public ChangeLog log() {
        return log;
    }

    /// The cooperative as it was when opened; [#refreshCoop] after a name change.
    public Cooperative coop() {
        return loadCoop(db, coop.id());
    }

    /// The currency held now: it may change while no money exists (design notes 25), so it is
    /// read from the books, not remembered from opening.
    public Currency currency() {
        return coop().currency();
    }

    public String selfId() {
        return log.identity().replicaId();
    }

    /// True if this file was copied or restored and so got a new replica identity on opening.
    public boolean identityRenewed() {
        return identityRenewed;
    }

    @Override
    public void close() {
        db.close();
    }
}
