package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Money;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import coop.minka.domain.WorkKind;
import coop.minka.store.Session;
import coop.minka.store.WorkRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/// Shared work: categories, single entries, collective work days, voids.
public final class WorkService {
    private final Workspace ws;
    private final PeriodRules periods;

    public WorkService(Workspace ws, PeriodRules periods) {
        this.ws = ws;
        this.periods = periods;
    }

    /// Adds a work category; `rate` is the plain reference value of one hour (e.g. `15.50`) or null.
    public WorkCategory addCategory(String code, String name, String rate, WorkKind kind) {
        String c = Texts.required(code, "code");
        String n = Texts.required(name, "name");
        Long rateMinor = rate == null || rate.isBlank() ? null : parseRate(rate);
        String id = Ids.owned(ws.selfId(), ws.log().now());
        ws.write(w -> {
            if (WorkRepository.categoryByCode(w, c).isPresent()) {
                throw new MinkaException(ErrorCode.DUPLICATE_CODE, c);
            }
            return w.append(OpType.CATEGORY_ADD, id, OpData.builder().put("code", c).put("name", n)
                    .put("rate", rateMinor).put("kind", (kind == null ? WorkKind.OTHER : kind).wire()).build());
        });
        return ws.read(s -> WorkRepository.categoryById(s, id).orElseThrow());
    }

    public List<WorkCategory> categories() {
        return ws.read(WorkRepository::categories);
    }

    /// The kind of work with this code (or id).
    public WorkCategory category(String ref) {
        return ws.read(d -> findCategory(d, ref));
    }

    /// Renames a kind of work; nothing is written if the name is the same.
    public WorkCategory renameCategory(String ref, String name) {
        return updateCategory(ref, name, null, null);
    }

