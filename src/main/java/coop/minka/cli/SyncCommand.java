package coop.minka.cli;

import coop.minka.app.ErrorMessages;
import coop.minka.app.FileChecks;
import coop.minka.app.Services;
import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncStatus;
import coop.minka.app.sync.SyncTrust;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.ImportReceipt;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka sync export|import|folder|status|admit|reject|conflicts|resolve`: sync files carried between laptops.
@Command(name = "sync", description = "Exchange sync files with the other laptops of the cooperative.",
        subcommands = {SyncCommand.Export.class, SyncCommand.Import.class, SyncCommand.Folder.class,
                SyncCommand.StatusCmd.class, SyncCommand.Admit.class, SyncCommand.Reject.class,
                ConflictCommands.ListCmd.class, ConflictCommands.Resolve.class})
final class SyncCommand {
    private SyncCommand() {
    }

    static SyncService service(Services s) {
        return s.sync();
    }

    @Command(name = "export", description = "Write a sync file. --out may be a folder (a new name is chosen there).")
    static final class Export extends Leaf {
        @Option(names = "--out", required = true, paramLabel = "FILE|FOLDER")
        Path out;

        static final class Which {
            @Option(names = "--for", paramLabel = "REPLICA", description = "Only what that laptop lacks.")
            String peer;
            @Option(names = "--full", description = "Every entry (to let a new laptop join).")
            boolean full;
        }

        @ArgGroup(exclusive = true)
        Which which;

        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            SyncService.Mode mode = which == null ? SyncService.Mode.DEFAULT
                    : which.full ? SyncService.Mode.FULL : SyncService.Mode.FOR_PEER;
            FileChecks.target(out);
            SyncService.ExportResult r = service(s).export(out, mode, which == null ? null : which.peer);
            if (json) {
                Out.json(out(), exportJson(r));
            } else {
                printExport(out(), r);
            }
            return 0;
        }
    }

    static Map<String, Object> exportJson(SyncService.ExportResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", r.file().toAbsolutePath().toString());
        o.put("sha256", r.sha256());
        o.put("entries", r.entries());
        o.put("authors", r.authors());
        o.put("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        o.put("removedOlder", r.removedOlder().stream().map(p -> p.toAbsolutePath().toString()).toList());
        return o;
    }

    static void printExport(PrintWriter out, SyncService.ExportResult r) {
        out.println(Terminal.safe("Wrote " + r.file().toAbsolutePath() + ": " + r.entries() + " entries from " + r.authors()
                + " laptop(s); checked after writing."));
        for (Path p : r.removedOlder()) {
            out.println(Terminal.safe("Removed this laptop's older sync file " + p.getFileName()));
        }
        out.println("It is safe to remove the USB stick.");
    }

    @Command(name = "import", description = "Import sync files; prints what was new for each laptop.")
    static final class Import extends Leaf {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            SyncService sync = service(s);
            if (files.size() == 1) {
                ImportReceipt r = sync.importBundle(files.getFirst());
                if (json) {
                    Out.json(out(), receiptJson(r));
                } else {
                    printReceipt(out(), r);
                }
                return 0;
            }
            List<Object> results = new ArrayList<>();
            int code = 0;
            for (Path f : files) {
                try {
                    ImportReceipt r = sync.importBundle(f);
                    if (json) {
                        results.add(receiptJson(r));
                    } else {
                        printReceipt(out(), r);
                    }
                } catch (MinkaException e) {
                    code = code == 0 ? e.code().exitCode() : code;
                    if (json) {
                        results.add(errorJson(f, e, root()));
                    } else {
                        out().println(Terminal.safe(f.getFileName() + ": REFUSED. "
                                + ErrorMessages.oneLine(e, root().locale())));
                    }
                }
            }
            if (json) {
                Out.json(out(), results);
            }
            return code;
        }
    }

    static Map<String, Object> errorJson(Path f, MinkaException e, MinkaCommand root) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", f.toString());
        o.put("error", e.code().name());
        o.put("message", ErrorMessages.message(e, root.locale()));
        o.put("hint", ErrorMessages.hint(e, root.locale()));
        return o;
    }

    static Map<String, Object> receiptJson(ImportReceipt r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", r.file());
        o.put("sender", r.sender());
        o.put("senderName", r.senderName());
        o.put("createdAt", Instant.ofEpochMilli(r.createdAt()).toString());
        o.put("repeated", r.repeated());
        o.put("new", r.newOps());
        o.put("known", r.known());
        o.put("quarantined", r.quarantined());
        o.put("forks", r.forks());
        o.put("backup", r.backup());
        o.put("archive", r.archive());
        List<Map<String, Object>> authors = new ArrayList<>();
        for (ImportReceipt.Author a : r.authors()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("replica", a.replica());
            x.put("name", a.name());
            x.put("status", a.status());
            x.put("new", a.newOps());
            x.put("known", a.known());
            x.put("quarantined", a.quarantined());
            x.put("forks", a.forks());
            x.put("missing", a.missing());
            x.put("late", a.late());
            x.put("farAhead", a.farAhead());
            authors.add(x);
        }
        o.put("authors", authors);
        return o;
    }

    static void printReceipt(PrintWriter out, ImportReceipt r) {
        out.println(Terminal.safe("Sync file " + r.file() + " from \"" + r.senderName() + "\""
                + (r.repeated() ? " (imported before)" : "") + ":"));
        Out.table(out, List.of("LAPTOP", "STATUS", "NEW", "ALREADY HAD", "WAITING", "NOTES"), r.authors().stream()
                .map(a -> List.of(a.name(), a.status(), Long.toString(a.newOps()), Long.toString(a.known()),
                        Long.toString(a.quarantined()), notes(a))).toList());
        if (r.nothingNew()) {
            out.println("Nothing new.");
        }
        if (r.quarantined() > 0) {
            out.println("Entries of laptops not admitted yet are kept but not counted until a trusted laptop admits them.");
        }
        if (r.backup() != null) {
            out.println(Terminal.safe("Backup made before importing: " + r.backup()));
        }
    }

    private static String notes(ImportReceipt.Author a) {
        List<String> n = new ArrayList<>();
        if (a.forks() > 0) {
            n.add("FORK: two different histories (a copied database?)");
        }
        if (a.missing() > 0) {
            n.add(a.missing() + " wait for earlier entries");
        }
        if (a.late() > 0) {
            n.add(a.late() + " late (closed period; please review)");
        }
        if (a.farAhead() > 0) {
            n.add(a.farAhead() + " with a clock far ahead");
        }
        return String.join("; ", n);
    }

    @Command(name = "folder", description = "Sync with a folder (USB stick or shared folder): import every sync file "
            + "of this cooperative there, then write ours.")
    static final class Folder extends Leaf {
        @Parameters(paramLabel = "DIR")
        Path dir;
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            SyncService.FolderResult r = service(s).syncFolder(dir);
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                List<Object> files = new ArrayList<>();
                for (SyncService.FolderItem i : r.items()) {
                    if (i.error() != null) {
                        files.add(errorJson(i.file(), i.error(), root()));
                    } else if (i.receipt() != null) {
                        files.add(receiptJson(i.receipt()));
                    } else {
                        files.add(Map.of("file", i.file().toString(), "skipped", i.skipped()));
                    }
                }
                o.put("files", files);
                o.put("written", exportJson(r.written()));
                Out.json(out(), o);
            } else {
                for (SyncService.FolderItem i : r.items()) {
                    if (i.error() != null) {
                        out().println(Terminal.safe(i.file().getFileName() + ": REFUSED. "
                                + ErrorMessages.oneLine(i.error(), root().locale())));
                    } else if (i.receipt() != null) {
                        printReceipt(out(), i.receipt());
                    } else if ("already-imported".equals(i.skipped())) {
                        out().println(Terminal.safe(i.file().getFileName() + ": already imported."));
                    } else if (SyncService.GONE.equals(i.skipped())) {
                        out().println(Terminal.safe(ErrorMessages.text("cli.sync.gone", root().locale(),
                                i.file().getFileName())));
                    }
                }
                printExport(out(), r.written());
            }
            return r.anyRefused() ? ErrorCode.BUNDLE_UNREADABLE.exitCode() : 0;
        }
    }

    @Command(name = "status", description = "Laptops, what we hold of each, admissions waiting, forks, late entries.")
    static final class StatusCmd extends Leaf {
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            SyncStatus.Status st = s.syncStatus().status();
            if (json) {
                Out.json(out(), st);
                return 0;
            }
            PrintWriter o = out();
            Out.table(o, List.of("LAPTOP", "STATUS", "FINGERPRINT", "ENTRIES", "WAITING", "HAS OURS", "LAST FILE FROM IT"),
                    st.laptops().stream().map(l -> List.of(l.name() + (l.self() ? " (this laptop)" : ""), l.status(),
                            l.fingerprint(), Long.toString(l.held()), Long.toString(l.quarantined()),
                            l.holdsOfOurs() == null ? "" : Long.toString(l.holdsOfOurs()),
                            l.lastBundleCreatedAt() == null ? "" : Instant.ofEpochMilli(l.lastBundleCreatedAt()).toString()))
                            .toList());
            for (SyncStatus.Laptop p : st.pending()) {
                o.println(Terminal.safe("Waiting to be admitted: \"" + p.name() + "\", fingerprint " + p.fingerprint()
                        + ". Compare it with that laptop, then: minka sync admit \"" + p.name() + "\""));
            }
            if (st.quarantined() > 0) {
                o.println(st.quarantined() + " entries wait until their laptop is admitted.");
            }
            for (SyncStatus.Fork f : st.forks()) {
                o.println(Terminal.safe("FORK: \"" + f.name() + "\" has two different entries #" + f.seq()
                        + " (its database was probably copied to another computer)."));
            }
            for (SyncStatus.Flagged f : st.late()) {
                o.println(Terminal.safe("Late entry for review: " + f.type() + " " + f.entity() + " from \"" + f.name()
                        + "\" is dated in a closed period."));
            }
            for (SyncStatus.Flagged f : st.farAhead()) {
                o.println(Terminal.safe("Clock far ahead: entry #" + f.seq() + " from \"" + f.name() + "\" (check that laptop's date)."));
            }
            if (st.conflicts() > 0) {
                o.println(st.conflicts() + " conflicting change(s) to decide: minka sync conflicts");
            }
            java.util.Locale lang = root().locale();
            for (SyncStatus.Laptop l : st.impostors()) {
                o.println(Terminal.safe(ErrorMessages.text("cli.sync.impostor", lang, l.name(), l.fingerprint())));
            }
            for (SyncStatus.Invalid i : st.invalid()) {
                o.println(Terminal.safe(ErrorMessages.text("cli.sync.invalid", lang, i.name(), Long.toString(i.seq()), i.type(),
                        ErrorMessages.invalidReason(i.reason(), lang))));
            }
            if (st.waiting() > 0) {
                o.println(ErrorMessages.text("cli.sync.waiting", lang, Long.toString(st.waiting())));
            }
            return 0;
        }
    }

    /// Admit and reject: one laptop by name or id, then what changed, or that nothing did.
    abstract static class TrustVerdict extends Leaf {
        @Parameters(paramLabel = "REPLICA", description = "Name or id of the laptop.")
        String replica;
        @Option(names = "--json")
        boolean json;

        abstract SyncTrust.ReplicaView decide(SyncTrust trust, String replica);

        /// The sentence for the laptop's name and fingerprint; `changed` is false if it was so already.
        abstract String said(SyncTrust.ReplicaView v);

        @Override
        int run(Services s) {
            SyncTrust.ReplicaView v = decide(s.trust(), replica);
            if (json) {
                Out.json(out(), v);
            } else {
                out().println(said(v));
            }
            return 0;
        }
    }

    @Command(name = "admit", description = "Admit a laptop after comparing its key fingerprint.")
    static final class Admit extends TrustVerdict {
        @Override
        SyncTrust.ReplicaView decide(SyncTrust trust, String replica) {
            return trust.admit(replica);
        }

        @Override
        String said(SyncTrust.ReplicaView v) {
            return (v.changed() ? "Admitted \"" : "Already admitted: \"") + Terminal.safe(v.name()) + "\", fingerprint "
                    + v.fingerprint() + "." + (v.changed()
                    ? System.lineSeparator() + "Its entries count from now on; the admission travels in the next sync file."
                    : "");
        }
    }

    @Command(name = "reject", description = "Reject a laptop: its entries are kept but never counted "
            + "(with --keep-up-to N, its entries up to #N still count: how a fork is resolved).")
    static final class Reject extends TrustVerdict {
        @Option(names = "--keep-up-to", paramLabel = "N",
                description = "Its entries up to this number keep counting (the last entry before a fork).")
        Long keepUpTo;

        @Override
        SyncTrust.ReplicaView decide(SyncTrust trust, String replica) {
            return trust.reject(replica, keepUpTo);
        }

        @Override
        String said(SyncTrust.ReplicaView v) {
            return (v.changed() ? "Rejected \"" : "Already rejected: \"") + Terminal.safe(v.name()) + "\", fingerprint "
                    + v.fingerprint() + ". Its entries are kept but do not count.";
        }
    }
}
