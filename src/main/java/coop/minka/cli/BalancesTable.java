package coop.minka.cli;

import coop.minka.app.ErrorMessages;
import coop.minka.app.LedgerService;
import coop.minka.domain.Money;
import java.io.PrintWriter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/// The text of `minka report balances`, printed by the regular command and by the quick path
/// ([FastBalances]) alike, so the two cannot drift apart. Loads neither picocli nor Jackson.
final class BalancesTable {
    private BalancesTable() {
    }

    static void print(PrintWriter out, List<LedgerService.AccountBalance> rows, Currency cur, Locale lang) {
        long total = rows.stream().mapToLong(LedgerService.AccountBalance::balance).sum();
        out.print(TextTable.render(List.of(text("cli.col.code", lang), text("cli.col.name", lang),
                text("cli.col.type", lang), text("cli.col.balance", lang)), rows.stream().map(r -> List.of(
                r.account().code(), r.account().name(), text("cli.accountType." + r.account().type().wire(), lang),
                Money.format(r.balance(), cur))).toList()));
        out.println(text("cli.balances.total", lang, Money.format(total, cur), cur.getCurrencyCode()));
    }

    private static String text(String key, Locale lang, Object... args) {
        return ErrorMessages.text(key, lang, args);
    }
}
