package coop.minka.cli;

import coop.minka.app.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `minka init`: creates a new database for a new cooperative, founded on this laptop.
@Command(name = "init", description = "Create a new cooperative in a new database file.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, description = "The cooperative's name.")
    String name;

    @Option(names = "--currency", required = true, description = "ISO 4217 code, e.g. BOB, PEN, XOF.")
    String currency;

    @Option(names = "--replica", required = true, description = "This laptop's name, e.g. \"Village A - treasurer\".")
    String replica;

    @Option(names = "--languages", defaultValue = "es,en", description = "Languages of the cooperative (default: ${DEFAULT-VALUE}).")
    String languages;

    @Mixin
    JsonOption json;

    /// What `init --json` prints.
    record Created(String cooperative, String name, String currency, String replica, String fingerprint,
                   String database) {
    }

    @Override
    public Integer call() {
        MinkaCommand root = (MinkaCommand) spec.root().userObject();
        try (Workspace ws = Workspace.create(root.databasePath(), name, currency, replica, languages,
                System::currentTimeMillis)) {
            var out = spec.commandLine().getOut();
            String database = root.databasePath().toAbsolutePath().toString();
            if (json.on) {
                Out.json(out, new Created(ws.coop().id(), ws.coop().name(), ws.currency().getCurrencyCode(),
                        ws.selfId(), ws.fingerprint(), database));
            } else {
                out.println(Terminal.safe(root.text("cli.init.created", ws.coop().name(),
                        ws.currency().getCurrencyCode(), database)));
                out.println(Terminal.safe(root.text("cli.laptop.fingerprint", replica, ws.fingerprint())));
            }
            out.flush();
            return 0;
        }
    }
}
