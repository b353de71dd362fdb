package coop.minka.ui.main;

import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/// The main window: which screen is shown, the cooperative's name, and whether these are the
/// demo books. Showing a screen lets its ViewModel load.
public final class MainViewModel {
    private final UiContext ui;
    private final Map<Screen, ScreenModel> screens = new EnumMap<>(Screen.class);
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper coopName = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(false);
    private final Runnable leaveDemo;

    public MainViewModel(UiContext ui, Map<Screen, ScreenModel> screens, String coopName, boolean demo,
                         Runnable leaveDemo) {
        this.ui = ui;
        this.screens.putAll(screens);
        this.coopName.set(coopName);
        this.demo.set(demo);
        this.leaveDemo = leaveDemo;
        screen.addListener((o, a, b) -> {
            if (a != null && this.screens.containsKey(a)) {
                this.screens.get(a).hidden();
            }
            if (b != null && this.screens.containsKey(b)) {
                this.screens.get(b).shown();
            }
        });
    }

    public void go(Screen s) {
        screen.set(s);
    }

    /// Leaves the demo books for the first-run choices, after asking.
    public void leaveDemo() {
        if (ui.dialogs().confirm(ui.i18n().t("demo.leave.title"), ui.i18n().t("demo.leave.message"),
                ui.i18n().t("demo.leave.action"))) {
            leaveDemo.run();
        }
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ReadOnlyStringProperty coopNameProperty() {
        return coopName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    /// Who is working at this laptop (the bar at the top of the window).
    public coop.minka.ui.common.WhoIsWorking who() {
        return ui.who();
    }

    public void setCoopName(String name) {
        coopName.set(name);
    }
}
