package coop.minka.app;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/// Tests that only read the fixed cooperative of [ReportFixture]: made once per test class.
public abstract class OnReportFixture {
    @TempDir
    protected static Path dir;
    protected static Services s;

    @BeforeAll
    static void setUp() {
        s = ReportFixture.create(dir);
    }

    @AfterAll
    static void tearDown() {
        s.close();
    }
}
