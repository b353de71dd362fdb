package coop.minka.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// The savings-group rules that cannot be judged from one entry alone (design notes 36): whether
/// a meeting is open, whether it is the last of its cycle, what the social fund holds, what a loan
/// still owes. Each entry is judged against the entries **stamped before it** (hlc, replica, seq)
/// that stand, like a person's roles (design notes 26): a pure function of the set of entries, so
/// every laptop gives every entry the same verdict whatever order the files arrived in, and the
/// typed path gives the same verdict (a typed entry is stamped after everything held).
///
/// Only the corrections are judged here (reopen, void, grant, write-off, expense); the other
/// group entries stand as the rule book lets them, and feed the state the corrections are judged
/// against: a meeting is closed by its latest close or reopen, the social fund is the
/// contributions less the grants, a loan owes its principal less the principal repaid and written
/// off, all counting only entries that stand (not held invalid, not voided).
public final class GroupBook {
    /// A reopen of a meeting that is not the last of its cycle (by date, then stamp).
    public static final String NOT_LAST_MEETING = "not-last-meeting";
    /// A reopen of a meeting that is open at the reopen's stamp.
    public static final String MEETING_NOT_CLOSED = "meeting-not-closed";
    /// A correction in (or a void of an entry of) a meeting that is not open at its stamp.
    public static final String MEETING_CLOSED = "meeting-closed";
    /// A void, reopen or write-off naming an entry, meeting or loan not standing at its stamp.
    public static final String UNKNOWN_ENTRY = "unknown-entry";
    /// A void of an entry that cannot be voided (a meeting, a cycle, a share-out, a void, a loan
    /// with repayments or a write-off that stand, a contribution the fund has already granted).
    public static final String NOT_VOIDABLE = "not-voidable";
    /// A second void of an entry already voided.
    public static final String ALREADY_VOIDED = "already-voided";
    /// A grant larger than the social fund at its stamp.
    public static final String OVER_SOCIAL_FUND = "over-social-fund";
    /// A write-off larger than the principal the loan still owes at its stamp (nothing, once
    /// repaid or written off).
    public static final String OVER_OWED = "over-owed";
    /// An expense or write-off in, or a void of an entry of, a cycle already shared out: the
    /// share-out in the books would no longer match the cycle.
    public static final String CYCLE_SHARED_OUT = "cycle-shared-out";
    /// A share-out whose distributable (its `amount`) is not the cycle's at its stamp — shares
    /// bought, service charges and fines, less write-offs and expenses, of the entries that stand
    /// and carry money — or a second share-out of a cycle (design notes 37).
    public static final String SHAREOUT_MISMATCH = "shareout-mismatch";
    /// Every reason [#judge] gives, for the message catalogue.
    public static final List<String> REASONS = List.of(NOT_LAST_MEETING, MEETING_NOT_CLOSED, MEETING_CLOSED,
            UNKNOWN_ENTRY, NOT_VOIDABLE, ALREADY_VOIDED, OVER_SOCIAL_FUND, OVER_OWED, CYCLE_SHARED_OUT,
            SHAREOUT_MISMATCH);
    /// The entries a `group.void` may take out.
    public static final Set<String> VOIDABLE = Set.of(OpType.GROUP_ATTEND, OpType.GROUP_SHARES, OpType.GROUP_SOCIAL,
            OpType.GROUP_FINE, OpType.GROUP_LOAN_ISSUE, OpType.GROUP_LOAN_REPAY, OpType.GROUP_GRANT,
            OpType.GROUP_LOAN_WRITEOFF, OpType.GROUP_EXPENSE);

    /// One group entry as far as the rules need it: `ref` is the entry a void names, `amount`
    /// and `principal` are 0 when absent.
    public record Fact(String id, String type, String cycle, String meeting, String loan, String ref, LocalDate date,
                       long amount, long principal) {
    }

