package coop.minka.cli;

import coop.minka.app.LedgerService;
import coop.minka.domain.Money;
import java.io.PrintWriter;
import java.util.Currency;
import java.util.List;

/// The text of `minka report balances`, printed by the regular command and by the quick path
/// ([FastBalances]) alike, so the two cannot drift apart. Loads neither picocli nor Jackson.
final class BalancesTable {
    private BalancesTable() {
    }

    static void print(PrintWriter out, List<LedgerService.AccountBalance> rows, Currency cur) {
        long total = rows.stream().mapToLong(LedgerService.AccountBalance::balance).sum();
        out.print(TextTable.render(List.of("CODE", "NAME", "TYPE", "BALANCE"), rows.stream().map(r -> List.of(
                r.account().code(), r.account().name(), r.account().type().wire(),
                Money.format(r.balance(), cur))).toList()));
        out.println("Total: " + Money.format(total, cur) + " " + cur.getCurrencyCode());
    }
}
