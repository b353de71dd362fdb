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
import java.util.List;
import com.fasterxml.jackson.annotation.JsonProperty;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka sync export|import|folder|status|admit|reject|revoke|conflicts|resolve`: sync files carried between laptops.
@Command(name = "sync", description = "Exchange sync files with the other laptops of the cooperative.",
        subcommands = {SyncCommand.Export.class, SyncCommand.Import.class, SyncCommand.Folder.class,
                SyncCommand.StatusCmd.class, SyncCommand.Admit.class, SyncCommand.Reject.class,
                SyncCommand.Revoke.class,
                ConflictCommands.ListCmd.class, ConflictCommands.Resolve.class, RotateKeyCommand.class})
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

        @Option(names = "--request", paramLabel = "REQUESTFILE", description = "Also encrypt the file to the new laptop "
                + "whose join request this is (minka join --request), so that it can join from it.")
        Path request;

        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            SyncService.Mode mode = which == null ? SyncService.Mode.DEFAULT
                    : which.full ? SyncService.Mode.FULL : SyncService.Mode.FOR_PEER;
            FileChecks.target(out);
            SyncService.JoinRequest asked = request == null ? null : SyncService.readRequest(request);
            SyncService.ExportResult r = service(s).export(out, mode, which == null ? null : which.peer,
                    asked == null ? List.of() : List.of(asked.recipient()));
            if (asked != null && !json.on) {
                out().println(Terminal.safe(t("cli.sync.forRequest", asked.name(), asked.fingerprint())));
            }
            if (json.on) {
                Out.json(out(), exportJson(r));
            } else {
                printExport(this, out(), r);
            }
            return 0;
        }
    }

    /// A written sync file in `sync export|folder --json`.
    record ExportJson(String file, String sha256, long entries, int authors, String mode, List<String> removedOlder) {
    }

    static ExportJson exportJson(SyncService.ExportResult r) {
        return new ExportJson(r.file().toAbsolutePath().toString(), r.sha256(), r.entries(), r.authors(),
                r.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                r.removedOlder().stream().map(p -> p.toAbsolutePath().toString()).toList());
    }

    static void printExport(Leaf cmd, PrintWriter out, SyncService.ExportResult r) {
        out.println(Terminal.safe(cmd.t("cli.sync.wrote", r.file().toAbsolutePath().toString(),
                Long.toString(r.entries()), Integer.toString(r.authors()))));
        for (Path p : r.removedOlder()) {
            out.println(Terminal.safe(cmd.t("cli.sync.removedOlder", p.getFileName().toString())));
        }
        out.println(cmd.t("cli.sync.safeToRemove"));
    }

    @Command(name = "import", description = "Import sync files; prints what was new for each laptop.")
    static final class Import extends Leaf {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            SyncService sync = service(s);
            if (files.size() == 1) {
                ImportReceipt r = sync.importBundle(files.getFirst());
                if (json.on) {
                    Out.json(out(), receiptJson(r));
                } else {
                    printReceipt(this, out(), r);
                }
                return 0;
            }
            List<Object> results = new ArrayList<>();
            int code = 0;
            for (Path f : files) {
                try {
                    ImportReceipt r = sync.importBundle(f);
                    if (json.on) {
                        results.add(receiptJson(r));
                    } else {
                        printReceipt(this, out(), r);
                    }
                } catch (MinkaException e) {
                    code = code == 0 ? e.code().exitCode() : code;
                    if (json.on) {
                        results.add(errorJson(f, e, root()));
                    } else {
                        out().println(Terminal.safe(t("cli.sync.refused", f.getFileName().toString(),
                                ErrorMessages.oneLine(e, root().locale()))));
                    }
                }
            }
            if (json.on) {
                Out.json(out(), results);
            }
            return code;
        }
    }

    /// A refused sync file in `sync import|folder --json`: the code, and the message and hint in the user's language.
    record ErrorJson(String file, String error, String message, String hint) {
    }

    static ErrorJson errorJson(Path f, MinkaException e, MinkaCommand root) {
        return new ErrorJson(f.toString(), e.code().name(), ErrorMessages.message(e, root.locale()),
                ErrorMessages.hint(e, root.locale()));
    }

    /// What an import received, in `sync import|folder --json`.
    record ReceiptJson(String file, String sender, String senderName, String createdAt, boolean repeated,
                       @JsonProperty("new") long newOps, long known, long quarantined, long forks, String backup,
                       String archive, List<AuthorJson> authors) {
    }

    record AuthorJson(String replica, String name, String status, @JsonProperty("new") long newOps, long known,
                      long quarantined, long forks, long missing, long late, long farAhead) {
    }

    /// A file of the folder left alone, in `sync folder --json`.
    record SkippedJson(String file, String skipped) {
    }

    /// What `sync folder --json` prints.
    record FolderJson(List<Object> files, ExportJson written) {
    }

    static ReceiptJson receiptJson(ImportReceipt r) {
        return new ReceiptJson(r.file(), r.sender(), r.senderName(), Instant.ofEpochMilli(r.createdAt()).toString(),
                r.repeated(), r.newOps(), r.known(), r.quarantined(), r.forks(), r.backup(), r.archive(),
                r.authors().stream().map(a -> new AuthorJson(a.replica(), a.name(), a.status(), a.newOps(), a.known(),
                        a.quarantined(), a.forks(), a.missing(), a.late(), a.farAhead())).toList());
    }

    static void printReceipt(Leaf cmd, PrintWriter out, ImportReceipt r) {
        out.println(Terminal.safe(cmd.t(r.repeated() ? "cli.sync.receiptRepeated" : "cli.sync.receipt", r.file(),
                r.senderName())));
        Out.table(out, List.of(cmd.t("cli.col.laptop"), cmd.t("cli.col.status"), cmd.t("cli.col.new"),
                cmd.t("cli.col.alreadyHad"), cmd.t("cli.col.waiting"), cmd.t("cli.col.notes")), r.authors().stream()
                .map(a -> List.of(a.name(), status(cmd, a.status()), Long.toString(a.newOps()), Long.toString(a.known()),
                        Long.toString(a.quarantined()), notes(cmd, a))).toList());
        if (r.nothingNew()) {
            out.println(cmd.t("cli.sync.nothingNew"));
        }
        if (r.quarantined() > 0) {
            out.println(cmd.t("cli.sync.quarantinedKept"));
        }
        if (r.backup() != null) {
            out.println(Terminal.safe(cmd.t("cli.sync.backup", r.backup())));
        }
    }

    /// A laptop's standing (`admitted`, `pending`…) in the user's language.
    static String status(Leaf cmd, String wire) {
        String key = "cli.replicaStatus." + wire;
        String text = cmd.t(key);
        return text.equals(key) ? wire : text;
    }

    private static String notes(Leaf cmd, ImportReceipt.Author a) {
        List<String> n = new ArrayList<>();
        if (a.forks() > 0) {
            n.add(cmd.t("cli.sync.noteFork"));
        }
        if (a.missing() > 0) {
            n.add(cmd.t("cli.sync.noteMissing", Long.toString(a.missing())));
        }
        if (a.late() > 0) {
            n.add(cmd.t("cli.sync.noteLate", Long.toString(a.late())));
        }
        if (a.farAhead() > 0) {
            n.add(cmd.t("cli.sync.noteFarAhead", Long.toString(a.farAhead())));
        }
        return String.join("; ", n);
    }

    @Command(name = "folder", description = "Sync with a folder (USB stick or shared folder): import every sync file "
            + "of this cooperative there, then write ours.")
    static final class Folder extends Leaf {
        @Parameters(paramLabel = "DIR")
        Path dir;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            SyncService.FolderResult r = service(s).syncFolder(dir);
            if (json.on) {
                List<Object> files = new ArrayList<>();
                for (SyncService.FolderItem i : r.items()) {
                    if (i.error() != null) {
                        files.add(errorJson(i.file(), i.error(), root()));
                    } else if (i.receipt() != null) {
                        files.add(receiptJson(i.receipt()));
                    } else {
                        files.add(new SkippedJson(i.file().toString(), i.skipped()));
                    }
                }
                Out.json(out(), new FolderJson(files, exportJson(r.written())));
            } else {
                for (SyncService.FolderItem i : r.items()) {
                    if (i.error() != null) {
                        out().println(Terminal.safe(t("cli.sync.refused", i.file().getFileName().toString(),
                                ErrorMessages.oneLine(i.error(), root().locale()))));
                    } else if (i.receipt() != null) {
                        printReceipt(this, out(), i.receipt());
                    } else if ("already-imported".equals(i.skipped())) {
                        out().println(Terminal.safe(t("cli.sync.alreadyImported", i.file().getFileName().toString())));
                    } else if (SyncService.NOT_ADDRESSED.equals(i.skipped())) {
                        out().println(Terminal.safe(t("cli.sync.notAddressed", i.file().getFileName().toString())));
                    } else if (SyncService.GONE.equals(i.skipped())) {
                        out().println(Terminal.safe(ErrorMessages.text("cli.sync.gone", root().locale(),
                                i.file().getFileName())));
                    }
                }
                printExport(this, out(), r.written());
            }
            return r.anyRefused() ? ErrorCode.BUNDLE_UNREADABLE.exitCode() : 0;
        }
    }

    @Command(name = "status", description = "Laptops, what we hold of each, admissions waiting, forks, late entries.")
    static final class StatusCmd extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            SyncStatus.Status st = s.syncStatus().status();
            if (json.on) {
                Out.json(out(), st);
                return 0;
            }
            PrintWriter o = out();
            Out.table(o, List.of(t("cli.col.laptop"), t("cli.col.status"), t("cli.col.fingerprint"), t("cli.col.entries"),
                    t("cli.col.waiting"), t("cli.col.hasOurs"), t("cli.col.lastFile")),
                    st.laptops().stream().map(l -> List.of(l.self() ? t("cli.sync.thisLaptop", l.name()) : l.name(),
                            status(this, l.status()),
                            l.fingerprint(), Long.toString(l.held()), Long.toString(l.quarantined()),
                            l.holdsOfOurs() == null ? "" : Long.toString(l.holdsOfOurs()),
                            l.lastBundleCreatedAt() == null ? "" : Instant.ofEpochMilli(l.lastBundleCreatedAt()).toString()))
                            .toList());
            for (SyncStatus.Laptop p : st.pending()) {
                o.println(Terminal.safe(t("cli.sync.pending", p.name(), p.fingerprint())));
            }
            if (st.quarantined() > 0) {
                o.println(t("cli.sync.quarantined", Long.toString(st.quarantined())));
            }
            for (SyncStatus.Fork f : st.forks()) {
                o.println(Terminal.safe(t("cli.sync.fork", f.name(), Long.toString(f.seq()))));
            }
            for (SyncStatus.Flagged f : st.late()) {
                o.println(Terminal.safe(t("cli.sync.late", ReportText.change(this, f.type()), f.entity(), f.name())));
            }
            for (SyncStatus.Flagged f : st.farAhead()) {
                o.println(Terminal.safe(t("cli.sync.farAhead", Long.toString(f.seq()), f.name())));
            }
            if (st.conflicts() > 0) {
                o.println(t("cli.sync.conflicts", Long.toString(st.conflicts())));
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
            for (SyncStatus.Revoked r : st.revoked()) {
                if (r.reason() != null) {
                    o.println(Terminal.safe(t("cli.sync.revokedLine", r.name(), r.fingerprint(),
                            Instant.ofEpochMilli(r.revokedAt()).toString().substring(0, 10), r.byName(), r.reason(),
                            Long.toString(r.upTo()))));
                }
                if (r.heldAfter() > 0 && (r.reason() != null || r.upTo() > 0)) {
                    o.println(Terminal.safe(t("cli.sync.heldAfterRevocation", Long.toString(r.heldAfter()), r.name(),
                            Long.toString(r.upTo()))));
                }
            }
            return 0;
        }
    }

    /// Admit and reject: one laptop by name or id, then what changed, or that nothing did.
    abstract static class TrustVerdict extends Leaf {
        @Parameters(paramLabel = "REPLICA", description = "Name or id of the laptop.")
        String replica;
        @Mixin
        JsonOption json;

        abstract SyncTrust.ReplicaView decide(SyncTrust trust, String replica);

        /// The sentence for the laptop's name and fingerprint; `changed` is false if it was so already.
        abstract String said(SyncTrust.ReplicaView v);

        @Override
        int run(Services s) {
            SyncTrust.ReplicaView v = decide(s.trust(), replica);
            if (json.on) {
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
            return v.changed() ? t("cli.sync.admitted", Terminal.safe(v.name()), v.fingerprint()) + System.lineSeparator()
                    + t("cli.sync.admittedCount") : t("cli.sync.alreadyAdmitted", Terminal.safe(v.name()), v.fingerprint());
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
            return t(v.changed() ? "cli.sync.rejected" : "cli.sync.alreadyRejected", Terminal.safe(v.name()),
                    v.fingerprint());
        }
    }

    @Command(name = "revoke", description = "Revoke a lost or stolen laptop: its entries up to the last one held here "
            + "(or --keep-up-to N) still count, its later entries, admissions and revocations never do, and new "
            + "sync files are no longer written for its key.")
    static final class Revoke extends Leaf {
        @Parameters(paramLabel = "REPLICA", description = "Name or id of the laptop.")
        String replica;
        @Option(names = "--reason", paramLabel = "TEXT", required = true,
                description = "Why it is revoked (lost, stolen, sold...); kept with the revocation.")
        String reason;
        @Option(names = "--keep-up-to", paramLabel = "N",
                description = "Its entries up to this number keep counting (default: the highest held here).")
        Long keepUpTo;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            SyncTrust.Revoked r = s.trust().revoke(replica, reason, keepUpTo);
            if (json.on) {
                Out.json(out(), r);
            } else {
                out().println(t(r.laptop().changed() ? "cli.sync.revoked" : "cli.sync.alreadyRevoked",
                        Terminal.safe(r.laptop().name()), r.laptop().fingerprint(), Long.toString(r.upTo())));
            }
            return 0;
        }
    }
}
