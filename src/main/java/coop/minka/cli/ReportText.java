package coop.minka.cli;

import coop.minka.app.Words;
import coop.minka.app.report.AuditService;
import coop.minka.app.report.ReadableTable;
import coop.minka.app.report.ReportTable;
import java.util.List;

/// The terminal's side of [ReadableTable]: the report tables with Minka's codes (`asset`,
/// `woman`, `tx.post`) put into words of the terminal's language, the same words the Reports
/// screen shows. The CSV keeps the codes.
final class ReportText {
    private ReportText() {
    }

    /// `table` with Minka's codes in words of the user's language; `audit` gives the kinds of
    /// change of an audit table (row by row), else null.
    static ReportTable localize(Leaf cmd, ReportTable table, List<AuditService.Entry> audit) {
        return ReadableTable.of(table, words(cmd), audit);
    }

    /// The kind of change (`tx.post`) in words of the user's language, or the type itself.
    static String change(Leaf cmd, String type) {
        return ReadableTable.change(words(cmd), type);
    }

    private static Words words(Leaf cmd) {
        return Words.of(cmd.root().locale());
    }
}
