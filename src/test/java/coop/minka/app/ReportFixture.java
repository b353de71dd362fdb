package coop.minka.app;

import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.WorkKind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/// The small fixed cooperative the report tests compute by hand (see docs/reports.md, "Worked
/// example"). Period of interest: 2026-01-01 to 2026-03-31. The clock stands at 2026-04-15.
public final class ReportFixture {
    public static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    public static final LocalDate TO = LocalDate.of(2026, 3, 31);
    public static final long NOW = Instant.parse("2026-04-15T12:00:00Z").toEpochMilli();

    private ReportFixture() {
    }

    public static Services create(Path dir) {
        AtomicLong clock = new AtomicLong(NOW);
        Services s = new Services(Workspace.create(dir.resolve("warmi.db"), "Cooperativa Warmi Minka", "BOB",
                "Laptop de la tesorera", "es,en", clock::incrementAndGet));
        s.members().add("Ana Quispe", Gender.WOMAN, LocalDate.of(2024, 1, 10), null, null);
        s.members().add("Rosa Mamani", Gender.WOMAN, null, null, null);
        s.members().add("Juan Condori", Gender.MAN, null, null, null);
        s.members().add("Alex Flores", Gender.UNSPECIFIED, null, null, null);
        var l = s.ledger();
        l.addAccount("1000", "Cash box", AccountType.ASSET, null, true);
        l.addAccount("1100", "Bank", AccountType.ASSET, null, true);
        l.addAccount("2100", "Savings Ana", AccountType.LIABILITY, "Ana Quispe");
        l.addAccount("2101", "Savings Juan", AccountType.LIABILITY, "Juan Condori");
        l.addAccount("3000", "Capital", AccountType.EQUITY, null);
        l.addAccount("4000", "Dues", AccountType.INCOME, null);
        l.addAccount("4100", "Sales", AccountType.INCOME, null);
        l.addAccount("5000", "Supplies", AccountType.EXPENSE, null);
        l.addAccount("5100", "Transport", AccountType.EXPENSE, null);
        post(s, "2025-12-15", "Opening capital", null, "1000", "500", "3000");
        post(s, "2026-01-05", "Dues January", "R1", "1000", "60", "4000");
        post(s, "2026-01-10", "Ana savings deposit", null, "1000", "100", "2100");
        post(s, "2026-02-03", "Sale of bread", "F-7", "1100", "250", "4100");
        post(s, "2026-02-10", "Flour", null, "5000", "80", "1000");
        post(s, "2026-02-20", "Juan savings", null, "1000", "40", "2101");
        var wrong = post(s, "2026-03-05", "Bus to market", null, "5100", "15.50", "1000");
        l.voidTransaction(wrong.id(), "wrong amount");
        post(s, "2026-03-06", "Bus to market", null, "5100", "12.50", "1000");
        post(s, "2026-03-20", "Deposit to bank", null, "1100", "200", "1000");
        post(s, "2026-04-02", "Flour again", null, "5000", "10", "1000");
        var w = s.work();
        w.addCategory("CARE", "Care of children", "10", WorkKind.CARE);
        w.addCategory("KITCHEN", "Community kitchen", "12", WorkKind.COMMUNITY);
        w.addCategory("MEET", "Meetings", null, WorkKind.GOVERNANCE);
        work(s, "Rosa Mamani", "2025-12-20", "1", "CARE");
        work(s, "Ana Quispe", "2026-01-08", "3", "CARE");
        work(s, "Rosa Mamani", "2026-01-15", "2", "KITCHEN");
        work(s, "Juan Condori", "2026-02-02", "1.5", "KITCHEN");
        work(s, "Ana Quispe", "2026-02-14", "1", "MEET");
        work(s, "Alex Flores", "2026-03-01", "2", "CARE");
        var voided = work(s, "Rosa Mamani", "2026-03-09", "4", "CARE");
        w.voidEntry(voided.id(), "typed twice");
        w.addWorkDay(LocalDate.parse("2026-03-15"), "KITCHEN", "2.5", List.of("Ana Quispe", "Rosa Mamani", "Juan Condori"),
                "Kitchen work day");
        work(s, "Ana Quispe", "2026-04-03", "1", "CARE");
        return s;
    }

    /// A two-line transaction: `amount` debited to `debit`, credited to `credit`.
    public static coop.minka.domain.Transaction post(Services s, String date, String memo, String ref, String debit,
                                              String amount, String credit) {
        return s.ledger().post(LocalDate.parse(date), memo, ref, List.of(new LedgerService.Line(debit, amount),
                new LedgerService.Line(credit, "-" + amount)));
    }

    public static coop.minka.domain.WorkEntry work(Services s, String member, String date, String hours, String cat) {
        return s.work().add(new WorkService.Entry(member, LocalDate.parse(date), hours, cat, null, null));
    }
}
