package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// Ids that carry their owner (design-notes items 10–11).
class IdsTest {
    private static byte[] key() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
    }

    @Test
    void laptopAndCooperativeIdsFollowFromTheKeyAndFromNothingElse() throws Exception {
        byte[] k = key();
        byte[] other = key();
        assertEquals(Ids.replicaIdFor(k), Ids.replicaIdFor(k.clone()));
        assertNotEquals(Ids.replicaIdFor(k), Ids.replicaIdFor(other));
        assertNotEquals(Ids.replicaIdFor(k), Ids.coopIdFor(k), "a laptop and its cooperative never share an id");
        assertTrue(Ids.looksLikeId(Ids.replicaIdFor(k)));
        assertEquals('8', Ids.replicaIdFor(k).charAt(14), "version 8");
        assertFalse(Ids.isLegacy(Ids.coopIdFor(k)));
    }

    @Test
    void anOwnedIdNamesItsAuthorAndNoOtherAndIsUniqueEvenWithinAMillisecond() throws Exception {
        String author = Ids.replicaIdFor(key());
        String intruder = Ids.replicaIdFor(key());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = Ids.owned(author, 1_790_000_000_000L); // one millisecond, many ids
            assertTrue(seen.add(id), "unique: " + id);
            assertTrue(Ids.isOwnedBy(id, author));
            assertFalse(Ids.isOwnedBy(id, intruder));
        }
        String id = Ids.owned(author, 1_790_000_000_000L);
        // a copy with one changed character loses its owner
        char c = id.charAt(35) == '0' ? '1' : '0';
        assertFalse(Ids.isOwnedBy(id.substring(0, 35) + c, author));
        assertFalse(Ids.isOwnedBy(Ids.newId(), author), "a legacy (version 7) id has no owner");
        assertTrue(Ids.isLegacy(Ids.newId()));
        assertEquals(Ids.owned(author, 5L, 42L), Ids.owned(author, 5L, 42L), "seeded ids repeat");
        assertTrue(Ids.isOwnedBy(Ids.owned(author, 5L, 42L), author));
    }

    @Test
    void idsStayInTimeOrder() throws Exception {
        String author = Ids.replicaIdFor(key());
        String earlier = Ids.owned(author, 1_000_000L);
        String later = Ids.owned(author, 2_000_000L);
        assertTrue(earlier.compareTo(later) < 0);
    }
}
