package coop.minka.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/// The canonical bytes of an entry and its hash chain (issue #15: the store gets direct unit
/// tests): what is written is what is read, the hash binds the body to the entry before it, and
/// bytes that are not an entry are refused as tampered.
class OpCodecTest {
    static final String REPLICA = "01a26558-a45b-8d2e-9c1a-000000000001";
    static final String ENTITY = "01a26558-a45b-8d2e-9c1a-000000000002";

    private static Op first() {
        return OpCodec.create(REPLICA, 1, OpCodec.NO_PREV, 42L << 16, "member.add", ENTITY,
                OpData.builder().put("name", "Ñusta Qʼori").put("gender", "woman").build());
    }

    @Test
    void whatIsWrittenIsWhatIsRead() {
        Op op = first();
        byte[] body = OpCodec.encodeBody(op.replica(), op.seq(), op.hlc(), op.type(), op.entity(), op.data());
        Op back = OpCodec.decode(OpCodec.NO_PREV, body);
        assertEquals(op.replica(), back.replica());
        assertEquals(op.seq(), back.seq());
        assertEquals(op.hlc(), back.hlc());
        assertEquals(op.type(), back.type());
        assertEquals(op.entity(), back.entity());
        assertEquals(op.data().asMap(), back.data().asMap());
        assertArrayEquals(op.hash(), back.hash());
        assertEquals("Ñusta Qʼori", back.data().str("name"));
    }

    @Test
    void theHashChainsEachEntryToTheOneBefore() {
        Op a = first();
        Op b = OpCodec.create(REPLICA, 2, a.hash(), (42L << 16) + 1, "member.update", ENTITY,
                OpData.builder().put("name", "Ñusta").build());
        byte[] body = OpCodec.encodeBody(b.replica(), b.seq(), b.hlc(), b.type(), b.entity(), b.data());
        assertArrayEquals(OpCodec.hash(a.hash(), body), b.hash());
        assertFalse(Arrays.equals(OpCodec.hash(OpCodec.NO_PREV, body), b.hash()),
                "the same body after another entry has another hash");
    }

    @Test
    void bytesThatAreNotAnEntryAreRefusedAsTampered() {
        for (String junk : new String[] {"", "[]", "{\"replica\":1}", "{\"seq\":1}", "not json"}) {
            MinkaException e = assertThrows(MinkaException.class,
                    () -> OpCodec.decode(OpCodec.NO_PREV, junk.getBytes(StandardCharsets.UTF_8)), junk);
            assertEquals(ErrorCode.BUNDLE_TAMPERED, e.code(), junk);
        }
        byte[] huge = new byte[OpCodec.MAX_OP_BYTES + 1];
        assertEquals(ErrorCode.BUNDLE_TAMPERED, assertThrows(MinkaException.class,
                () -> OpCodec.decode(OpCodec.NO_PREV, huge)).code());
    }
}
