package coop.minka.cli;

import coop.minka.app.SecurityService;
import coop.minka.app.Services;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka security encryption on|off`, `security status`, `security recovery-key --out FILE`:
/// sync files that are safe to lose (design-notes item 28).
@Command(name = "security", description = "Encryption of sync files and the cooperative's recovery key.",
        subcommands = {SecurityCommand.Status.class, SecurityCommand.Encryption.class, SecurityCommand.RecoveryKey.class})
final class SecurityCommand {
    private SecurityCommand() {
    }

    /// What `security status|encryption --json` prints.
    record StatusJson(boolean encryption, String recovery, boolean recoveryKeptHere, String ownKey,
                      List<LaptopJson> laptops) {
    }

    record LaptopJson(String id, String name, boolean hasKey) {
    }

    /// What `security recovery-key --json` prints.
    record KeyJson(String file, String recovery) {
    }

    static void print(Leaf leaf, SecurityService.Status st, boolean json) {
        if (json) {
            Out.json(leaf.out(), new StatusJson(st.on(), st.recovery(), st.recoveryKeptHere(), st.ownRecipient(),
                    st.laptops().stream().map(l -> new LaptopJson(l.id(), l.name(), l.hasKey())).toList()));
            return;
        }
        leaf.out().println(leaf.t(st.on() ? "cli.security.on" : "cli.security.off"));
        if (st.recovery() != null) {
            leaf.out().println(leaf.t("cli.security.recovery", st.recovery()));
        }
        if (st.on() && st.recoveryKeptHere()) {
            leaf.out().println(leaf.t("cli.security.recoveryKept"));
        }
        leaf.out().println(leaf.t("cli.security.ownKey", st.ownRecipient()));
        for (SecurityService.Laptop l : st.laptops()) {
            leaf.out().println(Terminal.safe(leaf.t(l.hasKey() ? "cli.security.laptop" : "cli.security.laptopNoKey",
                    l.name())));
        }
    }

    @Command(name = "status", description = "Whether sync files are encrypted, and to which laptops' keys.")
    static final class Status extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            print(this, s.security().status(), json.on);
            return 0;
        }
    }

    @Command(name = "encryption", description = "Turn encryption of sync files on or off (on makes a recovery key the first time).")
    static final class Encryption extends Leaf {
        @Parameters(paramLabel = "on|off", description = "on or off")
        String value;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            boolean on = switch (value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        t("cli.security.onOrOff", value));
            };
            SecurityService.Status st = s.security().setEncryption(on);
            print(this, st, json.on);
            if (!json.on && on && st.recoveryKeptHere()) {
                out().println(t("cli.security.writeIt"));
            }
            return 0;
        }
    }

    @Command(name = "recovery-key", description = "Write the cooperative's recovery key to a new file, once (to print and keep in the cash box).")
    static final class RecoveryKey extends Leaf {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "A new file (never overwritten).")
        Path out;
        @Option(names = "--new", description = "Make a new recovery key first (later sync files are encrypted to it).")
        boolean renew;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            String recipient = s.security().writeRecoveryKey(out, renew);
            if (json.on) {
                Out.json(out(), new KeyJson(out.toAbsolutePath().toString(), recipient));
            } else {
                out().println(Terminal.safe(t("cli.security.written", out.toAbsolutePath().toString())));
                out().println(t("cli.security.recovery", recipient));
                out().println(t("cli.security.keepIt"));
            }
            return 0;
        }
    }
}
