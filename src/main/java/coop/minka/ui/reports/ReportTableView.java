package coop.minka.ui.reports;

import coop.minka.app.report.ReportTable;
import coop.minka.ui.common.Views;
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
    /// The narrowest a name or memo column is made (in ems) so that the amounts fit the window.
    private static final double NARROWEST = 6;
    /// False until the columns are sized for the table shown, from the font actually used
    /// (the text size the person chose).
    private boolean sized = true;

    ReportTableView() {
        setId("report-table");
        getStyleClass().addAll("report-table", atlantafx.base.theme.Styles.DENSE); // dense: more rows at large text
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        widthProperty().addListener((o, a, b) -> {
            if (Math.abs(a.doubleValue() - b.doubleValue()) >= 1) {
                sized = false;
            }
        });
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
            if (numeric) {
                column.getStyleClass().add("number");
                column.setCellFactory(x -> new TableCell<>() {
                    @Override
                    protected void updateItem(String item, boolean empty) {
                        super.updateItem(item, empty);
                        setText(empty ? null : item);
                        setAlignment(Pos.CENTER_RIGHT);
                    }
                });
            } else {
                // a name or memo narrowed to leave the amounts in sight wraps onto more lines
                Views.wrapping(column, item -> item);
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
    /// headers are drawn in (the text size the person chose). When the columns are wider than the
    /// table, the wide text columns (names, memos) are narrowed, down to [#NARROWEST] ems, so
    /// that the amounts stay in sight; a narrowed text wraps onto more lines. A table
    /// still wider than the window scrolls.
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (sized || shown == null || !(lookup(".column-header .label") instanceof javafx.scene.control.Labeled l)) {
            return;
        }
        sized = true;
        double em = l.getFont().getSize();
        int n = Math.min(getColumns().size(), shown.headers().size());
        double[] natural = new double[n];
        double total = 0;
        for (int c = 0; c < n; c++) {
            int chars = 0;
            for (List<String> row : shown.rows()) {
                chars = Math.max(chars, c < row.size() ? Math.min(row.get(c).length(), 48) : 0);
            }
            // amounts: digits and their separators, and less room around them
            natural[c] = Math.ceil(Math.max(shown.headers().get(c).length() * 0.72, chars * 0.56) * em
                    + (numeric(c) ? 1.2 : 1.8) * em);
            total += natural[c];
        }
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - 1.5 * em; // a vertical scroll bar
        double cap = Double.MAX_VALUE;
        if (room > 0 && total > room) {
            // the widest text columns give way first: the largest cap that fits, not below NARROWEST
            double low = NARROWEST * em;
            double high = 48 * em;
            for (int k = 0; k < 30; k++) {
                double mid = (low + high) / 2;
                double sum = 0;
                for (int c = 0; c < n; c++) {
                    sum += numeric(c) ? natural[c] : Math.min(natural[c], mid);
                }
                if (sum <= room) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            cap = Math.floor(low);
        }
        for (int c = 0; c < n; c++) {
            getColumns().get(c).setPrefWidth(numeric(c) ? natural[c] : Math.min(natural[c], cap));
        }
    }

    private boolean numeric(int c) {
        return c < shown.numeric().size() && shown.numeric().get(c);
    }

    ReportTable shown() {
        return shown;
    }
}
