package coop.minka.app;

import coop.minka.app.sync.VerifyService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `verify` passes on sound books and catches a changed byte in an op, a head, a posting or a
/// projection, even when the tamperer lifted the triggers first.
class VerifyTest {
    @TempDir
    Path dir;

    private Path sampleFile() {
        try (Services s = Fixtures.sample(dir)) {
            VerifyService.Result r = s.verify().verify();
            assertTrue(r.ok(), r.problems().toString());
            assertEquals(64, r.digest().length());
            return s.workspace().db().file();
        }
    }

    private VerifyService.Result tamperAndVerify(Path original, String name, String... sql) throws Exception {
        Path copy = dir.resolve(name + ".db");
        Files.copy(original, copy);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
            for (String drop : new String[] {"op_immutable", "signed_head_immutable", "posting_immutable", "tx_immutable",
                    "work_entry_immutable"}) {
                st.execute("DROP TRIGGER IF EXISTS " + drop);
            }
            for (String s : sql) {
                assertEquals(1, st.executeUpdate(s), s);
            }
        }
        try (Services s = new Services(Workspace.open(copy, System::currentTimeMillis))) {
            return s.verify().verify();
        }
    }

    @Test
    void soundBooksVerifyAndGiveAStableDigest() {
        Path f = sampleFile();
        try (Services a = new Services(Workspace.open(f, System::currentTimeMillis))) {
            String d1 = a.verify().digest();
            assertEquals(d1, a.verify().verify().digest());
        }
    }

    @Test
    void aChangedByteInAnOpIsCaught() throws Exception {
        var r = tamperAndVerify(sampleFile(), "op",
                "UPDATE op SET body = CAST(replace(CAST(body AS TEXT), 'Ana Quispe', 'Ana Quispa') AS BLOB) WHERE type = 'member.add' AND body LIKE '%Ana Quispe%'");
        assertFalse(r.ok());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("does not match its hash")), r.problems().toString());
    }

    @Test
    void aChangedSignatureIsCaught() throws Exception {
        var r = tamperAndVerify(sampleFile(), "head",
                "UPDATE signed_head SET signature = zeroblob(64) WHERE seq = (SELECT max(seq) FROM signed_head)");
        assertFalse(r.ok());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("signature")), r.problems().toString());
    }

    @Test
    void aChangedPostingIsCaught() throws Exception {
        var r = tamperAndVerify(sampleFile(), "posting", "UPDATE posting SET amount = 9000 WHERE amount = 5000");
        assertFalse(r.ok());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("sum to")), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("table posting")), r.problems().toString());
    }

    @Test
    void aChangedProjectionIsCaught() throws Exception {
        var r = tamperAndVerify(sampleFile(), "member", "UPDATE member SET name = 'Someone else' WHERE name = 'Juan Mamani'");
        assertFalse(r.ok());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("table member")), r.problems().toString());
    }
}
