package coop.minka.store;

import static coop.minka.store.schema.Tables.MEMBER;

import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.store.schema.tables.records.MemberRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/// Members as domain records.
public final class MemberRepository {
    private MemberRepository() {
    }

    public static List<Member> all(Session s) {
        DSLContext d = s.dsl();
        return d.selectFrom(MEMBER).orderBy(MEMBER.NAME.collate("NOCASE"), MEMBER.ID).fetch(MemberRepository::map);
    }

    public static Optional<Member> byId(Session s, String id) {
        DSLContext d = s.dsl();
        return d.selectFrom(MEMBER).where(MEMBER.ID.eq(id)).fetchOptional(MemberRepository::map);
    }

    /// Members whose name equals `name` ignoring case, or else contains it.
    public static List<Member> byName(Session s, String name) {
        DSLContext d = s.dsl();
        List<Member> exact = d.selectFrom(MEMBER).where(MEMBER.NAME.equalIgnoreCase(name.strip()))
                .orderBy(MEMBER.ID).fetch(MemberRepository::map);
        if (!exact.isEmpty()) {
            return exact;
        }
        return d.selectFrom(MEMBER).where(MEMBER.NAME.containsIgnoreCase(name.strip()))
                .orderBy(MEMBER.NAME, MEMBER.ID).fetch(MemberRepository::map);
    }

    static Member map(MemberRecord r) {
        return new Member(r.getId(), r.getName(), Gender.fromWire(r.getGender()),
                r.getJoined() == null ? null : LocalDate.parse(r.getJoined()),
                MemberStatus.fromWire(r.getStatus()), r.getContact(), r.getNotes());
    }
}
