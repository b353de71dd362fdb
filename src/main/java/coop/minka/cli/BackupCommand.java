package coop.minka.cli;

import coop.minka.app.ErrorMessages;
import coop.minka.app.Services;
import coop.minka.app.backup.BackupService;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka backup list|make|restore FILE`: the same backups as the desktop's Settings, through
/// [BackupService] (the restore lives in the app layer: checked copy, safety copy, WAL handled).
@Command(name = "backup", description = "List, make or restore backups of the books.",
        subcommands = {BackupCommand.ListBackups.class, BackupCommand.Make.class, BackupCommand.Restore.class})
final class BackupCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BackupCommand() {
    }

    static String text(Locale locale, String key, Object... args) {
        return ErrorMessages.text(key, locale, args);
    }

    private static String when(BackupService.Backup b) {
        return WHEN.format(b.at().atZone(ZoneId.systemDefault()));
    }

    /// A backup in `backup list|make --json`.
    record BackupJson(String name, String at, long bytes) {
    }

    private static BackupJson json(BackupService.Backup b) {
        return new BackupJson(b.name(), b.at().toString(), b.size());
    }

    private static BackupService backups(Services s) {
        return new BackupService(s.workspace(), System::currentTimeMillis);
    }

    @Command(name = "list", description = "List this database's backups, newest first.")
    static final class ListBackups extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            List<BackupService.Backup> all = backups(s).list();
            Locale l = root().locale();
            if (json.on) {
                Out.json(out(), all.stream().map(BackupCommand::json).toList());
            } else if (all.isEmpty()) {
                out().println(BackupCommand.text(l, "cli.backup.none"));
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (BackupService.Backup b : all) {
                    rows.add(List.of(b.name(), when(b), BackupCommand.text(l, "cli.backup.size", String.valueOf(Math.max(1, b.size() / 1024)))));
                }
                out().print(TextTable.render(List.of(BackupCommand.text(l, "cli.backup.col.name"), BackupCommand.text(l, "cli.backup.col.when"),
                        BackupCommand.text(l, "cli.backup.col.size")), rows));
            }
            return 0;
        }
    }

    @Command(name = "make", description = "Make a backup of the books now.")
    static final class Make extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            BackupService.Backup b = backups(s).backupNow();
            if (json.on) {
                Out.json(out(), json(b));
            } else {
                out().println(Terminal.safe(BackupCommand.text(root().locale(), "cli.backup.made", b.name(), when(b))));
            }
            return 0;
        }
    }

    @Command(name = "restore", description = "Put a backup (a name from 'backup list', or a database file) in place of "
            + "the books. The current books are backed up first. Asks for confirmation unless --yes.")
    static final class Restore extends Leaf {
        @Parameters(paramLabel = "FILE")
        String file;
        @Option(names = "--yes", description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        int run(Services s) {
            Locale l = root().locale();
            BackupService backups = backups(s);
            Path source = backups.resolve(file);
            PrintWriter err = spec.commandLine().getErr();
            if (!yes) {
                Console c = System.console();
                if (c == null) {
                    err.println(Terminal.safe(BackupCommand.text(l, "cli.backup.restore.noConsole")));
                    err.flush();
                    return 2;
                }
                out().println(Terminal.safe(BackupCommand.text(l, "cli.backup.restore.warning", source.toAbsolutePath(),
                        s.workspace().file().toAbsolutePath())));
                out().flush();
                String answer = c.readLine("%s ", BackupCommand.text(l, "cli.backup.restore.ask"));
                if (answer == null || !yes(answer, l)) {
                    out().println(BackupCommand.text(l, "cli.backup.restore.cancelled"));
                    return 1;
                }
            }
            backups.restoreFile(source);
            out().println(Terminal.safe(BackupCommand.text(l, "cli.backup.restore.done", source.toAbsolutePath())));
            return 0;
        }

        private static boolean yes(String answer, Locale l) {
            String a = answer.strip().toLowerCase(l);
            for (String w : BackupCommand.text(l, "cli.backup.restore.yesWords").split(",")) {
                if (a.equals(w.strip().toLowerCase(l))) {
                    return true;
                }
            }
            return false;
        }
    }
}
