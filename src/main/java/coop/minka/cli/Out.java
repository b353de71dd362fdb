package coop.minka.cli;

import coop.minka.app.Texts;
import coop.minka.domain.Account;
import coop.minka.domain.Member;
import coop.minka.domain.Money;
import coop.minka.domain.Posting;
import coop.minka.domain.Transaction;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// Printing for the command line: aligned plain-text tables, and `--json` with the stable
/// field names documented in the README. Amounts are plain decimals as strings (`"1234.50"`),
/// hours are decimals (`1.5`), dates ISO.
final class Out {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Out() {
    }

    static void json(PrintWriter out, Object value) {
        out.println(JSON.writeValueAsString(value));
    }

    static void table(PrintWriter out, List<String> headers, List<List<String>> rows) {
        out.print(TextTable.render(headers, rows));
    }

    static Map<String, Object> member(Member m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", m.id());
        o.put("name", m.name());
        o.put("gender", m.gender().wire());
        o.put("joined", m.joined() == null ? null : m.joined().toString());
        o.put("status", m.status().wire());
        o.put("contact", m.contact());
        o.put("notes", m.notes());
        return o;
    }

    static Map<String, Object> category(WorkCategory c, Currency cur) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", c.id());
        o.put("code", c.code());
        o.put("name", c.name());
        o.put("kind", c.kind().wire());
        o.put("rate", c.rateMinor() == null ? null : Money.format(c.rateMinor(), cur));
        return o;
    }

    static Map<String, Object> work(WorkEntry e, Function<String, String> memberName, Function<String, String> catCode) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", e.id());
        o.put("date", e.date().toString());
        o.put("member", e.memberId());
        o.put("memberName", memberName.apply(e.memberId()));
        o.put("category", catCode.apply(e.categoryId()));
        o.put("hours", Double.parseDouble(Texts.hours(e.minutes())));
        o.put("minutes", e.minutes());
        o.put("note", e.note());
        o.put("witness", e.witnessId());
        o.put("workDay", e.workDayId());
        o.put("voided", e.voided());
        o.put("voidReason", e.voidReason());
        return o;
    }

    static Map<String, Object> account(Account a, long balance, Currency cur) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", a.id());
        o.put("code", a.code());
        o.put("name", a.name());
        o.put("type", a.type().wire());
        o.put("member", a.memberId());
        o.put("archived", a.archived());
        o.put("balance", Money.format(balance, cur));
        return o;
    }

    static Map<String, Object> transaction(Transaction t, Function<String, String> code, Currency cur) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", t.id());
        o.put("date", t.date().toString());
        o.put("memo", t.memo());
        o.put("reference", t.reference());
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Posting p : t.postings()) {
            Map<String, Object> po = new LinkedHashMap<>();
            po.put("account", code.apply(p.accountId()));
            po.put("amount", Money.format(p.amount(), cur));
            ps.add(po);
        }
        o.put("postings", ps);
        o.put("voided", t.voided());
        o.put("voidReason", t.voidReason());
        return o;
    }
}
