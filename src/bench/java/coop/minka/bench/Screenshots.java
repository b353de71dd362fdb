package coop.minka.bench;

import coop.minka.app.demo.DemoGenerator;
import coop.minka.ui.AppContext;
import coop.minka.ui.common.FxExecutors;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/// Bench-only harness for issue 12: takes the screenshots in `docs/screenshots/` from the real
/// desktop UI ([AppContext], as [coop.minka.ui.App] builds it) in a 1366×768 window, for every
/// language (en, es) × theme (light, dark) × text size (100 %, 150 %). Per setting it opens a
/// demo cooperative (made once per language by [DemoGenerator], named `books.db` so no demo
/// banner shows), visits every screen of the sidebar plus a few important states, and a
/// fresh data folder for the first-run screens. Files are `<shot>-<lang>-<theme>[-150].png`,
/// shots: home, members, member-page (first member picked), work, workday (the collective work
/// day form), accounts, money-in (the money came in form), transaction (journal entry), reports
/// (a trial balance), sync, settings, firstrun-language (no language chosen yet), firstrun-choice,
/// states made on the demo for the occasion and undone after: home-attention (a conflict, a
/// fork and a laptop waiting to be admitted listed on Home), conflicts (the Sync screen at the
/// decision to take) and fork (the Sync screen's list of things to review, the fork in it), and
/// on a small cooperative with people (issue 13): people-locked (the People screen while nobody
/// works: the bar asks for a name and PIN), people (the president working), people-add and
/// people-second (the dialog asking for the second person of a change that needs two), and on a
/// small savings group (issue 14): group-meeting (a meeting in progress, some rows recorded),
/// group-entries (the open meeting's entries, one chosen, with the grant, expense and passbook
/// forms), group-loans (a loan chosen, its schedule) and group-shareout (the share-out preview), and
/// on a small cooperative with a share register and a closed year: capital (the register) and
/// capital-surplus (the preview of last year's surplus allocation).
///
/// `docs/screenshots/take.sh` builds and runs it headless; by hand:
/// `java -Dglass.platform=Headless -Dprism.order=sw -cp target/test-classes:target/classes:DEPS
/// coop.minka.bench.Screenshots --out docs/screenshots --work /tmp/shots [--only REGEX]`
public final class Screenshots {
    private static final int WIDTH = 1366;
    private static final int HEIGHT = 768;
    private static final String[] LANGS = {"en", "es"};
    private static final String[] THEMES = {"light", "dark"};
    /// The text sizes shot; `-Dshots.scales=175` (comma-separated) checks another one without
    /// adding it to the committed set.
    private static final int[] SCALES = java.util.Arrays.stream(System.getProperty("shots.scales", "100,150")
            .split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray();

    private final Path out;
    private final Path work;
    private final Pattern only;
    private final List<String> written = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private Screenshots(Path out, Path work, Pattern only) {
        this.out = out;
        this.work = work;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("docs/screenshots");
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "minka-shots");
        Pattern only = Pattern.compile(".*");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--only" -> only = Pattern.compile(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --out DIR, --work DIR, --only REGEX)");
            }
        }
        Files.createDirectories(out);
        Files.createDirectories(work);
        Platform.setImplicitExit(false);
        Platform.startup(() -> { });
        Screenshots s = new Screenshots(out, work, only);
        int status = 0;
        try {
            s.run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.println(s.written.size() + " screenshots written to " + out);
        if (!s.problems.isEmpty()) {
            System.out.println("Problems:");
            s.problems.forEach(p -> System.out.println("  " + p));
            status = 1;
        }
        Platform.exit();
        System.exit(status);
    }

    private void run() throws Exception {
        for (String lang : LANGS) {
            // made in place and opened there every time: a copy elsewhere would open as a new,
            // unnamed laptop (its identity is bound to the file's path)
            Path demo = work.resolve("books-" + lang).resolve("books.db");
            if (!Files.exists(demo) || !Files.exists(demo.resolveSibling("books.db.identity"))) {
                System.out.println("Making the demo cooperative in " + lang + " ...");
                freshDir("books-" + lang);
                DemoGenerator.generateOne(demo, DemoGenerator.Options.desktop(LocalDate.now(), Locale.of(lang)));
            }
            for (String theme : THEMES) {
                for (int scale : SCALES) {
                    String suffix = "-" + lang + "-" + theme + (scale == 100 ? "" : "-" + scale);
                    if (wanted(suffix)) {
                        books(lang, theme, scale, demo, suffix);
                        firstRun(lang, theme, scale, suffix);
                        people(lang, theme, scale, suffix);
                        group(lang, theme, scale, suffix);
                        capital(lang, theme, scale, suffix);
                    }
                    if (only.matcher("home-attention" + suffix).matches()
                            || only.matcher("conflicts" + suffix).matches() || only.matcher("fork" + suffix).matches()) {
                        special(lang, theme, scale, demo, suffix);
                    }
                }
            }
        }
    }

    private boolean wanted(String suffix) {
        // a setting is run when any of its shots is wanted
        for (String shot : new String[] {"home", "members", "member-page", "work", "workday", "accounts", "group",
            "money-in", "transaction", "reports", "sync", "settings", "firstrun-language", "firstrun-choice",
            "people-locked", "people", "people-add", "people-second", "group-meeting", "group-entries",
            "group-loans", "group-shareout", "capital", "capital-surplus"}) {
            if (only.matcher(shot + suffix).matches()) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ one setting, open books

    private void books(String lang, String theme, int scale, Path demo, String suffix) throws Exception {
        if (java.util.stream.Stream.of("home", "members", "member-page", "work", "workday", "accounts", "group",
                "money-in", "transaction", "reports", "sync", "settings")
                .noneMatch(shot -> only.matcher(shot + suffix).matches())) {
            return;
        }
        Path dir = Files.createDirectories(work.resolve("run" + suffix));
        writeSettings(dir, lang, theme, scale);
        try (Window w = new Window(lang, demo, dir.resolve("settings.json"))) {
            w.waitFor("books open", () -> w.scene.lookup("#nav-home") != null);
            for (String screen : new String[] {"home", "members", "work", "accounts", "reports", "sync", "settings",
                "group"}) {
                w.fire("#nav-" + screen);
                switch (screen) {
                    case "members" -> w.waitForRows("#members-table");
                    case "work" -> w.waitForRows("#work-table");
                    case "accounts" -> w.waitForRows("#journal");
                    case "reports" -> {
                        w.fx(() -> {
                            @SuppressWarnings("unchecked")
                            ComboBox<Object> c = (ComboBox<Object>) w.scene.lookup("#report-choice");
                            c.getItems().stream().filter(o -> o.toString().equals("TRIAL_BALANCE"))
                                    .findFirst().ifPresent(c::setValue);
                            return null;
                        });
                        w.waitForRows("#report-table");
                    }
                    default -> w.settle();
                }
                w.shoot(screen + suffix);
                switch (screen) {
                    case "members" -> {
                        w.fx(() -> {
                            TableView<?> t = (TableView<?>) w.scene.lookup("#members-table");
                            t.getSelectionModel().select(0);
                            return null;
                        });
                        w.settle();
                        w.shoot("member-page" + suffix);
                    }
                    case "work" -> {
                        w.fire("#workday-open");
                        w.shoot("workday" + suffix);
                    }
                    case "accounts" -> {
                        w.fire("#money-in");
                        w.shoot("money-in" + suffix);
                        w.fire("#tx-new");
                        w.shoot("transaction" + suffix);
                    }
                    default -> { }
                }
            }
        }
    }

    // ------------------------------------------------------------------ one setting, states to look at

    /// The demo books with a second laptop (admitted) that renamed the first member while this one
    /// renamed her too — a conflict on both — then was copied and wrote two different next
    /// entries (a fork), and a third laptop waiting to be admitted: Home lists them under "needs
    /// attention", Sync shows the conflict to settle and the fork to resolve. The demo is changed
    /// in place (a copy elsewhere would open as a new laptop) and put back as it was afterwards.
    private void special(String lang, String theme, int scale, Path demo, String suffix) throws Exception {
        Path dir = freshDir("special" + suffix);
        Path saved = dir.resolve("saved");
        Files.createDirectories(saved);
        Path identity = demo.resolveSibling("books.db.identity");
        Files.copy(demo, saved.resolve("books.db"));
        Files.copy(identity, saved.resolve("books.db.identity"));
        try {
            specialBooks(demo, dir);
            writeSettings(dir, lang, theme, scale);
            shootSpecial(demo, dir, lang, suffix);
        } finally {
            Files.copy(saved.resolve("books.db"), demo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(saved.resolve("books.db.identity"), identity, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(demo.resolveSibling("books.db-wal"));
            Files.deleteIfExists(demo.resolveSibling("books.db-shm"));
        }
    }

    private static void specialBooks(Path db, Path dir) throws IOException {
        var options = new coop.minka.app.sync.SyncService.Options(false, 1, false,
                coop.minka.sync.BundleLimits.DEFAULT);
        java.util.function.LongSupplier clock = System::currentTimeMillis;
        try (var a = new coop.minka.app.Services(coop.minka.app.Workspace.open(db, clock))) {
            var syncA = new coop.minka.app.sync.SyncService(a.workspace(), a.periods(), options);
            Path files = Files.createDirectories(dir.resolve("files"));
            Path full = syncA.export(Files.createDirectories(files.resolve("1")), coop.minka.app.sync.SyncService.Mode.FULL,
                    null).file();
            try (var b = new coop.minka.app.Services(coop.minka.app.sync.SyncService.join(dir.resolve("b.db"), full,
                    "Laptop Sorata", clock));
                 var c = new coop.minka.app.Services(coop.minka.app.sync.SyncService.join(dir.resolve("c.db"), full,
                         "Laptop Pucarani", clock))) {
                var syncB = new coop.minka.app.sync.SyncService(b.workspace(), b.periods(), options);
                var syncC = new coop.minka.app.sync.SyncService(c.workspace(), c.periods(), options);
                syncA.importBundle(syncB.export(Files.createDirectories(files.resolve("2")),
                        coop.minka.app.sync.SyncService.Mode.FULL, null).file());
                syncA.importBundle(syncC.export(Files.createDirectories(files.resolve("3")),
                        coop.minka.app.sync.SyncService.Mode.FULL, null).file());
                a.trust().admit(b.workspace().selfId());
                syncB.importBundle(syncA.export(Files.createDirectories(files.resolve("4")),
                        coop.minka.app.sync.SyncService.Mode.FULL, null).file());
                var first = a.members().list().getFirst();
                String[] names = first.name().split(" ");
                a.members().update(first.id(), new coop.minka.app.MemberService.Changes(names[0] + " " + names[1],
                        null, null, null, null, null));
                b.members().update(first.id(), new coop.minka.app.MemberService.Changes(first.name() + " de Ríos",
                        null, null, null, null, null));
                syncA.importBundle(syncB.export(Files.createDirectories(files.resolve("5")),
                        coop.minka.app.sync.SyncService.Mode.FULL, null).file());
            }
            // a fork: laptop Sorata's file and its identity copied aside, each copy then adds a
            // different member as its next entry, and both files reach this laptop
            Path copy = Files.createDirectories(dir.resolve("b-copy"));
            Files.copy(dir.resolve("b.db"), copy.resolve("b.db"));
            Files.copy(dir.resolve("b.db.identity"), copy.resolve("b.db.identity"));
            syncA.importBundle(addMemberAndSend(dir.resolve("b.db"), "Rosa Apaza", files.resolve("6"), options));
            Files.copy(copy.resolve("b.db"), dir.resolve("b.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(copy.resolve("b.db.identity"), dir.resolve("b.db.identity"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            syncA.importBundle(addMemberAndSend(dir.resolve("b.db"), "Lidia Condori", files.resolve("7"), options));
        }
    }

    /// Opens a laptop's books, adds a member, and writes its full sync file into `out`.
    private static Path addMemberAndSend(Path db, String name, Path out,
                                         coop.minka.app.sync.SyncService.Options options) throws IOException {
        try (var s = new coop.minka.app.Services(coop.minka.app.Workspace.open(db, System::currentTimeMillis))) {
            s.members().add(name, coop.minka.domain.Gender.WOMAN, null, null, null);
            return new coop.minka.app.sync.SyncService(s.workspace(), s.periods(), options)
                    .export(Files.createDirectories(out), coop.minka.app.sync.SyncService.Mode.FULL, null).file();
        }
    }

    private void shootSpecial(Path db, Path dir, String lang, String suffix) throws Exception {
        try (Window w = new Window(lang, db, dir.resolve("settings.json"))) {
            w.waitFor("books open", () -> w.scene.lookup("#nav-home") != null);
            w.fire("#nav-home");
            w.shoot("home-attention" + suffix);
            w.fire("#nav-sync");
            w.waitFor("the conflict", () -> w.scene.lookup("#sync-conflicts") != null);
            w.fx(() -> {
                // scroll the screen so that the conflicts card starts at the top
                Node card = w.scene.lookup("#sync-conflicts");
                for (Node n = card; n != null; n = n.getParent()) {
                    if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                        Node content = sp.getContent();
                        double y = content.sceneToLocal(card.localToScene(card.getBoundsInLocal())).getMinY();
                        double room = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                        sp.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, y - 8) / room) * sp.getVmax());
                        break;
                    }
                }
                return null;
            });
            w.settle();
            w.shoot("conflicts" + suffix);
            w.fx(() -> {
                // the things to review (the fork among them) close the screen
                for (Node n = w.scene.lookup("#sync-conflicts"); n != null; n = n.getParent()) {
                    if (n instanceof javafx.scene.control.ScrollPane sp) {
                        sp.setVvalue(sp.getVmax());
                        break;
                    }
                }
                return null;
            });
            w.settle();
            w.shoot("fork" + suffix);
        }
    }

    // ------------------------------------------------------------------ one setting, no books yet

    private void firstRun(String lang, String theme, int scale, String suffix) throws Exception {
        // no language chosen yet: the first screen asks for one (shown in the system's language)
        if (only.matcher("firstrun-language" + suffix).matches()) {
            Path dir = freshDir("first-lang" + suffix);
            writeSettings(dir, null, theme, scale);
            try (Window w = new Window(lang, dir.resolve("books.db"), dir.resolve("settings.json"))) {
                w.waitFor("the language buttons", () -> w.scene.lookup("#lang-" + lang) != null);
                w.shoot("firstrun-language" + suffix);
            }
        }
        if (only.matcher("firstrun-choice" + suffix).matches()) {
            Path dir = freshDir("first-choice" + suffix);
            writeSettings(dir, lang, theme, scale);
            try (Window w = new Window(lang, dir.resolve("books.db"), dir.resolve("settings.json"))) {
                w.waitFor("the first-run choices", () -> w.scene.lookup("#firstrun-create") != null);
                w.shoot("firstrun-choice" + suffix);
            }
        }
    }

    // ------------------------------------------------------------------ one setting, people and roles

    /// The PIN of every person of the shots' cooperative.
    private static final String PIN = "2468";

    private void people(String lang, String theme, int scale, String suffix) throws Exception {
        if (!only.matcher("people-locked" + suffix).matches() && !only.matcher("people" + suffix).matches()
                && !only.matcher("people-add" + suffix).matches() && !only.matcher("people-second" + suffix).matches()) {
            return;
        }
        Path db = work.resolve("people-" + lang).resolve("books.db");
        if (!Files.exists(db) || !Files.exists(db.resolveSibling("books.db.identity"))) {
            freshDir("people-" + lang);
            makePeople(db, lang);
        }
        Path dir = Files.createDirectories(work.resolve("people-run" + suffix));
        writeSettings(dir, lang, theme, scale);
        try (Window w = new Window(lang, db, dir.resolve("settings.json"))) {
            w.waitFor("books open", () -> w.scene.lookup("#nav-people") != null);
            w.fire("#nav-people");
            w.waitForRows("#people-table");
            w.shoot("people-locked" + suffix);
            w.fx(() -> {
                @SuppressWarnings("unchecked")
                ComboBox<coop.minka.domain.Person> name = (ComboBox<coop.minka.domain.Person>) w.scene.lookup("#unlock-name");
                name.setValue(name.getItems().stream().filter(p -> p.holds(coop.minka.domain.Role.PRESIDENT))
                        .findFirst().orElseThrow());
                ((javafx.scene.control.TextField) w.scene.lookup("#unlock-pin")).setText(PIN);
                return null;
            });
            w.fire("#unlock-go");
            w.waitFor("the president working", () -> w.scene.lookup("#unlock-working") instanceof javafx.scene.control.Label l
                    && !l.getText().isEmpty());
            w.shoot("people" + suffix);
            w.fire("#people-add");
            w.shoot("people-add" + suffix);
            if (only.matcher("people-second" + suffix).matches()) {
                // a second person is asked for (the keyholder could confirm): the dialog, then no answer
                w.fx(() -> {
                    ((javafx.scene.control.TextField) w.scene.lookup("#person-name")).setText("Ana");
                    ((javafx.scene.control.CheckBox) w.scene.lookup("#role-secretary")).setSelected(true);
                    ((javafx.scene.control.TextField) w.scene.lookup("#person-pin")).setText(PIN);
                    ((javafx.scene.control.TextField) w.scene.lookup("#person-pin-again")).setText(PIN);
                    ButtonBase save = (ButtonBase) w.scene.lookup("#person-save");
                    Platform.runLater(save::fire); // the dialog waits for an answer: not inside fx()
                    return null;
                });
                w.waitFor("the second person dialog", () -> javafx.stage.Window.getWindows().stream()
                        .anyMatch(x -> x != w.stage && x.isShowing()));
                w.shootWithDialog("people-second" + suffix);
                w.closeDialog();
            }
        }
    }

    // ------------------------------------------------------------------ one setting, a savings group

    private void group(String lang, String theme, int scale, String suffix) throws Exception {
        if (!only.matcher("group-meeting" + suffix).matches() && !only.matcher("group-loans" + suffix).matches()
                && !only.matcher("group-shareout" + suffix).matches()
                && !only.matcher("group-entries" + suffix).matches()) {
            return;
        }
        Path db = work.resolve("group-" + lang).resolve("books.db");
        if (!Files.exists(db) || !Files.exists(db.resolveSibling("books.db.identity"))) {
            freshDir("group-" + lang);
            makeGroup(db, lang);
        }
        Path dir = Files.createDirectories(work.resolve("group-run" + suffix));
        writeSettings(dir, lang, theme, scale);
        try (Window w = new Window(lang, db, dir.resolve("settings.json"))) {
            w.waitFor("books open", () -> w.scene.lookup("#nav-group") != null);
            w.fire("#nav-group");
            w.waitFor("the meeting rows", () -> w.scene.lookup("#group-shares-0") != null);
            w.shoot("group-meeting" + suffix);
            w.fire("#group-show-entries");
            w.waitForRows("#group-entries");
            w.fx(() -> {
                TableView<?> t = (TableView<?>) w.scene.lookup("#group-entries");
                t.getSelectionModel().select(1);
                return null;
            });
            w.settle();
            w.shoot("group-entries" + suffix);
            w.fire("#group-show-entries");
            w.fire("#group-part-loans");
            w.waitForRows("#group-loans");
            w.fx(() -> {
                TableView<?> t = (TableView<?>) w.scene.lookup("#group-loans");
                t.getSelectionModel().select(0);
                return null;
            });
            w.settle();
            w.shoot("group-loans" + suffix);
            w.fire("#group-part-shareout");
            w.waitForRows("#group-payouts");
            w.shoot("group-shareout" + suffix);
        }
    }

    /// A savings group of six members: a cycle started two months ago, a first meeting held and
    /// closed (shares, social fund, two loans, a fine; the count 0.50 short), and today's meeting
    /// open with some members recorded and others still to come.
    private static void makeGroup(Path db, String lang) {
        boolean es = lang.equals("es");
        try (var s = new coop.minka.app.Services(coop.minka.app.Workspace.create(db,
                es ? "Ahorro Achocalla" : "Achocalla Savers", "BOB", es ? "Computadora del grupo" : "Group laptop",
                lang, System::currentTimeMillis))) {
            coop.minka.app.demo.StarterKit.apply(coop.minka.app.demo.StarterKit.Kind.SAVINGS_GROUP, s.ledger(), s.work(),
                    Locale.of(lang));
            String[] names = {"Ana Quispe", "Berta Mamani", "Carla Condori", "Delia Huanca", "Eva Choque",
                "Felipa Ticona"};
            for (String n : names) {
                s.members().add(n, coop.minka.domain.Gender.WOMAN, LocalDate.of(2025, 3, 1), null, null);
            }
            var g = s.group();
            LocalDate today = LocalDate.now();
            g.startCycle(today.minusDays(60), "10.00", 1, 5, "2.00", "10", "flat", null, 3,
                    java.util.Map.of(es ? "atraso" : "late", "5.00", es ? "ausencia" : "absent", "10.00"));
            g.openMeeting(today.minusDays(30));
            int[] first = {5, 3, 2, 4, 5, 1};
            for (int i = 0; i < names.length; i++) {
                g.attend(names[i], i == 5 ? "represented" : "present");
                g.buyShares(names[i], first[i]);
                g.paySocial(names[i]);
            }
            g.fine(names[3], es ? "atraso" : "late", null);
            g.issueLoan(names[0], "100.00", 1);
            g.issueLoan(names[3], "90.00", 3);
            g.closeMeeting(coop.minka.domain.Money.format(g.expectedCash() - 50, s.workspace().currency()));
            g.openMeeting(today);
            int[] now = {5, 3, 2};
            for (int i = 0; i < now.length; i++) {
                g.attend(names[i], "present");
                g.buyShares(names[i], now[i]);
                g.paySocial(names[i]);
            }
            g.attend(names[4], "absent");
            g.repay(g.loans().getFirst().id(), "110.00");
        }
    }

    // ------------------------------------------------------------------ one setting, the capital

    private void capital(String lang, String theme, int scale, String suffix) throws Exception {
        if (!only.matcher("capital" + suffix).matches() && !only.matcher("capital-surplus" + suffix).matches()) {
            return;
        }
        Path db = work.resolve("capital-" + lang).resolve("books.db");
        if (!Files.exists(db) || !Files.exists(db.resolveSibling("books.db.identity"))) {
            freshDir("capital-" + lang);
            makeCapital(db, lang);
        }
        Path dir = Files.createDirectories(work.resolve("capital-run" + suffix));
        writeSettings(dir, lang, theme, scale);
        try (Window w = new Window(lang, db, dir.resolve("settings.json"))) {
            w.waitFor("books open", () -> w.scene.lookup("#nav-capital") != null);
            w.fire("#nav-capital");
            w.waitForRows("#capital-register");
            w.shoot("capital" + suffix);
            w.fire("#capital-part-surplus");
            w.fx(() -> {
                ((javafx.scene.control.TextField) w.scene.lookup("#capital-cash")).setText("40");
                @SuppressWarnings("unchecked")
                javafx.scene.control.ChoiceBox<coop.minka.domain.SurplusAllocation.Basis> basis =
                        (javafx.scene.control.ChoiceBox<coop.minka.domain.SurplusAllocation.Basis>)
                                w.scene.lookup("#capital-basis");
                basis.setValue(coop.minka.domain.SurplusAllocation.Basis.CAPITAL);
                return null;
            });
            w.fire("#capital-preview");
            w.waitForRows("#capital-refunds");
            w.shoot("capital-surplus" + suffix);
        }
    }

    /// A small producers' cooperative of five members with a share register (subscriptions at
    /// 50.00 a share, payments, a transfer, shares paid back), hours of work and a surplus last
    /// year, the books closed up to its last day.
    private static void makeCapital(Path db, String lang) {
        boolean es = lang.equals("es");
        try (var s = new coop.minka.app.Services(coop.minka.app.Workspace.create(db,
                es ? "Cooperativa Quinua Real" : "Quinua Real Cooperative", "BOB",
                es ? "Computadora de la oficina" : "Office laptop", lang, System::currentTimeMillis))) {
            coop.minka.app.demo.StarterKit.apply(coop.minka.app.demo.StarterKit.Kind.PRODUCER_COOP, s.ledger(), s.work(),
                    Locale.of(lang));
            String[] names = {"Ana Quispe", "Benito Mamani", "Carla Condori", "Delia Huanca", "Efraín Choque"};
            for (String n : names) {
                s.members().add(n, n.startsWith("B") || n.startsWith("E") ? coop.minka.domain.Gender.MAN
                        : coop.minka.domain.Gender.WOMAN, LocalDate.of(2024, 3, 1), null, null);
            }
            int last = LocalDate.now().getYear() - 1;
            var c = s.capital();
            int[] shares = {10, 6, 8, 4, 5};
            for (int i = 0; i < names.length; i++) {
                c.subscribe(names[i], shares[i], i == 0 ? "50.00" : null, LocalDate.of(last, 2, 1 + i));
            }
            c.pay(names[0], "500.00", LocalDate.of(last, 3, 2));
            c.pay(names[1], "200.00", LocalDate.of(last, 3, 2));
            c.pay(names[2], "400.00", LocalDate.of(last, 3, 9));
            c.pay(names[3], "100.00", LocalDate.of(last, 4, 6));
            c.transfer(names[2], names[3], 2, LocalDate.of(last, 6, 15));
            c.pay(names[4], "250.00", LocalDate.of(last, 7, 1));
            c.redeem(names[4], 1, LocalDate.of(last, 9, 30));
            String cash = s.ledger().accounts().stream().map(coop.minka.app.LedgerService.AccountBalance::account)
                    .filter(coop.minka.domain.Account::cash).map(coop.minka.domain.Account::code).findFirst()
                    .orElseThrow();
            String income = account(s, coop.minka.domain.AccountType.INCOME);
            String expense = account(s, coop.minka.domain.AccountType.EXPENSE);
            s.ledger().post(LocalDate.of(last, 5, 20), es ? "Venta de quinua" : "Quinoa sold", null, List.of(
                    new coop.minka.app.LedgerService.Line(cash, "4820.50"),
                    new coop.minka.app.LedgerService.Line(income, "-4820.50")));
            s.ledger().post(LocalDate.of(last, 8, 11), es ? "Semillas y transporte" : "Seed and transport", null,
                    List.of(new coop.minka.app.LedgerService.Line(expense, "2310.25"),
                            new coop.minka.app.LedgerService.Line(cash, "-2310.25")));
            s.closing().close(LocalDate.of(last, 12, 31));
            c.subscribe(names[1], 2, null, LocalDate.now().minusDays(20));
            c.pay(names[1], "100.00", LocalDate.now().minusDays(3));
        }
    }

    /// The code of the first ordinary account of a type in the starter chart.
    private static String account(coop.minka.app.Services s, coop.minka.domain.AccountType type) {
        return s.ledger().accounts().stream().map(coop.minka.app.LedgerService.AccountBalance::account)
                .filter(a -> a.type() == type && a.memberId() == null).map(coop.minka.domain.Account::code)
                .sorted().findFirst().orElseThrow();
    }

    /// A small cooperative with four people: a president who is a member, a treasurer, a
    /// secretary and an auditor (each after the first added by the president and a second person).
    private static void makePeople(Path db, String lang) {
        boolean es = lang.equals("es");
        var clock = (java.util.function.LongSupplier) System::currentTimeMillis;
        try (var s = new coop.minka.app.Services(coop.minka.app.Workspace.create(db,
                es ? "Tejedoras de Sorata" : "Sorata Weavers", "BOB", es ? "Computadora de la tienda" : "Shop laptop",
                lang, clock))) {
            coop.minka.app.demo.StarterKit.apply(coop.minka.app.demo.StarterKit.Kind.SAVINGS_GROUP, s.ledger(), s.work(),
                    Locale.of(lang));
            var rosa = s.members().add("Rosa Quispe", coop.minka.domain.Gender.WOMAN, LocalDate.of(2024, 3, 1), null, null);
            var tere = s.members().add("Teresa Mamani", coop.minka.domain.Gender.WOMAN, LocalDate.of(2024, 3, 1), null, null);
            s.members().add("Juan Condori", coop.minka.domain.Gender.MAN, LocalDate.of(2025, 2, 1), null, null);
            var people = s.people();
            var p = people.add("Rosa Quispe", java.util.Set.of(coop.minka.domain.Role.PRESIDENT), rosa.id(), PIN);
            people.actAs(people.unlock(p.id(), PIN), null);
            var t = people.add("Teresa Mamani", java.util.Set.of(coop.minka.domain.Role.TREASURER,
                    coop.minka.domain.Role.KEYHOLDER), tere.id(), PIN);
            people.actAs(p, people.unlock(t.id(), PIN));
            people.add("Sara Condori", java.util.Set.of(coop.minka.domain.Role.SECRETARY), null, PIN);
            people.add("Juan Condori", java.util.Set.of(coop.minka.domain.Role.AUDITOR), null, PIN);
            people.lock();
        }
    }

    private Path freshDir(String name) throws IOException {
        Path dir = work.resolve(name);
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static void writeSettings(Path dir, String lang, String theme, int scale) throws IOException {
        String json = "{" + (lang == null ? "" : "\"language\": \"" + lang + "\", ") + "\"theme\": \"" + theme
                + "\", \"textScale\": " + scale + ", \"maximized\": false}\n";
        Files.writeString(dir.resolve("settings.json"), json);
    }

    // ------------------------------------------------------------------ the window

    /// One app window on its own books and settings, 1366×768, closed (books and all) at the end.
    private final class Window implements AutoCloseable {
        final Stage stage;
        final AppContext context;
        final ExecutorService background;
        final Scene scene;
        final ReadOnlyBooleanProperty busy;

        Window(String lang, Path db, Path settings) throws Exception {
            Locale.setDefault(Locale.of(lang));
            background = FxExecutors.background();
            Object[] made = fx(() -> {
                Stage s = new Stage();
                AppContext c = new AppContext(s, db, settings, background, FxExecutors.fx(), null);
                Scene sc = c.start(WIDTH, HEIGHT);
                s.setWidth(WIDTH);
                s.setHeight(HEIGHT);
                s.show();
                return new Object[] {s, c, sc};
            });
            stage = (Stage) made[0];
            context = (AppContext) made[1];
            scene = (Scene) made[2];
            Method m = AppContext.class.getDeclaredMethod("busyProperty");
            m.setAccessible(true);
            busy = (ReadOnlyBooleanProperty) m.invoke(context);
            settle();
        }

        <T> T fx(Supplier<T> s) throws Exception {
            CompletableFuture<T> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(s.get());
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
            return f.get(60, TimeUnit.SECONDS);
        }

        /// Until no background work of the app runs and a few pulses have passed, then a little more
        /// so animations and late layouts end.
        void settle() throws Exception {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int quiet = 0;
            while (quiet < 5) {
                boolean b = fx(busy::get);
                quiet = b ? 0 : quiet + 1;
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("background work still running after 60 s");
                }
                Thread.sleep(40);
            }
            Thread.sleep(350);
            fx(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                return null;
            });
        }

        void waitFor(String what, Supplier<Boolean> ready) throws Exception {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!fx(ready)) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("waited 60 s for " + what);
                }
                Thread.sleep(50);
            }
            settle();
        }

        void waitForRows(String table) throws Exception {
            settle();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!fx(() -> scene.lookup(table) instanceof TableView<?> t && !t.getItems().isEmpty())) {
                if (System.nanoTime() > until) {
                    problems.add(table + " still empty after 20 s");
                    return;
                }
                Thread.sleep(50);
            }
            settle();
        }

        void fire(String id) throws Exception {
            boolean found = fx(() -> {
                Node n = visible(scene.getRoot(), id.substring(1));
                if (n instanceof ButtonBase b) {
                    b.fire();
                    return true;
                }
                return false;
            });
            if (!found) {
                problems.add("no visible button " + id);
            }
            settle();
        }

        /// The first visible node with that id (views of hidden screens keep their ids).
        private Node visible(Node n, String id) {
            if (!n.isVisible()) {
                return null;
            }
            if (id.equals(n.getId())) {
                return n;
            }
            if (n instanceof Parent p) {
                for (Node c : p.getChildrenUnmodifiable()) {
                    Node found = visible(c, id);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        void shoot(String name) throws Exception {
            shoot(name, () -> scene.snapshot(null));
        }

        /// The window with the dialog showing over it drawn in its middle, as a person sees them.
        void shootWithDialog(String name) throws Exception {
            shoot(name, () -> {
                WritableImage base = scene.snapshot(null);
                javafx.stage.Window d = javafx.stage.Window.getWindows().stream()
                        .filter(x -> x != stage && x.isShowing()).findFirst().orElseThrow();
                WritableImage top = d.getScene().snapshot(null);
                int w = (int) Math.min(top.getWidth(), base.getWidth());
                int h = (int) Math.min(top.getHeight(), base.getHeight());
                base.getPixelWriter().setPixels((int) (base.getWidth() - w) / 2, (int) (base.getHeight() - h) / 2, w, h,
                        top.getPixelReader(), 0, 0);
                return base;
            });
        }

        /// Closes the dialog over the window without an answer.
        void closeDialog() throws Exception {
            fx(() -> {
                javafx.stage.Window.getWindows().stream().filter(x -> x != stage && x.isShowing()).toList()
                        .forEach(javafx.stage.Window::hide);
                return null;
            });
            settle();
        }

        private void shoot(String name, Supplier<WritableImage> take) throws Exception {
            if (!only.matcher(name).matches()) {
                return;
            }
            WritableImage img = fx(take);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            PixelReader r = img.getPixelReader();
            int first = r.getArgb(0, 0);
            boolean allSame = true;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = r.getArgb(x, y);
                    allSame &= p == first;
                    b.setRGB(x, y, p);
                }
            }
            List<String> outside = fx(() -> {
                List<String> o = new ArrayList<>();
                sticksOut(scene.getRoot(), o);
                return o;
            });
            if (!outside.isEmpty()) {
                String list = String.join(", ", outside.subList(0, Math.min(6, outside.size())));
                System.out.println("  " + name + ": " + outside.size() + " controls outside the window: " + list);
            }
            List<String> wide = fx(() -> {
                List<String> o = new ArrayList<>();
                tooWide(scene.getRoot(), o);
                return o;
            });
            if (!wide.isEmpty()) {
                System.out.println("  " + name + ": scrolls sideways: " + String.join("; ", wide));
            }
            Path file = out.resolve(name + ".png");
            ImageIO.write(b, "png", file.toFile());
            written.add(name);
            long size = Files.size(file);
            System.out.printf("%-34s %dx%d %6d KB%n", name + ".png", w, h, size / 1024);
            if (allSame || size < 5 * 1024 || w != WIDTH || h != HEIGHT) {
                problems.add(name + ".png is " + w + "×" + h + ", " + size + " bytes" + (allSame ? ", one colour" : ""));
            }
        }

        /// Visible controls and labels that end past the window's right edge or start left of it
        /// (printed with the shot, for a person to look at; a table scrolls within itself).
        private void sticksOut(Node n, List<String> out) {
            if (!n.isVisible()) {
                return;
            }
            if (n instanceof javafx.scene.control.Control || n instanceof javafx.scene.control.Label) {
                javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                boolean clippedByScroll = false;
                for (Node p = n.getParent(); p != null; p = p.getParent()) {
                    if (p instanceof javafx.scene.control.ScrollPane || p instanceof TableView<?>
                            || p instanceof javafx.scene.control.TreeTableView<?>) {
                        clippedByScroll = true;
                        break;
                    }
                }
                if (!clippedByScroll && (b.getMaxX() > WIDTH + 1 || b.getMinX() < -1)) {
                    String text = n instanceof javafx.scene.control.Labeled l && l.getText() != null
                            ? " \"" + l.getText() + "\"" : "";
                    out.add(n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text
                            + " x " + Math.round(b.getMinX()) + ".." + Math.round(b.getMaxX()));
                }
                if (n instanceof TableView<?>) {
                    return;
                }
            }
            if (n instanceof Parent p) {
                for (Node c : p.getChildrenUnmodifiable()) {
                    sticksOut(c, out);
                }
            }
        }

        /// Scroll panes whose content is wider than their viewport (a sideways scroll bar shows), with
        /// the narrowest-level node that is still too wide (what forces the width).
        private void tooWide(Node n, List<String> out) {
            if (!n.isVisible()) {
                return;
            }
            if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null
                    && sp.getContent().getLayoutBounds().getWidth() > sp.getViewportBounds().getWidth() + 1) {
                double limit = sp.getViewportBounds().getWidth();
                Node culprit = sp.getContent();
                boolean deeper = true;
                while (deeper && culprit instanceof Parent p) {
                    deeper = false;
                    for (Node c : p.getChildrenUnmodifiable()) {
                        if (c.isVisible() && c.getLayoutBounds().getWidth() > limit - 40) {
                            culprit = c;
                            deeper = true;
                            break;
                        }
                    }
                }
                String text = culprit instanceof javafx.scene.control.Labeled l && l.getText() != null
                        ? " \"" + l.getText() + "\"" : "";
                out.add("content " + Math.round(sp.getContent().getLayoutBounds().getWidth()) + " > "
                        + Math.round(limit) + " px, widest: " + culprit.getClass().getSimpleName()
                        + (culprit.getId() == null ? "" : "#" + culprit.getId()) + text + " "
                        + Math.round(culprit.getLayoutBounds().getWidth()) + " px");
            }
            if (n instanceof Parent p) {
                for (Node c : p.getChildrenUnmodifiable()) {
                    tooWide(c, out);
                }
            }
        }

        @Override
        public void close() throws Exception {
            fx(() -> {
                context.shutdown();
                stage.close();
                return null;
            });
            background.shutdown();
            background.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
