package coop.minka.app;

import coop.minka.domain.EntityFold;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.Ids;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.MemberRepository;
import coop.minka.store.Session;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/// Members: add, find, change, deactivate. Members are never deleted.
public final class MemberService {
    private final Workspace ws;

    public MemberService(Workspace ws) {
        this.ws = ws;
    }

    /// What can change on a member; null fields are left as they are.
    public record Changes(String name, Gender gender, LocalDate joined, MemberStatus status, String contact,
                         String notes) {
    }

    public Member add(String name, Gender gender, LocalDate joined, String contact, String notes) {
        String n = Texts.required(name, "name");
        String id = Ids.owned(ws.selfId(), ws.log().now());
        OpData data = OpData.builder().put("name", n)
                .put("gender", (gender == null ? Gender.UNSPECIFIED : gender).wire())
                .put("joined", joined == null ? null : Texts.date(joined).toString())
                .put("status", MemberStatus.ACTIVE.wire())
                .put("contact", Texts.optional(contact, "contact"))
                .put("notes", Texts.optional(notes, "notes")).build();
        ws.write(w -> w.append(OpType.MEMBER_ADD, id, data));
        return get(id);
    }

    /// The member as it is after the change: read once the write is done, since the projection
    /// folds a member's changes only when the transaction ends.
    public Member update(String ref, Changes c) {
        String id = ws.write(w -> {
            Member m = find(w, ref);
            OpData.Builder b = OpData.builder();
            if (c.name() != null && !Texts.required(c.name(), "name").equals(m.name())) {
                b.put("name", Texts.required(c.name(), "name"));
            }
            if (c.gender() != null && c.gender() != m.gender()) {
                b.put("gender", c.gender().wire());
            }
            if (c.joined() != null && !c.joined().equals(m.joined())) {
                b.put("joined", Texts.date(c.joined()).toString());
            }
            if (c.status() != null && c.status() != m.status()) {
                b.put("status", c.status().wire());
            }
            if (c.contact() != null && !c.contact().strip().equals(m.contact() == null ? "" : m.contact())) {
                b.put("contact", c.contact().strip());
            }
            if (c.notes() != null && !c.notes().strip().equals(m.notes() == null ? "" : m.notes())) {
                b.put("notes", c.notes().strip());
            }
            OpData data = b.build();
            if (!data.asMap().isEmpty()) {
                w.append(OpType.MEMBER_UPDATE, m.id(), withBase(w, m.id(), data));
            }
            return m.id();
        });
        return ws.read(d -> MemberRepository.byId(d, id).orElseThrow());
    }

    /// Adds the hash of the latest op of the entity this laptop holds, for conflict detection.
    public static OpData withBase(Session s, String entity, OpData data) {
        var latest = coop.minka.store.Projector.latestCounted(s, entity);
        OpData.Builder b = OpData.builder();
        data.asMap().forEach(b::put);
        latest.ifPresent(op -> b.put(EntityFold.BASE, op.hashHex()));
        return b.build();
    }

    public List<Member> list() {
        return ws.read(MemberRepository::all);
    }

    public Member get(String ref) {
        return ws.read(s -> find(s, ref));
    }

    /// An id, or a name that matches one member (exactly, or else as a part of the name).
    public static Member find(Session s, String ref) {
        String r = ref == null ? "" : ref.strip();
        if (r.isEmpty()) {
            throw new MinkaException(ErrorCode.UNKNOWN_MEMBER, "");
        }
        if (Ids.looksLikeId(r)) {
            var byId = MemberRepository.byId(s, r);
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        List<Member> matches = MemberRepository.byName(s, r);
        if (matches.isEmpty()) {
            throw new MinkaException(ErrorCode.UNKNOWN_MEMBER, r);
        }
        if (matches.size() > 1) {
            throw new MinkaException(ErrorCode.AMBIGUOUS_MEMBER, r, matches.stream()
                    .sorted(Comparator.comparing(Member::name)).limit(5).map(Member::name).toList());
        }
        return matches.getFirst();
    }
}
