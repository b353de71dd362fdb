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
    /// The ops about people, which decide who may make every other change.
    public static final java.util.List<String> PERSON_TYPES = java.util.List.of(PERSON_ADD, PERSON_UPDATE, PERSON_PIN);

    private OpType() {
    }

    /// Ops that change who is trusted; applying one may change which authors' ops count.
    public static boolean affectsTrust(String type) {
        return type.startsWith("replica.") || type.equals(COOP_CREATE);
    }
}
