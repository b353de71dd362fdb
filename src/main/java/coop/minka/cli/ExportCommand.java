package coop.minka.cli;

import coop.minka.app.export.ExportService;
import coop.minka.app.Services;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `minka export --format csv|json|hledger|ledger|beancount --out FILE`.
@Command(name = "export", description = "Export the books: CSV of every report and table (a folder, or a .zip), "
        + "full JSON, or a journal for hledger, ledger or beancount.")
final class ExportCommand extends Leaf {
    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "csv, json, hledger, ledger or beancount.")
    ExportService.Format format;
    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "A new file or folder (csv: a folder, or a file ending in .zip); an existing folder gets a new file in it.")
    Path file;
    @Mixin
    DateRangeOptions dates;
    @Mixin
    JsonOption json;

    /// What `export --json` prints.
    record Written(String format, String path, java.util.List<String> files) {
    }

    @Override
    int run(Services s) {
        ExportService.Exported e = s.exports().export(format, file, dates.from(), dates.to(),
                root().askedLanguage());
        if (json.on) {
            Out.json(out(), new Written(e.format().name().toLowerCase(java.util.Locale.ROOT), e.path().toString(),
                    e.files()));
        } else {
            out().println(Terminal.safe(e.files().isEmpty() ? t("cli.export.wrote", e.path().toString())
                    : t("cli.export.wroteCsv", e.path().toString(), Integer.toString(e.files().size()))));
        }
        return 0;
    }
}
