package coop.minka.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Who held which roles when (design notes 26): the people ops that count, folded in stamp order
/// ([Op#STAMP_ORDER]); each is itself judged against the people before it. Every change is judged
/// against the people as they were at its own stamp, so a verdict depends only on the set of ops
/// held, never on the order they arrived in. Pure.
public final class People {
    public static final String NO_PERSON = "no-person";
    public static final String UNKNOWN_PERSON = "unknown-person";
    public static final String NOT_ALLOWED = "not-allowed";
    public static final String NEEDS_SECOND_PERSON = "needs-second-person";
    public static final String FIRST_NOT_PRESIDENT = "first-person-not-president";
    public static final String PERSON_TWICE = "person-added-twice";
    public static final String NO_SUCH_PERSON = "person-not-found";
    /// Every reason [#judge] can give, for the message catalogue and its test.
    public static final List<String> REASONS = List.of(NO_PERSON, UNKNOWN_PERSON, NOT_ALLOWED, NEEDS_SECOND_PERSON,
            FIRST_NOT_PRESIDENT, PERSON_TWICE, NO_SUCH_PERSON);

    /// The people after one valid person op.
    private record Step(Op op, Map<String, Person> people) {
    }

    private static final People NOBODY = new People(List.of());

    private final List<Step> steps;

    private People(List<Step> steps) {
        this.steps = steps;
    }

    public static People none() {
        return NOBODY;
    }

    /// Folds person ops (of counted authors, passing the rule book) in stamp order; the ones
    /// their own stamp's people do not allow are left out.
    public static People fold(List<Op> personOps) {
        List<Op> sorted = new ArrayList<>(personOps);
        sorted.sort(Op.STAMP_ORDER);
        List<Step> steps = new ArrayList<>();
        People so = new People(steps);
        Map<String, Person> now = Map.of();
        for (Op op : sorted) {
            if (so.judge(op).isPresent()) {
                continue;
            }
            Map<String, Person> next = new LinkedHashMap<>(now);
            applyTo(next, op);
            now = Collections.unmodifiableMap(next);
            steps.add(new Step(op, now));
        }
        return so;
    }

    private static void applyTo(Map<String, Person> people, Op op) {
        OpData d = op.data();
        Person old = people.get(op.entity());
        switch (op.type()) {
            case OpType.PERSON_ADD -> people.put(op.entity(), new Person(op.entity(), d.str("name"),
                    Person.rolesOf(d.str("roles")), d.str("member"), d.str("pin")));
            case OpType.PERSON_UPDATE -> people.put(op.entity(), new Person(op.entity(),
                    d.has("name") ? d.str("name") : old.name(),
                    d.has("roles") ? Person.rolesOf(d.str("roles")) : old.roles(),
                    d.has("member") ? d.str("member") : old.member(),
                    d.has("pin") ? d.str("pin") : old.pinHash()));
            case OpType.PERSON_PIN -> people.put(op.entity(), new Person(op.entity(), old.name(), old.roles(),
                    old.member(), d.str("pin")));
            default -> throw new IllegalArgumentException(op.type());
        }
    }

    /// The people as they are after every op held: what the books show now.
    public Map<String, Person> current() {
        return steps.isEmpty() ? Map.of() : steps.getLast().people();
    }

    /// True once any person exists: every change must then name its person.
    public boolean any() {
        return !steps.isEmpty();
    }

    /// The people before an op's stamp: made by the valid person ops with a smaller stamp.
    public Map<String, Person> before(Op op) {
        int lo = 0;
        int hi = steps.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Op.STAMP_ORDER.compare(steps.get(mid).op(), op) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? Map.of() : steps.get(lo - 1).people();
    }

    /// Why this op may not stand, judged against the people before its stamp; empty if it may.
    public Optional<String> judge(Op op) {
        return judge(op.type(), op.entity(), op.data(), before(op));
    }

    /// The permission check of one change against a set of people: the same for a change typed
    /// here (refused) and one received (held invalid).
    public static Optional<String> judge(String type, String entity, OpData data, Map<String, Person> people) {
        Optional<Permissions.Rule> found = Permissions.rule(type);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Permissions.Rule rule = found.get();
        if (type.equals(OpType.PERSON_ADD) && people.containsKey(entity)) {
            return Optional.of(PERSON_TWICE);
        }
        if ((type.equals(OpType.PERSON_UPDATE) || type.equals(OpType.PERSON_PIN)) && !people.containsKey(entity)) {
            return Optional.of(NO_SUCH_PERSON);
        }
        if (people.isEmpty()) { // no people yet: the cooperative works as it always did
            if (type.equals(OpType.PERSON_ADD) && !Person.rolesOf(data.str("roles")).contains(Role.PRESIDENT)) {
                return Optional.of(FIRST_NOT_PRESIDENT);
            }
            return Optional.empty();
        }
        String by = data.str(Permissions.BY);
        if (by == null) {
            return Optional.of(NO_PERSON);
        }
        Person p = people.get(by);
        if (p == null) {
            return Optional.of(UNKNOWN_PERSON);
        }
        if (rule.self()) {
            return by.equals(entity) ? Optional.empty() : Optional.of(NOT_ALLOWED);
        }
        if (!Permissions.allows(type, p.roles())) {
            return Optional.of(NOT_ALLOWED);
        }
        if (rule.dual() && people.values().stream()
                .anyMatch(q -> !q.id().equals(by) && q.roles().stream().anyMatch(rule.also()::contains))) {
            // two people once there is a second one who could confirm (the founding president
            // adds the first keeper alone)
            String also = data.str(Permissions.ALSO);
            Person second = also == null ? null : people.get(also);
            if (second == null || also.equals(by) || second.roles().stream().noneMatch(rule.also()::contains)) {
                return Optional.of(NEEDS_SECOND_PERSON);
            }
        }
        return Optional.empty();
    }
}
