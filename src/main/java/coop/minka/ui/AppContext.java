package coop.minka.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import coop.minka.app.Services;
import coop.minka.app.sync.SyncService;
import coop.minka.app.Workspace;
import coop.minka.app.demo.DemoGenerator;
import coop.minka.app.demo.StarterKit;
import coop.minka.ui.common.Async;
import coop.minka.ui.common.DataRevision;
import coop.minka.ui.common.DialogService;
import coop.minka.ui.common.FxDialogService;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.NoticeLayer;
import coop.minka.ui.common.ProgressLayer;
import coop.minka.ui.common.Working;
import coop.minka.ui.common.Notices;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.common.settings.Preferences;
import coop.minka.ui.common.settings.SettingsStore;
import coop.minka.ui.firstrun.FirstRunView;
import coop.minka.ui.firstrun.FirstRunViewModel;
import coop.minka.ui.main.MainActions;
import coop.minka.ui.main.MainView;
import coop.minka.ui.main.MainViewModel;
import coop.minka.ui.main.Screen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/// The composition root of the desktop app: builds the shared UI services, opens (or creates,
/// joins, or explores) the books, wires every ViewModel to its services and puts the views in the
/// window. Nothing else constructs services or ViewModels.
public final class AppContext {
    /// The demo cooperative's own file, beside the real database.
    public static final String DEMO_FILE = "minka-demo.db";

    private final Stage stage;
    private final Path database;
    /// The one clock of the desktop app: the books' time stamps and every screen's "today".
    private final Clock clock = Clock.systemDefaultZone();
    private final I18n i18n;
    private final Notices notices;
    private final Async async;
    private final DataRevision revision = new DataRevision();
    private final Preferences prefs;
    private final UiContext ui;
    private final StackPane content = new StackPane();
    private final StackPane root;
    private Scene scene;
    private Session session;
    private MainViewModel main;
    private FirstRunViewModel firstRun;
    private Path openPath;
    private javafx.animation.Timeline idle;

    /// `dialogs` null means real dialogs over the window.
    public AppContext(Stage stage, Path database, Path settingsFile, Executor background, Executor fx,
                      DialogService dialogs) {
        this.stage = stage;
        this.database = database;
        this.i18n = new I18n(Locale.getDefault());
        this.prefs = new Preferences(new SettingsStore(settingsFile), i18n);
        this.notices = new Notices(i18n);
        this.async = new Async(background, fx, notices);
        DialogService d = dialogs != null ? dialogs : new FxDialogService(() -> stage, i18n, this::rootStyle);
        this.ui = new UiContext(async, i18n, notices, d, revision, clock);
        this.root = new StackPane(content, new ProgressLayer(async.working(), i18n), new NoticeLayer(notices));
        i18n.localeProperty().addListener((o, a, b) -> render());
        prefs.darkProperty().addListener((o, a, b) -> applyTheme());
        prefs.textScaleProperty().addListener((o, a, b) -> root.setStyle(rootStyle()));
    }

