package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Issue #12: "A rolling log file beside the database (diagnostics for support); internal errors in
/// the app say where it is instead of 'run with --debug'."
class DiagnosticLogTest {
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        DiagnosticLog.stop();
    }

    @Test
    void aFailureGoesToTheFileBesideTheDatabaseAndTheHintNamesIt() throws Exception {
        Path db = dir.resolve("coop.db");
        DiagnosticLog.start(db);
        Path log = DiagnosticLog.current();
        assertEquals(dir.resolve("coop.db.log.0"), log);
        DiagnosticLog.failure("internal error shown to the user", new IllegalStateException("the cause"));
        String text = Files.readString(log);
        assertTrue(text.contains("internal error shown to the user"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: the cause"), text);
        assertTrue(text.contains("\tat coop.minka.app.DiagnosticLogTest"), "with its stack trace: " + text);
        MinkaException internal = new MinkaException(ErrorCode.INTERNAL, "boom");
        String hint = ErrorMessages.hint(internal, Locale.forLanguageTag("es"));
        assertTrue(hint.contains(log.toString()), hint);
        assertFalse(hint.contains("--debug"), hint);
        // other errors keep their own hint
        assertFalse(ErrorMessages.hint(new MinkaException(ErrorCode.BAD_DATE, "x"), Locale.ENGLISH)
                .contains(log.toString()));
    }

    @Test
    void withoutAWritableFolderMinkaRunsWithoutALogAndSaysDebug() throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        DiagnosticLog.start(file.resolve("coop.db"));
        assertNull(DiagnosticLog.current());
        DiagnosticLog.failure("nowhere to write", new IllegalStateException());
        assertTrue(ErrorMessages.hint(new MinkaException(ErrorCode.INTERNAL, "boom"), Locale.ENGLISH).contains("--debug"));
    }
}
