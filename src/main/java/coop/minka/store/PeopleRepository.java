package coop.minka.store;

import static coop.minka.store.schema.Tables.PERSON;
import static coop.minka.store.schema.Tables.PIN_FAILURE;

import coop.minka.domain.Person;
import java.util.List;
import java.util.Optional;

/// The people who use Minka (the `person` projection, design notes 26) and the wrong PINs typed
/// on this laptop (`pin_failure`, local, design notes 27).
public final class PeopleRepository {
    private PeopleRepository() {
    }

    /// Wrong PINs typed here for one person, and until when (epoch millis) the next try waits.
    public record Failures(int count, long waitUntil) {
        public static final Failures NONE = new Failures(0, 0);
    }

    /// Every person, in name order.
    public static List<Person> all(Session s) {
        return s.dsl().selectFrom(PERSON).orderBy(PERSON.NAME, PERSON.ID).fetch(r -> new Person(r.getId(),
                r.getName(), Person.rolesOf(r.getRoles()), r.getMember(), r.getPinHash()));
    }

    public static Optional<Person> byId(Session s, String id) {
        return all(s).stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public static boolean any(Session s) {
        return s.dsl().fetchExists(PERSON);
    }

    public static Failures failures(Session s, String person) {
        return s.dsl().selectFrom(PIN_FAILURE).where(PIN_FAILURE.PERSON.eq(person))
                .fetchOptional(r -> new Failures(r.getFailures().intValue(), r.getWaitUntil())).orElse(Failures.NONE);
    }

    public static void putFailures(Session s, String person, Failures f) {
        if (f.count() == 0) {
            s.dsl().deleteFrom(PIN_FAILURE).where(PIN_FAILURE.PERSON.eq(person)).execute();
            return;
        }
        s.dsl().insertInto(PIN_FAILURE).set(PIN_FAILURE.PERSON, person).set(PIN_FAILURE.FAILURES, (long) f.count())
                .set(PIN_FAILURE.WAIT_UNTIL, f.waitUntil()).onConflict(PIN_FAILURE.PERSON).doUpdate()
                .set(PIN_FAILURE.FAILURES, (long) f.count()).set(PIN_FAILURE.WAIT_UNTIL, f.waitUntil()).execute();
    }
}
