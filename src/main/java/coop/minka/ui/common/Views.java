package coop.minka.ui.common;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/// Small builders for the views, so that every screen looks and reads the same.
public final class Views {
    private Views() {
    }

    public static Label title(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().addAll(Styles.TITLE_2, "screen-title");
        l.setWrapText(true);
        return l;
    }

    public static Label heading(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add(Styles.TITLE_4);
        l.setWrapText(true);
        return l;
    }

    public static Label text(I18n i18n, String key, Object... args) {
        Label l = new Label(i18n.t(key, args));
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    public static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /// A field with its label above and, below it, a line for a validation message.
    public static VBox field(I18n i18n, String key, Node input, ObservableValue<String> error) {
        Label l = new Label(i18n.t(key));
        l.setLabelFor(input);
        l.getStyleClass().add("field-label");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, l, input);
        if (input instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
        if (error != null) {
            Label e = new Label();
            e.textProperty().bind(error);
            e.getStyleClass().add("field-error");
            e.setWrapText(true);
            e.setMinHeight(Region.USE_PREF_SIZE);
            e.visibleProperty().bind(e.textProperty().isNotEmpty());
            e.managedProperty().bind(e.visibleProperty());
            box.getChildren().add(e);
        }
        return box;
    }

    public static Button button(I18n i18n, String key, Feather icon, Runnable action) {
        Button b = new Button(i18n.t(key), icon == null ? null : Icons.of(icon));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setMnemonicParsing(false);
        return b;
    }

    public static Button primary(I18n i18n, String key, Feather icon, Runnable action) {
        Button b = button(i18n, key, icon, action);
        b.getStyleClass().add(Styles.ACCENT);
        b.setDefaultButton(false);
        return b;
    }

    public static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        VBox.setVgrow(r, Priority.ALWAYS);
        return r;
    }

    /// A row of controls. Labels, buttons and pickers keep their full width (at large text
    /// sizes a squeezed label would otherwise break its words letter by letter); only spacers
    /// and fields made to grow take what is left.
    /// A row of buttons that moves the last ones to a new line when the window is too narrow for
    /// all of them (large text, long Spanish or French labels) instead of running off the edge.
    public static javafx.scene.layout.FlowPane wrappingRow(Node... nodes) {
        javafx.scene.layout.FlowPane f = new javafx.scene.layout.FlowPane(10, 8, nodes);
        f.setAlignment(Pos.CENTER_LEFT);
        f.setMinWidth(0);
        f.setPrefWrapLength(200);
        return f;
    }

    public static HBox row(Node... nodes) {
        HBox h = new HBox(10, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) {
            if (n instanceof Label || n instanceof javafx.scene.control.ButtonBase
                    || n instanceof javafx.scene.control.ComboBoxBase<?>) {
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return h;
    }

    public static <S, T> TableColumn<S, T> column(I18n i18n, String key, Function<S, T> value,
                                                  Function<T, String> format) {
        TableColumn<S, T> c = new TableColumn<>(i18n.t(key));
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return c;
    }

    public static <S, T> TableColumn<S, T> numberColumn(I18n i18n, String key, Function<S, T> value,
                                                        Function<T, String> format) {
        TableColumn<S, T> c = column(i18n, key, value, format);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /// Calls `apply` with the size of a shown control's text (`font`, one em in pixels) now and
    /// whenever the person changes the text size: widths that must hold a whole amount, date or
    /// fingerprint are given in ems, so they still fit at 150 %.
    public static void inEms(ObservableValue<javafx.scene.text.Font> font, java.util.function.DoubleConsumer apply) {
        font.addListener((o, a, f) -> apply.accept(f.getSize()));
        apply.accept(font.getValue().getSize());
    }

    /// The cells of `column` wrap their text onto more lines instead of cutting it to "…": names
    /// and memos are read whole at a large text size, and the amounts beside them keep their room.
    public static <S, T> void wrapping(TableColumn<S, T> column, Function<T, String> format) {
        column.setCellFactory(col -> new TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.getStyleClass().add("text");
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(16));
                text.fontProperty().bind(fontProperty());
                text.fillProperty().bind(textFillProperty());
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : format.apply(item));
                setGraphic(empty ? null : text);
                setAccessibleText(empty ? null : text.getText()); // a screen reader reads the graphic's text
            }
        });
    }

    public static void placeholder(TableView<?> t, I18n i18n, String key) {
        Label l = muted(i18n.t(key));
        l.setMaxWidth(420);
        l.setAlignment(Pos.CENTER);
        t.setPlaceholder(l);
    }

    /// Shows items of a combo box with `text`; null shows `none`.
    public static <T> void labelled(ComboBox<T> box, Function<T, String> text, String none) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? none : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? none : text.apply(item));
            }
        });
    }

    public static void tip(javafx.scene.control.Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(400);
        c.setTooltip(t);
    }

    /// A date picker for the date of an entry, driven by its [DateField]: what is typed is checked
    /// as it is typed, and a text that is no date is an error under the field (shown by
    /// [#field] with `field.noticeProperty()`), never replaced by another date.
    public static javafx.scene.control.DatePicker datePicker(DateField field) {
        javafx.scene.control.DatePicker p = new javafx.scene.control.DatePicker();
        p.setConverter(field.converter());
        p.valueProperty().bindBidirectional(field.valueProperty());
        p.getEditor().textProperty().addListener((o, a, b) -> field.typed(b));
        field.resetsProperty().addListener((o, a, b) -> p.getEditor().setText(field.converter().toString(
                field.valueProperty().get())));
        p.setPromptText(field.example());
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        field.errorProperty().addListener((o, a, b) -> {
            p.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty());
            tip.setText(b);
            p.setTooltip(b.isEmpty() ? null : tip);
        });
        return p;
    }

    /// Gives the keyboard to `n` once it is in a window (at once if it already is).
    public static void focusWhenShown(Node n) {
        if (n.getScene() != null) {
            javafx.application.Platform.runLater(n::requestFocus);
            return;
        }
        n.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                                javafx.scene.Scene a, javafx.scene.Scene b) {
                if (b != null) {
                    n.sceneProperty().removeListener(this);
                    javafx.application.Platform.runLater(n::requestFocus);
                }
            }
        });
    }

    /// One button of a screen's segmented switch between its parts (a Meeting / Loans /
    /// Share-out bar): shows `part` = `p` and follows `part` when it changes elsewhere; pressing
    /// the selected one again keeps it selected.
    public static <P> javafx.scene.control.ToggleButton partButton(String text, String id,
            javafx.scene.control.ToggleGroup g, javafx.beans.property.ObjectProperty<P> part, P p) {
        javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(g);
        b.setMnemonicParsing(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setSelected(part.get() == p);
        b.setOnAction(e -> {
            part.set(p);
            b.setSelected(true);
        });
        part.addListener((o, a, now) -> b.setSelected(now == p));
        return b;
    }
}
