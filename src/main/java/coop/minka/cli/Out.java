package coop.minka.cli;

import coop.minka.app.Texts;
import coop.minka.domain.Account;
import coop.minka.domain.Member;
import coop.minka.domain.Money;
import coop.minka.domain.Transaction;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import java.io.PrintWriter;
import java.util.Currency;
import java.util.List;
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

    /// A member in `member add|list|update --json`.
    record MemberJson(String id, String name, String gender, String joined, String status, String contact,
                      String notes) {
    }

    static MemberJson member(Member m) {
        return new MemberJson(m.id(), m.name(), m.gender().wire(), m.joined() == null ? null : m.joined().toString(),
                m.status().wire(), m.contact(), m.notes());
    }

    /// A work category in `category add|list --json`.
    record CategoryJson(String id, String code, String name, String kind, String rate) {
    }

    static CategoryJson category(WorkCategory c, Currency cur) {
        return new CategoryJson(c.id(), c.code(), c.name(), c.kind().wire(),
                c.rateMinor() == null ? null : Money.format(c.rateMinor(), cur));
    }

    /// A work entry in `work add|day|list --json`.
    record WorkJson(String id, String date, String member, String memberName, String category, double hours,
                    int minutes, String note, String witness, String workDay, boolean voided, String voidReason) {
    }

    static WorkJson work(WorkEntry e, Function<String, String> memberName, Function<String, String> catCode) {
        return new WorkJson(e.id(), e.date().toString(), e.memberId(), memberName.apply(e.memberId()),
                catCode.apply(e.categoryId()), Double.parseDouble(Texts.hours(e.minutes())), e.minutes(), e.note(),
                e.witnessId(), e.workDayId(), e.voided(), e.voidReason());
    }

    /// An account with its balance in `account add|list --json` and `report balances --json`.
    record AccountJson(String id, String code, String name, String type, String member, boolean archived,
                       boolean cash, String balance) {
    }

    static AccountJson account(Account a, long balance, Currency cur) {
        return new AccountJson(a.id(), a.code(), a.name(), a.type().wire(), a.memberId(), a.archived(),
                a.isCashAndBank(), Money.format(balance, cur));
    }

    /// A transaction in `tx add|list --json`.
    record TransactionJson(String id, String date, String memo, String reference, List<PostingJson> postings,
                           boolean voided, String voidReason) {
    }

    record PostingJson(String account, String amount) {
    }

    static TransactionJson transaction(Transaction t, Function<String, String> code, Currency cur) {
        return new TransactionJson(t.id(), t.date().toString(), t.memo(), t.reference(), t.postings().stream()
                .map(p -> new PostingJson(code.apply(p.accountId()), Money.format(p.amount(), cur))).toList(),
                t.voided(), t.voidReason());
    }
}
