package coop.minka.cli;

import coop.minka.app.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/// `minka sync rotate-key`: this laptop replaces its signing and encryption keys (design-notes
/// item 29); the new key is vouched for by the old one and the change syncs like any other.
@Command(name = "rotate-key", description = "Replace this laptop's keys (signing and encryption); the old key vouches for the new one.")
final class RotateKeyCommand extends Leaf {
    @Mixin
    JsonOption json;

    /// What `sync rotate-key --json` prints.
    record Rotated(String replica, String fingerprint, String recipient) {
    }

    @Override
    int run(Services s) {
        String fingerprint = s.security().rotateKey();
        var st = s.security().status();
        if (json.on) {
            Out.json(out(), new Rotated(s.workspace().selfId(), fingerprint, st.ownRecipient()));
        } else {
            out().println(t("cli.sync.rotated", fingerprint));
            out().println(t("cli.security.ownKey", st.ownRecipient()));
            out().println(t("cli.sync.rotatedNext"));
        }
        return 0;
    }
}
