package coop.minka.cli;

import coop.minka.app.Services;
import coop.minka.app.Texts;
import coop.minka.app.WorkService;
import coop.minka.domain.Member;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka work add|day|void|list`: shared work.
@Command(name = "work", description = "Record, list and void shared work.",
        subcommands = {WorkCommand.Add.class, WorkCommand.Day.class, WorkCommand.Void.class, WorkCommand.ListWork.class})
final class WorkCommand {
    private WorkCommand() {
    }

    static void print(Leaf cmd, Services s, List<WorkEntry> entries, boolean json, java.io.PrintWriter out) {
        Map<String, String> names = s.members().list().stream().collect(Collectors.toMap(Member::id, Member::name));
        Map<String, String> codes = s.work().categories().stream()
                .collect(Collectors.toMap(WorkCategory::id, WorkCategory::code));
        String missing = cmd.t("cli.notYetReceived");
        Function<String, String> name = id -> names.getOrDefault(id, missing);
        Function<String, String> code = id -> codes.getOrDefault(id, missing);
        if (json) {
            Out.json(out, entries.stream().map(e -> Out.work(e, name, code)).toList());
            return;
        }
        Out.table(out, List.of(cmd.t("cli.col.id"), cmd.t("cli.col.date"), cmd.t("cli.col.member"),
                cmd.t("cli.col.category"), cmd.t("cli.col.hours"), cmd.t("cli.col.witness"), cmd.t("cli.col.note")),
                entries.stream().map(e -> List.of(e.id(), e.date().toString(), name.apply(e.memberId()),
                        code.apply(e.categoryId()), Texts.hours(e.minutes()),
                        e.witnessId() == null ? "" : name.apply(e.witnessId()), (e.voided() ? cmd.t("cli.voidMark", e.voidReason()) + " " : "")
                                + (e.note() == null ? "" : e.note()))).toList());
        long total = entries.stream().filter(e -> !e.voided()).mapToLong(WorkEntry::minutes).sum();
        out.println(cmd.t("cli.totalHours", Texts.hours(total)));
    }

    @Command(name = "add", description = "Record work done by one member; prints the entry's id.")
    static final class Add extends Leaf {
        @Option(names = "--member", required = true, description = "Id or name.")
        String member;
        @Option(names = "--date", required = true, paramLabel = "DATE")
        String date;
        @Option(names = "--hours", required = true, paramLabel = "H", description = "e.g. 2, 1.5 or 1:30.")
        String hours;
        @Option(names = "--category", required = true, paramLabel = "CODE")
        String category;
        @Option(names = "--note")
        String note;
        @Option(names = "--witness", paramLabel = "MEMBER", description = "A member who confirms the work.")
        String witness;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            WorkEntry e = s.work().add(new WorkService.Entry(member, entryDate(date), hours, category, note, witness));
            if (json.on) {
                print(this, s, List.of(e), true, out());
            } else {
                out().println(e.id());
            }
            return 0;
        }
    }

    @Command(name = "day", description = "A collective work day: one entry for each attendee.")
    static final class Day extends Leaf {
        @Option(names = "--date", required = true, paramLabel = "DATE")
        String date;
        @Option(names = "--hours", required = true, paramLabel = "H")
        String hours;
        @Option(names = "--category", required = true, paramLabel = "CODE")
        String category;
        @Option(names = "--attendee", required = true, paramLabel = "MEMBER", description = "Repeat for each attendee.")
        List<String> attendees;
        @Option(names = "--note")
        String note;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            List<WorkEntry> es = s.work().addWorkDay(entryDate(date), category, hours, attendees, note);
            if (json.on) {
                print(this, s, es, true, out());
            } else {
                out().println(t("cli.work.day", Integer.toString(es.size()), es.isEmpty() ? date : es.getFirst().date().toString()));
            }
            return 0;
        }
    }

    @Command(name = "void", description = "Void a work entry; it stays visible but no longer counts.")
    static final class Void extends Leaf {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--reason", required = true)
        String reason;

        @Override
        int run(Services s) {
            WorkEntry e = s.work().voidEntry(id, reason);
            out().println(t("cli.voided", e.id()));
            return 0;
        }
    }

    @Command(name = "list", description = "List work entries.")
    static final class ListWork extends Leaf {
        @Option(names = "--member", description = "Id or name.")
        String member;
        @Mixin
        DateRangeOptions dates;
        @Option(names = "--include-voided")
        boolean includeVoided;
        @Option(names = "--unwitnessed", description = "Only work that no other member has confirmed as witness.")
        boolean unwitnessed;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            List<WorkEntry> entries = s.work().list(member, dates.from(), dates.to(), includeVoided);
            if (unwitnessed) {
                entries = entries.stream().filter(e -> e.witnessId() == null).toList();
            }
            print(this, s, entries, json.on, out());
            return 0;
        }
    }
}
