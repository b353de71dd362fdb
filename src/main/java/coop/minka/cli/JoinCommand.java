package coop.minka.cli;

import coop.minka.app.sync.SyncService;
import coop.minka.app.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `minka join`: a new laptop joins a cooperative from a full sync file. The database (--db)
/// must not exist yet; the new laptop gets its own key and waits to be admitted.
@Command(name = "join", description = "Join a cooperative on this laptop from a full sync file (the database must not exist yet).")
final class JoinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "FILE", description = "A full sync file (minka sync export --full).")
    Path from;

    @Option(names = "--request", description = "Instead of joining: make this laptop's keys and write a join request (with --out) "
            + "for an admitted laptop to write a full file this laptop can read (minka sync export --full --request FILE).")
    boolean request;

    @Option(names = "--out", paramLabel = "FILE", description = "With --request: the new join request file.")
    Path requestOut;

    @Option(names = "--replica", required = true, paramLabel = "NAME", description = "This laptop's name, e.g. \"Village B - treasurer\".")
    String replica;

    @Option(names = "--recovery-key", paramLabel = "KEYFILE", description = "The cooperative's recovery key file, to join from an encrypted full file (minka security recovery-key).")
    Path recoveryKey;

    @Mixin
    JsonOption json;

    /// What `join --json` prints.
    record Joined(String cooperative, String name, String replica, String fingerprint, String status,
                  String database) {
    }

    /// What `join --request --json` prints.
    record Requested(String name, String replica, String fingerprint, String recipient, String file) {
    }

    @Override
    public Integer call() {
        MinkaCommand root = (MinkaCommand) spec.root().userObject();
        if (request) {
            return writeRequest(root);
        }
        if (from == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), root.text("cli.join.needFrom"));
        }
        try (Workspace ws = SyncService.join(root.databasePath(), from, replica, System::currentTimeMillis,
                recoveryKey)) {
            var out = spec.commandLine().getOut();
            String fp = ws.fingerprint();
            if (json.on) {
                Out.json(out, new Joined(ws.coop().id(), ws.coop().name(), ws.selfId(), fp, "pending",
                        root.databasePath().toAbsolutePath().toString()));
            } else {
                out.println(Terminal.safe(root.text("cli.join.joined", ws.coop().name(),
                        root.databasePath().toAbsolutePath().toString())));
                out.println(Terminal.safe(root.text("cli.laptop.fingerprint", replica, fp)));
                out.println(Terminal.safe(root.text("cli.join.waiting", replica)));
            }
            out.flush();
            return 0;
        }
    }

    private int writeRequest(MinkaCommand root) {
        if (requestOut == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), root.text("cli.join.needOut"));
        }
        SyncService.JoinRequest r = SyncService.requestToJoin(root.databasePath(), replica, requestOut);
        var out = spec.commandLine().getOut();
        if (json.on) {
            Out.json(out, new Requested(r.name(), r.replica(), r.fingerprint(), r.recipient(),
                    requestOut.toAbsolutePath().toString()));
        } else {
            out.println(Terminal.safe(root.text("cli.join.requested", requestOut.toAbsolutePath().toString())));
            out.println(Terminal.safe(root.text("cli.laptop.fingerprint", replica, r.fingerprint())));
            out.println(root.text("cli.join.requestNext"));
        }
        out.flush();
        return 0;
    }
}