    /// Puts the first screen in the stage's scene: the books if the database exists, else the
    /// first-run choices.
    public Scene start(double width, double height) {
        applyTheme();
        root.setStyle(rootStyle());
        scene = new Scene(root, width, height);
        scene.getStylesheets().add(AppContext.class.getResource("/coop/minka/ui/minka.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Minka");
        // who is working: any key or mouse use keeps them; idle, the app locks (design notes 26)
        scene.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> ui.who().touched());
        idle = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(15), e -> ui.who().lockIfIdle()));
        idle.setCycleCount(javafx.animation.Animation.INDEFINITE);
        idle.play();
        if (Files.exists(database)) {
            openBooks(database);
        } else {
            showFirstRun();
        }
        return scene;
    }

    String rootStyle() {
        return "-fx-font-size: " + Math.round(14 * prefs.textScaleProperty().get() / 10.0) / 10.0 + "px;";
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(prefs.darkProperty().get() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().removeAll("dark", "light");
        root.getStyleClass().add(prefs.darkProperty().get() ? "dark" : "light");
    }

    private void setContent(Parent p) {
        content.getChildren().setAll(p);
    }

    // ---------------------------------------------------------------- first run

    private void showFirstRun() {
        firstRun = new FirstRunViewModel(ui, new FirstRunViewModel.Opener() {
            @Override
            public void create(String coopName, String currency, String laptopName, StarterKit.Kind kind) {
                String languages = i18n.locale().getLanguage();
                openWith(() -> {
                    // new cooperatives encrypt their sync files (design-notes item 28), as with `minka init`
                    Services s = new Services(Workspace.create(database, coopName, currency, laptopName, languages,
                            true, clock::millis));
                    StarterKit.apply(kind, s.ledger(), s.work(), i18n.locale());
                    return s;
                }, database);
            }

            @Override
            public void join(Path bundle, String laptopName, Path recoveryKey) {
                openWith(() -> new Services(SyncService.join(database, bundle, laptopName, clock::millis, recoveryKey)),
                        database);
            }

            @Override
            public void demo() {
                Path demo = database.resolveSibling(DEMO_FILE);
                openWith(() -> {
                    if (Files.exists(demo)) {
                        return new Services(Workspace.open(demo, clock::millis));
                    }
                    DemoGenerator.generateOne(demo, DemoGenerator.Options.desktop(ui.today(), i18n.locale()));
                    return new Services(Workspace.open(demo, clock::millis));
                }, demo);
            }

            @Override
            public boolean canJoin() {
                return true;
            }

            @Override
            public void rememberLanguage(Locale language) {
                prefs.chooseLanguage(language);
            }
        }, prefs.languageChosen());
        render();
    }

    private void openWith(Supplier<Services> open, Path path) {
        async.run(open::get, s -> showMain(s, path), e -> {
            if (firstRun != null) {
                firstRun.failed();
            }
            notices.error(e);
        });
    }

    /// Opens the books in the background; meanwhile the window shows "Opening your books…" at
    /// once (in the language of the settings file), never a blank window. Opening cannot be
    /// stopped half-way (it may bring the file up to date), so there is no Cancel.
    private void openBooks(Path path) {
        content.getChildren().clear();
        async.runShowing(i18n.t("progress.opening"), Working.Stop.NONE, true,
                p -> new Services(Workspace.open(path, clock::millis)), s -> showMain(s, path), this::showFatal);
    }

    /// The books could not be opened (in use, damaged, from a newer Minka): say so plainly.
    private void showFatal(Throwable e) {
        Label title = new Label(i18n.message(e));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        Label hint = new Label(i18n.hint(e));
        hint.setWrapText(true);
        VBox box = new VBox(16, title, hint, new Label(database.toAbsolutePath().toString()));
        box.setPadding(new Insets(40));
        box.setMaxWidth(760);
        setContent(new StackPane(box));
    }

    // ---------------------------------------------------------------- main window

    private void showMain(Services s, Path path) {
        firstRun = null;
        openPath = path;
        boolean demo = path.getFileName().toString().equals(DEMO_FILE);
        i18n.currencyProperty().set(s.workspace().currency());
        ui.who().attach(s.people());
        session = new Session(ui, s, prefs, demo, this::reopen);
        main = new MainViewModel(ui, session.models(), s.workspace().coop().name(), demo, this::leaveDemo);
        render();
        main.go(Screen.HOME);
    }

    private void render() {
        if (main != null && session != null) {
            MainView mv = new MainView(main, i18n, session.views(ui, screen -> main.go(screen), actions()), actions());
            setContent(mv);
            stage.setTitle(main.coopNameProperty().get() + " — Minka" + (session.demo ? " — " + i18n.t("demo.tag") : ""));
            revision.changed();
        } else if (firstRun != null) {
            setContent(new FirstRunView(firstRun, i18n));
            stage.setTitle("Minka");
        }
    }

    private MainActions actions() {
        Session s = session;
        return new MainActions(
                () -> show(Screen.MEMBERS, s.members::startAdd),
                () -> show(Screen.MEMBERS, () -> s.membersView.focusSearch()),
                () -> show(Screen.WORK, () -> s.workView.focusQuickEntry()),
                () -> show(Screen.WORK, s.work::startWorkDay),
                () -> show(Screen.ACCOUNTS, s.accounts::moneyIn),
                () -> show(Screen.SYNC, s.sync::syncWithFolder),
                () -> show(Screen.SYNC, s.sync::importFile),
                () -> show(Screen.SYNC, () -> s.sync.exportFor(null)),
                p -> show(Screen.SYNC, () -> s.sync.importFile(p)),
                () -> prefs.darkProperty().set(!prefs.darkProperty().get()),
                () -> prefs.stepTextScale(1),
                () -> prefs.stepTextScale(-1),
                () -> notices.info(i18n.t("about.text", version())),
                this::quit);
    }

    /// Imports a sync file given when Minka was started (a double-click on a `.minka` file); with
    /// no cooperative open yet, the first-run screen stays, where *Join* takes such a file.
    public void openBundle(Path file) {
        if (session != null) {
            show(Screen.SYNC, () -> session.sync.importFile(file));
        }
    }

    private void show(Screen screen, Runnable then) {
        main.go(screen);
        then.run();
    }

    static String version() {
        String v = AppContext.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private void leaveDemo() {
        closeBooks();
        showFirstRun();
        firstRun.stepProperty().set(FirstRunViewModel.Step.CHOICE);
    }

    private void reopen() {
        session = null;
        main = null;
        openBooks(openPath);
    }

    private void closeBooks() {
        Session s = session;
        session = null;
        main = null;
        if (s != null) {
            async.exec(s.services::close, () -> { });
        }
    }

    /// Saves the window's place and closes the books (on the background thread, after any work
    /// still queued there).
    public void shutdown() {
        if (idle != null) {
            idle.stop();
        }
        if (!stage.isIconified()) {
            prefs.saveWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        }
        closeBooks();
    }

    private void quit() {
        shutdown();
        stage.close();
        javafx.application.Platform.exit();
    }

    public Preferences preferences() {
        return prefs;
    }

    public Notices notices() {
        return notices;
    }

    public I18n i18n() {
        return i18n;
    }

    Node content() {
        return content;
    }

    /// True while background work started by the app is running (for tests that wait for it).
    javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
        return async.busyProperty();
    }
}
