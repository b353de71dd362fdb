package coop.minka.cli;

import coop.minka.app.MemberService;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka member add|list|show|update`.
@Command(name = "member", description = "Add, list, show and change members.",
        subcommands = {MemberCommand.Add.class, MemberCommand.ListMembers.class, MemberCommand.Show.class,
                MemberCommand.Update.class})
final class MemberCommand {
    private MemberCommand() {
    }

    @Command(name = "add", description = "Add a member; prints the new member's id.")
    static final class Add extends Leaf {
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--gender", defaultValue = "unspecified", description = "woman, man, nonbinary or unspecified.")
        String gender;
        @Option(names = "--joined", paramLabel = "DATE", description = "Date the member joined (YYYY-MM-DD).")
        String joined;
        @Option(names = "--contact")
        String contact;
        @Option(names = "--notes")
        String notes;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            Member m = s.members().add(name, Gender.fromWire(gender), entryDate(joined), contact, notes);
            if (json.on) {
                Out.json(out(), Out.member(m));
            } else {
                out().println(m.id());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List members.")
    static final class ListMembers extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            List<Member> ms = s.members().list();
            if (json.on) {
                Out.json(out(), ms.stream().map(Out::member).toList());
            } else {
                Out.table(out(), List.of(t("cli.col.id"), t("cli.col.name"), t("cli.col.gender"), t("cli.col.joined"),
                        t("cli.col.status")), ms.stream().map(m -> List.of(m.id(), m.name(),
                        t("cli.gender." + m.gender().wire()), m.joined() == null ? "" : m.joined().toString(),
                        t("cli.memberStatus." + m.status().wire()))).toList());
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show one member and their work.")
    static final class Show extends Leaf {
        /// What `member show --json` prints: the member, then their work.
        record Shown(String id, String name, String gender, String joined, String status, String contact,
                     String notes, int workEntries, double workHours) {
        }

        @Parameters(paramLabel = "MEMBER", description = "Id or name.")
        String member;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            Member m = s.members().get(member);
            var work = s.work().list(m.id(), null, null, false);
            long minutes = work.stream().mapToLong(w -> w.minutes()).sum();
            if (json.on) {
                Out.json(out(), new Shown(m.id(), m.name(), m.gender().wire(),
                        m.joined() == null ? null : m.joined().toString(), m.status().wire(), m.contact(), m.notes(),
                        work.size(), Double.parseDouble(Texts.hours(minutes))));
            } else {
                out().println(Terminal.safe(m.name() + "  (" + m.id() + ")"));
                String gender = t("cli.gender." + m.gender().wire());
                String status = t("cli.memberStatus." + m.status().wire());
                out().println(m.joined() == null ? t("cli.member.details", gender, status)
                        : t("cli.member.detailsJoined", gender, status, m.joined().toString()));
                if (m.contact() != null) {
                    out().println(Terminal.safe(t("cli.member.contact", m.contact())));
                }
                if (m.notes() != null) {
                    out().println(Terminal.safe(t("cli.member.notes", m.notes())));
                }
                out().println(t("cli.member.work", Texts.hours(minutes), Integer.toString(work.size())));
            }
            return 0;
        }
    }

    @Command(name = "update", description = "Change a member's details, or deactivate them (--status inactive).")
    static final class Update extends Leaf {
        @Parameters(paramLabel = "MEMBER", description = "Id or name.")
        String member;
        @Option(names = "--name")
        String name;
        @Option(names = "--gender")
        String gender;
        @Option(names = "--joined", paramLabel = "DATE")
        String joined;
        @Option(names = "--status", description = "active or inactive.")
        String status;
        @Option(names = "--contact")
        String contact;
        @Option(names = "--notes")
        String notes;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            Member m = s.members().update(member, new MemberService.Changes(name,
                    gender == null ? null : Gender.fromWire(gender), entryDate(joined),
                    status == null ? null : MemberStatus.fromWire(status), contact, notes));
            if (json.on) {
                Out.json(out(), Out.member(m));
            } else {
                out().println(Terminal.safe(t("cli.member.updated", m.name(), m.id())));
                out().println(m.joined() == null
                        ? t("cli.member.details", t("cli.gender." + m.gender().wire()),
                                t("cli.memberStatus." + m.status().wire()))
                        : t("cli.member.detailsJoined", t("cli.gender." + m.gender().wire()),
                                t("cli.memberStatus." + m.status().wire()), m.joined().toString()));
            }
            return 0;
        }
    }
}
