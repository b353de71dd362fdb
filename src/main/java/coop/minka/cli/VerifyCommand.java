package coop.minka.cli;

import coop.minka.app.Services;
import coop.minka.app.sync.VerifyService;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `minka verify`: exit 0 and the state digest when the books are sound; exit 1 and the
/// problems otherwise.
@Command(name = "verify", description = "Check the books: hash chains, signatures, balances, projections; print the state digest.")
final class VerifyCommand extends Leaf {
    @Option(names = "--json")
    boolean json;

    @Override
    int run(Services s) {
        VerifyService.Result r = s.verify().verify();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("ok", r.ok());
            o.put("digest", r.digest());
            o.put("entries", r.ops());
            o.put("problems", r.problems());
            Out.json(out(), o);
        } else {
            if (r.ok()) {
                out().println("OK: " + r.ops() + " entries checked; the books are sound.");
            } else {
                out().println("PROBLEMS FOUND (" + r.problems().size() + "):");
                r.problems().forEach(p -> out().println(Terminal.safe("  - " + p)));
            }
            out().println("State digest: " + r.digest());
        }
        return r.ok() ? 0 : 1;
    }
}
