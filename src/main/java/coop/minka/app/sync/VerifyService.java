package coop.minka.app.sync;

import coop.minka.app.Workspace;

import coop.minka.domain.Op;
import coop.minka.domain.OpType;
import coop.minka.domain.MinkaException;
import coop.minka.store.IdentityFile;
import coop.minka.store.Keys;
import coop.minka.store.LedgerRepository;
import coop.minka.store.Meta;
import coop.minka.store.OpCodec;
import coop.minka.store.OpStore;
import coop.minka.store.Session;
import coop.minka.store.StateDump;
import coop.minka.store.VerifyRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/// `minka verify`: checks the file, every hash-chain link and signed head, that every
/// transaction balances, and that the stored projections equal a rebuild from the log; and
/// gives the state digest two replicas can compare.
public final class VerifyService {
    private final Workspace ws;

    public VerifyService(Workspace ws) {
        this.ws = ws;
    }

    /// The outcome: ok when `problems` is empty. Problems are short English descriptions for
    /// people who investigate, with the table, author or entry they concern.
    public record Result(boolean ok, String digest, long ops, List<String> problems) {
    }

    public Result verify() {
        return ws.read(s -> {
            List<String> problems = new ArrayList<>();
            String integrity = VerifyRepository.integrityCheck(s);
            if (!"ok".equals(integrity)) {
                problems.add("integrity_check: " + integrity);
            }
            long count = checkChains(s, problems);
            checkWitnesses(s, problems);
            checkBalances(s, problems);
            compareWithRebuild(s, problems);
            return new Result(problems.isEmpty(), StateDump.digest(s), count, List.copyOf(problems));
        });
    }

    /// The state digest alone.
    public String digest() {
        return ws.read(StateDump::digest);
    }

    private long checkChains(Session s, List<String> problems) {
        Map<String, byte[]> keys = new HashMap<>();
        Map<String, byte[]> lastHash = new HashMap<>();
        Map<String, Long> lastSeq = new HashMap<>();
        long[] count = {0};
        VerifyRepository.forEachOp(s, r -> {
            count[0]++;
            String replica = r.replica();
            long seq = r.seq();
            String where = "entry " + replica + "#" + seq;
            long expectedSeq = lastSeq.getOrDefault(replica, 0L) + 1;
            byte[] expectedPrev = lastHash.getOrDefault(replica, OpCodec.NO_PREV);
            if (seq != expectedSeq) {
                problems.add(where + ": gap in the chain (expected #" + expectedSeq + ")");
            } else if (!Arrays.equals(r.prev(), expectedPrev)) {
                problems.add(where + ": does not link to the entry before it");
            }
            try {
                Op op = OpCodec.decode(r.prev(), r.body());
                if (!Arrays.equals(op.hash(), r.hash())) {
                    problems.add(where + ": content does not match its hash");
                }
                if (!op.replica().equals(replica) || op.seq() != seq || op.hlc() != r.hlc()
                        || !op.type().equals(r.type()) || !op.entity().equals(r.entity())) {
                    problems.add(where + ": columns differ from the signed content");
                }
                if (op.type().equals(OpType.REPLICA_JOIN) && op.entity().equals(replica)) {
                    keys.putIfAbsent(replica, Base64.getDecoder().decode(op.data().str("key")));
                }
            } catch (MinkaException | IllegalArgumentException e) {
                problems.add(where + ": unreadable content");
            }
            lastSeq.put(replica, seq);
            lastHash.put(replica, r.hash());
        });
        String coopId = ws.log().coopId();
        Map<String, OpStore.SignedHead> latest = OpStore.latestHeads(s);
        for (var e : lastSeq.entrySet()) {
            String replica = e.getKey();
            OpStore.SignedHead h = latest.get(replica);
            byte[] key = keys.get(replica);
            if (h == null || h.seq() != e.getValue()) {
                problems.add("author " + replica + ": latest entry #" + e.getValue() + " has no signed head");
                continue;
            }
            if (!Arrays.equals(h.hash(), lastHash.get(replica))) {
                problems.add("author " + replica + ": signed head does not match entry #" + h.seq());
            }
            if (key == null || !Keys.verify(key, Keys.headMessage(coopId, replica, h.seq(), h.hash()), h.signature())) {
                problems.add("author " + replica + ": signature of head #" + h.seq() + " is not valid");
            }
        }
        return count[0];
    }

