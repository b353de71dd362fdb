package coop.minka.cli;

import picocli.CommandLine.Option;

/// `--json`, the same on every command that has it: print the result as JSON with the stable
/// field names of the README and `docs/reports.md`.
final class JsonOption {
    @Option(names = "--json", description = "Print the result as JSON.")
    boolean on;
}
