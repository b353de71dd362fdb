package coop.minka.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Fixtures;
import coop.minka.app.Services;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Posted transactions, their postings, work entries and the change log refuse changes even
/// through raw SQL on the file.
class ImmutabilityTest {
    @TempDir
    Path dir;

    @Test
    void rawSqlCannotChangeOrDeletePostedFacts() throws Exception {
        Path file;
        try (Services s = Fixtures.sample(dir)) {
            file = s.workspace().db().file();
        }
        List<String> attacks = List.of(
                "UPDATE tx SET memo = 'changed'",
                "UPDATE tx SET date = '2020-01-01'",
                "DELETE FROM tx",
                "UPDATE posting SET amount = amount * 2",
                "DELETE FROM posting",
                "UPDATE work_entry SET minutes = 600",
                "DELETE FROM work_entry",
                "UPDATE op SET body = x'00'",
                "DELETE FROM op",
                "UPDATE signed_head SET signature = x'00'");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String sql : attacks) {
                try (Statement st = c.createStatement()) {
                    SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate(sql), sql);
                    assertTrue(e.getMessage().contains("minka:"), sql + " -> " + e.getMessage());
                }
            }
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*), sum(amount) FROM posting")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
                assertEquals(0, rs.getLong(2));
            }
        }
    }
}
