package coop.minka.store;

import static coop.minka.store.schema.Tables.MEMBER;
import static coop.minka.store.schema.Tables.VOID;
import static coop.minka.store.schema.Tables.WORK_CATEGORY;
import static coop.minka.store.schema.Tables.WORK_ENTRY;
import static coop.minka.store.schema.Tables.WORK_RATE;

import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import coop.minka.domain.WorkKind;
import coop.minka.store.schema.tables.records.WorkCategoryRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/// Work categories and work entries as domain records.
public final class WorkRepository {
    private WorkRepository() {
    }

    public static List<WorkCategory> categories(Session s) {
        DSLContext d = s.dsl();
        Map<String, SortedMap<LocalDate, Long>> rates = new HashMap<>();
        d.selectFrom(WORK_RATE).forEach(r -> rates.computeIfAbsent(r.getCategory(), k -> new TreeMap<>())
                .put(LocalDate.parse(r.getFromDate()), r.getRate()));
        return d.selectFrom(WORK_CATEGORY).orderBy(WORK_CATEGORY.CODE, WORK_CATEGORY.ID)
                .fetch(r -> map(r, rates.get(r.getId())));
    }

    public static Optional<WorkCategory> categoryById(Session s, String id) {
        DSLContext d = s.dsl();
        return d.selectFrom(WORK_CATEGORY).where(WORK_CATEGORY.ID.eq(id)).fetchOptional(r -> map(d, r));
    }

    /// The category with this code; the earliest created wins if two laptops made the same code.
    public static Optional<WorkCategory> categoryByCode(Session s, String code) {
        DSLContext d = s.dsl();
        return d.selectFrom(WORK_CATEGORY).where(WORK_CATEGORY.CODE.eq(code))
                .orderBy(WORK_CATEGORY.CREATED_HLC, WORK_CATEGORY.ID).limit(1).fetchOptional(r -> map(d, r));
    }

    public static Optional<WorkEntry> entry(Session s, String id) {
        DSLContext d = s.dsl();
        List<WorkEntry> l = entries(d, WORK_ENTRY.ID.eq(id), true);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    /// Work entries in date order; voided ones only when asked.
    public static List<WorkEntry> entries(Session s, String memberId, LocalDate from, LocalDate to,
                                          boolean includeVoided) {
        DSLContext d = s.dsl();
        Condition c = DSL.noCondition();
        if (memberId != null) {
            c = c.and(WORK_ENTRY.MEMBER.eq(memberId));
        }
        if (from != null) {
            c = c.and(WORK_ENTRY.DATE.ge(from.toString()));
        }
        if (to != null) {
            c = c.and(WORK_ENTRY.DATE.le(to.toString()));
        }
        return entries(d, c, includeVoided);
    }

    private static List<WorkEntry> entries(DSLContext d, Condition c, boolean includeVoided) {
        if (!includeVoided) {
            c = c.and(VOID.ENTITY.isNull());
        }
        return d.select(WORK_ENTRY.asterisk(), VOID.ENTITY, VOID.REASON).from(WORK_ENTRY)
                .leftJoin(VOID).on(VOID.ENTITY.eq(WORK_ENTRY.ID).and(VOID.KIND.eq("work"))).where(c)
                .orderBy(WORK_ENTRY.DATE, WORK_ENTRY.HLC, WORK_ENTRY.ID)
                .fetch(r -> new WorkEntry(r.get(WORK_ENTRY.ID), r.get(WORK_ENTRY.MEMBER),
                        LocalDate.parse(r.get(WORK_ENTRY.DATE)), r.get(WORK_ENTRY.MINUTES).intValue(),
                        r.get(WORK_ENTRY.CATEGORY), r.get(WORK_ENTRY.NOTE), r.get(WORK_ENTRY.WITNESS),
                        r.get(WORK_ENTRY.WORK_DAY), r.get(WORK_ENTRY.REPLICA), r.get(VOID.ENTITY) != null,
                        r.get(VOID.REASON)));
    }

    /// Non-voided work entries of a period, counted together by SQLite when they share the
    /// member (only `byMember`; otherwise the member's gender, null for a member not received
    /// yet), the category, the month (only `byMonth`), the length in minutes and the rate period
    /// (`rateFrom`: the from-date of the category's dated rate in effect on the entry's date, null
    /// for the rate from the beginning). The value of work is rounded per entry, so entries of the
    /// same length, category and rate period are worth the same: [WorkCategory#rateOn] of
    /// `rateFrom` is their rate.
    public record WorkCell(String memberId, String gender, String categoryId, String month, int minutes,
                           long entries, LocalDate rateFrom) {
        public WorkCell(String memberId, String gender, String categoryId, String month, int minutes, long entries) {
            this(memberId, gender, categoryId, month, minutes, entries, null);
        }
    }

    public static List<WorkCell> cells(Session s, boolean byMember, boolean byMonth, LocalDate from, LocalDate to) {
        DSLContext d = s.dsl();
        Condition c = WORK_ENTRY.ID.notIn(DSL.select(VOID.ENTITY).from(VOID).where(VOID.KIND.eq("work")));
        if (from != null) {
            c = c.and(WORK_ENTRY.DATE.ge(from.toString()));
        }
        if (to != null) {
            c = c.and(WORK_ENTRY.DATE.le(to.toString()));
        }
        Field<String> none = DSL.inline((String) null);
        Field<String> who = byMember ? WORK_ENTRY.MEMBER : MEMBER.GENDER;
        Field<String> month = byMonth ? DSL.substring(WORK_ENTRY.DATE, 1, 7) : none;
        Field<String> rateFrom = DSL.field(DSL.select(DSL.max(WORK_RATE.FROM_DATE)).from(WORK_RATE)
                .where(WORK_RATE.CATEGORY.eq(WORK_ENTRY.CATEGORY)).and(WORK_RATE.FROM_DATE.le(WORK_ENTRY.DATE)))
                .as("rate_from");
        List<Field<?>> groups = new ArrayList<>(List.of(who, WORK_ENTRY.CATEGORY, WORK_ENTRY.MINUTES, rateFrom));
        if (byMonth) {
            groups.add(month);
        }
        var from0 = byMember ? WORK_ENTRY : WORK_ENTRY.leftJoin(MEMBER).on(MEMBER.ID.eq(WORK_ENTRY.MEMBER));
        return d.select(who, WORK_ENTRY.CATEGORY, month, WORK_ENTRY.MINUTES, DSL.count(), rateFrom).from(from0)
                .where(c).groupBy(groups)
                .fetch(r -> new WorkCell(byMember ? r.value1() : null, byMember ? null : r.value1(), r.value2(),
                        r.value3(), r.value4().intValue(), r.value5(),
                        r.value6() == null ? null : LocalDate.parse(r.value6())));
    }

    static WorkCategory map(DSLContext d, WorkCategoryRecord r) {
        SortedMap<LocalDate, Long> rates = new TreeMap<>();
        d.selectFrom(WORK_RATE).where(WORK_RATE.CATEGORY.eq(r.getId()))
                .forEach(x -> rates.put(LocalDate.parse(x.getFromDate()), x.getRate()));
        return map(r, rates);
    }

    static WorkCategory map(WorkCategoryRecord r, SortedMap<LocalDate, Long> rates) {
        return new WorkCategory(r.getId(), r.getCode(), r.getName(), r.getRate(), WorkKind.fromWire(r.getKind()),
                rates);
    }
}
