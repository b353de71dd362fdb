package coop.minka.cli;

import coop.minka.app.report.AuditService;
import coop.minka.app.report.ReportTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// The report tables of [coop.minka.app.report.ReportTables] (English, as the CSV export and the
/// printed pack write them) put into the user's language for the terminal: the column headers,
/// and the words Minka itself writes in the cells (section names, "Total", "Opening balance",
/// kinds of change). Data (names, memos) is left as it is: a cell is translated only where the
/// table's layout says it holds one of Minka's own words.
final class ReportText {
    /// Labels the statements write in a row with no account code.
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("Total", "cli.report.total"), Map.entry("Total assets", "cli.report.totalAssets"),
            Map.entry("Total liabilities", "cli.report.totalLiabilities"),
            Map.entry("Surplus to date", "cli.report.surplusToDate"),
            Map.entry("Total equity and surplus", "cli.report.totalEquityAndSurplus"),
            Map.entry("Total liabilities, equity and surplus", "cli.report.totalLiabilitiesEquityAndSurplus"),
            Map.entry("Total income", "cli.report.totalIncome"),
            Map.entry("Total expenditure", "cli.report.totalExpenditure"),
            Map.entry("Surplus", "cli.report.surplus"), Map.entry("Deficit", "cli.report.deficit"),
            Map.entry("Opening balance", "cli.report.openingBalance"),
            Map.entry("Closing balance", "cli.report.closingBalance"),
            Map.entry("All work", "cli.report.allWork"), Map.entry("Collective work days", "cli.report.workDays"));

    private ReportText() {
    }

    /// The key of a column header: `OTHER ACCOUNTS` → `cli.col.otherAccounts`, `WHEN (UTC)` → `cli.col.whenUtc`.
    static String columnKey(String header) {
        StringBuilder b = new StringBuilder("cli.col.");
        boolean first = true;
        for (String w : header.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.isEmpty()) {
                continue;
            }
            b.append(first ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
            first = false;
        }
        return b.toString();
    }

    /// A header in the user's language (itself when there is no text for it, e.g. `#`).
    static String header(Leaf cmd, String header) {
        String key = columnKey(header);
        String text = cmd.t(key);
        return text.equals(key) ? header : text;
    }

    /// Headers and Minka's own words of `table` in the user's language; `audit` gives the kinds of
    /// change of an audit table (row by row), else null.
    static ReportTable localize(Leaf cmd, ReportTable table, List<AuditService.Entry> audit) {
        List<String> headers = table.headers().stream().map(h -> header(cmd, h)).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> r = new ArrayList<>(table.rows().get(i));
            switch (table.name()) {
                case "trial-balance" -> {
                    if (r.get(0).isEmpty()) {
                        r.set(1, label(cmd, r.get(1)));
                    } else {
                        r.set(2, cmd.t("cli.accountType." + r.get(2)));
                    }
                }
                case "balance-sheet", "income" -> {
                    if (!r.get(0).isEmpty()) {
                        r.set(0, cmd.t("cli.report.section." + r.get(0)));
                    }
                    if (r.get(1).isEmpty()) {
                        r.set(2, label(cmd, r.get(2)));
                    }
                }
                case "cash-book" -> book(cmd, r, 1);
                case "member-statements" -> book(cmd, r, 2);
                case "work" -> {
                    String group = r.get(0);
                    r.set(0, cmd.t("cli.report.group." + group));
                    if (group.equals("total") || group.equals("work-days")) {
                        r.set(2, label(cmd, r.get(2)));
                    } else if (group.equals("gender")) {
                        r.set(2, cmd.t("cli.gender." + r.get(1)));
                    }
                }
                case "work-by-gender" -> r.set(1, cmd.t("cli.gender." + r.get(1)));
                case "audit" -> {
                    if (audit != null) {
                        AuditService.Entry e = audit.get(i);
                        if (e.replicaName() == null) {
                            r.set(1, cmd.t("cli.notYetReceived"));
                        }
                        r.set(4, change(cmd, e.type()));
                    }
                }
                default -> {
                }
            }
            rows.add(r);
        }
        return new ReportTable(table.name(), table.title(), headers, table.numeric(), rows);
    }

    /// The kind of change (`tx.post`) in words of the user's language, or the type itself.
    static String change(Leaf cmd, String type) {
        String key = "cli.change." + type;
        String text = cmd.t(key);
        return text.equals(key) ? type : text;
    }

    /// The opening row of a book has no amounts in or out; the closing row has no date.
    private static void book(Leaf cmd, List<String> r, int lead) {
        int in = r.size() - 3;
        boolean opening = r.get(in).isEmpty() && r.get(in + 1).isEmpty() && r.get(lead + 2).isEmpty();
        boolean closing = r.get(lead).isEmpty();
        if (opening || closing) {
            r.set(lead + 1, label(cmd, r.get(lead + 1)));
        }
    }

    private static String label(Leaf cmd, String english) {
        String key = LABELS.get(english);
        return key == null ? english : cmd.t(key);
    }
}
