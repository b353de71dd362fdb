package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/// What the TestFX flows over the real window share.
final class AppWindows {
    private AppWindows() {
    }

    /// Waits until the app has no background work left (as a person waits for the screen to
    /// fill), at most 60 s, and the FX events it caused are handled.
    static void settle(AppContext context) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            boolean busy;
            try {
                busy = WaitForAsyncUtils.asyncFx(() -> context.busyProperty().get()).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            if (!busy) {
                WaitForAsyncUtils.waitForFxEvents();
                return;
            }
            assertTrue(System.nanoTime() < until, "background work still running after 60 s");
            WaitForAsyncUtils.sleep(5, TimeUnit.MILLISECONDS);
        }
    }
}
