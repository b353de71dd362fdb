package coop.minka.cli;

import coop.minka.app.Services;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/// A verb that works on the open database: opens it, runs, closes it.
abstract class Leaf implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    MinkaCommand root() {
        return (MinkaCommand) spec.root().userObject();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public Integer call() {
        try (Services s = root().open()) {
            int code = run(s);
            out().flush();
            return code;
        }
    }

    abstract int run(Services s);
}