    /// Sets the reference value of one hour of this work from `from` on (work before that day
    /// keeps the rate it had); `rate` is a plain amount as typed (`15.50`).
    public WorkCategory setRate(String ref, String rate, LocalDate from) {
        if (rate == null || rate.isBlank()) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "rate");
        }
        return updateCategory(ref, null, rate, from);
    }

    /// Changes a kind of work in one entry: a new `name` (null keeps it) and/or a `rate` from the
    /// day `from` on (both or neither). The rate from a day is one field of the entity fold, so
    /// two laptops setting the rate from the same day agree on one (design-notes item 22). A day
    /// in a closed period is refused: closed figures keep their value.
    public WorkCategory updateCategory(String ref, String name, String rate, LocalDate from) {
        String n = name == null ? null : Texts.required(name, "name");
        Long rateMinor = rate == null || rate.isBlank() ? null : parseRate(rate);
        if (rateMinor != null && from == null) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "from");
        }
        if (rateMinor == null && from != null) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "rate");
        }
        String id = ws.write(w -> {
            WorkCategory c = findCategory(w, ref);
            OpData.Builder b = OpData.builder();
            if (n != null && !n.equals(c.name())) {
                b.put("name", n);
            }
            if (rateMinor != null) {
                Texts.date(from);
                periods.checkOpen(w, from);
                if (!rateMinor.equals(c.ratesFrom().get(from))) {
                    b.put(WorkCategory.rateKey(from), rateMinor);
                }
            }
            OpData data = b.build();
            if (!data.asMap().isEmpty()) {
                w.append(OpType.CATEGORY_UPDATE, c.id(), MemberService.withBase(w, c.id(), data));
            }
            return c.id();
        });
        return ws.read(d -> WorkRepository.categoryById(d, id).orElseThrow());
    }

    private Long parseRate(String rate) {
        long r = Money.parse(rate, ws.currency());
        if (r < 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, rate);
        }
        return r;
    }

    /// A kind of work by code (the earliest made, if two laptops chose the same code) or id.
    static WorkCategory findCategory(coop.minka.store.Session d, String ref) {
        String r = Texts.required(ref, "category");
        return WorkRepository.categoryByCode(d, r).or(() -> WorkRepository.categoryById(d, r))
                .orElseThrow(() -> new MinkaException(ErrorCode.UNKNOWN_CATEGORY, r));
    }

    /// The value of a work entry at the rate in effect on its date; empty where no rate is set.
    public java.util.Optional<Long> value(WorkEntry e) {
        return ws.read(d -> WorkRepository.categoryById(d, e.categoryId()))
                .map(c -> c.rateOn(e.date()) == null ? null : c.valueOn(e.date(), e.minutes()));
    }

    /// A request to record work; `hours` as typed (`1.5`, `1:30`).
    public record Entry(String member, LocalDate date, String hours, String category, String note, String witness) {
    }

    public WorkEntry add(Entry e) {
        String id = Ids.owned(ws.selfId(), ws.log().now());
        ws.write(w -> {
            OpData data = entryData(w, e.member(), e.date(), Texts.minutes(e.hours()), e.category(), e.note(),
                    e.witness(), null);
            return w.append(OpType.WORK_ADD, id, data);
        });
        return entry(id);
    }

    /// A collective work day: one entry per attendee, all in one transaction.
    public List<WorkEntry> addWorkDay(LocalDate date, String category, String hours, List<String> attendees,
                                      String note) {
        if (attendees.isEmpty()) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "attendees");
        }
        int minutes = Texts.minutes(hours);
        String dayId = Ids.newId(ws.log().now());
        List<String> ids = ws.write(w -> {
            List<String> out = new ArrayList<>();
            for (String a : new LinkedHashSet<>(attendees)) {
                String id = Ids.owned(ws.selfId(), ws.log().now());
                w.append(OpType.WORK_ADD, id, entryData(w, a, date, minutes, category, note, null, dayId));
                out.add(id);
            }
            return out;
        });
        return ids.stream().map(this::entry).toList();
    }

    private OpData entryData(Session s, String memberRef, LocalDate date, int minutes, String categoryCode,
                             String note, String witnessRef, String workDay) {
        if (date == null) {
            throw new MinkaException(ErrorCode.BAD_DATE, "");
        }
        Texts.date(date);
        periods.checkOpen(s, date);
        Member m = MemberService.find(s, memberRef);
        if (m.status() == MemberStatus.INACTIVE) {
            throw new MinkaException(ErrorCode.INACTIVE_MEMBER, m.name());
        }
        WorkCategory c = WorkRepository.categoryByCode(s, Texts.required(categoryCode, "category").strip())
                .orElseThrow(() -> new MinkaException(ErrorCode.UNKNOWN_CATEGORY, categoryCode));
        String witness = null;
        if (witnessRef != null && !witnessRef.isBlank()) {
            Member w = MemberService.find(s, witnessRef);
            if (w.id().equals(m.id())) {
                throw new MinkaException(ErrorCode.WITNESS_IS_WORKER, m.name());
            }
            if (w.status() == MemberStatus.INACTIVE) {
                throw new MinkaException(ErrorCode.INACTIVE_WITNESS, w.name());
            }
            witness = w.id();
        }
        return OpData.builder().put("member", m.id()).put("date", date.toString()).put("minutes", (long) minutes)
                .put("category", c.id()).put("note", Texts.optional(note, "note")).put("witness", witness)
                .put("workday", workDay).build();
    }

    public WorkEntry voidEntry(String id, String reason) {
        String r = Texts.required(reason, "reason");
        ws.write(w -> {
            WorkEntry e = WorkRepository.entry(w, id == null ? "" : id.strip())
                    .orElseThrow(() -> new MinkaException(ErrorCode.UNKNOWN_WORK_ENTRY, id));
            if (e.voided()) {
                throw new MinkaException(ErrorCode.ALREADY_VOIDED, id);
            }
            periods.checkVoidable(w, e.date(), e.id());
            return w.append(OpType.WORK_VOID, e.id(), OpData.builder().put("reason", r).build());
        });
        return entry(id.strip());
    }

    public WorkEntry entry(String id) {
        return ws.read(s -> WorkRepository.entry(s, id))
                .orElseThrow(() -> new MinkaException(ErrorCode.UNKNOWN_WORK_ENTRY, id));
    }

    public List<WorkEntry> list(String memberRef, LocalDate from, LocalDate to, boolean includeVoided) {
        DateRange.check(from, to);
        return ws.read(s -> WorkRepository.entries(s,
                memberRef == null ? null : MemberService.find(s, memberRef).id(), from, to, includeVoided));
    }
}
