package coop.minka.domain;

/// The one catalogue of errors a person can cause or meet. Each code has a plain-language
/// message and a "what to do" hint in every language, under the keys
/// `error.<code>.message` and `error.<code>.hint` of the `errors` resource bundle, shared by
/// the command line and the desktop app. `{0}`, `{1}`… in the texts are filled from the
/// exception's arguments.
public enum ErrorCode {
    NO_DATABASE(3),
    DATABASE_EXISTS(3),
    NOT_A_DATABASE(3),
    DATABASE_TOO_NEW(3),
    DATABASE_LOCKED(4),
    DATABASE_READ_ONLY(4),
    DISK_FULL(4),
    DATABASE_IO_ERROR(4),
    DATA_CONFLICT(2),
    NOT_INITIALISED(3),
    BAD_DATE(2),
    BAD_AMOUNT(2),
    AMOUNT_TOO_LARGE(2),
    TOO_MANY_DECIMALS(2),
    BAD_HOURS(2),
    BAD_CURRENCY(2),
    BAD_POSTING(2),
    UNBALANCED(2),
    TOO_FEW_POSTINGS(2),
    ZERO_POSTING(2),
    UNKNOWN_MEMBER(2),
    AMBIGUOUS_MEMBER(2),
    UNKNOWN_ACCOUNT(2),
    UNKNOWN_CATEGORY(2),
    UNKNOWN_TRANSACTION(2),
    UNKNOWN_WORK_ENTRY(2),
    UNKNOWN_REPLICA(2),
    DUPLICATE_CODE(2),
    EMPTY_FIELD(2),
    TEXT_TOO_LONG(2),
    BAD_CHOICE(2),
    ALREADY_VOIDED(2),
    PERIOD_CLOSED(2),
    INACTIVE_MEMBER(2),
    ARCHIVED_ACCOUNT(2),
    BAD_DATE_RANGE(2),
    NOT_TRUSTED(2),
    BUNDLE_UNREADABLE(5),
    BUNDLE_TRUNCATED(5),
    BUNDLE_TAMPERED(5),
    BUNDLE_WRONG_COOPERATIVE(5),
    BUNDLE_TOO_NEW(5),
    BUNDLE_TOO_LARGE(5),
    BUNDLE_NOT_FULL(5),
    BUNDLE_EMPTY_FOLDER(5),
    FILE_NOT_FOUND(2),
    SYNC_FILE_IS_FOLDER(2),
    NOT_A_REGULAR_FILE(2),
    FILE_CHANGED(5),
    CANNOT_WRITE(6),
    BACKUP_FAILED(6),
    CODE_MISMATCH(1),
    VERIFY_FAILED(1),
    FILE_EXISTS(6),
    AMBIGUOUS_REPLICA(2),
    AMBIGUOUS_ENTRY(2),
    CANNOT_REJECT(2),
    CANNOT_REVOKE(2),
    REASON_REQUIRED(2),
    BAD_KEEP_UP_TO(2),
    REVOKE_UNDOES_ITSELF(2),
    REPLICA_REJECTED(2),
    REPLICA_IMPOSTOR(2),
    AMOUNTS_TOO_LARGE(5),
    BUNDLE_TOO_OLD(5),
    BUNDLE_FORGED(5),
    BAD_CHECK_CODE(2),
    PERIOD_NOT_ENDED(2),
    GROUP_NO_CYCLE(2),
    GROUP_NO_MEETING(2),
    GROUP_MEETING_STILL_OPEN(2),
    GROUP_SHARES_OUT_OF_RANGE(2),
    GROUP_NO_SOCIAL_FUND(2),
    GROUP_UNKNOWN_FINE(2),
    GROUP_TERM_TOO_LONG(2),
    GROUP_LOAN_OVER_LIMIT(2),
    GROUP_NOT_ENOUGH_CASH(2),
    GROUP_UNKNOWN_LOAN(2),
    GROUP_LOAN_OVERPAID(2),
    GROUP_ALREADY_SHARED_OUT(2),
    GROUP_LOANS_OUTSTANDING(2),
    GROUP_NOT_LAST_MEETING(2),
    GROUP_MEETING_CLOSED(2),
    GROUP_UNKNOWN_ENTRY(2),
    GROUP_NOT_VOIDABLE(2),
    GROUP_OVER_SOCIAL_FUND(2),
    GROUP_NOTHING_OWED(2),
    GROUP_ENTRY_TRANSACTION(2),
    CAPITAL_BAD_SHARES(2),
    CAPITAL_NO_PRICE(2),
    CAPITAL_OVER_HOLDING(2),
    CAPITAL_OVERPAID(2),
    CAPITAL_SAME_MEMBER(2),
    SURPLUS_YEAR_NOT_CLOSED(2),
    SURPLUS_ALREADY_ALLOCATED(2),
    SURPLUS_LOSS(2),
    SURPLUS_NO_WEIGHTS(2),
    SURPLUS_NEEDS_AMOUNTS(2),
    SURPLUS_BAD_AMOUNTS_LINE(2),
    INVALID_ENTRY(2),
    UNKNOWN_CONFLICT(2),
    CASH_NOT_ASSET(2),
    NOT_LATE(2),
    CURRENCY_AFTER_MONEY(2),
    WITNESS_IS_WORKER(2),
    INACTIVE_WITNESS(2),
    /// People and PINs (design notes 26, 27): a change refused for who is making it ends with 7.
    PERSON_REQUIRED(7),
    NOT_ALLOWED(7),
    SECOND_PERSON_REQUIRED(7),
    FIRST_PERSON_PRESIDENT(7),
    WRONG_PIN(7),
    PIN_WAIT(7),
    PIN_REQUIRED(7),
    UNKNOWN_PERSON(2),
    AMBIGUOUS_PERSON(2),
    BAD_PIN(2),
    BUNDLE_NOT_ENCRYPTED(5),
    BUNDLE_NOT_ADDRESSED(5),
    JOIN_NEEDS_KEY(5),
    KEY_FILE_UNREADABLE(2),
    RECOVERY_KEY_GONE(2),
    NOT_THIS_RECOVERY_KEY(2),
    ENCRYPTION_OFF(2),
    JOIN_REQUEST_UNREADABLE(2),
    INTERNAL(70);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /// The process exit code the command line ends with for this error.
    public int exitCode() {
        return exitCode;
    }

    public String messageKey() {
        return "error." + name() + ".message";
    }

    public String hintKey() {
        return "error." + name() + ".hint";
    }
}