    /// The entries held invalid (id → reason) and the entries voided (id → the void's id).
    public record Verdicts(Map<String, String> held, Map<String, String> voidedBy) {
    }

    private GroupBook() {
    }

    private static final class MeetingState {
        final String cycle;
        final LocalDate date;
        final int order;
        boolean closed;

        MeetingState(String cycle, LocalDate date, int order) {
            this.cycle = cycle;
            this.date = date;
            this.order = order;
        }
    }

    /// Judges every entry; `inStampOrder` is every group entry held that passes the rule book,
    /// in stamp order.
    public static Verdicts judge(List<Fact> inStampOrder) {
        Map<String, String> held = new LinkedHashMap<>();
        Map<String, String> voidedBy = new LinkedHashMap<>();
        Map<String, MeetingState> meetings = new HashMap<>();
        Map<String, Fact> standing = new HashMap<>();
        Map<String, Long> owed = new HashMap<>();
        Map<String, Integer> dependents = new HashMap<>();
        Set<String> writtenOff = new HashSet<>();
        Set<String> sharedOut = new HashSet<>();
        Map<String, Long> distributable = new HashMap<>();
        Map<String, Fact> voided = new HashMap<>();
        long fund = 0;
        int order = 0;
        for (Fact f : inStampOrder) {
            order++;
            String reason = null;
            switch (f.type()) {
                case OpType.GROUP_MEETING_OPEN -> meetings.putIfAbsent(f.id(),
                        new MeetingState(f.cycle(), f.date(), order));
                case OpType.GROUP_MEETING_CLOSE -> {
                    MeetingState m = meetings.get(f.meeting());
                    if (m != null) {
                        m.closed = true;
                    }
                }
                case OpType.GROUP_MEETING_REOPEN -> {
                    MeetingState m = meetings.get(f.meeting());
                    if (m == null) {
                        reason = UNKNOWN_ENTRY;
                    } else if (!m.closed) {
                        reason = MEETING_NOT_CLOSED;
                    } else if (meetings.values().stream().anyMatch(o -> o != m && o.cycle.equals(m.cycle)
                            && (o.date.isAfter(m.date) || o.date.equals(m.date) && o.order > m.order))) {
                        reason = NOT_LAST_MEETING;
                    } else {
                        m.closed = false;
                    }
                }
                case OpType.GROUP_SHAREOUT -> {
                    if (sharedOut.contains(f.cycle()) || f.amount() != distributable.getOrDefault(f.cycle(), 0L)) {
                        reason = SHAREOUT_MISMATCH;
                    } else {
                        sharedOut.add(f.cycle());
                    }
                }
                case OpType.GROUP_SOCIAL -> fund += f.amount();
                case OpType.GROUP_LOAN_ISSUE -> owed.put(f.id(), f.amount());
                case OpType.GROUP_LOAN_REPAY -> {
                    owed.computeIfPresent(f.loan(), (k, v) -> v - f.principal());
                    dependents.merge(f.loan(), 1, Integer::sum);
                }
                case OpType.GROUP_GRANT -> {
                    reason = open(meetings, f.meeting());
                    if (reason == null && f.amount() > fund) {
                        reason = OVER_SOCIAL_FUND;
                    }
                    if (reason == null) {
                        fund -= f.amount();
                    }
                }
                case OpType.GROUP_EXPENSE -> reason = notSharedOut(meetings, sharedOut, f.meeting());
                case OpType.GROUP_LOAN_WRITEOFF -> {
                    reason = notSharedOut(meetings, sharedOut, f.meeting());
                    if (reason == null && !owed.containsKey(f.loan())) {
                        reason = UNKNOWN_ENTRY;
                    }
                    if (reason == null && (writtenOff.contains(f.loan()) || f.amount() > owed.get(f.loan()))) {
                        reason = OVER_OWED;
                    }
                    if (reason == null) {
                        owed.computeIfPresent(f.loan(), (k, v) -> v - f.amount());
                        dependents.merge(f.loan(), 1, Integer::sum);
                        writtenOff.add(f.loan());
                    }
                }
                case OpType.GROUP_VOID -> {
                    Fact t = standing.get(f.ref());
                    if (t == null) {
                        reason = voidedBy.containsKey(f.ref()) ? ALREADY_VOIDED : UNKNOWN_ENTRY;
                    } else if (!VOIDABLE.contains(t.type())
                            || t.type().equals(OpType.GROUP_LOAN_ISSUE) && dependents.getOrDefault(t.id(), 0) > 0
                            || t.type().equals(OpType.GROUP_SOCIAL) && t.amount() > fund) {
                        reason = NOT_VOIDABLE;
                    } else if (t.type().equals(OpType.GROUP_GRANT)) {
                        reason = open(meetings, t.meeting()); // the fund is not shared out
                    } else {
                        reason = notSharedOut(meetings, sharedOut, t.meeting());
                    }
                    if (reason == null) {
                        standing.remove(t.id());
                        voidedBy.put(t.id(), f.id());
                        voided.put(t.id(), t);
                        switch (t.type()) {
                            case OpType.GROUP_SOCIAL -> fund -= t.amount();
                            case OpType.GROUP_GRANT -> fund += t.amount();
                            case OpType.GROUP_LOAN_ISSUE -> owed.remove(t.id());
                            case OpType.GROUP_LOAN_REPAY -> {
                                owed.computeIfPresent(t.loan(), (k, v) -> v + t.principal());
                                dependents.merge(t.loan(), -1, Integer::sum);
                            }
                            case OpType.GROUP_LOAN_WRITEOFF -> {
                                owed.computeIfPresent(t.loan(), (k, v) -> v + t.amount());
                                dependents.merge(t.loan(), -1, Integer::sum);
                                writtenOff.remove(t.loan());
                            }
                            default -> { }
                        }
                    }
                }
                default -> { }
            }
            if (reason != null) {
                held.put(f.id(), reason);
            } else {
                standing.put(f.id(), f);
                addToDistributable(distributable, meetings, f, 1);
            }
            if (f.type().equals(OpType.GROUP_VOID) && voidedBy.get(f.ref()) != null
                    && voidedBy.get(f.ref()).equals(f.id())) {
                addToDistributable(distributable, meetings, voided.get(f.ref()), -1);
            }
        }
        return new Verdicts(held, voidedBy);
    }

