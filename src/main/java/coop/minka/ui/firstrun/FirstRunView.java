package coop.minka.ui.firstrun;

import atlantafx.base.theme.Styles;
import coop.minka.app.demo.StarterKit;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Tile;
import coop.minka.ui.common.Views;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// The first start, one step at a time, in large type.
public final class FirstRunView extends StackPane {
    private final FirstRunViewModel vm;
    private final I18n i18n;
    private final VBox card = new VBox(18);

    public FirstRunView(FirstRunViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("first-run");
        card.getStyleClass().add("first-run-card");
        card.setMaxWidth(760);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setPadding(new Insets(28));
        ScrollPane sp = new ScrollPane(card);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true); // the card sits in the middle of the window, not at its top
        StackPane holder = new StackPane(card);
        holder.setPadding(new Insets(24));
        sp.setContent(holder);
        getChildren().add(sp);
        vm.stepProperty().addListener((o, a, b) -> render());
        // the whole first run works from the keyboard: Enter presses the button that has the
        // keyboard (JavaFX buttons only take Space), Escape goes one step back
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && getScene() != null
                    && getScene().getFocusOwner() instanceof Button b && !b.isDisabled() && !b.isDefaultButton()) {
                b.fire();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && vm.stepProperty().get() != FirstRunViewModel.Step.LANGUAGE
                    && !vm.workingProperty().get() && !(getScene() != null
                    && getScene().getFocusOwner() instanceof javafx.scene.control.ComboBoxBase<?> c && c.isShowing())) {
                vm.back();
                e.consume();
            }
        });
        render();
    }

    private static void focusSoon(javafx.scene.Node n) {
        Views.focusWhenShown(n);
    }

    private void render() {
        card.getChildren().clear();
        ImageView logo = new ImageView(new Image(getClass().getResourceAsStream("/coop/minka/icons/minka-64.png")));
        Label title = new Label(i18n.t("firstrun.welcome"));
        title.getStyleClass().add(Styles.TITLE_1);
        title.setWrapText(true);
        card.getChildren().add(Views.row(logo, title));
        switch (vm.stepProperty().get()) {
            case LANGUAGE -> language();
            case CHOICE -> choice();
            case CREATE -> create();
        }
    }

    private void language() {
        card.getChildren().add(Views.text(i18n, "firstrun.chooseLanguage"));
        FlowPane buttons = new FlowPane(12, 12);
        for (Locale l : I18n.LANGUAGES) {
            Button b = new Button(I18n.languageName(l));
            b.getStyleClass().add(Styles.LARGE);
            b.setId("lang-" + l.getLanguage());
            b.setMinWidth(150);
            b.setOnAction(e -> vm.chooseLanguage(l));
            buttons.getChildren().add(b);
            if (l.getLanguage().equals(i18n.locale().getLanguage())) {
                focusSoon(b);
            }
        }
        card.getChildren().add(buttons);
    }

    private void choice() {
        card.getChildren().add(Views.text(i18n, "firstrun.intro"));
        Tile create = tile(Feather.PLUS_CIRCLE, "firstrun.create", "firstrun.createHelp", vm::startCreate);
        create.setId("firstrun-create");
        create.getStyleClass().add(Styles.ACCENT);
        Tile join = tile(Feather.DOWNLOAD, "firstrun.join", vm.canJoin() ? "firstrun.joinHelp" : "firstrun.joinLater",
                vm::join);
        join.setDisable(!vm.canJoin());
        Tile demo = tile(Feather.EYE, "firstrun.demo", "firstrun.demoHelp", vm::demo);
        demo.setId("firstrun-demo");
        VBox tiles = new VBox(12, create, join, demo);
        tiles.disableProperty().bind(vm.workingProperty());
        Button back = Views.button(i18n, "firstrun.language", Feather.GLOBE, vm::back);
        back.getStyleClass().add(Styles.FLAT);
        back.setId("firstrun-language");
        card.getChildren().addAll(tiles, busy(), back);
        focusSoon(create);
    }

    private Tile tile(Feather icon, String key, String helpKey, Runnable action) {
        return new Tile(icon, i18n.t(key), i18n.t(helpKey), action);
    }

    private void create() {
        card.getChildren().add(Views.text(i18n, "firstrun.createIntro"));
        TextField name = new TextField();
        name.setId("firstrun-name");
        name.textProperty().bindBidirectional(vm.coopNameProperty());
        name.setPromptText(i18n.t("firstrun.namePrompt"));
        ComboBox<String> currency = new ComboBox<>();
        currency.setEditable(true);
        currency.getItems().setAll(FirstRunViewModel.CURRENCIES);
        // the list shows each code with its name in the user's language: "BOB – boliviano"
        currency.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String code, boolean empty) {
                super.updateItem(code, empty);
                setText(empty || code == null ? null
                        : code + " – " + FirstRunViewModel.currencyName(code, i18n.locale()));
            }
        });
        Label currencyName = Views.muted("");
        currencyName.textProperty().bind(vm.currencyNameProperty());
        currency.getEditor().textProperty().bindBidirectional(vm.currencyProperty());
        currency.setValue(vm.currencyProperty().get());
        currency.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.currencyProperty().set(b);
            }
        });
        TextField laptop = new TextField();
        laptop.setId("firstrun-laptop");
        laptop.textProperty().bindBidirectional(vm.laptopNameProperty());
        ToggleGroup kinds = new ToggleGroup();
        VBox kindBox = new VBox(8);
        for (StarterKit.Kind k : StarterKit.Kind.values()) {
            RadioButton r = new RadioButton(i18n.t(kindKey(k)));
            r.setToggleGroup(kinds);
            r.setUserData(k);
            r.setId("firstrun-kind-" + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            r.setSelected(vm.kindProperty().get() == k);
            r.setWrapText(true);
            Label help = Views.muted(i18n.t(kindHelpKey(k)));
            help.setPadding(new Insets(0, 0, 0, 28));
            kindBox.getChildren().addAll(r, help);
        }
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.kindProperty().set((StarterKit.Kind) b.getUserData());
            }
        });
        Button go = Views.primary(i18n, "firstrun.createAction", Feather.CHECK, vm::create);
        go.setId("firstrun-go");
        go.getStyleClass().add(Styles.LARGE);
        go.disableProperty().bind(vm.canCreateBinding().not());
        go.setDefaultButton(true); // Enter in any field creates the books once the form is valid
        Button back = Views.button(i18n, "action.back", Feather.ARROW_LEFT, vm::back);
        back.setId("firstrun-back");
        back.setCancelButton(true);
        card.getChildren().addAll(Views.field(i18n, "firstrun.name", name, null),
                Views.field(i18n, "firstrun.currency", currency, vm.currencyErrorProperty()), currencyName,
                Views.field(i18n, "firstrun.laptop", laptop, null),
                Views.muted(i18n.t("firstrun.laptopHelp")),
                Views.heading(i18n, "firstrun.kind"), kindBox, Views.row(go, back), busy());
        focusSoon(name);
    }

    /// The key of a kind of group's name.
    static String kindKey(StarterKit.Kind k) {
        return switch (k) {
            case SAVINGS_GROUP -> "firstrun.kind.savings";
            case PRODUCER_COOP -> "firstrun.kind.producer";
            case WOMENS_GROUP -> "firstrun.kind.women";
            case EMPTY -> "firstrun.kind.empty";
        };
    }

    /// The key of what a kind of group's starter chart holds.
    static String kindHelpKey(StarterKit.Kind k) {
        return switch (k) {
            case SAVINGS_GROUP -> "firstrun.kind.savingsHelp";
            case PRODUCER_COOP -> "firstrun.kind.producerHelp";
            case WOMENS_GROUP -> "firstrun.kind.womenHelp";
            case EMPTY -> "firstrun.kind.emptyHelp";
        };
    }

    private javafx.scene.layout.HBox busy() {
        ProgressIndicator p = new ProgressIndicator();
        p.setMaxSize(40, 40);
        javafx.scene.layout.HBox box = Views.row(p, Views.text(i18n, "firstrun.working"));
        box.visibleProperty().bind(vm.workingProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
