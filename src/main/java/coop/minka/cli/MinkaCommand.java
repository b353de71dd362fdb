package coop.minka.cli;

import coop.minka.app.DefaultLocations;
import coop.minka.app.ErrorMessages;
import coop.minka.app.Services;
import coop.minka.app.Workspace;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `minka`: the command line over the same services the desktop app uses.
///
/// Exit codes: 0 done; 1 a check failed (`verify`, `verify-code`); 2 bad input (a typo, an
/// unknown member or account, an unbalanced transaction); 3 no such database, not a Minka
/// database, or from a newer Minka; 4 the database is in use or read-only; 5 a sync file was
/// refused; 6 a file could not be written; 70 an internal error.
@Command(name = "minka", mixinStandardHelpOptions = true, versionProvider = MinkaCommand.Version.class,
        description = "Minka keeps a cooperative's members, shared work and accounts, and syncs them between laptops.",
        subcommands = {InitCommand.class, MemberCommand.class, CategoryCommand.class, WorkCommand.class,
                AccountCommand.class, TxCommand.class, ReportCommand.class, LogCommand.class, VerifyCommand.class,
                SyncCommand.class, JoinCommand.class,
                ExportCommand.class, PeriodCommand.class, VerifyCodeCommand.class, DemoCommand.class,
                BackupCommand.class, CoopCommand.class})
public final class MinkaCommand {
    @Option(names = "--db", paramLabel = "FILE",
            description = "The database file (default: $MINKA_DB, else the per-user data folder).")
    Path db;

    @Option(names = "--debug", description = "Show technical details (stack traces) of errors.")
    boolean debug;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of messages: en, es, fr or pt (default: the system's).")
    String lang;

    /// The language for messages: `--lang`, else the system's.
    public Locale locale() {
        return lang == null || lang.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(lang.strip());
    }

    public Path databasePath() {
        return db != null ? db : DefaultLocations.database();
    }

    public boolean debug() {
        return debug;
    }

    /// Opens the database and wires the services.
    Services open() {
        return new Services(Workspace.open(databasePath(), System::currentTimeMillis));
    }

    /// Builds the picocli command line with Minka's error handling.
    /// Everything printed goes through [Terminal#guard]: no control character or direction
    /// override from the data reaches the terminal. Every command and command group answers
    /// `--help` with its usage (exit 0).
    public static CommandLine commandLine(MinkaCommand root, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(root);
        withHelp(cl);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setOut(Terminal.guard(out));
        cl.setErr(Terminal.guard(err));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            Locale locale = root.locale();
            MinkaException known = Workspace.explain(ex, root.databasePath());
            MinkaException me = known != null ? known : new MinkaException(ErrorCode.INTERNAL, ex, String.valueOf(ex));
            line.getErr().println(Terminal.safe(ErrorMessages.text("cli.error.prefix", locale) + ": "
                    + ErrorMessages.oneLine(me, locale)));
            if (root.debug) {
                ex.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return me.code().exitCode();
        });
        return cl;
    }

    /// `-h/--help` (and `-V/--version`) on every subcommand, groups included.
    private static void withHelp(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
                sub.getCommandSpec().versionProvider(new Version());
            }
            withHelp(sub);
        }
    }

    /// The version from the jar's manifest, or "development".
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MinkaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Minka " + (v == null ? "development" : v)};
        }
    }
}
