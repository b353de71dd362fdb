package coop.minka.cli;

import coop.minka.app.LedgerService;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import coop.minka.domain.Account;
import coop.minka.domain.Money;
import coop.minka.domain.Transaction;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka tx add|void|list`: balanced transactions.
@Command(name = "tx", description = "Post, void and list transactions.",
        subcommands = {TxCommand.Add.class, TxCommand.Void.class, TxCommand.ListTx.class})
final class TxCommand {
    private TxCommand() {
    }

    static void print(Leaf cmd, Services s, List<Transaction> txs, boolean json, java.io.PrintWriter out) {
        var cur = s.workspace().currency();
        Map<String, String> codes = s.ledger().accounts().stream()
                .collect(Collectors.toMap(a -> a.account().id(), a -> a.account().code()));
        String missing = cmd.t("cli.notYetReceived");
        Function<String, String> code = id -> codes.getOrDefault(id, missing);
        if (json) {
            Out.json(out, txs.stream().map(t -> Out.transaction(t, code, cur)).toList());
            return;
        }
        Out.table(out, List.of(cmd.t("cli.col.id"), cmd.t("cli.col.date"), cmd.t("cli.col.memo"),
                cmd.t("cli.col.postings")), txs.stream().map(t -> List.of(t.id(), t.date().toString(),
                (t.voided() ? cmd.t("cli.voidMark", t.voidReason()) + " " : "") + t.memo(),
                t.postings().stream().map(p -> code.apply(p.accountId()) + "=" + Money.format(p.amount(), cur))
                        .collect(Collectors.joining(" ")))).toList());
    }

    @Command(name = "add", description = "Post a transaction; the amounts must sum to zero. Prints its id.")
    static final class Add extends Leaf {
        @Option(names = "--date", required = true, paramLabel = "DATE")
        String date;
        @Option(names = "--memo", required = true)
        String memo;
        @Option(names = "--ref", description = "A receipt or voucher number.")
        String reference;
        @Option(names = "--post", required = true, paramLabel = "CODE=AMOUNT",
                description = "One line; positive = debit, negative = credit. Repeat for each line.")
        List<String> posts;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            Transaction t = s.ledger().post(entryDate(date), memo, reference,
                    posts.stream().map(LedgerService.Line::parse).toList());
            if (json.on) {
                print(this, s, List.of(t), true, out());
            } else {
                out().println(t.id());
            }
            return 0;
        }
    }

    @Command(name = "void", description = "Void a transaction; it stays visible but no longer counts.")
    static final class Void extends Leaf {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--reason", required = true)
        String reason;

        @Override
        int run(Services s) {
            Transaction t = s.ledger().voidTransaction(id, reason);
            out().println(t("cli.voided", t.id()));
            return 0;
        }
    }

    @Command(name = "list", description = "List transactions (the journal).")
    static final class ListTx extends Leaf {
        @Mixin
        DateRangeOptions dates;
        @Option(names = "--account", paramLabel = "CODE")
        String account;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            print(this, s, s.ledger().transactions(dates.from(), dates.to(), account), json.on, out());
            return 0;
        }
    }

    static String label(Account a) {
        return a.code() + " " + a.name();
    }
}
