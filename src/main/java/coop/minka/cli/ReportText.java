package coop.minka.cli;

import coop.minka.app.report.AuditService;
import coop.minka.app.report.ReportTable;
import java.util.ArrayList;
import java.util.List;

/// The report tables of [coop.minka.app.report.ReportTables] come in the user's language (headers
/// and labels); for a spreadsheet their cells keep Minka's codes (`asset`, `woman`, `tx.post`).
/// On the terminal those codes are put into words: a cell is changed only where the table's
/// layout says it holds one of Minka's codes; data (names, memos) is left as it is.
final class ReportText {
    private ReportText() {
    }

    /// `table` with Minka's codes in words of the user's language; `audit` gives the kinds of
    /// change of an audit table (row by row), else null.
    static ReportTable localize(Leaf cmd, ReportTable table, List<AuditService.Entry> audit) {
        List<String> headers = table.headers();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> r = new ArrayList<>(table.rows().get(i));
            switch (table.name()) {
                case "trial-balance" -> {
                    if (!r.get(0).isEmpty()) {
                        r.set(2, cmd.t("cli.accountType." + r.get(2)));
                    }
                }
                case "balance-sheet", "income" -> {
                    if (!r.get(0).isEmpty()) {
                        r.set(0, cmd.t("cli.report.section." + r.get(0)));
                    }
                }
                case "work" -> {
                    String group = r.get(0);
                    r.set(0, cmd.t("cli.report.group." + group));
                    if (group.equals("gender")) {
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


}
