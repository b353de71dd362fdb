package coop.minka.ui.main;

import atlantafx.base.theme.Styles;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Icons;
import coop.minka.ui.common.Views;
import java.io.File;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The main window: menus, the demo banner, the sidebar, the current screen and notifications.
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final I18n i18n;
    private final Map<Screen, Node> views;
    private final StackPane content = new StackPane();
    private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);

    public MainView(MainViewModel vm, I18n i18n, Map<Screen, Node> views, MainActions actions) {
        this.vm = vm;
        this.i18n = i18n;
        this.views = views;
        getStyleClass().add("main-window");
        VBox top = new VBox(menus(actions));
        if (vm.demoProperty().get()) {
            top.getChildren().add(demoBanner());
        }
        top.getChildren().add(new UnlockBar(vm.who(), i18n));
        setTop(top);
        setLeft(scrolling(sidebar()));
        content.setPadding(new Insets(20, 24, 16, 24));
        setCenter(content);
        vm.screenProperty().addListener((o, a, b) -> show(b));
        show(vm.screenProperty().get());
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(MainView::isBundle)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean done = false;
            for (File f : e.getDragboard().getFiles()) {
                if (isBundle(f)) {
                    actions.importDropped().accept(f.toPath());
                    done = true;
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private static boolean isBundle(File f) {
        return f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".minka");
    }

    private void show(Screen s) {
        if (s == null) {
            return;
        }
        content.getChildren().setAll(views.get(s));
        ToggleButton b = navButtons.get(s);
        if (b != null && !b.isSelected()) {
            b.setSelected(true);
        }
    }

    /// The sidebar scrolls when its screens do not fit the window's height (ten screens at 150 %
    /// text on a 768-pixel screen): the buttons keep their height instead of being cut.
    private static javafx.scene.control.ScrollPane scrolling(VBox side) {
        javafx.scene.control.ScrollPane sp = new javafx.scene.control.ScrollPane(side);
        sp.getStyleClass().addAll("sidebar-scroll", atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        sp.viewportBoundsProperty().addListener((o, a, b) -> side.setMinHeight(b.getHeight()));
        return sp;
    }

    private VBox sidebar() {
        VBox side = new VBox(4);
        side.getStyleClass().add("sidebar");
        side.setPadding(new Insets(16, 10, 16, 10));
        Label name = new Label();
        name.textProperty().bind(vm.coopNameProperty());
        name.getStyleClass().addAll(Styles.TITLE_4, "sidebar-title");
        name.setWrapText(true);
        side.getChildren().add(name);
        ToggleGroup group = new ToggleGroup();
        for (Screen s : Screen.values()) {
            ToggleButton b = new ToggleButton(i18n.t(s.key()), Icons.of(s.icon()));
            b.setId("nav-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(group);
            b.getStyleClass().add("nav-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setMnemonicParsing(false);
            b.setWrapText(true);
            b.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.setOnAction(e -> {
                vm.go(s);
                b.setSelected(true);
            });
            navButtons.put(s, b);
            side.getChildren().add(b);
        }
        return side;
    }

    private HBox demoBanner() {
        Label l = new Label(i18n.t("demo.banner"), Icons.of(Feather.INFO));
        l.setWrapText(true);
        Button leave = Views.button(i18n, "demo.leave.action", Feather.LOG_OUT, vm::leaveDemo);
        HBox h = new HBox(12, l, Views.grow(), leave);
        h.setAlignment(Pos.CENTER_LEFT);
        h.setPadding(new Insets(8, 16, 8, 16));
        h.getStyleClass().add("demo-banner");
        h.setId("demo-banner");
        return h;
    }

    private MenuBar menus(MainActions a) {
        Menu file = new Menu(i18n.t("menu.file"));
        file.getItems().addAll(item("menu.sync", KeyCode.Y, a.syncFolder()), item("menu.import", KeyCode.I, a.importFile()),
                item("menu.export", KeyCode.E, a.exportFile()), new SeparatorMenuItem(), item("menu.quit", KeyCode.Q, a.quit()));
        Menu entries = new Menu(i18n.t("menu.entries"));
        entries.getItems().addAll(item("menu.newMember", KeyCode.M, a.newMember()),
                item("menu.findMember", KeyCode.F, a.findMember()), item("menu.logWork", KeyCode.L, a.logWork()),
                item("menu.workDay", KeyCode.D, a.workDay()), item("menu.newTransaction", KeyCode.T, a.newTransaction()));
        Menu go = new Menu(i18n.t("menu.go"));
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9, KeyCode.DIGIT0};
        for (Screen s : Screen.values()) {
            go.getItems().add(item(s.key(), digits[s.ordinal()], () -> vm.go(s)));
        }
        Menu view = new Menu(i18n.t("menu.view"));
        view.getItems().addAll(item("menu.theme", KeyCode.J, a.toggleTheme()),
                item("menu.bigger", KeyCode.EQUALS, a.biggerText()), item("menu.smaller", KeyCode.MINUS, a.smallerText()));
        Menu help = new Menu(i18n.t("menu.help"));
        help.getItems().add(item("menu.about", null, a.about()));
        MenuBar bar = new MenuBar(file, entries, go, view, help);
        return bar;
    }

    private MenuItem item(String key, KeyCode shortcut, Runnable action) {
        MenuItem m = new MenuItem(i18n.t(key));
        m.setMnemonicParsing(false);
        if (shortcut != null) {
            m.setAccelerator(new KeyCodeCombination(shortcut, KeyCombination.SHORTCUT_DOWN));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
