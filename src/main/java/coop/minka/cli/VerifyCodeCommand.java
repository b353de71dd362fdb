package coop.minka.cli;

import coop.minka.app.pack.CheckCode;
import coop.minka.app.Services;
import coop.minka.app.Texts;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka verify-code CODE`: exit 0 when this laptop's books give the same check code for the
/// period; exit 1 (`CODE_MISMATCH`) when they differ; exit 2 (`BAD_CHECK_CODE`) for a mistyped code.
@Command(name = "verify-code", description = "Check a printed check code against the books on this laptop.")
final class VerifyCodeCommand extends Leaf {
    @Parameters(arity = "1..*", paramLabel = "CODE",
            description = "The code as printed, e.g. 2026-01-01..2026-03-31 7K3M-Q9XA-2B (quotes optional).")
    List<String> code;
    @Option(names = "--from", paramLabel = "DATE", description = "First day, if the code was typed without its dates.")
    String from;
    @Option(names = "--to", paramLabel = "DATE", description = "Last day, if the code was typed without its dates.")
    String to;
    @Option(names = "--json")
    boolean json;

    @Override
    int run(Services s) {
        String typed = String.join(" ", code);
        try {
            CheckCode c = s.checkCodes().verify(typed, Texts.date(from), Texts.date(to));
            if (json) {
                Out.json(out(), result(true, c));
            } else {
                out().println("OK: the check code " + c.text() + " matches the books on this laptop.");
            }
            return 0;
        } catch (MinkaException e) {
            if (!json || e.code() != ErrorCode.CODE_MISMATCH) {
                throw e;
            }
            Out.json(out(), result(false, CheckCode.parse(typed, Texts.date(from), Texts.date(to))));
            return ErrorCode.CODE_MISMATCH.exitCode();
        }
    }

    private static Map<String, Object> result(boolean ok, CheckCode c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ok", ok);
        o.put("from", c.from().toString());
        o.put("to", c.to().toString());
        o.put("checkCode", c.text());
        return o;
    }
}
