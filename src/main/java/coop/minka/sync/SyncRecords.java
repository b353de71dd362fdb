package coop.minka.sync;

import static coop.minka.store.schema.Tables.PEER_VV;
import static coop.minka.store.schema.Tables.RECEIVED_BUNDLE;
import static coop.minka.store.schema.Tables.SYNC_FLAG;

import coop.minka.store.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/// This laptop's own notes about syncing (schema V002): what each other laptop is known to
/// hold, which bundles came in, and which entries were flagged for review. Never projections.
public final class SyncRecords {
    /// Kinds of flags.
    public static final String LATE = "late";
    public static final String FAR_AHEAD = "far_ahead";

    /// A bundle that was imported.
    public record Received(String sender, String fileName, String archive, long createdAt, long receivedAt, long newOps) {
    }

    /// A flagged entry.
    public record Flag(String kind, String replica, long seq, long receivedAt, String bundle) {
    }

    private SyncRecords() {
    }

    /// Merges a version vector received from `peer` (by maximum per author).
    public static void mergePeerVv(Session s, String peer, Map<String, Long> vv) {
        DSLContext d = s.dsl();
        vv.forEach((author, seq) -> d.insertInto(PEER_VV).set(PEER_VV.PEER, peer).set(PEER_VV.AUTHOR, author)
                .set(PEER_VV.SEQ, seq).onConflict(PEER_VV.PEER, PEER_VV.AUTHOR).doUpdate()
                .set(PEER_VV.SEQ, org.jooq.impl.DSL.greatest(PEER_VV.SEQ, org.jooq.impl.DSL.val(seq)))
                .execute());
    }

    /// What `peer` is known to hold, per author (empty if nothing was ever received from it).
    public static Map<String, Long> peerVv(Session s, String peer) {
        DSLContext d = s.dsl();
        Map<String, Long> out = new LinkedHashMap<>();
        d.selectFrom(PEER_VV).where(PEER_VV.PEER.eq(peer)).orderBy(PEER_VV.AUTHOR)
                .forEach(r -> out.put(r.getAuthor(), r.getSeq()));
        return out;
    }

    public static void recordReceived(Session s, byte[] sha256, Received r) {
        DSLContext d = s.dsl();
        d.insertInto(RECEIVED_BUNDLE).set(RECEIVED_BUNDLE.SHA256, sha256).set(RECEIVED_BUNDLE.FILE_NAME, r.fileName())
                .set(RECEIVED_BUNDLE.ARCHIVE, r.archive()).set(RECEIVED_BUNDLE.SENDER, r.sender())
                .set(RECEIVED_BUNDLE.CREATED_AT, r.createdAt()).set(RECEIVED_BUNDLE.RECEIVED_AT, r.receivedAt())
                .set(RECEIVED_BUNDLE.NEW_OPS, r.newOps()).execute();
    }

    public static boolean wasReceived(Session s, byte[] sha256) {
        DSLContext d = s.dsl();
        return d.fetchExists(RECEIVED_BUNDLE, RECEIVED_BUNDLE.SHA256.eq(sha256));
    }

    /// The latest bundle received from `sender`.
    public static Optional<Received> lastFrom(Session s, String sender) {
        DSLContext d = s.dsl();
        return d.selectFrom(RECEIVED_BUNDLE).where(RECEIVED_BUNDLE.SENDER.eq(sender))
                .orderBy(RECEIVED_BUNDLE.RECEIVED_AT.desc(), RECEIVED_BUNDLE.ID.desc()).limit(1)
                .fetchOptional(r -> new Received(r.getSender(), r.getFileName(), r.getArchive(), r.getCreatedAt(),
                        r.getReceivedAt(), r.getNewOps()));
    }

    public static void flag(DSLContext d, Flag f) {
        d.insertInto(SYNC_FLAG).set(SYNC_FLAG.KIND, f.kind()).set(SYNC_FLAG.REPLICA, f.replica())
                .set(SYNC_FLAG.SEQ, f.seq()).set(SYNC_FLAG.RECEIVED_AT, f.receivedAt()).set(SYNC_FLAG.BUNDLE, f.bundle())
                .onConflictDoNothing().execute();
    }

    public static List<Flag> flags(Session s, String kind) {
        DSLContext d = s.dsl();
        return d.selectFrom(SYNC_FLAG).where(SYNC_FLAG.KIND.eq(kind)).orderBy(SYNC_FLAG.RECEIVED_AT, SYNC_FLAG.REPLICA,
                SYNC_FLAG.SEQ).fetch(r -> new Flag(r.getKind(), r.getReplica(), r.getSeq(), r.getReceivedAt(), r.getBundle()));
    }
}