    /// Adds (`sign` 1) or takes back (−1) what a standing entry brings to its cycle's
    /// distributable: shares bought, the service charge of a repayment, fines, less write-offs and
    /// expenses.
    private static void addToDistributable(Map<String, Long> distributable, Map<String, MeetingState> meetings,
                                           Fact f, int sign) {
        long v = switch (f.type()) {
            case OpType.GROUP_SHARES, OpType.GROUP_FINE -> f.amount();
            case OpType.GROUP_LOAN_REPAY -> f.amount() - f.principal();
            case OpType.GROUP_LOAN_WRITEOFF, OpType.GROUP_EXPENSE -> -f.amount();
            default -> 0;
        };
        MeetingState m = f.meeting() == null ? null : meetings.get(f.meeting());
        if (v != 0 && m != null) {
            distributable.merge(m.cycle, sign * v, Math::addExact);
        }
    }

    /// Null if the meeting is open and its cycle not shared out; else why not.
    private static String notSharedOut(Map<String, MeetingState> meetings, Set<String> sharedOut, String meeting) {
        String reason = open(meetings, meeting);
        return reason == null && sharedOut.contains(meetings.get(meeting).cycle) ? CYCLE_SHARED_OUT : reason;
    }

    /// Null if the meeting is open; else why not.
    private static String open(Map<String, MeetingState> meetings, String meeting) {
        MeetingState m = meeting == null ? null : meetings.get(meeting);
        if (m == null) {
            return UNKNOWN_ENTRY;
        }
        return m.closed ? MEETING_CLOSED : null;
    }
}
