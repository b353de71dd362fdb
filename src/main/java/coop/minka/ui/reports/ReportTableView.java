package coop.minka.ui.reports;

import coop.minka.app.report.ReportTable;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/// Any [ReportTable] on screen, as the command line and the CSV file have it: its columns, its
/// rows in order, amounts and hours right-aligned, and opening, closing and total rows bold
/// (by the row's kind, whatever the language). The table scrolls when it is wider than the
/// window. Items are row numbers, so each row finds its kind.
final class ReportTableView extends TableView<Integer> {
    private ReportTable shown;
    /// False until the columns are sized for the table shown, from the font actually used
    /// (the text size the person chose).
    private boolean sized = true;

    ReportTableView() {
        setId("report-table");
        getStyleClass().add("report-table");
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(Integer i, boolean empty) {
                super.updateItem(i, empty);
                boolean strong = !empty && i != null && shown != null && i < shown.rows().size()
                        && shown.kind(i).strong();
                setStyle(strong ? "-fx-font-weight: bold;" : "");
            }
        });
    }

    void show(ReportTable t) {
        shown = t;
        getColumns().clear();
        if (t == null) {
            getItems().clear();
            return;
        }
        for (int c = 0; c < t.headers().size(); c++) {
            int col = c;
            boolean numeric = c < t.numeric().size() && t.numeric().get(c);
            TableColumn<Integer, String> column = new TableColumn<>(t.headers().get(c));
            column.setSortable(false);
            column.setCellValueFactory(cd -> {
                List<String> row = t.rows().get(cd.getValue());
                return new ReadOnlyStringWrapper(col < row.size() ? row.get(col) : "");
            });
            column.setCellFactory(x -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setAlignment(numeric ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
                }
            });
            if (numeric) {
                column.getStyleClass().add("number");
            }
            getColumns().add(column);
        }
        var rows = FXCollections.<Integer>observableArrayList();
        for (int i = 0; i < t.rows().size(); i++) {
            rows.add(i);
        }
        getItems().setAll(rows);
        sized = false;
        requestLayout();
    }

    /// Sizes each column for its header and its longest cell (up to a limit), in the font the
    /// headers are drawn in, so that nothing is cut to "…" at any text size; a table wider than
    /// the window scrolls.
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (sized || shown == null || !(lookup(".column-header .label") instanceof javafx.scene.control.Labeled l)) {
            return;
        }
        sized = true;
        double em = l.getFont().getSize();
        for (int c = 0; c < getColumns().size() && c < shown.headers().size(); c++) {
            int chars = 0;
            for (List<String> row : shown.rows()) {
                chars = Math.max(chars, c < row.size() ? Math.min(row.get(c).length(), 48) : 0);
            }
            double width = Math.max(shown.headers().get(c).length() * 0.72, chars * 0.62) * em + 1.8 * em;
            getColumns().get(c).setPrefWidth(Math.ceil(width));
        }
    }

    ReportTable shown() {
        return shown;
    }
}
