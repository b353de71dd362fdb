package coop.minka.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/// A report as rows of printed text: the form the command line's tables, the CSV files and
/// the printed pack share, made by [ReportTables] from the figures. `name` is the CSV file's
/// base name (`trial-balance`); `numeric` marks the columns printed right-aligned; `kinds` tells
/// each row's kind (the pack prints opening, closing and total rows bold, whatever the language).
public record ReportTable(String name, String title, List<String> headers, List<Boolean> numeric,
                          List<List<String>> rows, List<RowKind> kinds) {
    /// What a row is: a plain line, an account's opening or closing balance, or a total (or the
    /// surplus/deficit that closes a statement).
    public enum RowKind {
        LINE, OPENING, CLOSING, TOTAL;

        /// Printed bold in the pack.
        public boolean strong() {
            return this != LINE;
        }
    }

    /// First characters that make a spreadsheet read a cell as a formula.
    private static final String FORMULA_START = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    /// A number as Minka writes amounts and hours: nothing a spreadsheet could run.
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    public ReportTable {
        headers = List.copyOf(headers);
        numeric = List.copyOf(numeric);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        kinds = kinds == null ? java.util.Collections.nCopies(rows.size(), RowKind.LINE) : List.copyOf(kinds);
        if (kinds.size() != rows.size()) {
            throw new IllegalArgumentException("a kind for each row: " + kinds.size() + " kinds, " + rows.size()
                    + " rows");
        }
    }

    /// A table of plain lines only.
    public ReportTable(String name, String title, List<String> headers, List<Boolean> numeric,
                       List<List<String>> rows) {
        this(name, title, headers, numeric, rows, null);
    }

    /// The kind of row `i`.
    public RowKind kind(int i) {
        return kinds.get(i);
    }

    /// Writes RFC 4180 CSV (comma separated, CRLF line ends, quotes where needed). A cell that a
    /// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
    /// return, or their full-width forms) gets a leading apostrophe, unless it is a plain number
    /// such as the amount `-12.50`: `-1+1` or `-2+3+cmd|' /C calc'!A0` is text and is defused.
    public void writeCsv(Writer out) {
        try {
            writeRow(out, headers);
            for (List<String> r : rows) {
                writeRow(out, r);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String csv() {
        var w = new java.io.StringWriter();
        writeCsv(w);
        return w.toString();
    }

    private static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    public static String cell(String raw) {
        String s = raw == null ? "" : raw;
        if (!s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(s).matches()) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
