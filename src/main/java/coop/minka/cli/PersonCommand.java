package coop.minka.cli;

import coop.minka.app.PeopleService;
import coop.minka.app.Services;
import coop.minka.domain.Person;
import coop.minka.domain.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka person add|list|update|pin`: the people who use Minka and their roles (design notes 26).
@Command(name = "person", description = "Add, list and change the people who use Minka, their roles and PINs.",
        subcommands = {PersonCommand.Add.class, PersonCommand.ListPeople.class, PersonCommand.Update.class,
                PersonCommand.Pin.class})
final class PersonCommand {
    private PersonCommand() {
    }

    /// What `person list --json` and `person add --json` print for one person (never the PIN hash).
    record PersonJson(String id, String name, List<String> roles, String member) {
    }

    static PersonJson json(Person p) {
        return new PersonJson(p.id(), p.name(), p.roles().stream().map(Role::wire).sorted().toList(), p.member());
    }

    static Set<Role> roles(List<String> wire) {
        if (wire == null || wire.isEmpty()) {
            return null;
        }
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String w : wire) {
            for (String part : w.split(",")) {
                out.add(Role.fromWire(part));
            }
        }
        return out;
    }

    /// The new PIN: `MINKA_NEW_PIN`, else asked without echo; refused when there is neither.
    static String newPin(Leaf leaf, String who) {
        MinkaCommand root = leaf.root();
        String v = root.environment.apply("MINKA_NEW_PIN");
        if (v != null) {
            return v.strip();
        }
        java.io.Console c = System.console();
        char[] typed = c == null ? null : c.readPassword("%s ", root.text("cli.person.newPinPrompt", who));
        if (typed == null) {
            throw new coop.minka.domain.MinkaException(coop.minka.domain.ErrorCode.PIN_REQUIRED, who, "MINKA_NEW_PIN");
        }
        return new String(typed);
    }

    static String roleWords(Leaf leaf, Person p) {
        return String.join(", ", p.roles().stream().sorted().map(r -> leaf.t("cli.role." + r.wire())).toList());
    }

    @Command(name = "add", description = "Add a person with one or more roles; prints the new person's id. "
            + "The first person must be a president; after that the president and a second person add people.")
    static final class Add extends Leaf {
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "president, treasurer, secretary, auditor, keyholder or member (repeat for several).")
        List<String> role;
        @Option(names = "--member", paramLabel = "MEMBER", description = "The member this person is (id or name).")
        String member;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            Set<Role> rs = roles(role);
            Person p = s.people().add(name, rs, member, newPin(this, name));
            if (json.on) {
                Out.json(out(), json(p));
            } else {
                out().println(p.id());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the people and their roles.")
    static final class ListPeople extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            List<Person> ps = s.people().list();
            if (json.on) {
                Out.json(out(), ps.stream().map(PersonCommand::json).toList());
            } else {
                Out.table(out(), List.of(t("cli.col.id"), t("cli.col.name"), t("cli.col.roles")),
                        ps.stream().map(p -> List.of(p.id(), p.name(), roleWords(this, p))).toList());
            }
            return 0;
        }
    }

    @Command(name = "update", description = "Change a person's name, roles or member (the president and a second person).")
    static final class Update extends Leaf {
        @Parameters(paramLabel = "PERSON", description = "Id or name.")
        String person;
        @Option(names = "--name")
        String name;
        @Option(names = "--role", paramLabel = "ROLE", description = "The person's roles from now on (repeat for several).")
        List<String> role;
        @Option(names = "--member", paramLabel = "MEMBER")
        String member;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            Person p = s.people().update(person, new PeopleService.Changes(name, roles(role), member));
            if (json.on) {
                Out.json(out(), json(p));
            } else {
                out().println(Terminal.safe(t("cli.person.updated", p.name(), roleWords(this, p))));
            }
            return 0;
        }
    }

    @Command(name = "pin", description = "Change your own PIN: the current one from $MINKA_PIN, the new one from "
            + "$MINKA_NEW_PIN (else both asked).")
    static final class Pin extends Leaf {
        @Parameters(paramLabel = "PERSON", description = "Id or name.")
        String person;

        @Override
        int run(Services s) {
            Person p = s.people().get(person);
            String current = root().pin("MINKA_PIN", p.name());
            s.people().changePin(p.id(), current, newPin(this, p.name()));
            out().println(Terminal.safe(t("cli.person.pinChanged", p.name())));
            return 0;
        }
    }
}
