package coop.minka.ui.firstrun;

import coop.minka.app.LedgerService;
import coop.minka.app.MemberService;
import coop.minka.app.WorkService;
import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.ui.common.I18n;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/// Realistic sample books for the demo cooperative: a producer cooperative with members, three
/// months of shared work, collective work days, dues, sales, expenses, a loan and savings.
/// Always the same data (a fixed seed), dated relative to today.
public final class DemoData {
    private static final String[][] PEOPLE = {
            {"Ana Quispe", "woman"}, {"Rosa Mamani", "woman"}, {"Juana Condori", "woman"},
            {"María Choque", "woman"}, {"Lucía Huanca", "woman"}, {"Carmen Apaza", "woman"},
            {"Elena Flores", "woman"}, {"Sonia Ticona", "woman"}, {"Pedro Mamani", "man"},
            {"Luis Quispe", "man"}, {"Jorge Colque", "man"}, {"Mario Poma", "man"},
            {"Felipe Cruz", "man"}, {"Alex Limachi", "nonbinary"}};

    private DemoData() {
    }

    public static void fill(MemberService members, WorkService work, LedgerService ledger, I18n i18n, LocalDate today) {
        StarterKit.apply(StarterKit.Kind.PRODUCER_COOP, ledger, work, i18n);
        Random rnd = new Random(42);
        List<Member> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE.length; i++) {
            people.add(members.add(PEOPLE[i][0], Gender.fromWire(PEOPLE[i][1]), today.minusDays(400 - i * 7L),
                    i % 3 == 0 ? "+591 7" + (1000000 + rnd.nextInt(8999999)) : null, null));
        }
        LocalDate start = today.minusDays(84);
        String[] cats = {"FIELD", "PROC", "COMM", "MEET"};
        for (int d = 0; d < 84; d += 3) {
            LocalDate day = start.plusDays(d);
            Member m = people.get(rnd.nextInt(people.size()));
            Member w = people.get(rnd.nextInt(people.size()));
            work.add(new WorkService.Entry(m.id(), day, hours(rnd), cats[rnd.nextInt(cats.length)], null,
                    w.id().equals(m.id()) ? null : w.id()));
            List<String> team = new ArrayList<>();
            while (team.size() < 2 + rnd.nextInt(3)) {
                String id = people.get(rnd.nextInt(people.size())).id();
                if (!team.contains(id)) {
                    team.add(id);
                }
            }
            work.addWorkDay(day.plusDays(1), cats[rnd.nextInt(2)], hours(rnd), team, null);
        }
        for (int week = 2; week < 12; week += 3) {
            List<String> present = people.stream().filter(p -> rnd.nextInt(10) < 7).map(Member::id).toList();
            work.addWorkDay(start.plusWeeks(week), week % 2 == 0 ? "COMM" : "MEET", week % 2 == 0 ? "4" : "2",
                    present, i18n.t("demo.workDayNote"));
        }
        Member ana = people.get(0);
        Member pedro = people.get(8);
        ledger.addAccount("2001", i18n.t("demo.savingsOf", ana.name()), AccountType.LIABILITY, ana.id());
        ledger.addAccount("2002", i18n.t("demo.savingsOf", pedro.name()), AccountType.LIABILITY, pedro.id());
        ledger.addAccount("1201", i18n.t("demo.loanTo", pedro.name()), AccountType.ASSET, pedro.id());
        post(ledger, start, i18n.t("demo.tx.opening"), "1000=2500", "3000=-2500");
        for (int m = 0; m < 3; m++) {
            LocalDate d = start.plusWeeks(m * 4L + 1);
            post(ledger, d, i18n.t("demo.tx.dues"), "1000=" + (people.size() * 20), "4000=-" + (people.size() * 20));
            post(ledger, d.plusDays(5), i18n.t("demo.tx.sales"), "1000=" + (1800 + m * 350), "4100=-" + (1800 + m * 350));
            post(ledger, d.plusDays(6), i18n.t("demo.tx.transport"), "5100=" + (120 + m * 15), "1000=-" + (120 + m * 15));
            post(ledger, d.plusDays(9), i18n.t("demo.tx.savings", ana.name()), "1000=50", "2001=-50");
            post(ledger, d.plusDays(9), i18n.t("demo.tx.savings", pedro.name()), "1000=40", "2002=-40");
        }
        post(ledger, start.plusDays(20), i18n.t("demo.tx.deposit"), "1100=1500", "1000=-1500");
        post(ledger, start.plusDays(30), i18n.t("demo.tx.purchase"), "5000=640.50", "1000=-640.50");
        post(ledger, start.plusDays(35), i18n.t("demo.tx.loan", pedro.name()), "1201=600", "1000=-600");
        post(ledger, start.plusDays(65), i18n.t("demo.tx.repayment", pedro.name()), "1000=200", "1201=-200");
    }

    private static String hours(Random rnd) {
        return (1 + rnd.nextInt(6)) + (rnd.nextBoolean() ? ".5" : "");
    }

    private static void post(LedgerService ledger, LocalDate date, String memo, String... lines) {
        ledger.post(date, memo, null, java.util.Arrays.stream(lines).map(LedgerService.Line::parse).toList());
    }
}
