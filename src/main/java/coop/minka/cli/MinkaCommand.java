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
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `minka`: the command line over the same services the desktop app uses.
///
/// Exit codes: 0 done; 1 a check failed (`verify`, `verify-code`); 2 bad input (a typo, an
/// unknown member or account, an unbalanced transaction); 3 no such database, not a Minka
/// database, or from a newer Minka; 4 the database is in use or read-only; 5 a sync file was
/// refused; 6 a file could not be written; 7 refused for who is making the change (no `--as`
/// once the cooperative has people, a wrong PIN, a role that may not make it, no second person);
/// 70 an internal error.
@Command(name = "minka", mixinStandardHelpOptions = true, versionProvider = MinkaCommand.Version.class,
        description = "Minka keeps a cooperative's members, shared work and accounts, and syncs them between laptops.",
        subcommands = {InitCommand.class, MemberCommand.class, CategoryCommand.class, WorkCommand.class,
                AccountCommand.class, TxCommand.class, ReportCommand.class, LogCommand.class, VerifyCommand.class,
                SyncCommand.class, JoinCommand.class,
                ExportCommand.class, PeriodCommand.class, VerifyCodeCommand.class, DemoCommand.class,
                BackupCommand.class, CoopCommand.class, PersonCommand.class, SecurityCommand.class, GroupCommand.class,
                CapitalCommand.class, SurplusCommand.class})
public final class MinkaCommand {
    @Option(names = "--db", paramLabel = "FILE",
            description = "The database file (default: $MINKA_DB, else the per-user data folder).")
    Path db;

    @Option(names = "--debug", description = "Show technical details (stack traces) of errors.")
    boolean debug;

    @Option(names = "--as", paramLabel = "PERSON",
            description = "The person making the change (name or id); PIN from $MINKA_PIN, else asked.")
    String as;

    @Option(names = "--also", paramLabel = "PERSON2",
            description = "The second person of a change that needs two; PIN from $MINKA_PIN2, else asked.")
    String also;

    /// The language asked for with `--lang`, or null.
    private Locale lang;

    /// Where `LC_ALL`, `LC_MESSAGES` and `LANG` are read (tests give their own).
    UnaryOperator<String> environment = System::getenv;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of messages: en, es, fr or pt (default: from LC_ALL, LC_MESSAGES or LANG, else English).")
    void lang(String value) {
        Locale l = Language.ofOption(value);
        if (l == null) {
            throw new UnknownLanguage(spec.commandLine(), ErrorMessages.text("cli.lang.unknown",
                    Language.ofEnvironment(environment), value, String.join(", ", Language.SUPPORTED)));
        }
        lang = l;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /// The language asked for with `--lang`, or null: what the pack and the CSV export follow
    /// instead of the cooperative's language (the environment's language does not change them).
    public Locale askedLanguage() {
        return lang;
    }

    /// The language for messages: `--lang`, else the environment's (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`), else English.
    public Locale locale() {
        return lang != null ? lang : Language.ofEnvironment(environment);
    }

    /// A text of the command line in the user's language, `{0}`… filled in.
    String text(String key, Object... args) {
        return ErrorMessages.text(key, locale(), args);
    }

    /// A kind of change (an op type) in the user's words.
    String change(String type) {
        return ErrorMessages.change(type, locale());
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

    /// Unlocks the people named with `--as` and `--also` (their PINs from `MINKA_PIN` and
    /// `MINKA_PIN2`, else asked without echo) and says they make the changes of this command.
    void actAs(Services s) {
        if (as == null) {
            if (also != null) {
                throw new MinkaException(ErrorCode.PERSON_REQUIRED, "--also");
            }
            return;
        }
        var by = s.people().unlock(as, pin("MINKA_PIN", as));
        var second = also == null ? null : s.people().unlock(also, pin("MINKA_PIN2", also));
        s.people().actAs(by, second);
    }

    /// A PIN from the environment variable, else typed at the terminal without echo; refused
    /// when there is neither.
    String pin(String variable, String who) {
        String v = environment.apply(variable);
        if (v != null) {
            return v.strip();
        }
        java.io.Console c = System.console();
        char[] typed = c == null ? null : c.readPassword("%s ", text("cli.person.pinPrompt", who));
        if (typed == null) {
            throw new MinkaException(ErrorCode.PIN_REQUIRED, who, variable);
        }
        return new String(typed);
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
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, args) -> {
            if (ex instanceof UnknownLanguage) { // one plain line, no usage text
                ex.getCommandLine().getErr().println(Terminal.safe(ex.getMessage()));
                ex.getCommandLine().getErr().flush();
                return CommandLine.ExitCode.USAGE;
            }
            return usage.handleParseException(ex, args);
        });
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            Locale locale = root.locale();
            MinkaException known = Workspace.explain(ex, root.databasePath());
            MinkaException me = known != null ? known : new MinkaException(ErrorCode.INTERNAL, ex, String.valueOf(ex));
            if (me.code() == ErrorCode.INTERNAL) {
                // the details go to the diagnostics file beside the database, which the hint names
                coop.minka.app.DiagnosticLog.start(root.databasePath());
                coop.minka.app.DiagnosticLog.failure("internal error in " + line.getCommandName(), ex);
            }
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

    /// `--lang` names a language Minka does not speak.
    static final class UnknownLanguage extends CommandLine.ParameterException {
        UnknownLanguage(CommandLine cl, String message) {
            super(cl, message);
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
