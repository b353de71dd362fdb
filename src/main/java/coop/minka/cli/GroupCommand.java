package coop.minka.cli;

import coop.minka.app.GroupService;
import coop.minka.app.Services;
import coop.minka.domain.GroupConstitution;
import coop.minka.domain.LoanSchedule;
import coop.minka.domain.Money;
import coop.minka.domain.ShareOut;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `minka group …`: a savings group's cycle (issue 14, design notes 32).
@Command(name = "group", description = "A savings group: cycle, meetings, shares, social fund, fines, loans, share-out.",
        subcommands = {GroupCommand.CycleCmd.class, GroupCommand.MeetingCmd.class, GroupCommand.Attend.class,
            GroupCommand.Shares.class, GroupCommand.Social.class, GroupCommand.Fine.class, GroupCommand.LoanCmd.class,
            GroupCommand.ShareOutCmd.class, GroupCommand.Metrics.class, GroupCommand.Entries.class,
            GroupCommand.VoidCmd.class, GroupCommand.Grant.class, GroupCommand.Expense.class, GroupCommand.PassbookCmd.class})
final class GroupCommand {
    private GroupCommand() {
    }

    private static String money(Services s, long minor) {
        return Money.format(minor, s.workspace().currency());
    }

    /// A plain result in `--json`: what was done and its amount.
    record EntryJson(String member, String amount, Long count, String kind) {
    }

    record CycleJson(String id, String start, String sharePrice, int minShares, int maxShares, String socialFund,
                     String loanMultiple, int maxTermMonths, String interestPercent, String interestMethod,
                     Map<String, String> fines) {
    }

    record MeetingJson(String id, String date, boolean closed, String expected, String counted, String difference) {
    }

    record InstallmentJson(int number, String due, String principal, String charge, String total) {
    }

    record LoanJson(String id, String member, String name, String issued, String principal, int termMonths,
                    String totalDue, String repaid, String principalOwed, String chargeOwed, long daysOverdue,
                    List<InstallmentJson> schedule, String writtenOff) {
    }

    /// A group entry in `group entries --json` and `group void --json`.
    record GroupEntryJson(String id, String type, String date, String member, String name, String amount, String tx,
                          String note, boolean voided, String held) {
    }

    static GroupEntryJson entry(Services s, GroupService.EntryView e) {
        return new GroupEntryJson(e.id(), e.type(), e.date().toString(), e.member(), e.memberName(),
                e.amount() == null ? null : money(s, e.amount()), e.tx(), e.note(), e.voided(), e.held());
    }

    record RepaymentJson(String id, String loan, String amount, String charge, String principal) {
    }

    record PayoutJson(String member, String name, long shares, String payout) {
    }

    record ShareOutJson(String distributable, long totalShares, String valuePerShare, String socialFund,
                        boolean posted, List<PayoutJson> members, String writeOffs, String expenses) {
    }

    private static String percent(int bp, int scale) {
        return new java.math.BigDecimal(bp).divide(java.math.BigDecimal.valueOf(scale)).stripTrailingZeros()
                .toPlainString();
    }

    static LoanJson loan(Services s, GroupService.Loan l) {
        Currency c = s.workspace().currency();
        List<InstallmentJson> inst = l.schedule().installments().stream().map(i -> new InstallmentJson(i.number(),
                i.due().toString(), Money.format(i.principal(), c), Money.format(i.charge(), c),
                Money.format(i.total(), c))).toList();
        LoanSchedule.Position p = l.position();
        return new LoanJson(l.id(), l.member(), l.memberName(), l.issued().toString(), Money.format(l.principal(), c),
                l.months(), Money.format(l.schedule().totalDue(), c), Money.format(l.repaid(), c),
                Money.format(p.principalOwed(), c), Money.format(p.chargeOwed(), c), p.daysPastDue(), inst,
                l.writtenOff() == 0 ? null : Money.format(l.writtenOff(), c));
    }

