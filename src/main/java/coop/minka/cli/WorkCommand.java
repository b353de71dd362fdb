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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka work add|day|void|list`: shared work.
@Command(name = "work", description = "Record, list and void shared work.",
        subcommands = {WorkCommand.Add.class, WorkCommand.Day.class, WorkCommand.Void.class, WorkCommand.ListWork.class})
final class WorkCommand {
    private WorkCommand() {
    }

    static void print(Services s, List<WorkEntry> entries, boolean json, java.io.PrintWriter out) {
        Map<String, String> names = s.members().list().stream().collect(Collectors.toMap(Member::id, Member::name));
        Map<String, String> codes = s.work().categories().stream()
                .collect(Collectors.toMap(WorkCategory::id, WorkCategory::code));
        Function<String, String> name = id -> names.getOrDefault(id, "(not yet received)");
        Function<String, String> code = id -> codes.getOrDefault(id, "(not yet received)");
        if (json) {
            Out.json(out, entries.stream().map(e -> Out.work(e, name, code)).toList());
            return;
        }
        Out.table(out, List.of("ID", "DATE", "MEMBER", "CATEGORY", "HOURS", "NOTE"), entries.stream()
                .map(e -> List.of(e.id(), e.date().toString(), name.apply(e.memberId()), code.apply(e.categoryId()),
                        Texts.hours(e.minutes()), (e.voided() ? "[VOID: " + e.voidReason() + "] " : "")
                                + (e.note() == null ? "" : e.note()))).toList());
        long total = entries.stream().filter(e -> !e.voided()).mapToLong(WorkEntry::minutes).sum();
        out.println("Total: " + Texts.hours(total) + " hours");
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
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            WorkEntry e = s.work().add(new WorkService.Entry(member, entryDate(date), hours, category, note, witness));
            if (json) {
                print(s, List.of(e), true, out());
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
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            List<WorkEntry> es = s.work().addWorkDay(entryDate(date), category, hours, attendees, note);
            if (json) {
                print(s, es, true, out());
            } else {
                out().println("Recorded " + es.size() + " entries for the work day of " + date);
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
            out().println("Voided " + e.id());
            return 0;
        }
    }

    @Command(name = "list", description = "List work entries.")
    static final class ListWork extends Leaf {
        @Option(names = "--member", description = "Id or name.")
        String member;
        @Option(names = "--from", paramLabel = "DATE")
        String from;
        @Option(names = "--to", paramLabel = "DATE")
        String to;
        @Option(names = "--include-voided")
        boolean includeVoided;
        @Option(names = "--json")
        boolean json;

        @Override
        int run(Services s) {
            print(s, s.work().list(member, Texts.date(from), Texts.date(to), includeVoided), json, out());
            return 0;
        }
    }
}
