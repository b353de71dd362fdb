package coop.minka.app.report;

import coop.minka.app.LedgerService.AccountBalance;
import coop.minka.store.QuickBalances;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/// The quick way to the most common question, `minka report balances`, without opening the
/// books through [Workspace] (no migration, no identity, no services): the same rows as
/// [ReportService#balances] with no date. Empty whenever the file is not plainly a current
/// Minka database; the caller then opens the books the regular way.
public final class QuickReport {
    /// The current balance of every account, in the cooperative's currency. The rows sum to zero.
    public record Balances(Currency currency, List<AccountBalance> rows) {
        public long total() {
            return rows.stream().mapToLong(AccountBalance::balance).sum();
        }
    }

    private QuickReport() {
    }

    /// The current balances of the database `db`, or empty (see the class comment).
    public static Optional<Balances> balances(Path db) {
        return QuickBalances.read(db).flatMap(s -> {
            try {
                return Optional.of(new Balances(Currency.getInstance(s.currency()), s.lines().stream()
                        .map(l -> new AccountBalance(l.account(), l.balance())).toList()));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // an unknown currency: the regular path explains it
            }
        });
    }
}
