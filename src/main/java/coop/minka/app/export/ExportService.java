package coop.minka.app.export;

import coop.minka.app.Books;
import coop.minka.app.DateRange;
import coop.minka.app.FileChecks;
import coop.minka.app.OutputFiles;
import coop.minka.app.Progress;
import coop.minka.app.Workspace;
import coop.minka.app.Words;
import coop.minka.app.report.AuditService;
import coop.minka.app.report.DataTables;
import coop.minka.app.report.RecognitionService;
import coop.minka.app.report.ReportTable;
import coop.minka.app.report.ReportTables;
import coop.minka.app.report.StatementService;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.store.LedgerRepository;
import coop.minka.store.WorkRepository;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/// Exports of the books: CSV (one file per report and table), a full JSON export, and journals
/// that hledger, ledger and beancount read. Every export of a period is made from one [Books]
/// read, with the same figures as the screen and the printed pack.
///
/// CSV goes into a ZIP file when `--out` ends in `.zip`, otherwise into a new folder (an
/// existing empty folder is fine); the files are listed in `docs/reports.md`.
public final class ExportService {
    /// The export formats of `minka export --format`.
    public enum Format {
        CSV, JSON, HLEDGER, LEDGER, BEANCOUNT;

        String defaultName() {
            return switch (this) {
                case CSV -> "minka-export";
                case JSON -> "minka-export.json";
                case HLEDGER -> "minka.hledger";
                case LEDGER -> "minka.ledger";
                case BEANCOUNT -> "minka.beancount";
            };
        }
    }

    /// What was written: the file or folder, and the CSV file names (empty for one-file formats).
    public record Exported(Path path, Format format, List<String> files) {
    }

    private final Workspace ws;
    private final AuditService audit;

    public ExportService(Workspace ws, AuditService audit) {
        this.ws = ws;
        this.audit = audit;
    }

    /// Writes the export of the period [from, to] (either may be null: open-ended); CSV headers
    /// in the cooperative's language.
    public Exported export(Format format, Path out, LocalDate from, LocalDate to) {
        return export(format, out, from, to, null);
    }

    /// Writes the export of the period [from, to]; the CSV files' titles, headers and row labels
    /// in `language` (null: the cooperative's). JSON and journals keep their field names and
    /// keywords in every language.
    public Exported export(Format format, Path out, LocalDate from, LocalDate to, Locale language) {
        return export(format, out, from, to, language, Progress.NONE);
    }

    /// Like [#export(Format, Path, LocalDate, LocalDate, Locale)], telling `progress` how far the
    /// CSV tables are and stopping when it is cancelled; a cancelled export leaves no file.
    public Exported export(Format format, Path out, LocalDate from, LocalDate to, Locale language,
                           Progress progress) {
        if (format == null) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "--format");
        }
        if (out == null) {
            throw new MinkaException(ErrorCode.EMPTY_FIELD, "--out");
        }
        DateRange.check(from, to);
        FileChecks.target(out);
        return switch (format) {
            case CSV -> csv(out, from, to, language, progress);
            case JSON -> oneFile(format, out, JsonExport.write(ws, from, to));
            case HLEDGER, LEDGER, BEANCOUNT -> oneFile(format, out, ws.read(s -> {
                Books b = Books.load(s, from, to);
                return JournalExport.write(format, b, LedgerRepository.transactions(s, from, to, null),
                        from).getBytes(StandardCharsets.UTF_8);
            }));
        };
    }

    /// Every CSV table of the period, in a fixed order, from one read of the books, in the
    /// cooperative's language.
    public List<ReportTable> tables(LocalDate from, LocalDate to) {
        return tables(from, to, null);
    }

    /// Every CSV table of the period in `language` (null: the cooperative's).
    public List<ReportTable> tables(LocalDate from, LocalDate to, Locale language) {
        Words w = Words.of(language, ws.coop());
        List<ReportTable> out = new ArrayList<>(ws.read(d -> {
            Books b = Books.load(d, from, to);
            var cur = b.currency();
            List<ReportTable> t = new ArrayList<>();
            t.add(DataTables.accounts(b, w));
            t.add(DataTables.members(b, w));
            t.add(DataTables.categories(b, w));
            t.add(DataTables.transactions(LedgerRepository.transactions(d, from, to, null), b, w));
            t.add(DataTables.work(WorkRepository.entries(d, null, from, to, true), b, w));
            t.add(ReportTables.trialBalance(StatementService.trialBalance(b), cur, w));
            t.add(ReportTables.balanceSheet(StatementService.balanceSheet(b), cur, w));
            t.add(ReportTables.income(StatementService.income(b), cur, w));
            t.add(ReportTables.cashBooks(StatementService.cashBooks(b, List.of()), from, cur, w));
            t.add(ReportTables.memberStatements(StatementService.memberStatements(b, b.statementMembers()), from,
                    cur, w));
            t.add(ReportTables.recognition(RecognitionService.recognition(b), cur, w));
            return t;
        }));
        out.add(ReportTables.audit(audit.log(from, to, 0), w));
        return out;
    }

    private Exported csv(Path out, LocalDate from, LocalDate to, Locale language, Progress progress) {
        List<ReportTable> tables = tables(from, to, language);
        int total = tables.size() + 1;
        progress.checkCancelled();
        progress.step(1, total);
        List<String> names = tables.stream().map(t -> t.name() + ".csv").toList();
        boolean zip = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        if (zip) {
            Path file = OutputFiles.resolve(out, Format.CSV.defaultName() + ".zip");
            OutputFiles.write(file, progress, os -> {
                try (ZipOutputStream z = new ZipOutputStream(os, StandardCharsets.UTF_8)) {
                    int done = 1;
                    for (ReportTable t : tables) {
                        progress.checkCancelled();
                        z.putNextEntry(new ZipEntry(t.name() + ".csv"));
                        Writer w = new OutputStreamWriter(z, StandardCharsets.UTF_8);
                        t.writeCsv(w);
                        z.closeEntry();
                        progress.step(++done, total);
                    }
                }
            });
            return new Exported(file, Format.CSV, names);
        }
        Path dir = out;
        try {
            if (Files.exists(dir) && (!Files.isDirectory(dir) || hasFiles(dir))) {
                throw new MinkaException(ErrorCode.FILE_EXISTS, dir);
            }
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new MinkaException(ErrorCode.CANNOT_WRITE, e, dir);
        }
        List<Path> written = new java.util.ArrayList<>();
        try {
            for (ReportTable t : tables) {
                progress.checkCancelled();
                Path f = dir.resolve(t.name() + ".csv");
                OutputFiles.write(f, progress, os -> {
                    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                    t.writeCsv(w);
                });
                written.add(f);
                progress.step(written.size() + 1, total);
            }
        } catch (Progress.Cancelled c) {
            for (Path f : written) { // cancelled: the tables already written go too
                try {
                    Files.deleteIfExists(f);
                } catch (java.io.IOException ignored) {
                    // left in the folder the person chose; nothing else to do
                }
            }
            throw c;
        }
        return new Exported(dir, Format.CSV, names);
    }

    private static boolean hasFiles(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    private static Exported oneFile(Format format, Path out, byte[] bytes) {
        Path file = OutputFiles.resolve(out, format.defaultName());
        OutputFiles.write(file, os -> os.write(bytes));
        return new Exported(file, format, List.of());
    }
}
