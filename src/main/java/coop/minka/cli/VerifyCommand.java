package coop.minka.cli;

import coop.minka.app.Services;
import coop.minka.app.sync.VerifyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `minka verify`: exit 0 and the state digest when the books are sound; exit 1 and the
/// problems otherwise.
@Command(name = "verify", description = "Check the books: hash chains, signatures, balances, projections; print the state digest.")
final class VerifyCommand extends Leaf {
    @Mixin
    JsonOption json;

    /// What `verify --json` prints.
    record Verified(boolean ok, String digest, long entries, java.util.List<String> problems) {
    }

    @Override
    int run(Services s) {
        VerifyService.Result r = s.verify().verify();
        if (json.on) {
            Out.json(out(), new Verified(r.ok(), r.digest(), r.ops(), r.problems()));
        } else {
            if (r.ok()) {
                out().println(t("cli.verify.ok", Long.toString(r.ops())));
            } else {
                out().println(t("cli.verify.problems", Integer.toString(r.problems().size())));
                r.problems().forEach(p -> out().println(Terminal.safe("  - " + p)));
            }
            out().println(t("cli.verify.digest", r.digest()));
        }
        return r.ok() ? 0 : 1;
    }
}
