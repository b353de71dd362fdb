package coop.minka.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/// A report as rows of printed text: the form the command line's tables, the CSV files and
/// the printed pack share, made by [ReportTables] from the figures. `name` is the CSV file's
/// base name (`trial-balance`); `numeric` marks the columns printed right-aligned.
public record ReportTable(String name, String title, List<String> headers, List<Boolean> numeric,
                          List<List<String>> rows) {
    public ReportTable {
        headers = List.copyOf(headers);
        numeric = List.copyOf(numeric);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    /// Writes RFC 4180 CSV (comma separated, CRLF line ends, quotes where needed). A text cell
    /// that a spreadsheet would run as a formula (`=`, `+`, `@`, or `-` not followed by a digit)
    /// gets a leading apostrophe.
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

    static String cell(String raw) {
        String s = raw == null ? "" : raw;
        if (!s.isEmpty() && (s.charAt(0) == '=' || s.charAt(0) == '+' || s.charAt(0) == '@'
                || (s.charAt(0) == '-' && (s.length() == 1 || !Character.isDigit(s.charAt(1))))
                || s.charAt(0) == '\t' || s.charAt(0) == '\r')) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
