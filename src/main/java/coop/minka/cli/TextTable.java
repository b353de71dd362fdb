package coop.minka.cli;

import java.util.ArrayList;
import java.util.List;

/// Aligned plain-text tables for the command line. Its own small class so the quick
/// `report balances` path can use it without loading the JSON machinery.
final class TextTable {
    private TextTable() {
    }

    /// Header, a rule of dashes, then the rows; columns two spaces apart, no trailing blanks.
    /// Every cell is made one safe line first ([Terminal#safe]): a name cannot break the table
    /// or print a line of its own.
    static String render(List<String> headers, List<List<String>> rawRows) {
        List<List<String>> rows = rawRows.stream().map(r -> r.stream().map(Terminal::safe).toList()).toList();
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r.get(i) == null ? 0 : r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        row(sb, headers, w);
        List<String> rule = new ArrayList<>();
        for (int x : w) {
            rule.add("-".repeat(x));
        }
        row(sb, rule, w);
        for (List<String> r : rows) {
            row(sb, r, w);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, List<String> cells, int[] w) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            line.append(c).append(" ".repeat(w[i] - c.length()));
            if (i < w.length - 1) {
                line.append("  ");
            }
        }
        sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
}
