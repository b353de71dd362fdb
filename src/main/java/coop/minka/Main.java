package coop.minka;

import coop.minka.cli.MinkaCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/// Entry point. With a subcommand it runs the command line; with none (or only `--db FILE`)
/// it starts the desktop app. Not a JavaFX `Application`, so the shaded jar starts on the
/// class path.
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        if (coop.minka.cli.FastBalances.tryRun(args, out)) {
            System.exit(0); // `report balances` answered without starting the whole command line
        }
        MinkaCommand root = new MinkaCommand();
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CommandLine cl = MinkaCommand.commandLine(root, out, err);
        if (wantsDesktop(cl, args)) {
            coop.minka.ui.App.launchApp(root.databasePath(), args);
            return;
        }
        System.exit(cl.execute(args));
    }

    private static boolean wantsDesktop(CommandLine cl, String[] args) {
        try {
            CommandLine.ParseResult pr = cl.parseArgs(args);
            return pr.subcommand() == null && !pr.isUsageHelpRequested() && !pr.isVersionHelpRequested();
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }
}
