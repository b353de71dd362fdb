package coop.minka.cli;

import coop.minka.app.ErrorMessages;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import coop.minka.domain.OpRules;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/// A verb that works on the open database: opens it, runs, closes it.
abstract class Leaf implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final List<LocalDate> farDates = new ArrayList<>();

    MinkaCommand root() {
        return (MinkaCommand) spec.root().userObject();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /// A text of the command line in the user's language ([MinkaCommand#text]).
    String t(String key, Object... args) {
        return root().text(key, args);
    }

    /// A kind of change (an op type) in the user's words.
    String change(String type) {
        return root().change(type);
    }

    @Override
    public Integer call() {
        try (Services s = root().open()) {
            root().actAs(s);
            int code = run(s);
            out().flush();
            if (code == 0) {
                warnFarDates();
            }
            return code;
        }
    }

    abstract int run(Services s);

    /// The date of a new entry as typed: parsed by the rule book (`OpRules.parseDate`, refused with
    /// exit 2 otherwise); a date more than a year after today is kept, with a warning on stderr
    /// once the entry is saved.
    LocalDate entryDate(String typed) {
        LocalDate d = Texts.date(typed);
        if (OpRules.farFuture(d, LocalDate.now())) {
            farDates.add(d);
        }
        return d;
    }

    private void warnFarDates() {
        PrintWriter err = spec.commandLine().getErr();
        var locale = root().locale();
        for (LocalDate d : farDates) {
            err.println(ErrorMessages.text("cli.warning.prefix", locale) + ": " + new MessageFormat(
                    ErrorMessages.text("cli.warning.farFuture", locale), locale).format(new Object[] {d.toString(),
                    LocalDate.now().toString()}));
        }
        err.flush();
    }
}
