package coop.minka.app;

import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.WorkKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/// Small real cooperatives in real SQLite files for tests.
public final class Fixtures {
    private Fixtures() {
    }

    /// A new cooperative in `dir/name.db` with nothing but the founder.
    public static Services create(Path dir, String name) {
        return new Services(Workspace.create(dir.resolve(name + ".db"), "Cooperativa " + name, "BOB", "Laptop " + name,
                "es,en", System::currentTimeMillis));
    }

    /// A cooperative with two members, a category, cash/dues/bank accounts, one dues payment and one work entry.
    public static Services sample(Path dir) {
        Services s = create(dir, "sample");
        s.members().add("Ana Quispe", Gender.WOMAN, LocalDate.of(2024, 1, 10), null, null);
        s.members().add("Juan Mamani", Gender.MAN, null, "70012345", null);
        s.work().addCategory("KITCHEN", "Community kitchen", "12.50", WorkKind.CARE);
        s.ledger().addAccount("1000", "Cash box", AccountType.ASSET, null, true);
        s.ledger().addAccount("1100", "Bank", AccountType.ASSET, null, true);
        s.ledger().addAccount("4000", "Dues", AccountType.INCOME, null);
        s.ledger().post(LocalDate.of(2026, 3, 1), "Dues March", null,
                List.of(new LedgerService.Line("1000", "50"), new LedgerService.Line("4000", "-50")));
        s.work().add(new WorkService.Entry("Ana", LocalDate.of(2026, 3, 2), "2.5", "KITCHEN", "lunch", "Juan"));
        return s;
    }
}
