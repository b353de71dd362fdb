package coop.minka.app;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.Permissions;
import coop.minka.domain.Person;
import coop.minka.domain.Role;
import coop.minka.store.ChangeLog;
import coop.minka.store.PeopleRepository;
import coop.minka.store.Session;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/// People who use Minka, their roles and PINs, and who is acting now (design notes 26, 27).
///
/// Once a cooperative has people, every change names the person making it: the front end
/// [#unlock]s a person with their PIN and says who acts with [#actAs]; the change log names
/// them in every entry and refuses what they may not do ([Permissions]).
public final class PeopleService {
    /// Wrong PINs allowed before the first wait.
    public static final int FREE_TRIES = 3;
    /// The first wait; each further wrong PIN doubles it, up to [#MAX_WAIT].
    public static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    public static final Duration MAX_WAIT = Duration.ofHours(1);

    private final Workspace ws;

    public PeopleService(Workspace ws) {
        this.ws = ws;
    }

    /// What can change on a person; null fields stay as they are.
    public record Changes(String name, Set<Role> roles, String member) {
    }

    /// Who is acting: the person making changes and the second person, if any.
    public record Acting(Person by, Person also) {
    }

    /// Every person, in name order.
    public List<Person> list() {
        return ws.read(PeopleRepository::all);
    }

    /// True once the cooperative has people: from then on every change needs a person.
    public boolean any() {
        return ws.read(PeopleRepository::any);
    }

    /// A person by id or by name (case-insensitive).
    public Person get(String ref) {
        return ws.read(s -> find(s, ref));
    }

    static Person find(Session s, String ref) {
        String r = ref == null ? "" : ref.strip();
        List<Person> all = PeopleRepository.all(s);
        Optional<Person> byId = all.stream().filter(p -> p.id().equals(r)).findFirst();
        if (byId.isPresent()) {
            return byId.get();
        }
        List<Person> named = all.stream().filter(p -> p.name().toLowerCase(Locale.ROOT)
                .equals(r.toLowerCase(Locale.ROOT))).toList();
        if (named.size() > 1) {
            throw new MinkaException(ErrorCode.AMBIGUOUS_PERSON, r);
        }
        if (named.isEmpty()) {
            throw new MinkaException(ErrorCode.UNKNOWN_PERSON, r);
        }
        return named.getFirst();
    }

    /// Adds a person with their roles and PIN. The first person must be a president and needs
    /// no one else; after that, the president and a second person must be acting.
    public Person add(String name, Set<Role> roles, String member, String pin) {
        String n = Texts.required(name, "name");
        String hash = Pins.hash(Pins.checked(pin));
        String id = Ids.owned(ws.selfId(), ws.log().now());
        ws.write(w -> w.append(OpType.PERSON_ADD, id, OpData.builder().put("name", n)
                .put("roles", Person.rolesWire(required(roles))).put("member", memberId(w, member))
                .put("pin", hash).build()));
        return get(id);
    }

    /// Changes a person's name, roles or member (the president and a second person).
    public Person update(String ref, Changes c) {
        String id = ws.write(w -> {
            Person p = find(w, ref);
            OpData.Builder b = OpData.builder();
            if (c.name() != null && !Texts.required(c.name(), "name").equals(p.name())) {
                b.put("name", Texts.required(c.name(), "name"));
            }
            if (c.roles() != null && !required(c.roles()).equals(p.roles())) {
                b.put("roles", Person.rolesWire(c.roles()));
            }
            String member = memberId(w, c.member());
            if (member != null && !member.equals(p.member())) {
                b.put("member", member);
            }
            OpData data = b.build();
            if (!data.asMap().isEmpty()) {
                w.append(OpType.PERSON_UPDATE, p.id(), data);
            }
            return p.id();
        });
        return get(id);
    }

    /// A person changes their own PIN: the current PIN unlocks them, then the new one is kept.
    public void changePin(String ref, String currentPin, String newPin) {
        Person p = unlock(ref, currentPin);
        String hash = Pins.hash(Pins.checked(newPin));
        ChangeLog.Acting before = ws.log().acting();
        ws.log().act(new ChangeLog.Acting(p.id(), null));
        try {
            ws.write(w -> w.append(OpType.PERSON_PIN, p.id(), OpData.builder().put("pin", hash).build()));
        } finally {
            ws.log().act(before);
        }
    }

    /// Checks a person's PIN. After [#FREE_TRIES] wrong PINs for a person, each try waits
    /// (30 s, then twice as long each time, at most an hour); the wait is kept on this laptop.
    public Person unlock(String ref, String pin) {
        Person p = get(ref);
        long now = ws.log().now();
        PeopleRepository.Failures f = ws.read(s -> PeopleRepository.failures(s, p.id()));
        if (now < f.waitUntil()) {
            throw new MinkaException(ErrorCode.PIN_WAIT, p.name(), (f.waitUntil() - now + 999) / 1000);
        }
        if (pin == null || !Pins.matches(pin, p.pinHash())) {
            int count = f.count() + 1;
            long wait = count < FREE_TRIES ? 0 : Math.min(MAX_WAIT.toMillis(),
                    FIRST_WAIT.toMillis() << Math.min(20, count - FREE_TRIES));
            ws.db().transaction(s -> {
                PeopleRepository.putFailures(s, p.id(), new PeopleRepository.Failures(count, now + wait));
                return null;
            });
            throw new MinkaException(ErrorCode.WRONG_PIN, p.name());
        }
        if (f.count() > 0) {
            ws.db().transaction(s -> {
                PeopleRepository.putFailures(s, p.id(), PeopleRepository.Failures.NONE);
                return null;
            });
        }
        return p;
    }

    /// Says who makes the next changes (unlocked people; `also` may be null); null: nobody.
    public void actAs(Person by, Person also) {
        if (by != null && also != null && by.id().equals(also.id())) {
            throw new MinkaException(ErrorCode.SECOND_PERSON_REQUIRED, "");
        }
        ws.log().act(by == null ? null : new ChangeLog.Acting(by.id(), also == null ? null : also.id()));
    }

    /// Nobody acts any more (the app locks after being idle).
    public void lock() {
        ws.log().act(null);
    }

    /// Who is acting now, if anyone.
    public Optional<Acting> acting() {
        ChangeLog.Acting a = ws.log().acting();
        if (a == null) {
            return Optional.empty();
        }
        return ws.read(s -> Optional.of(new Acting(PeopleRepository.byId(s, a.by()).orElse(null),
                a.also() == null ? null : PeopleRepository.byId(s, a.also()).orElse(null))));
    }

    /// True if a change of this kind (an [coop.minka.domain.OpType]) may be offered now: the
    /// cooperative has no people yet, or the person acting holds a role that allows it (a
    /// dual-control change still needs its second person when it is made).
    public boolean mayMake(String opType) {
        if (!any()) {
            return true;
        }
        return acting().map(a -> allows(a.by(), opType)).orElse(false);
    }

    /// True if a person holding these roles may make this kind of change alone or as the first
    /// of two ([Permissions]): what a screen asks before offering a change.
    public static boolean allows(Person p, String opType) {
        return p != null && Permissions.allows(opType, p.roles());
    }

    private static Set<Role> required(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "role");
        }
        return roles;
    }

    private static String memberId(Session s, String member) {
        return member == null || member.isBlank() ? null : MemberService.find(s, member).id();
    }
}
