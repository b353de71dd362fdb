package coop.minka.ui.work;

import coop.minka.app.WorkService;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkKind;
import coop.minka.ui.common.Amounts;
import coop.minka.ui.common.DateField;
import coop.minka.ui.common.Labels;
import coop.minka.ui.common.UiContext;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The kinds of work and their reference rates, managed from the Work screen: the list with each
/// kind's current rate, adding a kind, renaming one and setting its rate from a date on (work
/// before that date keeps its value). A cooperative started empty adds its first kind here.
public final class KindsOfWork {
    /// One kind of work as the list shows it: its rate today and its rate history in words.
    public record Row(WorkCategory category, String name, String kind, String rate, String history) {
    }

    private final UiContext ui;
    private final WorkService work;
    private final Runnable changed;
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final StringProperty newName = new SimpleStringProperty("");
    private final ObjectProperty<WorkKind> newKind = new SimpleObjectProperty<>(WorkKind.OTHER);
    private final StringProperty newRate = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty rate = new SimpleStringProperty("");
    private final DateField rateFrom;
    private final BooleanBinding canAdd;
    private final BooleanBinding canRename;
    private final BooleanBinding canSetRate;

    KindsOfWork(UiContext ui, WorkService work, Runnable changed) {
        this.ui = ui;
        this.work = work;
        this.changed = changed;
        this.rateFrom = new DateField(ui.i18n(), true, ui.today(), ui::today);
        var idle = ui.async().busyProperty().not();
        canAdd = Bindings.createBooleanBinding(() -> !newName.get().isBlank(), newName).and(idle);
        canRename = Bindings.createBooleanBinding(() -> selected.get() != null && !name.get().isBlank()
                && !name.get().strip().equals(selected.get().category().name()), selected, name).and(idle);
        canSetRate = Bindings.createBooleanBinding(() -> selected.get() != null && !Amounts.blank(rate.get())
                && rateFrom.valueProperty().get() != null, selected, rate, rateFrom.valueProperty()).and(idle);
        selected.addListener((o, a, b) -> {
            name.set(b == null ? "" : b.category().name());
            rate.set("");
        });
    }

    /// Shows the kinds as loaded by the Work screen, keeping the selection on the same kind.
    void show(List<WorkCategory> categories) {
        String keep = selected.get() == null ? null : selected.get().category().id();
        LocalDate today = ui.today();
        rows.setAll(categories.stream().map(c -> row(c, today)).toList());
        selected.set(rows.stream().filter(r -> r.category().id().equals(keep)).findFirst().orElse(null));
    }

    private Row row(WorkCategory c, LocalDate today) {
        Long now = c.rateOn(today);
        String history = c.rateHistory().stream()
                .map(r -> r.from() == null ? ui.i18n().t("kinds.history.fromStart", ui.i18n().money(r.rateMinor()))
                        : ui.i18n().t("kinds.history.from", ui.i18n().money(r.rateMinor()), ui.i18n().date(r.from())))
                .collect(Collectors.joining("\n"));
        return new Row(c, c.name(), ui.i18n().t(Labels.key(c.kind())),
                now == null ? ui.i18n().t("kinds.noRate") : ui.i18n().money(now), history);
    }

    public void toggle() {
        open.set(!open.get());
    }

    /// Adds a kind of work; its code is made from its name (unique among the kinds held).
    public void add() {
        if (!canAdd.get()) {
            return;
        }
        String n = newName.get().strip();
        Set<String> codes = rows.stream().map(r -> r.category().code()).collect(Collectors.toSet());
        String code = code(n, codes);
        String r = Amounts.blank(newRate.get()) ? null : Amounts.plain(newRate.get());
        WorkKind k = newKind.get();
        ui.async().run(() -> work.addCategory(code, n, r, k), c -> {
            ui.notices().success(ui.i18n().t("kinds.added", c.name()));
            newName.set("");
            newRate.set("");
            changed.run();
        });
    }

    public void rename() {
        if (!canRename.get()) {
            return;
        }
        String id = selected.get().category().id();
        String n = name.get().strip();
        ui.async().run(() -> work.renameCategory(id, n), c -> {
            ui.notices().success(ui.i18n().t("kinds.renamed", c.name()));
            changed.run();
        });
    }

    /// Sets the selected kind's rate from the chosen date on.
    public void setRate() {
        rateFrom.commit();
        if (!canSetRate.get()) {
            return;
        }
        String id = selected.get().category().id();
        String r = Amounts.plain(rate.get());
        LocalDate from = rateFrom.valueProperty().get();
        ui.async().run(() -> work.setRate(id, r, from), c -> {
            ui.notices().success(ui.i18n().t("kinds.rateSet", c.name(), ui.i18n().money(c.rateOn(from)),
                    ui.i18n().date(from)));
            rate.set("");
            changed.run();
        });
    }

    /// A short code from a name: lower case, plain letters and digits, words joined by `-`;
    /// `-2`, `-3`… if taken.
    static String code(String name, Set<String> taken) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", "-").replaceAll("^-+|-+$", "");
        if (plain.length() > 40) {
            plain = plain.substring(0, 40).replaceAll("-+$", "");
        }
        if (plain.isEmpty()) {
            plain = "work";
        }
        String code = plain;
        for (int i = 2; taken.contains(code); i++) {
            code = plain + "-" + i;
        }
        return code;
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<WorkKind> newKindProperty() {
        return newKind;
    }

    public StringProperty newRateProperty() {
        return newRate;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty rateProperty() {
        return rate;
    }

    public DateField rateFrom() {
        return rateFrom;
    }

    public BooleanBinding canAddBinding() {
        return canAdd;
    }

    public BooleanBinding canRenameBinding() {
        return canRename;
    }

    public BooleanBinding canSetRateBinding() {
        return canSetRate;
    }
}
