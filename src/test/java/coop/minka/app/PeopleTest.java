package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpRules;
import coop.minka.domain.Permissions;
import coop.minka.domain.Person;
import coop.minka.domain.Role;
import coop.minka.store.OpStore;
import coop.minka.store.StateDump;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// People, roles and PINs on one laptop (design notes 26, 27): bootstrap, refusals, dual control,
/// PIN hashing and the wait after wrong PINs.
class PeopleTest {
    @TempDir
    Path dir;

    private static MinkaException refused(ErrorCode code, Services s, Runnable change) {
        long before = s.workspace().read(OpStore::count);
        String digest = s.workspace().db().read(StateDump::digest);
        MinkaException e = assertThrows(MinkaException.class, change::run);
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(before, s.workspace().read(OpStore::count), "nothing written");
        assertEquals(digest, s.workspace().db().read(StateDump::digest), "the books are as they were");
        return e;
    }

    @Test
    void aCooperativeWithoutPeopleWorksAsBeforeAndTheFirstPersonMustBeAPresident() {
        try (Services s = Fixtures.sample(dir)) {
            assertFalse(s.people().any());
            s.members().add("Rosa", Gender.WOMAN, null, null, null); // nobody named, as always
            refused(ErrorCode.FIRST_PERSON_PRESIDENT, s,
                    () -> s.people().add("Rosa", EnumSet.of(Role.TREASURER), null, "1234"));
            Person rosa = s.people().add("Rosa", EnumSet.of(Role.PRESIDENT, Role.TREASURER), "Rosa", "1234");
            assertTrue(s.people().any());
            assertEquals(Set.of(Role.PRESIDENT, Role.TREASURER), rosa.roles());
            assertEquals(s.members().get("Rosa").id(), rosa.member());
            assertTrue(rosa.pinHash().startsWith("pbkdf2-sha256$1000$"), rosa.pinHash());
            assertFalse(rosa.pinHash().contains("1234"));
            // from now on every change names its person
            refused(ErrorCode.PERSON_REQUIRED, s, () -> s.members().add("Eva", Gender.WOMAN, null, null, null));
            s.people().actAs(s.people().unlock("rosa", "1234"), null);
            s.members().add("Eva", Gender.WOMAN, null, null, null);
            var last = s.workspace().read(d -> OpStore.byEntity(d.dsl(), s.members().get("Eva").id())).getFirst();
            assertEquals(rosa.id(), last.data().str(Permissions.BY));
            assertEquals("Eva", s.members().get("Eva").name(), "the person is no field of the member");
        }
    }

    @Test
    void rolesDecideAndDualControlNeedsASecondDifferentPerson() {
        try (Services s = Fixtures.sample(dir)) {
            Person pres = s.people().add("Pres", EnumSet.of(Role.PRESIDENT, Role.KEYHOLDER), null, "1111");
            refused(ErrorCode.PERSON_REQUIRED, s, () -> s.people().add("Key", EnumSet.of(Role.KEYHOLDER), null, "3333"));
            s.people().actAs(pres, null);
            // nobody else could be the second person yet: the president adds the first keeper alone
            Person key = s.people().add("Key", EnumSet.of(Role.KEYHOLDER), null, "3333");
            refused(ErrorCode.SECOND_PERSON_REQUIRED, s,
                    () -> s.people().add("Aud", EnumSet.of(Role.AUDITOR), null, "2222"));
            assertEquals(ErrorCode.SECOND_PERSON_REQUIRED, assertThrows(MinkaException.class,
                    () -> s.people().actAs(pres, pres)).code());
            s.people().actAs(key, pres);
            refused(ErrorCode.NOT_ALLOWED, s, () -> s.people().add("Aud", EnumSet.of(Role.AUDITOR), null, "2222"));
            s.people().actAs(pres, key);
            s.people().add("Aud", EnumSet.of(Role.AUDITOR), null, "2222");
            s.people().actAs(pres, s.people().get("Aud"));
            refused(ErrorCode.SECOND_PERSON_REQUIRED, s, () -> s.people().update("Aud",
                    new PeopleService.Changes(null, EnumSet.of(Role.TREASURER), null)));
        }
    }

