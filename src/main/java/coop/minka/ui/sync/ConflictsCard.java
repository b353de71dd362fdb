package coop.minka.ui.sync;

import atlantafx.base.theme.Styles;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.Icons;
import coop.minka.ui.common.Views;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/// "Decisions to take" on the Sync screen: one card per conflict with its sentence and two
/// equal buttons (neither is the default: the assembly decides). Hidden when there is nothing
/// to decide.
final class ConflictsCard extends VBox {
    private final ConflictsViewModel vm;
    private final I18n i18n;
    private final VBox list = new VBox(12);

    ConflictsCard(ConflictsViewModel vm, I18n i18n) {
        super(10);
        this.vm = vm;
        this.i18n = i18n;
        setId("sync-conflicts");
        getStyleClass().add("form-card");
        setPadding(new Insets(16));
        Label title = new Label(i18n.t("conflicts.title"), Icons.of(Feather.HELP_CIRCLE));
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        Button save = Views.button(i18n, "conflicts.save", Feather.PRINTER, vm::saveAgenda);
        Views.tip(save, i18n.t("conflicts.saveHelp"));
        getChildren().addAll(title, Views.muted(i18n.t("conflicts.help")), list, save);
        visibleProperty().bind(vm.anyBinding());
        managedProperty().bind(visibleProperty());
        vm.cards().addListener((ListChangeListener<ConflictsViewModel.Card>) c -> render());
        render();
    }

    private void render() {
        list.getChildren().setAll(vm.cards().stream().map(this::card).toList());
    }

    private VBox card(ConflictsViewModel.Card c) {
        Label sentence = new Label(c.sentence());
        sentence.setWrapText(true);
        sentence.setMinHeight(Region.USE_PREF_SIZE);
        Button keep = choice(c.keep(), Feather.CHECK, () -> vm.keep(c));
        Button take = choice(c.take(), Feather.REPEAT, () -> vm.takeOther(c));
        VBox box = new VBox(8, sentence, new FlowPane(12, 8, keep, take));
        box.getStyleClass().add("decision");
        box.setPadding(new Insets(12));
        return box;
    }

    private static Button choice(String text, Feather icon, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setMnemonicParsing(false);
        b.setWrapText(true);
        b.setMaxWidth(520);
        b.setOnAction(e -> action.run());
        return b;
    }
}
