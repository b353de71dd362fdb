package coop.minka.cli;

import coop.minka.app.LedgerService;
import coop.minka.app.Services;
import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.Money;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka account add|list|update`: the chart of accounts.
@Command(name = "account", description = "The chart of accounts.",
        subcommands = {AccountCommand.Add.class, AccountCommand.ListAccounts.class, AccountCommand.Update.class})
final class AccountCommand {
    private AccountCommand() {
    }

    @Command(name = "add", description = "Add an account; prints its id.")
    static final class Add extends Leaf {
        @Option(names = "--code", required = true)
        String code;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--type", required = true, description = "asset, liability, equity, income or expense.")
        String type;
        @Option(names = "--member", description = "For a member's own sub-account (savings, dues, loan).")
        String member;
        @Option(names = "--cash", description = "The account holds the cooperative's money (a cash box or a bank account).")
        boolean cash;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            Account a = s.ledger().addAccount(code, name, AccountType.fromWire(type), member, cash);
            if (json.on) {
                Out.json(out(), Out.account(a, 0, s.workspace().currency()));
            } else {
                out().println(a.id());
            }
            return 0;
        }
    }

    @Command(name = "update", description = "Rename or archive an account.")
    static final class Update extends Leaf {
        @Parameters(paramLabel = "CODE")
        String code;
        @Option(names = "--name")
        String name;
        @Option(names = "--archived", arity = "1", paramLabel = "true|false")
        Boolean archived;
        @Option(names = "--cash", arity = "1", paramLabel = "true|false",
                description = "Mark (true) or unmark (false) the account as holding the cooperative's money.")
        Boolean cash;

        @Override
        int run(Services s) {
            Account a = s.ledger().updateAccount(code, name, archived, cash);
            out().println(Terminal.safe(t(a.archived() ? "cli.account.updatedArchived" : "cli.account.updated",
                    a.code(), a.name())));
            return 0;
        }
    }

    @Command(name = "list", description = "List accounts with their balances.")
    static final class ListAccounts extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            var cur = s.workspace().currency();
            List<LedgerService.AccountBalance> as = s.ledger().accounts();
            if (json.on) {
                Out.json(out(), as.stream().map(a -> Out.account(a.account(), a.balance(), cur)).toList());
            } else {
                Out.table(out(), List.of(t("cli.col.code"), t("cli.col.name"), t("cli.col.type"), t("cli.col.balance")),
                        as.stream().map(a -> List.of(a.account().code(), a.account().archived()
                                ? t("cli.account.archivedName", a.account().name()) : a.account().name(),
                                t("cli.accountType." + a.account().type().wire()), Money.format(a.balance(), cur)))
                                .toList());
            }
            return 0;
        }
    }
}
