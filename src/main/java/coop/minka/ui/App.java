package coop.minka.ui;

import coop.minka.app.DefaultLocations;
import coop.minka.ui.common.FxExecutors;
import coop.minka.ui.common.settings.SettingsJson;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/// The desktop app. Started by [coop.minka.Main] with the database path.
public final class App extends Application {
    private static volatile Path databasePath;
    private static volatile Path bundleToImport;
    private ExecutorService background;
    private AppContext context;

    /// Starts the app on `database`; `bundle`, if not null, is a sync file to import once the
    /// window is up (a double-clicked `.minka` file).
    public static void launchApp(Path database, Path bundle) {
        databasePath = database;
        bundleToImport = bundle;
        Application.launch(App.class);
    }

    @Override
    public void start(Stage stage) {
        background = FxExecutors.background();
        Path db = databasePath != null ? databasePath : DefaultLocations.database();
        coop.minka.app.DiagnosticLog.start(db);
        Thread.setDefaultUncaughtExceptionHandler((t, e) ->
                coop.minka.app.DiagnosticLog.failure("uncaught in thread " + t.getName(), e));
        Path settings = DefaultLocations.dataFolder(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", ".")).resolve("settings.json");
        context = new AppContext(stage, db, settings, background, FxExecutors.fx(), null);
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var in = App.class.getResourceAsStream("/coop/minka/icons/minka-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        SettingsJson s = context.preferences().current();
        double w = Math.min(s.windowWidth() == null ? 1280 : s.windowWidth(), screen.getWidth());
        double h = Math.min(s.windowHeight() == null ? 800 : s.windowHeight(), screen.getHeight());
        Scene scene = context.start(w, h);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        if (s.windowX() != null && s.windowY() != null && onSomeScreen(s.windowX(), s.windowY(), w)) {
            stage.setX(s.windowX());
            stage.setY(s.windowY());
        } else {
            stage.centerOnScreen();
        }
        boolean smallScreen = screen.getWidth() <= 1400 || screen.getHeight() <= 800;
        if (s.maximized() == null && smallScreen) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        }
        stage.setMaximized(Boolean.TRUE.equals(s.maximized()) || s.maximized() == null && smallScreen);
        stage.setOnCloseRequest(e -> context.shutdown());
        stage.show();
        if (bundleToImport != null) {
            context.openBundle(bundleToImport);
        }
    }

    private static boolean onSomeScreen(double x, double y, double w) {
        return !Screen.getScreensForRectangle(x, y, Math.max(100, w / 4), 60).isEmpty();
    }

    @Override
    public void stop() throws InterruptedException {
        if (background != null) {
            background.shutdown();
            background.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
