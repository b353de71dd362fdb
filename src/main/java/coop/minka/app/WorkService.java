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
        Long rateMinor = rate == null || rate.isBlank() ? null : Money.parse(rate, ws.currency());
        if (rateMinor != null && rateMinor < 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, rate);
        }
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
        String witness = witnessRef == null || witnessRef.isBlank() ? null : MemberService.find(s, witnessRef).id();
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