    @Command(name = "cycle", description = "The savings group's constitution for a cycle.",
            subcommands = {CycleCmd.Start.class})
    static final class CycleCmd {
        @Command(name = "start", description = "Start a cycle with its rules (an assembly decision).")
        static final class Start extends Leaf {
            @Option(names = "--start", required = true, paramLabel = "DATE")
            String start;
            @Option(names = "--share-price", required = true, paramLabel = "AMOUNT")
            String sharePrice;
            @Option(names = "--min-shares", paramLabel = "N", defaultValue = "1",
                    description = "Fewest shares a member buys at a meeting (default 1).")
            int minShares;
            @Option(names = "--max-shares", required = true, paramLabel = "N", description = "Most shares a member buys at a meeting.")
            int maxShares;
            @Option(names = "--social-fund", required = true, paramLabel = "AMOUNT", description = "Paid by each member at each meeting.")
            String socialFund;
            @Option(names = "--interest", required = true, paramLabel = "PERCENT", description = "Service charge in % a month.")
            String interest;
            @Option(names = "--interest-method", required = true, paramLabel = "flat|declining")
            String method;
            @Option(names = "--loan-multiple", paramLabel = "X", description = "Largest loan as a multiple of savings (default 3).")
            String loanMultiple;
            @Option(names = "--max-term-months", paramLabel = "N", description = "Longest loan term (default 3).")
            Integer maxTerm;
            @Option(names = "--fine", paramLabel = "KIND=AMOUNT", description = "A fine by kind; repeat for each.")
            Map<String, String> fines;
            @Mixin
            JsonOption json;

            @Override
            int run(Services s) {
                GroupService.Cycle c = s.group().startCycle(entryDate(start), sharePrice, minShares, maxShares,
                        socialFund, interest, method, loanMultiple, maxTerm, fines);
                GroupConstitution r = c.rules();
                Currency cur = s.workspace().currency();
                if (json.on) {
                    Map<String, String> f = new java.util.TreeMap<>();
                    r.fines().forEach((k, v) -> f.put(k, Money.format(v, cur)));
                    Out.json(out(), new CycleJson(c.id(), r.start().toString(), Money.format(r.sharePrice(), cur),
                            r.minShares(), r.maxShares(), Money.format(r.socialFund(), cur),
                            percent(r.loanMultipleBp(), GroupConstitution.BP), r.maxTermMonths(),
                            percent(r.chargeBpPerMonth(), 100), r.chargeMethod().wire(), f));
                } else {
                    out().println(t("cli.group.cycle", r.start().toString(), Money.format(r.sharePrice(), cur),
                            Integer.toString(r.maxShares()), Money.format(r.socialFund(), cur),
                            percent(r.chargeBpPerMonth(), 100), t("cli.group.method." + r.chargeMethod().wire())));
                }
                return 0;
            }
        }
    }

    @Command(name = "meeting", description = "Open and close a meeting.",
            subcommands = {MeetingCmd.Open.class, MeetingCmd.Close.class, MeetingCmd.Reopen.class})
    static final class MeetingCmd {
        @Command(name = "open", description = "Open the meeting of a day.")
        static final class Open extends Leaf {
            @Option(names = "--date", required = true, paramLabel = "DATE")
            String date;
            @Mixin
            JsonOption json;

            @Override
            int run(Services s) {
                GroupService.Meeting m = s.group().openMeeting(entryDate(date));
                if (json.on) {
                    Out.json(out(), new MeetingJson(m.id(), m.date().toString(), false, null, null, null));
                } else {
                    out().println(t("cli.group.meetingOpen", m.date().toString()));
                }
                return 0;
            }
        }

        @Command(name = "close", description = "Close the meeting: says what the cash box should hold; "
                + "a counted amount is recorded with the difference.")
        static final class Close extends Leaf {
            @Option(names = "--counted", paramLabel = "AMOUNT", description = "The cash counted in the box.")
            String counted;
            @Mixin
            JsonOption json;

            @Override
            int run(Services s) {
                GroupService.Close c = s.group().closeMeeting(counted);
                if (json.on) {
                    Out.json(out(), new MeetingJson(c.meeting().id(), c.meeting().date().toString(), true,
                            money(s, c.expected()), c.counted() == null ? null : money(s, c.counted()),
                            c.counted() == null ? null : money(s, c.difference())));
                } else {
                    out().println(t("cli.group.shouldHold", money(s, c.expected())));
                    if (c.counted() != null) {
                        out().println(t(c.difference() == 0 ? "cli.group.countedOk" : "cli.group.countedDifference",
                                money(s, c.counted()), money(s, c.difference())));
                    }
                }
                return 0;
            }
        }

        @Command(name = "reopen", description = "Open the last meeting again after its close (only the last, "
                + "only if no later meeting exists); closing it again records a new count.")
        static final class Reopen extends Leaf {
            @Parameters(paramLabel = "MEETING", arity = "0..1", description = "Its id or date (default: the last).")
            String meeting;
            @Mixin
            JsonOption json;

