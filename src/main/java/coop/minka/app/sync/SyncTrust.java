package coop.minka.app.sync;

import coop.minka.app.Workspace;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.ReplicaStatus;
import coop.minka.store.Keys;
import coop.minka.store.ReplicaRepository;
import coop.minka.store.Session;
import java.util.List;
import java.util.Locale;

/// Admitting and rejecting laptops (DESIGN.md §5 step 3): only a laptop that is trusted itself
/// may do either; the treasurer compares the key fingerprint (groups of four) before admitting.
public final class SyncTrust {
    /// A laptop as the sync screens show it.
    public record ReplicaView(String id, String name, String status, String fingerprint, boolean changed) {
    }

    private final Workspace ws;

    public SyncTrust(Workspace ws) {
        this.ws = ws;
    }

    public ReplicaView admit(String ref) {
        return ws.write(w -> {
            checkSelfTrusted(w);
            ReplicaView t = resolve(w, ref);
            switch (ReplicaStatus.fromWire(t.status())) {
                case FOUNDER, ADMITTED -> {
                    return t;
                }
                case REVOKED -> throw new MinkaException(ErrorCode.REPLICA_REJECTED, t.name());
                case IMPOSTOR -> throw new MinkaException(ErrorCode.REPLICA_IMPOSTOR, t.name());
                default -> {
                    w.append(OpType.REPLICA_ADMIT, t.id(), OpData.builder().put("fingerprint", t.fingerprint()).build());
                    return view(w, t.id(), true);
                }
            }
        });
    }

    public ReplicaView reject(String ref) {
        return reject(ref, null);
    }

    /// Rejects a laptop, keeping its entries up to `keepUpTo` counted (null: none). This is how a
    /// person resolves a fork: the laptop's entries before the fork still count, on every laptop,
    /// whichever of the two histories each one holds; the rest never do.
    public ReplicaView reject(String ref, Long keepUpTo) {
        return ws.write(w -> {
            checkSelfTrusted(w);
            ReplicaView t = resolve(w, ref);
            if (t.id().equals(ws.selfId()) || ReplicaStatus.FOUNDER.wire().equals(t.status())) {
                throw new MinkaException(ErrorCode.CANNOT_REJECT, t.name());
            }
            if (ReplicaStatus.REVOKED.wire().equals(t.status())) {
                return t;
            }
            w.append(OpType.REPLICA_REVOKE, t.id(), OpData.builder().put("fingerprint", t.fingerprint())
                    .put("upTo", keepUpTo == null || keepUpTo <= 0 ? null : keepUpTo).build());
            return view(w, t.id(), true);
        });
    }

    private void checkSelfTrusted(Session s) {
        ReplicaView self = view(s, ws.selfId(), false);
        if (self == null || !(ReplicaStatus.FOUNDER.wire().equals(self.status())
                || ReplicaStatus.ADMITTED.wire().equals(self.status()))) {
            throw new MinkaException(ErrorCode.NOT_TRUSTED, self == null ? ws.selfId() : self.name());
        }
    }

    public static ReplicaView view(Session s, String id, boolean changed) {
        return ReplicaRepository.byId(s, id).map(r -> view(r, changed)).orElse(null);
    }

    private static ReplicaView view(ReplicaRepository.Replica r, boolean changed) {
        return new ReplicaView(r.id(), r.name(), r.status(), Keys.fingerprint(r.publicKey()), changed);
    }

    /// A laptop by id, by full name (any case), or by a part of its name or id that only it has.
    public static ReplicaView resolve(Session s, String ref) {
        String r = ref == null ? "" : ref.strip();
        List<ReplicaView> all = ReplicaRepository.byName(s).stream().map(x -> view(x, false)).toList();
        if (!r.isEmpty()) {
            if (Ids.looksLikeId(r)) {
                for (ReplicaView v : all) {
                    if (v.id().equals(r)) {
                        return v;
                    }
                }
            }
            String low = r.toLowerCase(Locale.ROOT);
            List<ReplicaView> exact = all.stream().filter(v -> v.name().toLowerCase(Locale.ROOT).equals(low)).toList();
            List<ReplicaView> matches = exact.isEmpty() ? all.stream()
                    .filter(v -> v.name().toLowerCase(Locale.ROOT).contains(low) || v.id().startsWith(low)).toList() : exact;
            if (matches.size() == 1) {
                return matches.getFirst();
            }
            if (matches.size() > 1) {
                throw new MinkaException(ErrorCode.AMBIGUOUS_REPLICA, r,
                        String.join(", ", matches.stream().limit(5).map(ReplicaView::name).toList()));
            }
        }
        throw new MinkaException(ErrorCode.UNKNOWN_REPLICA, r);
    }
}
