package coop.minka.app.sync;

import coop.minka.app.Workspace;

import coop.minka.domain.Hlc;
import coop.minka.domain.ReplicaStatus;
import coop.minka.store.KeyRepository;
import coop.minka.store.Keys;
import coop.minka.store.OpStore;
import coop.minka.store.ReplicaRepository;
import coop.minka.store.Session;
import coop.minka.store.SyncRepository;
import coop.minka.sync.SyncRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// `minka sync status`: the laptops of the cooperative and how far this one is in step with
/// them, laptops waiting to be admitted, entries waiting (quarantined), forks, late entries and
/// clocks far ahead — everything a treasurer needs to look at after syncing.
public final class SyncStatus {
    /// One laptop: what we hold of its entries, how many of them wait for its admission, what it
    /// is known to hold of ours, and the last bundle received from it.
    public record Laptop(String id, String name, String status, String fingerprint, boolean self, long held,
                         long quarantined, Long holdsOfOurs, String lastBundle, Long lastBundleCreatedAt,
                         Long lastReceivedAt) {
    }

    /// A fork: a second, different entry `seq` of `replica`.
    public record Fork(String replica, String name, long seq, long receivedAt, String bundle) {
    }

    /// A flagged entry (late or far ahead), with what it is about.
    public record Flagged(String replica, String name, long seq, String type, String entity, long receivedAt,
                          String bundle) {
    }

    /// An entry held invalid: it breaks the rule book (`reason`, a code of `invalid.<reason>` in
    /// the messages), so it is kept in the log but never counted.
    public record Invalid(String replica, String name, long seq, String type, String entity, String reason) {
    }

    /// A revoked laptop (design-notes item 30): why and when, by which laptop, the last of its
    /// entries that still counts (`upTo`, 0: none) and how many entries held here were written
    /// after that (`heldAfter`: kept, shown, never counted).
    public record Revoked(String replica, String name, String fingerprint, String reason, long revokedAt,
                          String byName, long upTo, long heldAfter) {
    }

    /// The whole picture. `waiting` counts entries kept until the earlier entries of their
    /// laptop arrive; `impostors` the laptops met with a key that is not their own.
    public record Status(String selfId, List<Laptop> laptops, List<Laptop> pending, long quarantined, List<Fork> forks,
                         List<Flagged> late, List<Flagged> farAhead, long conflicts, List<Invalid> invalid,
                         long waiting, List<Laptop> impostors, List<Revoked> revoked) {
    }

    /// The status shown for a laptop whose key a rotation replaced (design-notes 29): its entries
    /// count as before, its successor stands for it; not a [ReplicaStatus], which trust derives.
    public static final String ROTATED = "rotated";

    private final Workspace ws;

    public SyncStatus(Workspace ws) {
        this.ws = ws;
    }

    public Status status() {
        return ws.read(this::status);
    }

    private Status status(Session s) {
        String self = ws.selfId();
        Map<String, Long> vv = OpStore.versionVector(s);
        Map<String, String> names = new HashMap<>();
        List<Laptop> laptops = new ArrayList<>();
        long quarantinedTotal = 0;
        Map<String, String> rotations = KeyRepository.rotations(s);
        for (var r : ReplicaRepository.byJoining(s)) {
            names.put(r.id(), r.name());
            boolean counts = r.id().equals(self) || ReplicaStatus.FOUNDER.wire().equals(r.status())
                    || ReplicaStatus.ADMITTED.wire().equals(r.status());
            long held = vv.getOrDefault(r.id(), 0L);
            // a revoked laptop's entries wait for nothing: up to its revocation they count, the rest never
            long quarantined = counts || ReplicaStatus.REVOKED.wire().equals(r.status()) ? 0 : held;
            quarantinedTotal += quarantined;
            Long ours = r.id().equals(self) ? null : SyncRecords.peerVv(s, r.id()).get(self);
            var last = SyncRecords.lastFrom(s, r.id());
            String shown = counts && rotations.containsKey(r.id()) ? ROTATED : r.status();
            laptops.add(new Laptop(r.id(), r.name(), shown, Keys.fingerprint(r.publicKey()),
                    r.id().equals(self), held, quarantined, ours, last.map(SyncRecords.Received::fileName).orElse(null),
                    last.map(SyncRecords.Received::createdAt).orElse(null),
                    last.map(SyncRecords.Received::receivedAt).orElse(null)));
        }
        List<Laptop> pending = laptops.stream()
                .filter(l -> !l.self() && ReplicaStatus.PENDING.wire().equals(l.status())).toList();
        List<Fork> forks = SyncRepository.forks(s).stream().map(f -> new Fork(f.replica(),
                names.getOrDefault(f.replica(), "?"), f.seq(), f.receivedAt(), f.bundle())).toList();
        // one decision per entry that lost (ConflictService), however many fields it changed
        long conflicts = SyncRepository.conflicts(s);
        List<Invalid> invalid = SyncRepository.invalid(s).stream().map(i ->
                new Invalid(i.replica(), names.getOrDefault(i.replica(), "?"), i.seq(), i.type(),
                        i.entity(), i.reason())).toList();
        long waiting = SyncRepository.waiting(s);
        List<Laptop> impostors = laptops.stream()
                .filter(l -> ReplicaStatus.IMPOSTOR.wire().equals(l.status())).toList();
        List<Revoked> revoked = new ArrayList<>();
        var revocations = ReplicaRepository.revocations(s);
        for (Laptop l : laptops) {
            if (!ReplicaStatus.REVOKED.wire().equals(l.status())) {
                continue;
            }
            var r = revocations.get(l.id());
            long upTo = ReplicaRepository.countsUpTo(s, l.id()).orElse(0L);
            revoked.add(new Revoked(l.id(), l.name(), l.fingerprint(), r == null ? null : r.reason(),
                    r == null ? 0L : Hlc.millis(r.hlc()), r == null ? null : names.getOrDefault(r.by(), "?"),
                    upTo, Math.max(0, l.held() - upTo)));
        }
        return new Status(self, List.copyOf(laptops), pending, quarantinedTotal, forks,
                flagged(s, SyncRecords.LATE, names), flagged(s, SyncRecords.FAR_AHEAD, names), conflicts,
                invalid, waiting, impostors, List.copyOf(revoked));
    }

    private static List<Flagged> flagged(Session s, String kind, Map<String, String> names) {
        List<Flagged> out = new ArrayList<>();
        for (SyncRecords.Flag f : SyncRecords.flags(s, kind)) {
            var op = SyncRepository.about(s, f.replica(), f.seq());
            out.add(new Flagged(f.replica(), names.getOrDefault(f.replica(), "?"), f.seq(),
                    op.map(SyncRepository.About::type).orElse(null), op.map(SyncRepository.About::entity).orElse(null),
                    f.receivedAt(), f.bundle()));
        }
        return out;
    }
}
