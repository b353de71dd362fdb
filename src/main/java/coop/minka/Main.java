package coop.minka;

import coop.minka.cli.MinkaCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/// Entry point. With a subcommand it runs the command line; with none (or only `--db FILE`,
/// or a `.minka` sync file to import, as a double-click passes it) it starts the desktop app. Not a JavaFX `Application`, so the shaded jar starts on the
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
        // a double-clicked sync file arrives as the only plain argument: open the app and import it
        Path bundle = null;
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (bundle == null && a.toLowerCase(Locale.ROOT).endsWith(".minka") && Files.isRegularFile(Path.of(a))) {
                bundle = Path.of(a);
            } else {
                rest.add(a);
            }
        }
        String[] desktopArgs = rest.toArray(String[]::new);
        if (wantsDesktop(cl, desktopArgs)) {
            coop.minka.ui.App.launchApp(root.databasePath(), bundle);
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