    /// Outside witnesses of this laptop's own chain (DESIGN.md §7): the identity file beside the
    /// database records the last entry this identity wrote, and other laptops acknowledged what
    /// they hold of ours. Either one above the log's own head means our own entries are missing.
    private void checkWitnesses(Session s, List<String> problems) {
        String self = Meta.get(s, Meta.SELF).orElse(ws.selfId());
        long head = OpStore.head(s, self).seq();
        IdentityFile.lastSeqOf(ws.db().file(), self).filter(written -> written > head).ifPresent(written ->
                problems.add("own entries missing: this laptop wrote up to #" + written + " (identity file) but the log "
                        + "holds up to #" + head + " (expected after restoring a backup: the missing entries come back "
                        + "from the other laptops at the next sync)"));
        VerifyRepository.acknowledgedBeyond(s, self, head).forEach((peer, seq) -> problems.add("own entries missing: "
                + "laptop " + peer + " acknowledged our #" + seq + " but the log holds up to #" + head));
    }

    private void checkBalances(Session s, List<String> problems) {
        VerifyRepository.unbalanced(s).forEach((tx, sum) -> problems.add("transaction " + tx + ": postings sum to " + sum));
        Map<String, Long> sums = VerifyRepository.postingSums(s);
        Map<String, Long> stored = LedgerRepository.balances(s);
        java.util.Set<String> all = new java.util.TreeSet<>(sums.keySet());
        all.addAll(stored.keySet());
        for (String a : all) {
            if (!Objects.equals(sums.getOrDefault(a, 0L), stored.getOrDefault(a, 0L))) {
                problems.add("account " + a + ": stored balance " + stored.get(a) + " but postings sum to " + sums.get(a));
            }
        }
        // the monthly debit and credit totals, against the postings added up directly
        Map<String, String> months = new HashMap<>();
        for (VerifyRepository.MonthMoves m : VerifyRepository.postingMonths(s)) {
            if (m.debit() != 0 || m.credit() != 0) {
                months.put(m.account() + " " + m.month(), m.debit() + "/" + m.credit());
            }
        }
        Map<String, String> storedMonths = new HashMap<>();
        VerifyRepository.storedMonths(s).forEach(m -> storedMonths.put(m.account() + " " + m.month(),
                m.debit() + "/" + m.credit()));
        java.util.Set<String> keys = new java.util.TreeSet<>(months.keySet());
        keys.addAll(storedMonths.keySet());
        for (String k : keys) {
            if (!Objects.equals(months.get(k), storedMonths.get(k))) {
                problems.add("account and month " + k + ": stored debits/credits " + storedMonths.get(k)
                        + " but postings add up to " + months.get(k));
            }
        }
    }

    private void compareWithRebuild(Session s, List<String> problems) {
        // rebuild as the stored projections were built: with the database's own "self"
        Map<String, byte[]> rebuilt = VerifyRepository.rebuiltDigests(s, Meta.get(s, Meta.SELF).orElse(ws.selfId()));
        Map<String, byte[]> stored = StateDump.tableDigests(s);
        stored.forEach((table, h) -> {
            if (!Arrays.equals(h, rebuilt.get(table))) {
                problems.add("table " + table + ": differs from a rebuild from the change log ("
                        + HexFormat.of().formatHex(h, 0, 4) + " vs " + HexFormat.of().formatHex(rebuilt.get(table), 0, 4) + ")");
            }
        });
    }
}
