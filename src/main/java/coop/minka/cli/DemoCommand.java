package coop.minka.cli;

import coop.minka.app.demo.DemoGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `minka demo generate`: a made-up cooperative to explore, train with, or measure speed on.
@Command(name = "demo", description = "A made-up cooperative to explore or to measure speed on.",
        subcommands = {DemoCommand.Generate.class})
final class DemoCommand {
    private DemoCommand() {
    }

    @Command(name = "generate", description = "Make a demo cooperative: one database per laptop, books already exchanged.")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--members", defaultValue = "40", paramLabel = "N", description = "Members (default: 40).")
        int members;

        @Option(names = "--years", defaultValue = "2", paramLabel = "Y", description = "Years of history (default: 2).")
        int years;

        @Option(names = "--replicas", defaultValue = "3", paramLabel = "R",
                description = "Laptops, one database each (default: 3).")
        int replicas;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "A folder for the new databases.")
        Path out;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
                description = "Random seed: the same seed gives the same books (default: 1).")
        long seed;

        @Option(names = "--work-per-year", defaultValue = "40", paramLabel = "N",
                description = "Work entries per member and year, besides work days (default: 40).")
        int workPerYear;

        @Option(names = "--tx-per-year", defaultValue = "16", paramLabel = "N",
                description = "Transactions per member and year (default: 16).")
        int txPerYear;

        @Option(names = "--end", paramLabel = "DATE", description = "Last day of the history (default: today).")
        LocalDate end;

        @Option(names = "--currency", defaultValue = "BOB", paramLabel = "CODE", description = "Currency (default: BOB).")
        String currency;

        @Mixin
        JsonOption json;

        /// What `demo generate --json` prints.
        record Made(java.util.List<String> databases, long entries, long members, long accounts, long categories,
                    long transactions, long postings, long workEntries, long voids, long bundles, double seconds) {
        }

        private MinkaCommand root() {
            return (MinkaCommand) spec.root().userObject();
        }

        @Override
        public Integer call() {
            if (members < 1 || years < 1 || replicas < 1 || workPerYear < 0 || txPerYear < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        root().text("cli.demo.atLeastOne"));
            }
            long t0 = System.nanoTime();
            // names, memos and notes in the language of messages (--lang)
            var o = new DemoGenerator.Options(members, years, replicas, seed, workPerYear, txPerYear,
                    end != null ? end : LocalDate.now(Clock.systemDefaultZone()),
                    coop.minka.app.Texts.required(currency, "currency"),
                    ((MinkaCommand) spec.root().userObject()).locale());
            DemoGenerator.Result r = DemoGenerator.generate(out, o);
            double secs = (System.nanoTime() - t0) / 1e9;
            var w = spec.commandLine().getOut();
            if (json.on) {
                Out.json(w, new Made(r.databases().stream().map(p -> p.toAbsolutePath().toString()).toList(),
                        r.entries(), r.members(), r.accounts(), r.categories(), r.transactions(), r.postings(),
                        r.workEntries(), r.voids(), r.bundles(), Math.round(secs * 1000) / 1000.0));
            } else {
                MinkaCommand root = root();
                w.println(root.text("cli.demo.made", String.format(java.util.Locale.ROOT, "%.1f", secs)));
                for (Path p : r.databases()) {
                    w.println(Terminal.safe("  " + p.toAbsolutePath()));
                }
                w.println(root.text("cli.demo.summary", Long.toString(r.members()), Long.toString(r.accounts()),
                        Long.toString(r.transactions()), Long.toString(r.postings())) + " "
                        + root.text("cli.demo.summaryMore", Long.toString(r.workEntries()), Long.toString(r.voids()),
                        Long.toString(r.entries()), Long.toString(r.bundles())));
                w.println(Terminal.safe(root.text("cli.demo.open", r.founder().toAbsolutePath().toString())));
            }
            w.flush();
            return 0;
        }
    }
}
