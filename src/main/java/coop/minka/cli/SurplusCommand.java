package coop.minka.cli;

import coop.minka.app.CapitalService;
import coop.minka.app.Services;
import coop.minka.domain.Money;
import coop.minka.domain.SurplusAllocation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `minka surplus allocate`: a closed year's surplus to the reserve, the education fund and the
/// members (issue 14, design notes 35).
@Command(name = "surplus", description = "A closed year's surplus: reserve, education fund, refunds to members.",
        subcommands = {SurplusCommand.Allocate.class})
final class SurplusCommand {
    private SurplusCommand() {
    }

    record RefundJson(String member, String name, String weight, String refund, String cash, String retained) {
    }

    record AllocationJson(int year, String income, String expenses, String surplus, String basis, String reservePercent,
                          String reserve, String educationPercent, String education, String refunds,
                          String cashPercent, boolean posted, List<RefundJson> members) {
    }

    @Command(name = "allocate", description = "Allocate a closed year's surplus: a preview, or with --post into the books.")
    static final class Allocate extends Leaf {
        @Option(names = "--year", required = true, paramLabel = "YYYY")
        int year;
        @Option(names = "--reserve", required = true, paramLabel = "PERCENT", description = "To the indivisible reserve.")
        String reserve;
        @Option(names = "--education", required = true, paramLabel = "PERCENT", description = "To the education fund.")
        String education;
        @Option(names = "--basis", required = true, paramLabel = "hours|purchases|capital",
                description = "How the refunds are shared: hours of work at the reference rates, purchases or sales "
                        + "through the cooperative (--amounts), or shares held at the year's end.")
        String basis;
        @Option(names = "--cash", paramLabel = "PERCENT", description = "Of each refund paid in cash (default 100); "
                + "the rest is kept as the member's capital.")
        String cash;
        @Option(names = "--amounts", paramLabel = "FILE.csv", description = "Purchases or sales: member,amount a line.")
        Path amounts;
        @Option(names = "--post", description = "Put the allocation in the books.")
        boolean post;
        @Mixin
        JsonOption json;

        private static String percent(int bp) {
            return new BigDecimal(bp).movePointLeft(2).stripTrailingZeros().toPlainString();
        }

        @Override
        int run(Services s) {
            SurplusAllocation.Basis b = CapitalService.basis(basis);
            List<Map.Entry<String, String>> rows = amounts == null ? null : CapitalService.readAmounts(amounts);
            CapitalService.Allocation a = s.capital().allocate(year, reserve, education, b, cash, rows, post);
            SurplusAllocation r = a.result();
            Currency c = s.workspace().currency();
            List<RefundJson> members = r.members().stream().map(x -> new RefundJson(x.member(),
                    a.names().getOrDefault(x.member(), t("cli.notYetReceived")),
                    r.basis() == SurplusAllocation.Basis.CAPITAL ? Long.toString(x.weight()) : Money.format(x.weight(), c),
                    Money.format(x.refund(), c), Money.format(x.cash(), c), Money.format(x.retained(), c))).toList();
            if (json.on) {
                Out.json(out(), new AllocationJson(a.year(), Money.format(a.income(), c), Money.format(a.expenses(), c),
                        Money.format(r.surplus(), c), r.basis().wire(), percent(a.reserveBp()),
                        Money.format(r.reserve(), c), percent(a.educationBp()), Money.format(r.education(), c),
                        Money.format(r.refunds(), c), percent(a.cashBp()), a.posted(), members));
                return 0;
            }
            out().println(t("cli.surplus.year", Integer.toString(a.year()), Money.format(a.income(), c),
                    Money.format(a.expenses(), c), Money.format(r.surplus(), c)));
            out().println(t("cli.surplus.funds", Money.format(r.reserve(), c), percent(a.reserveBp()),
                    Money.format(r.education(), c), percent(a.educationBp()), Money.format(r.refunds(), c),
                    percent(a.cashBp())));
            Out.table(out(), List.of(t("cli.col.member"), t("cli.col.weight"), t("cli.col.refund"), t("cli.col.cash"),
                    t("cli.col.retained")), members.stream().map(m -> List.of(m.name(), m.weight(), m.refund(), m.cash(),
                    m.retained())).toList());
            out().println(t(a.posted() ? "cli.surplus.posted" : "cli.surplus.preview"));
            return 0;
        }
    }
}