            @Override
            int run(Services s) {
                GroupService.Meeting m = s.group().reopenMeeting(meeting);
                if (json.on) {
                    Out.json(out(), new MeetingJson(m.id(), m.date().toString(), false, null, null, null));
                } else {
                    out().println(t("cli.group.reopened", m.date().toString()));
                }
                return 0;
            }
        }
    }

    @Command(name = "attend", description = "A member's attendance at the open meeting.")
    static final class Attend extends Leaf {
        @Option(names = "--member", required = true, description = "Id or name.")
        String member;
        @Option(names = "--status", required = true, paramLabel = "present|represented|absent")
        String status;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            s.group().attend(member, status);
            if (json.on) {
                Out.json(out(), new EntryJson(member, null, null, status));
            } else {
                out().println(t("cli.group.attended", member, switch (status.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "present" -> t("cli.group.status.present");
                    case "represented" -> t("cli.group.status.represented");
                    default -> t("cli.group.status.absent");
                }));
            }
            return 0;
        }
    }

    @Command(name = "shares", description = "A member buys shares at the open meeting.")
    static final class Shares extends Leaf {
        @Option(names = "--member", required = true, description = "Id or name.")
        String member;
        @Option(names = "--count", required = true, paramLabel = "N")
        int count;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            long a = s.group().buyShares(member, count);
            if (json.on) {
                Out.json(out(), new EntryJson(member, money(s, a), (long) count, null));
            } else {
                out().println(t("cli.group.shares", member, Integer.toString(count), money(s, a)));
            }
            return 0;
        }
    }

    @Command(name = "social-fund", description = "A member pays the social-fund contribution at the open meeting.")
    static final class Social extends Leaf {
        @Option(names = "--member", required = true, description = "Id or name.")
        String member;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            long a = s.group().paySocial(member);
            if (json.on) {
                Out.json(out(), new EntryJson(member, money(s, a), null, null));
            } else {
                out().println(t("cli.group.social", member, money(s, a)));
            }
            return 0;
        }
    }

    @Command(name = "fine", description = "A member pays a fine at the open meeting.")
    static final class Fine extends Leaf {
        @Option(names = "--member", required = true, description = "Id or name.")
        String member;
        @Option(names = "--kind", required = true, paramLabel = "KIND")
        String kind;
        @Option(names = "--amount", paramLabel = "AMOUNT", description = "Default: the constitution's amount.")
        String amount;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            long a = s.group().fine(member, kind, amount);
            if (json.on) {
                Out.json(out(), new EntryJson(member, money(s, a), null, kind));
            } else {
                out().println(t("cli.group.fine", member, kind, money(s, a)));
            }
            return 0;
        }
    }

    @Command(name = "loan", description = "Loans from the group's fund.",
            subcommands = {LoanCmd.Issue.class, LoanCmd.Repay.class, LoanCmd.ListLoans.class, LoanCmd.Schedule.class,
                LoanCmd.WriteOff.class})
    static final class LoanCmd {
        @Command(name = "issue", description = "Lend within the constitution; prints the loan's id.")
        static final class Issue extends Leaf {
            @Option(names = "--member", required = true, description = "Id or name.")
            String member;
            @Option(names = "--amount", required = true, paramLabel = "AMOUNT")
            String amount;
            @Option(names = "--term-months", required = true, paramLabel = "N")
            int months;
            @Mixin
            JsonOption json;

            @Override
            int run(Services s) {
                GroupService.Loan l = s.group().issueLoan(member, amount, months);
                if (json.on) {
                    Out.json(out(), loan(s, l));
                } else {
                    out().println(l.id());
                }
                return 0;
            }
        }

        @Command(name = "repay", description = "A repayment, divided into service charge and principal.")
        static final class Repay extends Leaf {
            @Parameters(paramLabel = "LOAN")
            String loan;
            @Option(names = "--amount", required = true, paramLabel = "AMOUNT")
            String amount;
            @Mixin
            JsonOption json;

            @Override
            int run(Services s) {
                GroupService.Repayment r = s.group().repay(loan, amount);
                if (json.on) {
                    Out.json(out(), new RepaymentJson(r.id(), r.loan(), money(s, r.amount()), money(s, r.charge()),
                            money(s, r.principal())));
                } else {
                    out().println(t("cli.group.repaid", money(s, r.amount()), money(s, r.charge()),
                            money(s, r.principal())));
                }
                return 0;
            }
        }

        @Command(name = "list", description = "The loans, what is owed and how late.")
        static final class ListLoans extends Leaf {
            @Mixin
            JsonOption json;

            @Override
            int run(Services s) {
                List<GroupService.Loan> loans = s.group().loans();
                if (json.on) {
                    Out.json(out(), loans.stream().map(l -> loan(s, l)).toList());
                    return 0;
                }
                Out.table(out(), List.of(t("cli.col.id"), t("cli.col.date"), t("cli.col.member"), t("cli.col.amount"),
                        t("cli.col.owed"), t("cli.col.daysLate")), loans.stream().map(l -> List.of(l.id(),
                        l.issued().toString(), l.memberName(), money(s, l.principal()),
                        money(s, l.position().principalOwed() + l.position().chargeOwed()),
                        Long.toString(l.position().daysPastDue()))).toList());
                return 0;
            }
        }

        @Command(name = "write-off", description = "Write off what a loan still owes in principal, by the group's "
                + "decision (a second person confirms when the cooperative has people).")
        static final class WriteOff extends Leaf {
            @Parameters(paramLabel = "LOAN")
            String loan;
            @Option(names = "--reason", required = true, paramLabel = "TEXT")
            String reason;
            @Mixin
            JsonOption json;

            @Override
            int run(Services s) {
                GroupService.Loan l = s.group().writeOff(loan, reason);
                if (json.on) {
                    Out.json(out(), loan(s, l));
                } else {
                    out().println(t("cli.group.writtenOff", l.memberName(), money(s, l.principal()),
                            money(s, l.writtenOff())));
                }
                return 0;
            }
        }

        @Command(name = "schedule", description = "A loan's schedule of installments.")
        static final class Schedule extends Leaf {
            @Parameters(paramLabel = "LOAN")
            String loan;
            @Mixin
            JsonOption json;

            @Override
            int run(Services s) {
                GroupService.Loan l = s.group().loan(loan);
                if (json.on) {
                    Out.json(out(), loan(s, l));
                    return 0;
                }
                Out.table(out(), List.of(t("cli.col.number"), t("cli.col.due"), t("cli.col.principal"),
                        t("cli.col.charge"), t("cli.col.amount")), l.schedule().installments().stream()
                        .map(i -> List.of(Integer.toString(i.number()), i.due().toString(), money(s, i.principal()),
                                money(s, i.charge()), money(s, i.total()))).toList());
                return 0;
            }
        }
    }

    @Command(name = "share-out", description = "The share-out of the cycle: a preview, or with --post into the books.")
    static final class ShareOutCmd extends Leaf {
        @Option(names = "--post", description = "Put the payouts in the books.")
        boolean post;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            GroupService.ShareOutView v = post ? s.group().postShareOut() : s.group().shareOut();
            ShareOut r = v.result();
            List<PayoutJson> members = r.members().stream().map(p -> new PayoutJson(p.member(),
                    v.names().getOrDefault(p.member(), t("cli.notYetReceived")), p.shares(), money(s, p.payout())))
                    .toList();
            if (json.on) {
                Out.json(out(), new ShareOutJson(money(s, r.distributable()), r.totalShares(),
                        money(s, r.valuePerShare()), money(s, r.socialFund()), v.posted(), members,
                        money(s, v.totals().writeOffs()), money(s, v.totals().expenses())));
                return 0;
            }
            out().println(t("cli.group.shareOut", money(s, r.distributable()), Long.toString(r.totalShares()),
                    money(s, r.valuePerShare()), money(s, r.socialFund())));
            Out.table(out(), List.of(t("cli.col.member"), t("cli.col.shares"), t("cli.col.payout")), members.stream()
                    .map(p -> List.of(p.name(), Long.toString(p.shares()), p.payout())).toList());
            out().println(t(v.posted() ? "cli.group.shareOutPosted" : "cli.group.shareOutPreview"));
            return 0;
        }
    }
    @Command(name = "entries", description = "The entries of a meeting (default: the open one, else the last), "
            + "with the ids to void.")
    static final class Entries extends Leaf {
        @Option(names = "--meeting", paramLabel = "MEETING", description = "Its id or date.")
        String meeting;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            List<GroupService.EntryView> all = s.group().entries(meeting);
            if (json.on) {
                Out.json(out(), all.stream().map(e -> entry(s, e)).toList());
                return 0;
            }
            Out.table(out(), List.of(t("cli.col.id"), t("cli.col.type"), t("cli.col.member"), t("cli.col.amount"),
                    t("cli.col.status")), all.stream().map(e -> List.of(e.id(), change(e.type()),
                    e.memberName() == null ? "" : e.memberName(), e.amount() == null ? "" : money(s, e.amount()),
                    e.voided() ? t("cli.group.entryVoided") : e.held() != null ? t("cli.group.entryHeld") : ""))
                    .toList());
            return 0;
        }
    }

    @Command(name = "void", description = "Void a group entry and its transaction while its meeting is open "
            + "(a correction is a void, never an edit).")
    static final class VoidCmd extends Leaf {
        @Parameters(paramLabel = "ENTRY")
        String entry;
        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            GroupService.EntryView e = s.group().voidEntry(entry, reason);
            if (json.on) {
                Out.json(out(), entry(s, e));
            } else {
                out().println(t("cli.group.voided", e.id(), change(e.type())));
            }
            return 0;
        }
    }

    @Command(name = "grant", description = "A grant from the social fund to a member, paid from the cash box "
            + "at the open meeting.")
    static final class Grant extends Leaf {
        @Option(names = "--member", required = true, description = "Id or name.")
        String member;
        @Option(names = "--amount", required = true, paramLabel = "AMOUNT")
        String amount;
        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            long a = s.group().grant(member, amount, reason);
            if (json.on) {
                Out.json(out(), new EntryJson(member, money(s, a), null, null));
            } else {
                out().println(t("cli.group.grant", member, money(s, a), money(s, s.group().socialFund())));
            }
            return 0;
        }
    }

    @Command(name = "expense", description = "An expense of the cycle paid from the cash box at the open meeting.")
    static final class Expense extends Leaf {
        @Option(names = "--amount", required = true, paramLabel = "AMOUNT")
        String amount;
        @Option(names = "--memo", required = true, paramLabel = "TEXT")
        String memo;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            long a = s.group().expense(amount, memo);
            if (json.on) {
                Out.json(out(), new EntryJson(null, money(s, a), null, null));
            } else {
                out().println(t("cli.group.expense", money(s, a), memo));
            }
            return 0;
        }
    }

    record MetricsJson(String quarter, String start, String end, int members, int women, String womenPercent,
                       long attended, long expected, String attendancePercent, String savings,
                       String loansOutstanding, String atRisk30, String parPercent, String income,
                       String averageSavings, String returnPercent, int dropOuts) {
    }

    @Command(name = "metrics", description = "SAVIX-style figures per calendar quarter: members, women, attendance, "
            + "savings, loans, portfolio at risk, return on savings, drop-outs.")
    static final class Metrics extends Leaf {
        @Option(names = "--from", paramLabel = "DATE", description = "Default: the first cycle's start.")
        String from;
        @Option(names = "--to", paramLabel = "DATE", description = "Default: today.")
        String to;
        @Option(names = "--csv", paramLabel = "FILE", description = "Also write the table as CSV, headers in your language.")
        java.nio.file.Path csv;
        @Mixin
        JsonOption json;

        private static String pct(java.math.BigDecimal p) {
            return p == null ? "" : p.toPlainString();
        }

        @Override
        int run(Services s) {
            List<GroupService.QuarterMetrics> ms = s.group().metrics(
                    from == null ? null : coop.minka.app.Texts.date(from), to == null ? null : coop.minka.app.Texts.date(to));
            List<MetricsJson> rows = ms.stream().map(m -> new MetricsJson(m.quarter(), m.start().toString(),
                    m.end().toString(), m.members(), m.women(), pct(m.womenPercent()), m.attended(), m.expected(),
                    pct(m.attendancePercent()), money(s, m.savings()), money(s, m.loansOutstanding()),
                    money(s, m.atRisk30()), pct(m.parPercent()), money(s, m.income()), money(s, m.averageSavings()),
                    pct(m.returnPercent()), m.dropOuts())).toList();
            List<String> headers = List.of(t("cli.col.quarter"), t("cli.col.members"), t("cli.col.womenPercent"),
                    t("cli.col.attendancePercent"), t("cli.col.savings"), t("cli.col.loansOutstanding"),
                    t("cli.col.par30"), t("cli.col.returnOnSavings"), t("cli.col.dropOuts"));
            List<List<String>> cells = rows.stream().map(r -> List.of(r.quarter(), Integer.toString(r.members()),
                    r.womenPercent(), r.attendancePercent(), r.savings(), r.loansOutstanding(), r.parPercent(),
                    r.returnPercent(), Integer.toString(r.dropOuts()))).toList();
            if (csv != null) {
                java.io.StringWriter b = new java.io.StringWriter();
                new coop.minka.app.report.ReportTable("group-metrics", t("cli.col.quarter"), headers,
                        java.util.Collections.nCopies(headers.size(), Boolean.FALSE), cells).writeCsv(b);
                byte[] bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                coop.minka.app.OutputFiles.write(coop.minka.app.OutputFiles.resolve(csv, "group-metrics.csv"),
                        o -> o.write(bytes));
            }
            if (json.on) {
                Out.json(out(), rows);
            } else {
                Out.table(out(), headers, cells);
            }
            return 0;
        }
    }

    record PassbookLoanJson(String id, String issued, String principal, int termMonths, String repaid, String owed,
                            Integer nextNumber, String nextDue, String nextAmount) {
    }

    record PassbookJson(String member, String name, String date, String cycleStart, long shares, String savings,
                        String socialFund, String fines, String workHours, List<PassbookLoanJson> loans, String file,
                        String checkCode) {
    }

    @Command(name = "passbook", description = "A member's passbook: shares and savings, social fund, fines, loans "
            + "with the next installment, hours of work; with --out also as a PDF slip with the check code.")
    static final class PassbookCmd extends Leaf {
        @Option(names = "--member", required = true, description = "Id or name.")
        String member;
        @Option(names = "--date", paramLabel = "DATE", description = "The passbook on this day (default: today).")
        String date;
        @Option(names = "--out", paramLabel = "FILE.pdf", description = "Write the PDF slip: a new file, or a folder.")
        java.nio.file.Path out;
        @Option(names = "--language", paramLabel = "LANG",
                description = "Language of the PDF: en, es, fr or pt (default: --lang, else the cooperative's).")
        String language;
        @Mixin
        JsonOption json;

        @Override
        int run(Services s) {
            java.util.Locale lang = root().askedLanguage();
            if (language != null) {
                lang = Language.ofOption(language);
                if (lang == null) {
                    throw new coop.minka.domain.MinkaException(coop.minka.domain.ErrorCode.BAD_CHOICE, language,
                            String.join(", ", Language.SUPPORTED));
                }
            }
            java.time.LocalDate day = date == null ? null : coop.minka.app.Texts.date(date);
            GroupService.Passbook p;
            String file = null;
            String code = null;
            if (out != null) {
                coop.minka.app.pack.PackService.Passbook printed = s.pack().writePassbook(member, day, out, lang);
                p = printed.passbook();
                file = printed.file().toString();
                code = printed.code().text();
            } else {
                p = s.group().passbook(member, day);
            }
            Currency c = s.workspace().currency();
            List<PassbookLoanJson> loans = p.loans().stream().map(l -> new PassbookLoanJson(l.loan().id(),
                    l.loan().issued().toString(), Money.format(l.loan().principal(), c), l.loan().months(),
                    Money.format(l.loan().repaid(), c), Money.format(l.owed(), c),
                    l.next() == null ? null : l.next().number(), l.next() == null ? null : l.next().due().toString(),
                    l.next() == null ? null : Money.format(l.nextLeft(), c))).toList();
            if (json.on) {
                Out.json(out(), new PassbookJson(p.member(), p.name(), p.asOf().toString(),
                        p.cycle().rules().start().toString(), p.shares(), money(s, p.savings()), money(s, p.social()),
                        money(s, p.fines()), coop.minka.app.Texts.hours(p.workMinutes()), loans, file, code));
                return 0;
            }
            out().println(t("cli.group.passbook", p.name(), p.asOf().toString(), p.cycle().rules().start().toString()));
            out().println(t("cli.group.passbook.savings", Long.toString(p.shares()), money(s, p.savings())));
            out().println(t("cli.group.passbook.social", money(s, p.social())));
            out().println(t("cli.group.passbook.fines", money(s, p.fines())));
            out().println(t("cli.group.passbook.work", coop.minka.app.Texts.hours(p.workMinutes())));
            for (PassbookLoanJson l : loans) {
                out().println(t("cli.group.passbook.loan", l.principal(), l.issued(), l.owed()));
                if (l.nextDue() != null) {
                    out().println(t("cli.group.passbook.next", l.nextAmount(), l.nextDue()));
                }
            }
            if (file != null) {
                out().println(Terminal.safe(t("cli.group.passbook.wrote", file)));
                out().println(t("cli.report.checkCode", code));
            }
            return 0;
        }
    }
}
