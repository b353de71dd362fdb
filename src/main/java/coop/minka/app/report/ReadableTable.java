package coop.minka.app.report;

import coop.minka.app.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// The report tables of [ReportTables] come in the user's language (headers and labels); for a
/// spreadsheet their cells keep Minka's codes (`asset`, `woman`, `tx.post`). For people (the
/// terminal and the Reports screen) those codes are put into words: a cell is changed only where
/// the table's layout says it holds one of Minka's codes; data (names, memos) is left as it is.
/// The CSV files keep the codes.
public final class ReadableTable {
    /// The words for each code, by the code's place (`accountType.asset`, `gender.woman`).
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("gender.woman", "table.code.gender.woman"),
            Map.entry("gender.man", "table.code.gender.man"),
            Map.entry("gender.nonbinary", "table.code.gender.nonbinary"),
            Map.entry("gender.unspecified", "table.code.gender.unspecified"),
            Map.entry("accountType.asset", "table.code.accountType.asset"),
            Map.entry("accountType.liability", "table.code.accountType.liability"),
            Map.entry("accountType.equity", "table.code.accountType.equity"),
            Map.entry("accountType.income", "table.code.accountType.income"),
            Map.entry("accountType.expense", "table.code.accountType.expense"),
            Map.entry("section.assets", "table.code.section.assets"),
            Map.entry("section.liabilities", "table.code.section.liabilities"),
            Map.entry("section.equity", "table.code.section.equity"),
            Map.entry("section.income", "table.code.section.income"),
            Map.entry("section.expenditure", "table.code.section.expenditure"),
            Map.entry("group.total", "table.code.group.total"),
            Map.entry("group.gender", "table.code.group.gender"),
            Map.entry("group.member", "table.code.group.member"),
            Map.entry("group.category", "table.code.group.category"),
            Map.entry("group.month", "table.code.group.month"),
            Map.entry("group.work-day", "table.code.group.work-day"),
            Map.entry("group.work-days", "table.code.group.work-days"),
            Map.entry("gender.unknown", "table.code.gender.unknown"),
            Map.entry("change.coop.create", "table.code.change.coop.create"),
            Map.entry("change.coop.update", "table.code.change.coop.update"),
            Map.entry("change.replica.join", "table.code.change.replica.join"),
            Map.entry("change.replica.admit", "table.code.change.replica.admit"),
            Map.entry("change.replica.revoke", "table.code.change.replica.revoke"),
            Map.entry("change.member.add", "table.code.change.member.add"),
            Map.entry("change.member.update", "table.code.change.member.update"),
            Map.entry("change.category.add", "table.code.change.category.add"),
            Map.entry("change.category.update", "table.code.change.category.update"),
            Map.entry("change.account.add", "table.code.change.account.add"),
            Map.entry("change.account.update", "table.code.change.account.update"),
            Map.entry("change.work.add", "table.code.change.work.add"),
            Map.entry("change.work.void", "table.code.change.work.void"),
            Map.entry("change.tx.post", "table.code.change.tx.post"),
            Map.entry("change.tx.void", "table.code.change.tx.void"),
            Map.entry("change.period.close", "table.code.change.period.close"),
            Map.entry("change.conflict.resolve", "table.code.change.conflict.resolve"),
            Map.entry("change.person.add", "table.code.change.person.add"),
            Map.entry("change.person.update", "table.code.change.person.update"),
            Map.entry("change.person.pin", "table.code.change.person.pin"),
            Map.entry("notYetReceived", "table.code.notYetReceived"));

    private ReadableTable() {
    }

    /// `table` with Minka's codes in `words`; `audit` gives the kinds of change of an audit table
    /// (row by row), else null.
    public static ReportTable of(ReportTable table, Words words, List<AuditService.Entry> audit) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> r = new ArrayList<>(table.rows().get(i));
            switch (table.name()) {
                case "trial-balance" -> {
                    if (!r.get(0).isEmpty()) {
                        r.set(2, word(words, "accountType." + r.get(2), r.get(2)));
                    }
                }
                case "balance-sheet", "income" -> {
                    if (!r.get(0).isEmpty()) {
                        r.set(0, word(words, "section." + r.get(0), r.get(0)));
                    }
                }
                case "work" -> {
                    String group = r.get(0);
                    r.set(0, word(words, "group." + group, group));
                    if (group.equals("gender")) {
                        r.set(2, word(words, "gender." + r.get(1), r.get(2)));
                    }
                }
                case "work-by-gender" -> r.set(1, word(words, "gender." + r.get(1), r.get(1)));
                case "audit" -> {
                    if (audit != null && i < audit.size()) {
                        AuditService.Entry e = audit.get(i);
                        if (e.replicaName() == null) {
                            r.set(1, words.t(WORDS.get("notYetReceived")));
                        }
                        r.set(4, change(words, e.type()));
                    }
                }
                default -> {
                }
            }
            rows.add(r);
        }
        return new ReportTable(table.name(), table.title(), table.headers(), table.numeric(), rows,
                table.kinds());
    }

    /// The kind of change (`tx.post`) in words, or the type itself when it has none.
    public static String change(Words words, String type) {
        return word(words, "change." + type, ReportTables.change(type, words));
    }

    private static String word(Words words, String code, String otherwise) {
        String key = WORDS.get(code);
        return key == null ? otherwise : words.t(key);
    }
}
