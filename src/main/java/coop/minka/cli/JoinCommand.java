package coop.minka.cli;

import coop.minka.app.sync.SyncService;
import coop.minka.app.Workspace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `minka join`: a new laptop joins a cooperative from a full sync file. The database (--db)
/// must not exist yet; the new laptop gets its own key and waits to be admitted.
@Command(name = "join", description = "Join a cooperative on this laptop from a full sync file (the database must not exist yet).")
final class JoinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "A full sync file (minka sync export --full).")
    Path from;

    @Option(names = "--replica", required = true, paramLabel = "NAME", description = "This laptop's name, e.g. \"Village B - treasurer\".")
    String replica;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        MinkaCommand root = (MinkaCommand) spec.root().userObject();
        try (Workspace ws = SyncService.join(root.databasePath(), from, replica, System::currentTimeMillis)) {
            var out = spec.commandLine().getOut();
            String fp = ws.fingerprint();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("cooperative", ws.coop().id());
                o.put("name", ws.coop().name());
                o.put("replica", ws.selfId());
                o.put("fingerprint", fp);
                o.put("status", "pending");
                o.put("database", root.databasePath().toAbsolutePath().toString());
                Out.json(out, o);
            } else {
                out.println(Terminal.safe("Joined \"" + ws.coop().name() + "\" in " + root.databasePath().toAbsolutePath()));
                out.println(Terminal.safe("This laptop: " + replica + ", key fingerprint " + fp));
                out.println("Waiting to be admitted: send a sync file back (minka sync export or sync folder), and read");
                out.println(Terminal.safe("this fingerprint to the treasurer of an admitted laptop, who runs: minka sync admit \"" + replica + "\""));
            }
            out.flush();
            return 0;
        }
    }
}
