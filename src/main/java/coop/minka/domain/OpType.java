package coop.minka.domain;

/// The names of the op types in the change log (DESIGN.md §3). They are part of the bundle
/// format: never rename one.
public final class OpType {
    public static final String REPLICA_JOIN = "replica.join";
    public static final String REPLICA_ADMIT = "replica.admit";
    public static final String REPLICA_REVOKE = "replica.revoke";
    public static final String COOP_CREATE = "coop.create";
    public static final String COOP_UPDATE = "coop.update";
    public static final String MEMBER_ADD = "member.add";
    public static final String MEMBER_UPDATE = "member.update";
    public static final String CATEGORY_ADD = "category.add";
    public static final String CATEGORY_UPDATE = "category.update";
    public static final String ACCOUNT_ADD = "account.add";
    public static final String ACCOUNT_UPDATE = "account.update";
    public static final String WORK_ADD = "work.add";
    public static final String WORK_VOID = "work.void";
    public static final String TX_POST = "tx.post";
    public static final String TX_VOID = "tx.void";
    public static final String PERIOD_CLOSE = "period.close";
    /// A decision that an entry dated in a closed period that arrived after the close (a late
    /// entry) stays in the books (design notes 23): entity = the entry's transaction or work
    /// entry, `entry` = the hash of the late entry.
    public static final String PERIOD_ACCEPT = "period.accept";
    public static final String CONFLICT_RESOLVE = "conflict.resolve";
    /// A person who uses Minka, with their roles and PIN hash (design notes 26, 27).
    public static final String PERSON_ADD = "person.add";
    /// A change of a person's name, roles, member or PIN hash, by the president and a second person.
    public static final String PERSON_UPDATE = "person.update";
    /// A person's change of their own PIN.
    public static final String PERSON_PIN = "person.pin";
    /// A savings group's constitution for a cycle (design notes 32): a new one with a later start
    /// date is the next cycle.
    public static final String GROUP_CYCLE = "group.cycle";
    public static final String GROUP_MEETING_OPEN = "group.meeting.open";
    /// The end of a meeting, with the cash counted and the cash the books expected.
    public static final String GROUP_MEETING_CLOSE = "group.meeting.close";
    public static final String GROUP_ATTEND = "group.attend";
    /// The money entries of a meeting: each names the `tx.post` written with it (`tx`).
    public static final String GROUP_SHARES = "group.shares";
    public static final String GROUP_SOCIAL = "group.social";
    public static final String GROUP_FINE = "group.fine";
    public static final String GROUP_LOAN_ISSUE = "group.loan.issue";
    public static final String GROUP_LOAN_REPAY = "group.loan.repay";
    public static final String GROUP_SHAREOUT = "group.shareout";
    /// Corrections (design notes 36): the last meeting of a cycle opened again after its close;
    /// a void of one group entry (`entry`, `reason`), written with the `tx.void` of its
    /// transaction; a social-fund grant to a member; a loan's principal written off by decision;
    /// an expense of the cycle. Each is judged against the entries stamped before it ([GroupBook]).
    public static final String GROUP_MEETING_REOPEN = "group.meeting.reopen";
    public static final String GROUP_VOID = "group.void";
    public static final String GROUP_GRANT = "group.grant";
    public static final String GROUP_LOAN_WRITEOFF = "group.loan.writeoff";
    public static final String GROUP_EXPENSE = "group.expense";
    /// The savings-group ops, each a fact created once with its own id.
    public static final java.util.List<String> GROUP_TYPES = java.util.List.of(GROUP_CYCLE, GROUP_MEETING_OPEN,
            GROUP_MEETING_CLOSE, GROUP_ATTEND, GROUP_SHARES, GROUP_SOCIAL, GROUP_FINE, GROUP_LOAN_ISSUE,
            GROUP_LOAN_REPAY, GROUP_SHAREOUT, GROUP_MEETING_REOPEN, GROUP_VOID, GROUP_GRANT, GROUP_LOAN_WRITEOFF,
            GROUP_EXPENSE);
    /// The cooperative's share register (design notes 35): a member subscribes shares (owes
    /// them), pays into capital, transfers shares to another member, has shares redeemed (paid
    /// back). Each names the `tx.post` written with it (`tx`).
    public static final String CAPITAL_SUBSCRIBE = "capital.subscribe";
    public static final String CAPITAL_PAY = "capital.pay";
    public static final String CAPITAL_TRANSFER = "capital.transfer";
    public static final String CAPITAL_REDEEM = "capital.redeem";
    /// The allocation of a closed year's surplus to the reserve, the education fund and the
    /// members (design notes 35), with the `tx.post` written with it.
    public static final String SURPLUS_ALLOCATE = "surplus.allocate";
    /// The register's entries, in the order the register lists their kinds.
    public static final java.util.List<String> REGISTER_TYPES = java.util.List.of(CAPITAL_SUBSCRIBE, CAPITAL_PAY,
            CAPITAL_TRANSFER, CAPITAL_REDEEM);
    /// The capital ops: the register's and the surplus allocation, each a fact created once with
    /// its own id, judged together against the whole set held (the projection folds them).
    public static final java.util.List<String> CAPITAL_TYPES = java.util.List.of(CAPITAL_SUBSCRIBE, CAPITAL_PAY,
            CAPITAL_TRANSFER, CAPITAL_REDEEM, SURPLUS_ALLOCATE);
    /// The ops about people, which decide who may make every other change.
    public static final java.util.List<String> PERSON_TYPES = java.util.List.of(PERSON_ADD, PERSON_UPDATE, PERSON_PIN);

    private OpType() {
    }

    /// Ops that change who is trusted; applying one may change which authors' ops count.
    public static boolean affectsTrust(String type) {
        return type.startsWith("replica.") || type.equals(COOP_CREATE);
    }
}
