package coop.minka.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/// Bench-only launcher for the desktop app's start-up measurement (not in the shipped jar):
/// starts Minka exactly as `minka [--db FILE]` does ([coop.minka.Main]) and, unless the system
/// property `minka.bench.firstFrameExit` is `false`, prints `first frame after N ms` (from JVM
/// start to the end of the first layout pulse of the first window) and exits.
///
/// `java -cp target/test-classes:target/minka.jar coop.minka.bench.FirstFrame --db FILE`
public final class FirstFrame {
    private static volatile boolean reported;

    private FirstFrame() {
    }

    public static void main(String[] args) throws Exception {
        if (!"false".equals(System.getProperty("minka.bench.firstFrameExit"))) {
            Thread.ofPlatform().daemon().name("first-frame-watch").start(FirstFrame::watch);
        }
        coop.minka.Main.main(args);
    }

    /// Waits for the JavaFX toolkit, then watches for the first window on its thread: the hook is
    /// queued as soon as the toolkit runs, before the app's `start` is.
    private static void watch() {
        while (true) {
            try {
                Platform.runLater(FirstFrame::hook);
                return;
            } catch (IllegalStateException toolkitNotYetUp) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void hook() {
        Window.getWindows().forEach(FirstFrame::attach);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(FirstFrame::attach);
            }
        });
    }

    private static void attach(Window w) {
        if (w.getScene() != null) {
            attach(w.getScene());
        } else {
            w.sceneProperty().addListener((obs, old, scene) -> {
                if (scene != null) {
                    attach(scene);
                }
            });
        }
    }

    private static void attach(Scene scene) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                if (reported) {
                    return;
                }
                reported = true;
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first frame after " + ms + " ms");
                System.out.flush();
                Platform.exit();
            }
        });
    }
}
