package coop.minka.cli;

import coop.minka.app.demo.DemoGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            if (members < 1 || years < 1 || replicas < 1 || workPerYear < 0 || txPerYear < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--members, --years and --replicas must be at least 1");
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
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("databases", r.databases().stream().map(p -> p.toAbsolutePath().toString()).toList());
                m.put("entries", r.entries());
                m.put("members", r.members());
                m.put("accounts", r.accounts());
                m.put("categories", r.categories());
                m.put("transactions", r.transactions());
                m.put("postings", r.postings());
                m.put("workEntries", r.workEntries());
                m.put("voids", r.voids());
                m.put("bundles", r.bundles());
                m.put("seconds", Math.round(secs * 1000) / 1000.0);
                Out.json(w, m);
            } else {
                w.println("Demo cooperative made in " + String.format(java.util.Locale.ROOT, "%.1f", secs) + " s:");
                for (Path p : r.databases()) {
                    w.println("  " + p.toAbsolutePath());
                }
                w.println(r.members() + " members, " + r.accounts() + " accounts, " + r.transactions() + " transactions ("
                        + r.postings() + " postings), " + r.workEntries() + " work entries, " + r.voids() + " voids; "
                        + r.entries() + " entries in each database after " + r.bundles() + " sync files.");
                w.println("Open it with: minka --db " + r.founder().toAbsolutePath());
            }
            w.flush();
            return 0;
        }
    }
}
