package coop.minka.app;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.Ids;
import coop.minka.domain.Member;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.ChangeLog;
import coop.minka.store.LedgerRepository;
import coop.minka.store.Session;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/// The balanced transaction and the accounts a service's own entry writes with it, in the same
/// write (design notes 32, 35): the savings group's and the capital's money go through here.
final class BookWriter {
    /// The cash box's code when Minka makes it.
    static final String CASH = "1000";

    private final Workspace ws;
    private final PeriodRules periods;

    BookWriter(Workspace ws, PeriodRules periods) {
        this.ws = ws;
        this.periods = periods;
    }

    /// The cash box: the cooperative's cash account (code 1000 first), if it has one.
    static Optional<Account> cashAccount(Session s) {
        List<Account> cash = LedgerRepository.accounts(s).stream().filter(Account::isCashAndBank).toList();
        return cash.stream().filter(a -> a.code().equals(CASH)).findFirst().or(() -> cash.stream().findFirst());
    }

    /// A balanced transaction through the one write path's rules: the date must be open.
    String post(ChangeLog.Writer w, LocalDate date, String memo, Map<String, Long> lines) {
        periods.checkOpen(w, date);
        String id = Ids.owned(ws.selfId(), ws.log().now());
        List<Map<String, Object>> wire = new ArrayList<>();
        new TreeMap<>(lines).forEach((account, amount) -> {
            if (amount != 0) {
                wire.add(Map.of("account", account, "amount", amount));
            }
        });
        w.append(OpType.TX_POST, id, OpData.builder().put("date", date.toString()).put("memo", memo)
                .put("postings", wire).build());
        return id;
    }

    /// The cash box: the cooperative's cash account (code 1000 first), made if there is none.
    String cash(ChangeLog.Writer w, Words words) {
        Optional<Account> a = cashAccount(w);
        if (a.isPresent()) {
            return a.get().id();
        }
        return addAccount(w, CASH, words.t("starter.account.cash"), AccountType.ASSET, null, true);
    }

    /// The cooperative's account with this code, made with this name and type if there is none.
    String account(ChangeLog.Writer w, String code, String name, AccountType type) {
        return LedgerRepository.accountByCode(w, code).map(Account::id)
                .orElseGet(() -> addAccount(w, code, name, type, null, false));
    }

    /// A member's account, made if missing: `prefix-` + the member id's time and counter digits
    /// (15 hex digits: two members added in the same millisecond on one laptop differ), or the
    /// whole id if another account already has that code.
    String memberAccount(ChangeLog.Writer w, Words words, String prefix, String nameKey, AccountType type,
                         Member m) {
        List<Account> all = LedgerRepository.accounts(w);
        return all.stream()
                .filter(a -> m.id().equals(a.memberId()) && a.code().startsWith(prefix + "-")).map(Account::id)
                .findFirst().orElseGet(() -> addAccount(w, memberCode(prefix, m.id(), all), words.t(nameKey,
                        m.name()), type, m.id(), false));
    }

    /// The code of a member's account among `accounts` (see [#memberAccount]).
    static String memberCode(String prefix, String memberId, List<Account> accounts) {
        String hex = memberId.replace("-", "");
        String short15 = prefix + "-" + hex.substring(0, 12) + hex.substring(13, 16);
        return accounts.stream().anyMatch(a -> a.code().equals(short15)) ? prefix + "-" + hex : short15;
    }

    String addAccount(ChangeLog.Writer w, String code, String name, AccountType type, String member,
                      boolean cash) {
        String id = Ids.owned(ws.selfId(), ws.log().now());
        w.append(OpType.ACCOUNT_ADD, id, OpData.builder().put("code", code).put("name", name)
                .put("type", type.wire()).put("member", member).put("cash", cash ? Boolean.TRUE : null).build());
        return id;
    }
}
