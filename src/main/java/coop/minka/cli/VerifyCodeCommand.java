package coop.minka.cli;

import coop.minka.app.pack.CheckCode;
import coop.minka.app.Services;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka verify-code CODE`: exit 0 when this laptop's books give the same check code for the
/// period; exit 1 (`CODE_MISMATCH`) when they differ; exit 2 (`BAD_CHECK_CODE`) for a mistyped code.
@Command(name = "verify-code", description = "Check a printed check code against the books on this laptop.")
final class VerifyCodeCommand extends Leaf {
    @Parameters(arity = "1..*", paramLabel = "CODE",
            description = "The code as printed, e.g. 2026-01-01..2026-03-31 7K3M-Q9XA-2B (quotes optional); "
                    + "typed without its dates, give them with --from and --to.")
    List<String> code;
    @Mixin
    DateRangeOptions dates;
    @Mixin
    JsonOption json;

    @Override
    int run(Services s) {
        String typed = String.join(" ", code);
        try {
            CheckCode c = s.checkCodes().verify(typed, dates.from(), dates.to());
            if (json.on) {
                Out.json(out(), result(true, c));
            } else {
                out().println(t("cli.verifyCode.ok", c.text()));
            }
            return 0;
        } catch (MinkaException e) {
            if (!json.on || e.code() != ErrorCode.CODE_MISMATCH) {
                throw e;
            }
            Out.json(out(), result(false, CheckCode.parse(typed, dates.from(), dates.to())));
            return ErrorCode.CODE_MISMATCH.exitCode();
        }
    }

    /// What `verify-code --json` prints.
    record Result(boolean ok, String from, String to, String checkCode) {
    }

    private static Result result(boolean ok, CheckCode c) {
        return new Result(ok, c.from().toString(), c.to().toString(), c.text());
    }
}
