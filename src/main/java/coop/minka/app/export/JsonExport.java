package coop.minka.app.export;

import coop.minka.app.Books;
import coop.minka.app.PeriodRules;
import coop.minka.app.Texts;
import coop.minka.app.Workspace;
import coop.minka.app.report.ReportTables;
import coop.minka.app.report.WorkFigures;

import coop.minka.domain.Account;
import coop.minka.domain.Member;
import coop.minka.domain.Posting;
import coop.minka.domain.Transaction;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import coop.minka.store.LedgerRepository;
import coop.minka.store.WorkRepository;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// The full JSON export (`minka export --format json`): the cooperative, every account with
/// its balance at the end of the period, members, work categories, every transaction and work
/// entry of the period (voided ones included and marked), and the closing dates. Field names
/// are those of the command line's `--json` output; amounts are plain decimal strings.
final class JsonExport {
    static final String FORMAT = "minka-export/1";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonExport() {
    }

    public static byte[] write(Workspace ws, LocalDate from, LocalDate to) {
        Map<String, Object> o = ws.read(s -> {
            Books b = Books.load(s, from, to);
            var cur = b.currency();
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("format", FORMAT);
            Map<String, Object> coop = new LinkedHashMap<>();
            coop.put("id", b.coop().id());
            coop.put("name", b.coop().name());
            coop.put("currency", cur.getCurrencyCode());
            root.put("cooperative", coop);
            root.put("from", from == null ? null : from.toString());
            root.put("to", to == null ? null : to.toString());
            root.put("closedUpTo", new PeriodRules().closedUpTo(s).map(LocalDate::toString).orElse(null));
            var close = b.closing();
            List<Map<String, Object>> accounts = new ArrayList<>();
            for (Account a : b.accounts().values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", a.id());
                m.put("code", a.code());
                m.put("name", a.name());
                m.put("type", a.type().wire());
                m.put("member", a.memberId());
                m.put("archived", a.archived());
                m.put("balance", ReportTables.m(close.getOrDefault(a.id(), 0L), cur));
                accounts.add(m);
            }
            root.put("accounts", accounts);
            List<Map<String, Object>> members = new ArrayList<>();
            for (Member mb : b.members().values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", mb.id());
                m.put("name", mb.name());
                m.put("gender", mb.gender().wire());
                m.put("joined", mb.joined() == null ? null : mb.joined().toString());
                m.put("status", mb.status().wire());
                m.put("contact", mb.contact());
                m.put("notes", mb.notes());
                members.add(m);
            }
            root.put("members", members);
            List<Map<String, Object>> cats = new ArrayList<>();
            for (WorkCategory c : b.categories().values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("code", c.code());
                m.put("name", c.name());
                m.put("kind", c.kind().wire());
                m.put("rate", c.rateMinor() == null ? null : ReportTables.m(c.rateMinor(), cur));
                if (!c.ratesFrom().isEmpty()) {
                    List<Map<String, Object>> rates = new ArrayList<>();
                    c.ratesFrom().forEach((day, rate) -> {
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("from", day.toString());
                        r.put("rate", ReportTables.m(rate, cur));
                        rates.add(r);
                    });
                    m.put("ratesFrom", rates);
                }
                cats.add(m);
            }
            root.put("categories", cats);
            List<Map<String, Object>> txs = new ArrayList<>();
            for (Transaction t : LedgerRepository.transactions(s, from, to, null)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id());
                m.put("date", t.date().toString());
                m.put("memo", t.memo());
                m.put("reference", t.reference());
                List<Map<String, Object>> ps = new ArrayList<>();
                for (Posting p : t.postings()) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("account", b.account(p.accountId()).code());
                    pm.put("accountId", p.accountId());
                    pm.put("amount", ReportTables.m(p.amount(), cur));
                    ps.add(pm);
                }
                m.put("postings", ps);
                m.put("voided", t.voided());
                m.put("voidReason", t.voidReason());
                txs.add(m);
            }
            root.put("transactions", txs);
            List<Map<String, Object>> work = new ArrayList<>();
            for (WorkEntry e : WorkRepository.entries(s, null, from, to, true)) {
                WorkCategory c = b.categories().get(e.categoryId());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("date", e.date().toString());
                m.put("member", e.memberId());
                m.put("category", c == null ? null : c.code());
                m.put("categoryId", e.categoryId());
                m.put("hours", Double.parseDouble(Texts.hours(e.minutes())));
                m.put("minutes", e.minutes());
                m.put("value", ReportTables.m(e.voided() ? 0 : WorkFigures.value(e, c), cur));
                m.put("note", e.note());
                m.put("witness", e.witnessId());
                m.put("workDay", e.workDayId());
                m.put("voided", e.voided());
                m.put("voidReason", e.voidReason());
                work.add(m);
            }
            root.put("work", work);
            return root;
        });
        return (JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
