package coop.minka.app.sync;

import coop.minka.app.Workspace;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.ReplicaStatus;
import coop.minka.store.KeyRepository;
import coop.minka.store.Keys;
import coop.minka.store.ReplicaRepository;
import coop.minka.store.Session;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /// What revoking a laptop would do, shown before a person confirms: its name and key
    /// fingerprint, and `upTo`, the last of its entries that would still count (the highest held
    /// here now).
    public record RevokePlan(String id, String name, String fingerprint, String status, long upTo) {
    }

    /// A revocation written (or found already there): `upTo` is the last entry that still counts.
    public record Revoked(ReplicaView laptop, long upTo) {
    }

    /// The plan for revoking `ref`; refused as [#revoke] would refuse it, writing nothing.
    public RevokePlan revokePlan(String ref) {
        return ws.read(s -> {
            checkSelfTrusted(s);
            return plan(s, resolve(s, ref));
        });
    }

    private RevokePlan plan(Session s, ReplicaView t) {
        ReplicaStatus st = ReplicaStatus.fromWire(t.status());
        if (t.id().equals(ws.selfId()) || !(st.trusted() || st == ReplicaStatus.REVOKED)) {
            throw new MinkaException(ErrorCode.CANNOT_REVOKE, t.name());
        }
        long upTo = st == ReplicaStatus.REVOKED ? ReplicaRepository.countsUpTo(s, t.id()).orElse(0L)
                : coop.minka.store.OpStore.versionVector(s).getOrDefault(t.id(), 0L);
        return new RevokePlan(t.id(), t.name(), t.fingerprint(), t.status(), upTo);
    }

    /// Revokes a lost or stolen laptop that was admitted (or founded the cooperative): its entries
    /// up to `keepUpTo` (null: the highest held here now) still count on every laptop, its later
    /// ones — and its later admissions and revocations — never do, and new sync files are no longer
    /// written for its key (docs/design-notes.md item 30). Refused, writing nothing, for this laptop
    /// itself, a laptop never admitted (reject it instead), without a reason, for a number beyond
    /// what is held here, or when it would undo this laptop's own admission (and so not count).
    public Revoked revoke(String ref, String reason, Long keepUpTo) {
        String why = reason == null ? "" : reason.strip();
        return ws.write(w -> {
            checkSelfTrusted(w);
            ReplicaView t = resolve(w, ref);
            RevokePlan plan = plan(w, t);
            if (ReplicaStatus.REVOKED.wire().equals(t.status())) {
                return new Revoked(t, plan.upTo());
            }
            if (why.isEmpty()) {
                throw new MinkaException(ErrorCode.REASON_REQUIRED);
            }
            long upTo = keepUpTo == null ? plan.upTo() : keepUpTo;
            if (upTo < 0 || upTo > plan.upTo()) {
                throw new MinkaException(ErrorCode.BAD_KEEP_UP_TO, t.name(), Long.toString(upTo),
                        Long.toString(plan.upTo()));
            }
            revokePredecessors(w, t, why);
            w.append(OpType.REPLICA_REVOKE, t.id(), OpData.builder().put("fingerprint", t.fingerprint())
                    .put("reason", why).put("upTo", upTo <= 0 ? null : upTo).build());
            ReplicaView after = view(w, t.id(), true);
            if (!ReplicaStatus.REVOKED.wire().equals(after.status()) || !ReplicaRepository.trusted(w, ws.selfId())) {
                // keeping too few of its entries undoes this laptop's own admission: such a
                // revocation never counts (design-notes 30), so it is not written at all
                throw new MinkaException(ErrorCode.REVOKE_UNDOES_ITSELF, t.name(), Long.toString(upTo));
            }
            return new Revoked(after, upTo);
        });
    }

    /// Revoking the current key of a rotation chain (design-notes 29) revokes the keys it replaced
    /// too, each keeping every entry of it held here: after a rotation the laptop writes nothing
    /// under an old key, so a later entry under one comes from a copy of that key. A successor
    /// counts only while its predecessor is not revoked (item 13), so each successor in the chain
    /// is first admitted by its own fingerprint: its entries keep counting up to its revocation.
    private void revokePredecessors(coop.minka.store.ChangeLog.Writer w, ReplicaView current, String why) {
        Map<String, String> replacedBy = KeyRepository.rotations(w);
        Map<String, String> replaced = new java.util.HashMap<>();
        replacedBy.forEach((old, next) -> replaced.putIfAbsent(next, old));
        List<ReplicaView> chain = new java.util.ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String id = replaced.get(current.id()); id != null && seen.add(id); id = replaced.get(id)) {
            ReplicaView v = view(w, id, false);
            if (v == null || !ReplicaStatus.fromWire(v.status()).trusted()) {
                break;
            }
            chain.add(v);
        }
        if (chain.isEmpty()) {
            return;
        }
        var held = coop.minka.store.OpStore.versionVector(w);
        w.append(OpType.REPLICA_ADMIT, current.id(), OpData.builder().put("fingerprint", current.fingerprint()).build());
        for (ReplicaView v : chain.subList(0, chain.size() - 1)) {
            w.append(OpType.REPLICA_ADMIT, v.id(), OpData.builder().put("fingerprint", v.fingerprint()).build());
        }
        for (ReplicaView v : chain) {
            long upTo = held.getOrDefault(v.id(), 0L);
            w.append(OpType.REPLICA_REVOKE, v.id(), OpData.builder().put("fingerprint", v.fingerprint())
                    .put("reason", why).put("upTo", upTo <= 0 ? null : upTo).build());
        }
    }

    /// The laptops whose keys new sync files are written for — the very list the encryption uses
    /// ([KeyRepository#counted]): the founder and admitted laptops, never a revoked, rejected,
    /// waiting or impostor one, nor one whose key a rotation replaced.
    public List<Recipient> recipients() {
        return ws.read(s -> KeyRepository.counted(s).stream().map(r -> new Recipient(r.replica(), r.name(),
                Keys.fingerprint(r.publicKey()), r.recipient())).toList());
    }

    /// A laptop new sync files are written for: its id, name, its signing key's fingerprint and its
    /// encryption key (`age1…`; null if it announced none).
    public record Recipient(String id, String name, String fingerprint, String recipient) {
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
            List<ReplicaView> found = exact.isEmpty() ? all.stream()
                    .filter(v -> v.name().toLowerCase(Locale.ROOT).contains(low) || v.id().startsWith(low)).toList() : exact;
            // a laptop whose key a rotation replaced gives way to its successor (design-notes 29)
            Map<String, String> rotations = KeyRepository.rotations(s);
            Set<String> ids = found.stream().map(ReplicaView::id).collect(java.util.stream.Collectors.toSet());
            List<ReplicaView> matches = found.stream().filter(v -> !ids.contains(rotations.get(v.id()))).toList();
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
