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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka tx add|void|list`: balanced transactions.
@Command(name = "tx", description = "Post, void and list transactions.",
        subcommands = {TxCommand.Add.class, TxCommand.Void.class, TxCommand.ListTx.class})
final class TxCommand {
    private TxCommand() {
    }

    static void print(Services s, List<Transaction> txs, boolean json, java.io.PrintWriter out) {
        var cur = s.workspace().currency();
        Map<String, String> codes = s.ledger().accounts().stream()
                .collect(Collectors.toMap(a -> a.account().id(), a -> a.account().code()));
        Function<String, String> code = id -> codes.getOrDefault(id, "(not yet received)");
        if (json) {
            Out.json(out, txs.stream().map(t -> Out.transaction(t, code, cur)).toList());
            return;
        }
        Out.table(out, List.of("ID", "DATE", "MEMO", "POSTINGS"), txs.stream().map(t -> List.of(t.id(),
                t.date().toString(), (t.voided() ? "[VOID: " + t.voidReason() + "] " : "") + t.memo(),
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
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            Transaction t = s.ledger().post(entryDate(date), memo, reference,
                    posts.stream().map(LedgerService.Line::parse).toList());
            if (json) {
                print(s, List.of(t), true, out());
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
            out().println("Voided " + t.id());
            return 0;
        }
    }

    @Command(name = "list", description = "List transactions (the journal).")
    static final class ListTx extends Leaf {
        @Option(names = "--from", paramLabel = "DATE")
        String from;
        @Option(names = "--to", paramLabel = "DATE")
        String to;
        @Option(names = "--account", paramLabel = "CODE")
        String account;
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            print(s, s.ledger().transactions(Texts.date(from), Texts.date(to), account), json, out());
            return 0;
        }
    }

    static String label(Account a) {
        return a.code() + " " + a.name();
    }
}
