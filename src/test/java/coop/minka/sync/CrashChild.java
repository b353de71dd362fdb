package coop.minka.sync;

import coop.minka.app.PeriodRules;
import coop.minka.app.sync.SyncService;
import coop.minka.app.Workspace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;

/// The child JVM of [CrashTest]: opens the database, says `ready`, waits for `go`, imports the
/// bundle and says how long it took. The parent kills it at a random moment.
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = Workspace.open(Path.of(args[0]), System::currentTimeMillis)) {
            SyncService sync = new SyncService(ws, new PeriodRules());
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in)).readLine();
            long t0 = System.nanoTime();
            sync.importBundle(Path.of(args[1]));
            System.out.println("done " + (System.nanoTime() - t0) / 1_000_000);
            System.out.flush();
        }
    }
}
