package coop.minka.cli;

import coop.minka.app.Texts;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/// `--from DATE` and `--to DATE`, the same on every command that takes a range of days.
final class DateRangeOptions {
    @Option(names = "--from", paramLabel = "DATE", description = "First day (default: the beginning).")
    String from;
    @Option(names = "--to", paramLabel = "DATE", description = "Last day (default: the latest entry).")
    String to;

    /// The first day as typed, parsed (exit 2 for a bad date), or null.
    LocalDate from() {
        return Texts.date(from);
    }

    LocalDate to() {
        return Texts.date(to);
    }
}
