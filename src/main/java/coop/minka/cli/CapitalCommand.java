package coop.minka.cli;

import coop.minka.app.CapitalService;
import coop.minka.app.Services;
import coop.minka.domain.CapitalRegister;
import coop.minka.domain.Money;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `minka capital …`: the cooperative's share register (issue 14, design notes 35).
@Command(name = "capital", description = "The share register: subscriptions, payments into capital, transfers, "
        + "shares paid back, a member's capital.",
        subcommands = {CapitalCommand.Subscribe.class, CapitalCommand.Pay.class, CapitalCommand.Transfer.class,
            CapitalCommand.Redeem.class, CapitalCommand.ListCmd.class, CapitalCommand.StatementCmd.class})
final class CapitalCommand {
    private CapitalCommand() {
    }

    /// One line of the register in `--json`.
    record LineJson(long number, String id, String date, String kind, String member, String name, String to,
                    String toName, long shares, String amount) {
    }

    record StatementJson(String member, String name, long sharesHeld, long subscribedShares, String subscribed,
                         String paid, String unpaid, long sharesReceived, long sharesGiven, long redeemedShares,
                         String redeemed, String refundCash, String refundRetained, String capitalAccount,
                         String owedAccount) {
    }

    static String kind(String type) {
        return type.substring(type.indexOf('.') + 1);
    }

    static LineJson json(Services s, CapitalService.Line l) {
        return new LineJson(l.number(), l.id(), l.date().toString(), kind(l.kind()), l.member(), l.memberName(),
                l.to(), l.toName(), l.shares(), Money.format(l.amount(), s.workspace().currency()));
    }

    /// A verb that writes one register entry and prints it (or its `--json`).
    abstract static class Entry extends Leaf {
        @Option(names = "--date", paramLabel = "DATE", description = "Default: today.")
        String date;
        @Mixin
        JsonOption json;

        LocalDate day() {
            return date == null ? LocalDate.now() : entryDate(date);
        }

        abstract CapitalService.Line write(Services s);

        abstract String said(CapitalService.Line l, String amount);

        @Override
        int run(Services s) {
            CapitalService.Line l = write(s);
            if (json.on) {
                Out.json(out(), json(s, l));
            } else {
                out().println(said(l, Money.format(l.amount(), s.workspace().currency())));
            }
            return 0;
        }
    }

    @Command(name = "subscribe", description = "A member subscribes shares (and owes them until paid).")
    static final class Subscribe extends Entry {
        @Option(names = "--member", required = true, paramLabel = "MEMBER")
        String member;
        @Option(names = "--shares", required = true, paramLabel = "N")
        long shares;
        @Option(names = "--price", paramLabel = "AMOUNT", description = "Price of one share (default: the latest).")
        String price;

        @Override
        CapitalService.Line write(Services s) {
            return s.capital().subscribe(member, shares, price, day());
        }

        @Override
        String said(CapitalService.Line l, String amount) {
            return t("cli.capital.subscribed", Long.toString(l.number()), l.memberName(), Long.toString(l.shares()),
                    amount);
        }
    }

    @Command(name = "pay", description = "A member pays into capital (cash box against what the member owes).")
    static final class Pay extends Entry {
        @Option(names = "--member", required = true, paramLabel = "MEMBER")
        String member;
        @Option(names = "--amount", required = true, paramLabel = "AMOUNT")
        String amount;

        @Override
        CapitalService.Line write(Services s) {
            return s.capital().pay(member, amount, day());
        }

        @Override
        String said(CapitalService.Line l, String amount) {
            return t("cli.capital.paid", Long.toString(l.number()), l.memberName(), amount);
        }
    }

    @Command(name = "transfer", description = "Shares pass from one member to another at their nominal value.")
    static final class Transfer extends Entry {
        @Option(names = "--from", required = true, paramLabel = "MEMBER")
        String from;
        @Option(names = "--to", required = true, paramLabel = "MEMBER")
        String to;
        @Option(names = "--shares", required = true, paramLabel = "N")
        long shares;

        @Override
        CapitalService.Line write(Services s) {
            return s.capital().transfer(from, to, shares, day());
        }

        @Override
        String said(CapitalService.Line l, String amount) {
            return t("cli.capital.transferred", Long.toString(l.number()), l.memberName(), Long.toString(l.shares()),
                    l.toName(), amount);
        }
    }

    @Command(name = "redeem", description = "Pay a member's shares back (never more than the member holds).")
    static final class Redeem extends Entry {
        @Option(names = "--member", required = true, paramLabel = "MEMBER")
        String member;
        @Option(names = "--shares", required = true, paramLabel = "N")
        long shares;

        @Override
        CapitalService.Line write(Services s) {
            return s.capital().redeem(member, shares, day());
        }

        @Override
        String said(CapitalService.Line l, String amount) {
            return t("cli.capital.redeemed", Long.toString(l.number()), l.memberName(), Long.toString(l.shares()),
                    amount);
        }
    }

    @Command(name = "list", description = "The share register: number, date, member, kind, shares, amount.")
    static final class ListCmd extends Leaf {
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            List<CapitalService.Line> lines = s.capital().register();
            if (json.on) {
                Out.json(out(), lines.stream().map(l -> json(s, l)).toList());
                return 0;
            }
            Out.table(out(), List.of(t("cli.col.number"), t("cli.col.date"), t("cli.col.member"), t("cli.col.kind"),
                    t("cli.col.shares"), t("cli.col.amount")), lines.stream().map(l -> List.of(
                    Long.toString(l.number()), l.date().toString(), name(l.memberName())
                            + (l.toName() == null ? "" : " → " + name(l.toName())),
                    t("cli.capital.kind." + kind(l.kind())), l.shares() == 0 ? "" : Long.toString(l.shares()),
                    Money.format(l.amount(), s.workspace().currency()))).toList());
            return 0;
        }

        private String name(String n) {
            return n == null ? t("cli.notYetReceived") : n;
        }
    }

    @Command(name = "statement", description = "A member's capital: subscribed, paid, still owed, shares held.")
    static final class StatementCmd extends Leaf {
        @Option(names = "--member", required = true, paramLabel = "MEMBER")
        String member;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            CapitalService.Statement st = s.capital().statement(member);
            CapitalRegister.Position p = st.position();
            var c = s.workspace().currency();
            if (json.on) {
                Out.json(out(), new StatementJson(st.member(), st.name(), p.sharesHeld(), p.subscribedShares(),
                        Money.format(p.subscribed(), c), Money.format(p.paid(), c), Money.format(p.unpaid(), c),
                        p.sharesIn(), p.sharesOut(), p.redeemedShares(), Money.format(p.redeemed(), c),
                        Money.format(st.refundCash(), c), Money.format(st.refundRetained(), c),
                        Money.format(st.capitalAccount(), c), Money.format(st.owedAccount(), c)));
                return 0;
            }
            out().println(st.name());
            out().println(t("cli.capital.statementShares", Long.toString(p.sharesHeld()),
                    Long.toString(p.subscribedShares()), Long.toString(p.sharesIn()), Long.toString(p.sharesOut()),
                    Long.toString(p.redeemedShares())));
            out().println(t("cli.capital.statementMoney", Money.format(p.subscribed(), c), Money.format(p.paid(), c),
                    Money.format(p.unpaid(), c)));
            out().println(t("cli.capital.statementRefunds", Money.format(st.refundCash(), c),
                    Money.format(st.refundRetained(), c)));
            out().println(t("cli.capital.statementBooks", Money.format(st.capitalAccount(), c),
                    Money.format(st.owedAccount(), c)));
            return 0;
        }
    }
}
