package coop.minka.store;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Hlc;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpRules;
import coop.minka.domain.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;

/// The one place every local change goes through (DESIGN.md §3): in a single SQLite
/// transaction it appends each op (next seq, hash chain, hybrid logical clock), updates the
/// projections, and signs this replica's new head with its Ed25519 key.
public final class ChangeLog {
    private final Database db;
    private final Identity identity;
    private final String coopId;
    private final LongSupplier wallClock;
    private final Projector projector;
    /// Who is acting (design notes 26): named in every op appended, null while nobody is.
    private volatile Acting acting;

    /// The person making the changes (`by`) and, for a dual-control change, the second person
    /// (`also`, may be null): person ids whose PINs the app layer has checked.
    public record Acting(String by, String also) {
    }

    public ChangeLog(Database db, Identity identity, String coopId, LongSupplier wallClock) {
        this.db = db;
        this.identity = identity;
        this.coopId = coopId;
        this.wallClock = wallClock;
        this.projector = new Projector(identity.replicaId());
    }

    /// Runs `work` in one write transaction; the ops it appends are stored, projected and
    /// signed together, or not at all.
    public <T> T write(Function<Writer, T> work) {
        T result = db.write(d -> {
            Writer w = new Writer(d);
            T r = work.apply(w);
            w.finish();
            return r;
        });
        return result;
    }

    /// Names the people making the next changes (null: nobody); set by the app layer once their
    /// PINs are checked, read by [Writer#append].
    public void act(Acting who) {
        this.acting = who;
    }

    public Acting acting() {
        return acting;
    }

    public Projector projector() {
        return projector;
    }

    public Identity identity() {
        return identity;
    }

    /// The same log written under another identity (a laptop that replaced its keys).
    public ChangeLog withIdentity(Identity next) {
        return new ChangeLog(db, next, coopId, wallClock);
    }

    public String coopId() {
        return coopId;
    }

    public Database database() {
        return db;
    }

    public long now() {
        return wallClock.getAsLong();
    }

    /// Appends ops inside one write transaction; as a [Session], it reads inside it too.
    public final class Writer extends Session {
        private final DSLContext d;
        private final Projector.Batch batch;
        private final List<Op> appended = new ArrayList<>();
        private OpStore.Head head;
        private long hlc;

        private Writer(DSLContext d) {
            super(d);
            this.d = d;
            this.batch = projector.batch(d);
            this.head = OpStore.head(d, identity.replicaId());
            this.hlc = Meta.get(d, Meta.HLC).map(Long::parseLong).orElse(0L);
        }

        /// This laptop's replica id: the author of every op appended here.
        public String author() {
            return identity.replicaId();
        }

        /// Appends one op; refuses (nothing written) an op that breaks the rule book, or that the
        /// people acting may not make ([coop.minka.domain.People#judge], the same verdict a
        /// received op gets). The acting people are named in the op's data (`by`, `also`).
        public Op append(String type, String entity, OpData given) {
            OpData data = signed(given);
            OpRules.check(type, entity, data).ifPresent(v -> {
                throw new MinkaException(ErrorCode.INVALID_ENTRY, v.reason(), v.detail());
            });
            long next = Hlc.next(hlc, wallClock.getAsLong());
            Op op = OpCodec.create(identity.replicaId(), head.seq() + 1, head.hash(), next, type, entity, data);
            batch.people().judge(op).ifPresent(reason -> {
                throw refusal(reason, op);
            });
            hlc = next;
            OpStore.insert(d, op, null, wallClock.getAsLong());
            batch.apply(op);
            batch.flush(); // the caller may read balances before the transaction ends
            head = new OpStore.Head(op.seq(), op.hash());
            appended.add(op);
            return op;
        }

        private OpData signed(OpData data) {
            Acting who = acting;
            if (who == null || who.by() == null) {
                return data;
            }
            java.util.Map<String, Object> m = new java.util.TreeMap<>(data.asMap());
            m.remove(coop.minka.domain.Permissions.BY);
            m.remove(coop.minka.domain.Permissions.ALSO);
            m.put(coop.minka.domain.Permissions.BY, who.by());
            if (who.also() != null) {
                m.put(coop.minka.domain.Permissions.ALSO, who.also());
            }
            return OpData.of(m);
        }

        private MinkaException refusal(String reason, Op op) {
            var people = batch.people().current();
            String by = op.data().str(coop.minka.domain.Permissions.BY);
            String name = by != null && people.containsKey(by) ? people.get(by).name() : "";
            return switch (reason) {
                case coop.minka.domain.People.NO_PERSON -> new MinkaException(ErrorCode.PERSON_REQUIRED, op.type());
                case coop.minka.domain.People.NOT_ALLOWED -> new MinkaException(ErrorCode.NOT_ALLOWED, name, op.type());
                case coop.minka.domain.People.NEEDS_SECOND_PERSON ->
                        new MinkaException(ErrorCode.SECOND_PERSON_REQUIRED, op.type());
                case coop.minka.domain.People.FIRST_NOT_PRESIDENT ->
                        new MinkaException(ErrorCode.FIRST_PERSON_PRESIDENT);
                case coop.minka.domain.People.UNKNOWN_PERSON, coop.minka.domain.People.NO_SUCH_PERSON ->
                        new MinkaException(ErrorCode.UNKNOWN_PERSON, op.entity());
                default -> new MinkaException(ErrorCode.INVALID_ENTRY, reason, op.type());
            };
        }

        /// The ops appended so far in this transaction.
        public List<Op> appended() {
            return List.copyOf(appended);
        }

        private void finish() {
            if (appended.isEmpty()) {
                return;
            }
            batch.finish();
            // a typed savings-group entry gets the verdict a received one would (design notes 36)
            for (Op op : appended) {
                if (OpType.GROUP_TYPES.contains(op.type())) {
                    String held = GroupRepository.held(this, op.entity());
                    if (held != null) {
                        throw new MinkaException(ErrorCode.INVALID_ENTRY, held, op.type());
                    }
                }
            }
            Meta.put(d, Meta.HLC, Long.toString(hlc));
            byte[] sig = Keys.sign(identity.privateKey(),
                    Keys.headMessage(coopId, identity.replicaId(), head.seq(), head.hash()));
            OpStore.insertHead(d, new OpStore.SignedHead(identity.replicaId(), head.seq(), head.hash(), sig));
        }
    }
}
