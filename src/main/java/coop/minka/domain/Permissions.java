package coop.minka.domain;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// The permission table, in one place (docs/roles.md is checked against it by a test; design
/// notes 26): for each kind of change, the roles the person who makes it (`by`) may hold, and
/// for a dual-control change the roles the second person (`also`, another person) may hold.
/// Typed changes are refused and received ones held invalid by the same table ([People#judge]).
///
/// Auditors and members change nothing. A laptop's own introduction (`replica.join`) and the
/// cooperative's creation name no person: they come before anyone could.
public final class Permissions {
    /// The key in an op's `data` naming the person who made it (a person id).
    public static final String BY = "by";
    /// The key in an op's `data` naming the second person of a dual-control change.
    public static final String ALSO = "also";

    /// Who may make one kind of change. `also` is empty for a change one person makes alone;
    /// `self` marks a change a person makes only to themselves (their own PIN), whatever roles.
    public record Rule(Set<Role> by, Set<Role> also, boolean self) {
        public boolean dual() {
            return !also.isEmpty();
        }
    }

    private static final Set<Role> NONE = EnumSet.noneOf(Role.class);
    private static final Set<Role> KEEPERS = EnumSet.of(Role.PRESIDENT, Role.TREASURER, Role.SECRETARY,
            Role.KEYHOLDER);
    private static final Set<Role> RECORDS = EnumSet.of(Role.SECRETARY, Role.TREASURER);
    private static final Set<Role> MONEY = EnumSet.of(Role.TREASURER);

    private static final Map<String, Rule> TABLE = build();

    private static Map<String, Rule> build() {
        Map<String, Rule> t = new LinkedHashMap<>();
        t.put(OpType.COOP_UPDATE, one(EnumSet.of(Role.PRESIDENT)));
        t.put(OpType.MEMBER_ADD, one(RECORDS));
        t.put(OpType.MEMBER_UPDATE, one(RECORDS));
        t.put(OpType.CATEGORY_ADD, one(RECORDS));
        t.put(OpType.CATEGORY_UPDATE, one(RECORDS));
        t.put(OpType.WORK_ADD, one(RECORDS));
        t.put(OpType.WORK_VOID, one(RECORDS));
        t.put(OpType.ACCOUNT_ADD, one(MONEY));
        t.put(OpType.ACCOUNT_UPDATE, one(MONEY));
        t.put(OpType.TX_POST, one(MONEY));
        t.put(OpType.TX_VOID, one(MONEY));
        t.put(OpType.PERIOD_ACCEPT, one(MONEY));
        t.put(OpType.CONFLICT_RESOLVE, one(EnumSet.of(Role.PRESIDENT, Role.SECRETARY, Role.TREASURER)));
        t.put(OpType.PERIOD_CLOSE, new Rule(EnumSet.of(Role.TREASURER, Role.PRESIDENT), KEEPERS, false));
        t.put(OpType.REPLICA_ADMIT, new Rule(KEEPERS, KEEPERS, false));
        t.put(OpType.REPLICA_REVOKE, new Rule(KEEPERS, KEEPERS, false));
        // savings groups (design notes 32): the money entries post to the books, so they are the
        // treasurer's like every transaction; the constitution and the share-out need two people
        t.put(OpType.GROUP_CYCLE, new Rule(EnumSet.of(Role.PRESIDENT, Role.TREASURER), KEEPERS, false));
        t.put(OpType.GROUP_MEETING_OPEN, one(RECORDS));
        t.put(OpType.GROUP_ATTEND, one(RECORDS));
        t.put(OpType.GROUP_MEETING_CLOSE, one(MONEY));
        t.put(OpType.GROUP_SHARES, one(MONEY));
        t.put(OpType.GROUP_SOCIAL, one(MONEY));
        t.put(OpType.GROUP_FINE, one(MONEY));
        t.put(OpType.GROUP_LOAN_ISSUE, one(MONEY));
        t.put(OpType.GROUP_LOAN_REPAY, one(MONEY));
        t.put(OpType.GROUP_SHAREOUT, new Rule(MONEY, KEEPERS, false));
        // corrections (design notes 36): they change the books, so they are the treasurer's; a
        // loan written off is a decision of the group and needs a second person, like the share-out
        t.put(OpType.GROUP_MEETING_REOPEN, one(MONEY));
        t.put(OpType.GROUP_VOID, one(MONEY));
        t.put(OpType.GROUP_GRANT, one(MONEY));
        t.put(OpType.GROUP_EXPENSE, one(MONEY));
        t.put(OpType.GROUP_LOAN_WRITEOFF, new Rule(MONEY, KEEPERS, false));
        // the share register and the surplus (design notes 35): money, so the treasurer's; paying
        // capital back and allocating a year's surplus need a second person
        t.put(OpType.CAPITAL_SUBSCRIBE, one(MONEY));
        t.put(OpType.CAPITAL_PAY, one(MONEY));
        t.put(OpType.CAPITAL_TRANSFER, one(MONEY));
        t.put(OpType.CAPITAL_REDEEM, new Rule(MONEY, KEEPERS, false));
        t.put(OpType.SURPLUS_ALLOCATE, new Rule(MONEY, KEEPERS, false));
        t.put(OpType.PERSON_ADD, new Rule(EnumSet.of(Role.PRESIDENT), KEEPERS, false));
        t.put(OpType.PERSON_UPDATE, new Rule(EnumSet.of(Role.PRESIDENT), KEEPERS, false));
        t.put(OpType.PERSON_PIN, new Rule(NONE, NONE, true));
        return java.util.Collections.unmodifiableMap(t);
    }

    private static Rule one(Set<Role> by) {
        return new Rule(by, NONE, false);
    }

    private Permissions() {
    }

    /// The rule for one kind of change; empty for the changes that name no person
    /// (`coop.create`, `replica.join`) and for types the rule book does not know.
    public static Optional<Rule> rule(String type) {
        return Optional.ofNullable(TABLE.get(type));
    }

    /// The whole table, in the order of docs/roles.md.
    public static Map<String, Rule> table() {
        return TABLE;
    }

    /// True if a person holding `roles` may make (as `by`) a change of this type.
    public static boolean allows(String type, Set<Role> roles) {
        Rule r = TABLE.get(type);
        return r != null && (r.self() || r.by().stream().anyMatch(roles::contains));
    }
}
