package coop.minka.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// Runs `minka` in-process through picocli against one database file, capturing output.
public final class CliRunner {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path db;

    /// What one command printed and its exit code.
    public record Result(int exit, String out, String err) {
        public JsonNode json() {
            return JSON.readTree(out);
        }
    }

    public CliRunner(Path db) {
        this.db = db;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        if (!List.of(args).contains("--lang")) {
            all.addAll(List.of("--lang", "en"));
        }
        all.addAll(List.of(args));
        int code = MinkaCommand.commandLine(new MinkaCommand(), new PrintWriter(out), new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /// Runs exactly these arguments (no `--lang en` added) with `environment` as the process
    /// environment (`LANG`, `LC_ALL`…).
    public Result runIn(java.util.Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        MinkaCommand root = new MinkaCommand();
        root.environment = environment::get;
        int code = MinkaCommand.commandLine(root, new PrintWriter(out), new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /// Runs and insists on exit 0; returns stdout stripped.
    public String ok(String... args) {
        Result r = run(args);
        if (r.exit() != 0) {
            throw new AssertionError("minka " + String.join(" ", args) + " exited " + r.exit() + ": " + r.err());
        }
        return r.out().strip();
    }
}
