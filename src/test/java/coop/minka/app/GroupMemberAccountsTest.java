package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coop.minka.domain.Gender;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Members added in the same millisecond (a list typed in at once, an import) share the time
/// digits of their ids; each still gets savings and loan accounts with codes of their own.
class GroupMemberAccountsTest {
    @TempDir
    Path dir;

    @Test
    void idsMadeInOneMillisecondGiveDistinctCodes() {
        String author = coop.minka.domain.Ids.owned("00000000-0000-8000-8000-000000000000", 1L);
        List<coop.minka.domain.Account> accounts = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String member = coop.minka.domain.Ids.owned(author, 1_790_000_000_000L);
            String code = BookWriter.memberCode("2000", member, accounts);
            accounts.add(new coop.minka.domain.Account("a" + i, code, "Savings", coop.minka.domain.AccountType.LIABILITY,
                    member, false));
        }
        assertEquals(100, accounts.stream().map(coop.minka.domain.Account::code).distinct().count());
        assertEquals(20, accounts.getFirst().code().length(), "2000- and 15 digits");
        // a code already taken (an old account) gives the whole id
        String member = coop.minka.domain.Ids.owned(author, 1_790_000_000_000L);
        String taken = BookWriter.memberCode("2000", member, List.of());
        String other = BookWriter.memberCode("2000", member, List.of(new coop.minka.domain.Account("x", taken,
                "Old", coop.minka.domain.AccountType.LIABILITY, null, false)));
        assertEquals("2000-" + member.replace("-", ""), other);
    }

    @Test
    void membersAddedTogetherGetAccountsWithDistinctCodes() {
        try (Services s = Fixtures.create(dir, "many")) {
            List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                names.add(s.members().add("Socia " + i, Gender.WOMAN, null, null, null).name());
            }
            s.group().startCycle(LocalDate.of(2026, 1, 1), "10.00", 1, 5, "0", "10", "flat", null, null, Map.of());
            s.group().openMeeting(LocalDate.of(2026, 1, 5));
            for (String n : names) {
                s.group().buyShares(n, 1);
            }
            Set<String> codes = new HashSet<>();
            long savings = 0;
            for (var b : s.ledger().accounts()) {
                if (b.account().code().startsWith("2000-")) {
                    codes.add(b.account().code());
                    savings += b.balance();
                    assertEquals(-1000, b.balance(), b.account().code());
                }
            }
            assertEquals(40, codes.size(), "one savings account, with its own code, per member");
            assertEquals(-40_000, savings);
        }
    }
}
