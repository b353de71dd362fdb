package coop.minka.cli;

import coop.minka.app.Services;
import coop.minka.domain.Cooperative;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `minka coop show` and `minka coop update --name --languages --currency` (the currency only
/// while no money exists, design notes 25).
@Command(name = "coop", description = "Show or change the cooperative's details (name, languages, currency).",
        subcommands = {CoopCommand.Show.class, CoopCommand.Update.class})
final class CoopCommand {
    private CoopCommand() {
    }

    /// What `coop show|update --json` prints.
    record CoopJson(String id, String name, String currency, String languages, boolean currencyFixed) {
    }

    static void print(Leaf leaf, Services s, Cooperative c, boolean json) {
        if (json) {
            Out.json(leaf.out(), new CoopJson(c.id(), c.name(), c.currency().getCurrencyCode(), c.languages(),
                    s.cooperative().hasMoney()));
            return;
        }
        Locale l = leaf.root().locale();
        leaf.out().println(Terminal.safe(BackupCommand.text(l, "cli.coop.name", c.name())));
        leaf.out().println(Terminal.safe(BackupCommand.text(l, "cli.coop.currency", c.currency().getCurrencyCode(),
                c.currency().getDisplayName(l))));
        leaf.out().println(Terminal.safe(BackupCommand.text(l, "cli.coop.languages",
                c.languages() == null ? "" : c.languages())));
    }

    @Command(name = "show", description = "Show the cooperative's name, currency and languages.")
    static final class Show extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            print(this, s, s.cooperative().show(), json.on);
            return 0;
        }
    }

    @Command(name = "update", description = "Change the cooperative's name or languages, or its currency while no "
            + "money has been entered.")
    static final class Update extends Leaf {
        @Option(names = "--name", paramLabel = "NAME")
        String name;
        @Option(names = "--languages", paramLabel = "LANGS", description = "Comma-separated language tags, e.g. es,qu.")
        String languages;
        @Option(names = "--currency", paramLabel = "CODE", description = "ISO code, e.g. BOB. Refused once any transaction exists.")
        String currency;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            Cooperative c = s.cooperative().update(name, languages, currency);
            print(this, s, c, json.on);
            return 0;
        }
    }
}
