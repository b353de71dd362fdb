package coop.minka.cli;

import coop.minka.app.DefaultLocations;
import coop.minka.app.report.QuickReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/// A quick start for the most common question, `minka [--db FILE] report balances`: the same
/// table, byte for byte ([BalancesTable] prints both), read by [QuickReport] without starting the
/// command-line framework, jOOQ or Jackson (about half of a cold start). Anything unusual — other
/// options, a missing, foreign, older or newer database, a half-made cooperative — is left to
/// the regular path, which also gives the catalogued error messages. It speaks the language of
/// the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), as the regular path does without `--lang`.
public final class FastBalances {
    private FastBalances() {
    }

    /// Prints the balances and returns true, or returns false having printed nothing.
    public static boolean tryRun(String[] args, PrintWriter out) {
        Path db = database(args);
        if (db == null) {
            return false;
        }
        var balances = QuickReport.balances(db);
        if (balances.isEmpty()) {
            return false;
        }
        BalancesTable.print(out, balances.get().rows(), balances.get().currency(), Language.ofEnvironment(System::getenv));
        out.flush();
        return true;
    }

    /// The database of `[--db FILE | --db=FILE] report balances`, or null for any other command line.
    static Path database(String[] args) {
        List<String> a = Arrays.asList(args);
        if (a.equals(List.of("report", "balances"))) {
            return DefaultLocations.database();
        }
        if (a.size() == 4 && a.get(0).equals("--db") && a.subList(2, 4).equals(List.of("report", "balances"))) {
            return Path.of(a.get(1));
        }
        if (a.size() == 3 && a.get(0).startsWith("--db=") && a.subList(1, 3).equals(List.of("report", "balances"))) {
            return Path.of(a.get(0).substring(5));
        }
        return null;
    }
}