    @Test
    void aTreasurerPostsAnAuditorChangesNothing() {
        try (Services s = Fixtures.sample(dir)) {
            Person pres = s.people().add("Pres", EnumSet.of(Role.PRESIDENT), null, "1111");
            s.people().actAs(pres, null);
            Person key = s.people().add("Key", EnumSet.of(Role.KEYHOLDER), null, "3333");
            s.people().actAs(pres, key);
            Person tes = s.people().add("Tes", EnumSet.of(Role.TREASURER), null, "4444");
            Person aud = s.people().add("Aud", EnumSet.of(Role.AUDITOR), null, "5555");
            s.people().actAs(s.people().unlock("Aud", "5555"), null);
            refused(ErrorCode.NOT_ALLOWED, s, () -> s.ledger().addAccount("1200", "Loans",
                    coop.minka.domain.AccountType.ASSET, null));
            assertFalse(s.people().mayMake(coop.minka.domain.OpType.TX_POST));
            s.people().actAs(s.people().unlock("Tes", "4444"), null);
            assertTrue(s.people().mayMake(coop.minka.domain.OpType.TX_POST));
            assertEquals("Tes", s.people().acting().orElseThrow().by().name());
            s.ledger().addAccount("1200", "Loans", coop.minka.domain.AccountType.ASSET, null);
            refused(ErrorCode.NOT_ALLOWED, s, () -> s.cooperative().update("Other name", null, null));
            assertEquals(4, s.people().list().size());
            assertNotEquals(tes.id(), aud.id());
            // a person changes their own PIN, and only their own
            s.people().changePin("Aud", "5555", "987654");
            assertEquals("Aud", s.people().unlock("Aud", "987654").name());
            assertEquals(ErrorCode.WRONG_PIN, assertThrows(MinkaException.class,
                    () -> s.people().unlock("Aud", "5555")).code());
        }
    }

    @Test
    void pinsAreSlowSaltedHashesAndWrongOnesWaitLongerEachTime() {
        assertEquals(600_000, Pins.DEFAULT_ITERATIONS);
        String a = Pins.hash("123456", 1000);
        String b = Pins.hash("123456", 1000);
        assertNotEquals(a, b, "a random salt each time");
        assertTrue(OpRules.PIN_HASH.matcher(a).matches());
        assertTrue(Pins.matches("123456", a));
        assertFalse(Pins.matches("123457", a));
        for (String bad : new String[] {"123", "1234567890123", "12a4", "", " 1234"}) {
            assertEquals(ErrorCode.BAD_PIN, assertThrows(MinkaException.class, () -> Pins.checked(bad)).code(), bad);
        }
        AtomicLong now = new AtomicLong(1_800_000_000_000L);
        try (Services s = new Services(Workspace.create(dir.resolve("p.db"), "Coop", "BOB", "Laptop", "en",
                now::get))) {
            s.people().add("Pres", EnumSet.of(Role.PRESIDENT), null, "1111");
            for (int i = 0; i < 2; i++) {
                assertEquals(ErrorCode.WRONG_PIN, assertThrows(MinkaException.class,
                        () -> s.people().unlock("Pres", "0000")).code());
            }
            assertEquals("Pres", s.people().unlock("Pres", "1111").name(), "two wrong tries: no wait yet");
            for (int i = 0; i < 3; i++) {
                assertEquals(ErrorCode.WRONG_PIN, assertThrows(MinkaException.class,
                        () -> s.people().unlock("Pres", "0000")).code());
            }
            MinkaException wait = assertThrows(MinkaException.class, () -> s.people().unlock("Pres", "1111"));
            assertEquals(ErrorCode.PIN_WAIT, wait.code(), "even the right PIN waits");
            assertEquals("30", wait.args().get(1));
            now.addAndGet(30_000);
            assertEquals(ErrorCode.WRONG_PIN, assertThrows(MinkaException.class,
                    () -> s.people().unlock("Pres", "0000")).code());
            assertEquals("60", assertThrows(MinkaException.class, () -> s.people().unlock("Pres", "1111")).args().get(1),
                    "the wait doubles");
            now.addAndGet(60_000);
            assertEquals("Pres", s.people().unlock("Pres", "1111").name());
            assertEquals(ErrorCode.WRONG_PIN, assertThrows(MinkaException.class,
                    () -> s.people().unlock("Pres", "0000")).code(), "a right PIN starts the count again");
        }
    }
}
