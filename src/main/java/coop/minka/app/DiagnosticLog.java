package coop.minka.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/// The diagnostics file for support: a small rolling log beside the database
/// (`minka.db` → `minka.db.log.0`, the newest, then `.1`, `.2`; at most three files of 512 KB), with
/// what went wrong inside Minka and its stack trace. The person sees a plain message that names
/// this file ([ErrorMessages#hint]); the file, never the screen, holds the details. Nothing in it
/// is needed to run Minka: if it cannot be written (a read-only folder), Minka runs without it.
public final class DiagnosticLog {
    private static final Logger LOG = Logger.getLogger("coop.minka");
    private static final int LIMIT = 512 * 1024;
    private static final int COUNT = 3;
    private static volatile Path file;
    private static FileHandler handler;

    private DiagnosticLog() {
    }

    /// The log file of a database.
    public static Path fileFor(Path database) {
        return database.toAbsolutePath().resolveSibling(database.getFileName() + ".log");
    }

    /// Starts writing to the log file of `database` (once per process; a later call for another
    /// database moves the log there). Quietly does nothing when the folder cannot be written.
    public static synchronized void start(Path database) {
        Path f = fileFor(database);
        if (f.equals(file)) {
            return;
        }
        stop();
        try {
            Files.createDirectories(f.getParent());
            // with no %g in the pattern the generation is added after a dot: .0 is the newest
            FileHandler h = new FileHandler(f.toString().replace("%", "%%"), LIMIT, COUNT, true);
            h.setEncoding("UTF-8");
            h.setFormatter(new Line());
            h.setLevel(Level.INFO);
            LOG.addHandler(h);
            LOG.setLevel(Level.INFO);
            handler = h;
            file = Path.of(f + ".0");
            LOG.info(() -> "Minka started on " + database.toAbsolutePath() + " (Java " + Runtime.version() + ", "
                    + System.getProperty("os.name") + ")");
        } catch (IOException | RuntimeException e) {
            file = null;
        }
    }

    /// Stops writing (the file stays).
    public static synchronized void stop() {
        if (handler != null) {
            LOG.removeHandler(handler);
            handler.close();
            handler = null;
        }
        file = null;
    }

    /// The file being written, or null when there is none.
    public static Path current() {
        return file;
    }

    /// Records a failure with its stack trace.
    public static void failure(String what, Throwable t) {
        LOG.log(Level.SEVERE, what, t);
    }

    /// One event per line, then the stack trace of a failure.
    private static final class Line extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder().append(Instant.ofEpochMilli(r.getMillis())).append(' ')
                    .append(r.getLevel().getName()).append(' ').append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                b.append(w);
            }
            return b.toString();
        }
    }
}
