package coop.minka.cli;

import coop.minka.app.Services;
import coop.minka.app.Workspace;
import coop.minka.app.demo.StarterKit;
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

    @Option(names = "--kind", paramLabel = "KIND", description = "Starter chart of accounts and kinds of work, named in "
            + "the cooperative's first language (else --lang): savings, producer, women or empty (default: empty).")
    String kind;

    @Option(names = "--no-encryption", description = "Sync files stay plain ZIP files (default: encrypted, with a recovery key).")
    boolean noEncryption;

    @Mixin
    JsonOption json;

    /// What `init --json` prints.
    record Created(String cooperative, String name, String currency, String replica, String fingerprint,
                   String database, String kind) {
    }

    @Override
    public Integer call() {
        MinkaCommand root = (MinkaCommand) spec.root().userObject();
        StarterKit.Kind starter = kind == null ? StarterKit.Kind.EMPTY : StarterKit.Kind.fromWire(kind);
        if (starter == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    StarterKit.unknownKind(kind, root.locale()));
        }
        boolean languagesGiven = spec.commandLine().getParseResult().hasMatchedOption("--languages");
        try (Services s = new Services(Workspace.create(root.databasePath(), name, currency, replica, languages,
                !noEncryption, System::currentTimeMillis))) {
            Workspace ws = s.workspace();
            StarterKit.apply(starter, s.ledger(), s.work(),
                    languagesGiven ? StarterKit.firstLanguage(languages) : root.locale());
            var out = spec.commandLine().getOut();
            String database = root.databasePath().toAbsolutePath().toString();
            if (json.on) {
                Out.json(out, new Created(ws.coop().id(), ws.coop().name(), ws.currency().getCurrencyCode(),
                        ws.selfId(), ws.fingerprint(), database, starter.wire()));
            } else {
                out.println(Terminal.safe(root.text("cli.init.created", ws.coop().name(),
                        ws.currency().getCurrencyCode(), database)));
                out.println(Terminal.safe(root.text("cli.laptop.fingerprint", replica, ws.fingerprint())));
                if (starter != StarterKit.Kind.EMPTY) {
                    out.println(Terminal.safe(StarterKit.summary(starter, root.locale())));
                }
                if (!noEncryption) {
                    out.println(root.text("cli.init.encrypted"));
                }
            }
            out.flush();
            return 0;
        }
    }
}
