package coop.minka.store;

import static coop.minka.store.schema.Tables.CAPITAL_ENTRY;
import static coop.minka.store.schema.Tables.SURPLUS_ALLOCATION;
import static coop.minka.store.schema.Tables.SURPLUS_REFUND;

import coop.minka.domain.CapitalRegister;
import coop.minka.domain.OpType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/// The share register and the surplus allocations as they were projected (design notes 35).
public final class CapitalRepository {
    private CapitalRepository() {
    }

    /// The register, by number: the entries that count.
    public static List<CapitalRegister.Numbered> register(Session s) {
        return s.dsl().selectFrom(CAPITAL_ENTRY).orderBy(CAPITAL_ENTRY.NUMBER).fetch(r -> new CapitalRegister.Numbered(
                r.getNumber(), new CapitalRegister.Entry(r.getId(), r.getType(), LocalDate.parse(r.getDate()),
                        r.getMember(), r.getToMember(), r.getShares(), r.getPrice(), r.getAmount(), null, r.getTx(),
                        r.getHlc(), r.getReplica(), r.getSeq())));
    }

    /// The price of the latest subscription that counts (by stamp): the share's nominal value now.
    public static Optional<Long> currentPrice(Session s) {
        return s.dsl().select(CAPITAL_ENTRY.PRICE).from(CAPITAL_ENTRY)
                .where(CAPITAL_ENTRY.TYPE.eq(OpType.CAPITAL_SUBSCRIBE)).orderBy(CAPITAL_ENTRY.NUMBER.desc()).limit(1)
                .fetchOptional(CAPITAL_ENTRY.PRICE);
    }

    /// One member's part of an allocation.
    public record Refund(String member, long weight, long cash, long retained) {
    }

    /// An allocation of a year's surplus that counts.
    public record Allocation(String id, int year, LocalDate date, String basis, long surplus, int reserveBp,
                             int educationBp, int cashBp, long reserve, long education, String tx,
                             List<Refund> members) {
    }

    /// Every allocation that counts, by year.
    public static List<Allocation> allocations(Session s) {
        return s.dsl().selectFrom(SURPLUS_ALLOCATION).orderBy(SURPLUS_ALLOCATION.YEAR).fetch(r -> new Allocation(
                r.getId(), r.getYear().intValue(), LocalDate.parse(r.getDate()), r.getBasis(), r.getSurplus(),
                r.getReserveBp().intValue(), r.getEducationBp().intValue(), r.getCashBp().intValue(), r.getReserve(),
                r.getEducation(), r.getTx(), s.dsl().selectFrom(SURPLUS_REFUND)
                        .where(SURPLUS_REFUND.ALLOCATION.eq(r.getId())).orderBy(SURPLUS_REFUND.MEMBER)
                        .fetch(x -> new Refund(x.getMember(), x.getWeight(), x.getCash(), x.getRetained()))));
    }
}
