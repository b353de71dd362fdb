package coop.minka.cli;

import coop.minka.app.export.ExportService;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
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
    @Option(names = "--from", paramLabel = "DATE", description = "First day (default: the beginning).")
    String from;
    @Option(names = "--to", paramLabel = "DATE", description = "Last day (default: the latest entry).")
    String to;
    @Option(names = "--json", description = "Print what was written as JSON.")
    boolean json;

    @Override
    int run(Services s) {
        ExportService.Exported e = s.exports().export(format, file, Texts.date(from), Texts.date(to),
                root().lang == null ? null : root().locale());
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("format", e.format().name().toLowerCase(java.util.Locale.ROOT));
            o.put("path", e.path().toString());
            o.put("files", e.files());
            Out.json(out(), o);
        } else {
            out().println(Terminal.safe("Wrote " + e.path() + (e.files().isEmpty() ? "" : " (" + e.files().size() + " CSV files)") + "."));
        }
        return 0;
    }
}
