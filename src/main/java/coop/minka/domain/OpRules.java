package coop.minka.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/// The one rule book (DESIGN.md §7, design notes 14 and 18): decides from one op alone — its type,
/// entity and data, no database — whether it is a valid entry. Every entry typed on this laptop
/// passes it before it is appended (`ChangeLog.Writer.append`), and every entry received from
/// another laptop passes it before it is projected (an invalid one is held invalid, with the
/// reason code of the [Violation]). What is refused when typed is refused when imported.
///
/// Stated limits:
/// - an amount is at most [#MAX_AMOUNT] minor units per posting (10 000 000 000 000, e.g. a
///   hundred thousand million in a currency of two decimals); a transaction has 2 to
///   [#MAX_POSTINGS] postings whose sum, added with checked arithmetic, is exactly zero;
/// - a date is written `yyyy-MM-dd` with exactly four digits of year, is a real calendar day, and
///   lies in [#MIN_DATE]..[#MAX_DATE];
/// - a work entry is 1 to [#MAX_MINUTES] minutes (one day);
/// - a work category's rate (`rate`, and each dated `rate@yyyy-MM-dd`) is 0 to [#MAX_AMOUNT]
///   minor units, and the date of a dated rate is a valid date as above;
/// - one-line texts (names, codes, references) are at most [#MAX_NAME] characters, free texts
///   (memo, notes, note, contact, reason) at most [#MAX_TEXT]; no text holds a NUL, and one-line
///   texts hold no control characters (line breaks, tabs) at all;
/// - ids are canonical lower-case UUIDs.
///
/// Keys the rules do not know are tolerated (a later version may add one), except the fields
/// that are fixed at creation: an `account.update` may not carry `code` or `type`; transactions
/// and work entries have no update at all. A `coop.update` may carry `currency` (a known code):
/// whether it comes before any money is judged by the projection (design notes 25).
public final class OpRules {
    /// The largest amount of one posting, in minor units of the cooperative's currency.
    public static final long MAX_AMOUNT = 10_000_000_000_000L;
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(2999, 12, 31);
    public static final int MAX_POSTINGS = 1000;
    public static final int MAX_MINUTES = 24 * 60;
    /// One-line texts: names, codes, references. Earlier versions allowed 500 characters for
    /// every text, so nothing typed before becomes invalid.
    public static final int MAX_NAME = 500;
    /// Free texts: memo, notes, note, contact, reason.
    public static final int MAX_TEXT = 2000;
    /// A date more than this many days after today is accepted with a warning (a mistyped year).
    public static final int FAR_FUTURE_DAYS = 366;

    /// Why an op is invalid: `reason` is a stable kebab-case code (messages under
    /// `invalid.<reason>`), `detail` names the field or value, for logs and debugging.
    public record Violation(String reason, String detail) {
    }

    public static final String UNKNOWN_TYPE = "unknown-type";
    public static final String BAD_ID = "bad-id";
    public static final String MISSING_FIELD = "missing-field";
    public static final String WRONG_KIND = "wrong-kind";
    public static final String BAD_TEXT = "bad-text";
    public static final String TEXT_TOO_LONG = "text-too-long";
    public static final String BAD_DATE = "bad-date";
    public static final String BAD_MINUTES = "bad-minutes";
    public static final String BAD_AMOUNT = "bad-amount";
    public static final String BAD_POSTING = "bad-posting";
    public static final String TOO_FEW_POSTINGS = "too-few-postings";
    public static final String TOO_MANY_POSTINGS = "too-many-postings";
    public static final String UNBALANCED = "unbalanced";
    public static final String BAD_CHOICE = "bad-choice";
    public static final String BAD_CURRENCY = "bad-currency";
    public static final String BAD_LANGUAGES = "bad-languages";
    public static final String BAD_KEY = "bad-key";
    public static final String BAD_FINGERPRINT = "bad-fingerprint";
    public static final String BAD_HASH = "bad-hash";
    public static final String FIXED_FIELD = "fixed-field";
    public static final String CASH_NOT_ASSET = "cash-not-asset";
    /// A person's roles that are empty, repeated or not among [Role].
    public static final String BAD_ROLES = "bad-roles";
    /// A PIN hash not of the shape [#PIN_HASH] describes (design notes 27).
    public static final String BAD_PIN_HASH = "bad-pin-hash";
    /// A `coop.update` carrying `currency` with money (a counted `tx.post`) stamped before it:
    /// judged by the projection from the whole log, not by [#check] (design notes 25).
    public static final String CURRENCY_AFTER_MONEY = "currency-after-money";
    /// A work entry whose witness is the member who did the work: nobody confirms their own work.

    /// Every reason code [#check] can give, for the message catalogue and its test.
    public static final List<String> REASONS = List.of(UNKNOWN_TYPE, BAD_ID, MISSING_FIELD, WRONG_KIND, BAD_TEXT,
            TEXT_TOO_LONG, BAD_DATE, BAD_MINUTES, BAD_AMOUNT, BAD_POSTING, TOO_FEW_POSTINGS, TOO_MANY_POSTINGS,
            UNBALANCED, BAD_CHOICE, BAD_CURRENCY, BAD_LANGUAGES, BAD_KEY, BAD_FINGERPRINT, BAD_HASH, FIXED_FIELD,
            BAD_ROLES, BAD_PIN_HASH, GroupConstitution.BAD_SHARE_PRICE, GroupConstitution.BAD_SHARE_RANGE,
            GroupConstitution.BAD_SOCIAL_FUND, GroupConstitution.BAD_LOAN_MULTIPLE, GroupConstitution.BAD_TERM,
            GroupConstitution.BAD_CHARGE_RATE, GroupConstitution.BAD_FINE, GroupConstitution.SHARES_OUT_OF_RANGE,
            CapitalRegister.BAD_SHARES, CapitalRegister.SAME_MEMBER, CapitalRegister.ALLOCATION_MISMATCH);

    /// The shape of a PIN hash (design notes 27): `pbkdf2-sha256$ITERATIONS$SALT$HASH`, salt 16
    /// bytes and hash 32 bytes in Base64, at least [#MIN_PIN_ITERATIONS] iterations.
    public static final Pattern PIN_HASH = Pattern.compile(
            "pbkdf2-sha256\\$([1-9][0-9]{3,8})\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=");
    public static final int MIN_PIN_ITERATIONS = 1000;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{4}( [0-9A-F]{4}){4}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    /// DER prefix of an X.509 SubjectPublicKeyInfo holding an Ed25519 key (RFC 8410), 32 key bytes follow.
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final Set<String> GENDERS = wires(Gender.values());
    private static final Set<String> STATUSES = wires(MemberStatus.values());
    private static final Set<String> KINDS = wires(WorkKind.values());
    private static final Set<String> ACCOUNT_TYPES = wires(AccountType.values());
    private static final Set<String> ATTENDANCE = Set.of("present", "represented", "absent");
    private static final Set<String> CHARGE_METHODS = wires(GroupConstitution.ChargeMethod.values());
    private static final Set<String> BASES = wires(SurplusAllocation.Basis.values());

    private static final java.util.regex.Pattern AGE_RECIPIENT =
            java.util.regex.Pattern.compile("age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}");

    private OpRules() {
    }

    /// True if `s` has the shape of an age X25519 recipient (`age1…`, lower-case Bech32, 62 characters).
    public static boolean isRecipient(String s) {
        return s != null && AGE_RECIPIENT.matcher(s).matches();
    }

    /// Empty if the op is valid; else the first rule it breaks.
    public static Optional<Violation> check(String type, String entity, OpData data) {
        if (type == null) {
            return bad(UNKNOWN_TYPE, "null");
        }
        if (data == null) {
            return bad(MISSING_FIELD, "data");
        }
        try {
            Rules r = new Rules(data);
            if (!Ids.looksLikeId(entity)) {
                throw new Broken(BAD_ID, "entity");
            }
            r.id(Permissions.BY, false);
            r.id(Permissions.ALSO, false);
            switch (type) {
                case OpType.REPLICA_JOIN -> {
                    r.name("name", true);
                    r.key("key");
                    r.id("copyOf", false);
                    r.text("vouch", false, MAX_TEXT, false);
                    r.recipient("recipient");
                    r.flag("rotation");
                }
                case OpType.REPLICA_ADMIT -> r.fingerprint("fingerprint");
                case OpType.REPLICA_REVOKE -> {
                    r.fingerprint("fingerprint");
                    r.text("reason", false, MAX_TEXT, false);
                }
                case OpType.COOP_CREATE -> {
                    r.name("name", true);
                    r.currency("currency", true);
                    r.languages("languages");
                    r.flag("encryption");
                    r.recipient("recovery");
                }
                case OpType.COOP_UPDATE -> {
                    // the currency may change only before any money exists, which one entry alone
                    // cannot tell: the projection judges it (design notes 25, CURRENCY_AFTER_MONEY)
                    r.currency("currency", false);
                    r.base();
                    r.name("name", false);
                    r.languages("languages");
                    r.flag("encryption");
                    r.recipient("recovery");
                }
                case OpType.MEMBER_ADD, OpType.MEMBER_UPDATE -> {
                    boolean add = type.equals(OpType.MEMBER_ADD);
                    if (!add) {
                        r.base();
                    }
                    r.name("name", add);
                    r.choice("gender", GENDERS);
                    r.choice("status", STATUSES);
                    r.date("joined", false);
                    r.text("contact", false, MAX_TEXT, false);
                    r.text("notes", false, MAX_TEXT, false);
                }
                case OpType.CATEGORY_ADD, OpType.CATEGORY_UPDATE -> {
                    boolean add = type.equals(OpType.CATEGORY_ADD);
                    if (!add) {
                        r.base();
                    }
                    r.name("code", add);
                    r.name("name", add);
                    r.choice("kind", KINDS);
                    r.rate("rate", false);
                    for (String k : data.asMap().keySet()) {
                        if (k.startsWith(WorkCategory.RATE_FROM)) {
                            if (WorkCategory.rateKeyDate(k).isEmpty()) {
                                throw new Broken(BAD_DATE, k);
                            }
                            r.rate(k, true);
                        }
                    }
                }
                case OpType.ACCOUNT_ADD -> {
                    r.name("code", true);
                    r.name("name", true);
                    r.choice("type", ACCOUNT_TYPES);
                    if (!data.has("type")) {
                        throw new Broken(MISSING_FIELD, "type");
                    }
                    r.id("member", false);
                    r.flag("archived");
                    r.flag("cash");
                    if (Boolean.TRUE.equals(data.asMap().get("cash"))
                            && (!AccountType.ASSET.wire().equals(data.asMap().get("type")) || data.has("member"))) {
                        throw new Broken(CASH_NOT_ASSET, "cash");
                    }
                }
                case OpType.ACCOUNT_UPDATE -> {
                    r.fixed("code");
                    r.fixed("type");
                    // whose account it is is fixed too: the savings group and the share register
                    // read a member's money by the account's member (design notes 35, 37)
                    r.fixed("member");
                    r.base();
                    r.name("name", false);
                    r.flag("archived");
                    r.flag("cash");
                }
                case OpType.WORK_ADD -> {
                    r.id("member", true);
                    r.id("category", true);
                    r.date("date", true);
                    Long minutes = r.number("minutes", true);
                    if (minutes < 1 || minutes > MAX_MINUTES) {
                        throw new Broken(BAD_MINUTES, String.valueOf(minutes));
                    }
                    r.text("note", false, MAX_TEXT, false);
                    r.id("witness", false);
                    r.id("workday", false);
                }
                case OpType.TX_POST -> {
                    r.date("date", true);
                    r.text("memo", true, MAX_TEXT, false);
                    r.name("reference", false);
                    r.postings("postings");
                }
                case OpType.WORK_VOID, OpType.TX_VOID -> r.text("reason", true, MAX_TEXT, false);
                case OpType.PERIOD_CLOSE -> r.date("to", true);
                case OpType.PERIOD_ACCEPT -> {
                    r.hash("entry", true);
                    r.text("note", false, MAX_TEXT, false);
                }
                case OpType.CONFLICT_RESOLVE -> {
                    r.hash("loser", true);
                    r.name("field", false);
                }
                case OpType.PERSON_ADD, OpType.PERSON_UPDATE -> {
                    boolean add = type.equals(OpType.PERSON_ADD);
                    r.name("name", add);
                    r.roles("roles", add);
                    r.id("member", false);
                    r.pin("pin", add);
                }
                case OpType.PERSON_PIN -> r.pin("pin", true);
                case OpType.GROUP_CYCLE -> {
                    r.date("start", true);
                    r.choice("method", CHARGE_METHODS);
                    try {
                        Optional<Violation> v = GroupConstitution.fromData(data).check();
                        if (v.isPresent()) {
                            throw new Broken(v.get().reason(), v.get().detail());
                        }
                    } catch (MinkaException e) {
                        throw new Broken(e.args().getFirst(), e.args().size() > 1 ? e.args().get(1) : "");
                    }
                }
                case OpType.GROUP_MEETING_OPEN -> {
                    r.id("cycle", true);
                    r.date("date", true);
                }
                case OpType.GROUP_MEETING_CLOSE -> {
                    r.id("meeting", true);
                    r.amount("counted", false, true);
                    r.signedAmount("expected");
                }
                case OpType.GROUP_ATTEND -> {
                    r.id("meeting", true);
                    r.id("member", true);
                    r.choice("status", ATTENDANCE);
                    if (!data.has("status")) {
                        throw new Broken(MISSING_FIELD, "status");
                    }
                }
                case OpType.GROUP_SHARES, OpType.GROUP_SOCIAL, OpType.GROUP_FINE, OpType.GROUP_LOAN_ISSUE -> {
                    r.id("meeting", true);
                    r.id("member", true);
                    r.id("tx", true);
                    r.amount("amount", true, false);
                    if (type.equals(OpType.GROUP_SHARES)) {
                        Long n = r.number("count", true);
                        if (n < 1 || n > GroupConstitution.MAX_SHARES_PER_MEETING) {
                            throw new Broken(GroupConstitution.SHARES_OUT_OF_RANGE, String.valueOf(n));
                        }
                    }
                    if (type.equals(OpType.GROUP_FINE)) {
                        r.name("kind", true);
                    }
                    if (type.equals(OpType.GROUP_LOAN_ISSUE)) {
                        Long months = r.number("months", true);
                        if (months < 1 || months > GroupConstitution.MAX_TERM_MONTHS) {
                            throw new Broken(GroupConstitution.BAD_TERM, String.valueOf(months));
                        }
                        Long rate = r.number("chargeBp", true);
                        if (rate < 0 || rate > GroupConstitution.BP) {
                            throw new Broken(GroupConstitution.BAD_CHARGE_RATE, String.valueOf(rate));
                        }
                        r.choice("method", CHARGE_METHODS);
                        if (!data.has("method")) {
                            throw new Broken(MISSING_FIELD, "method");
                        }
                    }
                }
                case OpType.GROUP_LOAN_REPAY -> {
                    r.id("meeting", true);
                    r.id("loan", true);
                    r.id("tx", true);
                    long amount = r.amount("amount", true, false);
                    long charge = r.amount("charge", true, true);
                    long principal = r.amount("principal", true, true);
                    if (charge + principal != amount) {
                        throw new Broken(BAD_AMOUNT, "charge + principal");
                    }
                }
                case OpType.GROUP_MEETING_REOPEN -> r.id("meeting", true);
                case OpType.GROUP_VOID -> {
                    r.id("entry", true);
                    r.text("reason", true, MAX_TEXT, false);
                }
                case OpType.GROUP_GRANT -> {
                    r.id("meeting", true);
                    r.id("member", true);
                    r.id("tx", true);
                    r.amount("amount", true, false);
                    r.text("reason", true, MAX_TEXT, false);
                }
                case OpType.GROUP_LOAN_WRITEOFF -> {
                    r.id("meeting", true);
                    r.id("loan", true);
                    r.id("member", false);
                    r.id("tx", true);
                    r.amount("amount", true, false);
                    r.text("reason", true, MAX_TEXT, false);
                }
                case OpType.GROUP_EXPENSE -> {
                    r.id("meeting", true);
                    r.id("tx", true);
                    r.amount("amount", true, false);
                    r.text("memo", true, MAX_TEXT, false);
                }
                case OpType.GROUP_SHAREOUT -> {
                    r.id("cycle", true);
                    r.id("tx", false);
                    r.date("date", true);
                    r.amount("distributable", true, true);
                }
                case OpType.CAPITAL_SUBSCRIBE, OpType.CAPITAL_PAY, OpType.CAPITAL_TRANSFER, OpType.CAPITAL_REDEEM -> {
                    r.id("member", true);
                    r.date("date", true);
                    r.id("tx", true);
                    long amount = r.amount("amount", true, false);
                    if (!type.equals(OpType.CAPITAL_PAY)) {
                        Long shares = r.number("shares", true);
                        if (shares < 1 || shares > CapitalRegister.MAX_SHARES) {
                            throw new Broken(CapitalRegister.BAD_SHARES, String.valueOf(shares));
                        }
                        long price = r.amount("price", true, false);
                        try {
                            if (Math.multiplyExact(shares, price) != amount) {
                                throw new Broken(BAD_AMOUNT, "shares × price");
                            }
                        } catch (ArithmeticException e) {
                            throw new Broken(BAD_AMOUNT, "shares × price");
                        }
                    }
                    if (type.equals(OpType.CAPITAL_TRANSFER)) {
                        r.id("to", true);
                        if (data.str("to").equals(data.str("member"))) {
                            throw new Broken(CapitalRegister.SAME_MEMBER, "to");
                        }
                    }
                }
                case OpType.SURPLUS_ALLOCATE -> r.allocation();
                default -> throw new Broken(UNKNOWN_TYPE, type);
            }
            return Optional.empty();
        } catch (Broken b) {
            return bad(b.reason, b.detail);
        }
    }

    /// Parses a date exactly as the log keeps it: `yyyy-MM-dd`, four digits of year, a real day,
    /// within [#MIN_DATE]..[#MAX_DATE]. `+10000-01-01`, `0000-01-01`, `2026-02-30` are empty.
    public static Optional<LocalDate> parseDate(String s) {
        if (s == null || !ISO_DATE.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)),
                    Integer.parseInt(s.substring(8, 10)));
            return inRange(d) ? Optional.of(d) : Optional.empty();
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /// True if the day lies within [#MIN_DATE]..[#MAX_DATE].
    public static boolean inRange(LocalDate d) {
        return d != null && !d.isBefore(MIN_DATE) && !d.isAfter(MAX_DATE);
    }

    /// True for a date more than [#FAR_FUTURE_DAYS] days after `today`: valid, but worth a warning.
    public static boolean farFuture(LocalDate date, LocalDate today) {
        return date != null && today != null && date.isAfter(today.plusDays(FAR_FUTURE_DAYS));
    }

    private static Optional<Violation> bad(String reason, String detail) {
        return Optional.of(new Violation(reason, detail));
    }

    private static Set<String> wires(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /// A broken rule, thrown to leave the checks at the first one.
    private static final class Broken extends RuntimeException {
        final String reason;
        final String detail;

        Broken(String reason, String detail) {
            super(reason + " " + detail, null, false, false);
            this.reason = reason;
            this.detail = detail;
        }
    }

    /// The checks of one op's data.
    private record Rules(OpData data) {
        private Object value(String key, boolean required) {
            Object v = data.asMap().get(key);
            if (v == null && required) {
                throw new Broken(MISSING_FIELD, key);
            }
            return v;
        }

        private String string(String key, boolean required) {
            Object v = value(key, required);
            if (v == null) {
                return null;
            }
            if (!(v instanceof String s)) {
                throw new Broken(WRONG_KIND, key);
            }
            return s;
        }

        /// Free or one-line text: no NUL (one-line: no control character), at most `max` chars.
        String text(String key, boolean required, int max, boolean oneLine) {
            String s = string(key, required);
            if (s == null) {
                return null;
            }
            if (required && s.isBlank()) {
                throw new Broken(MISSING_FIELD, key);
            }
            if (s.length() > max) {
                throw new Broken(TEXT_TOO_LONG, key);
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == 0 || oneLine && (c < 0x20 || c == 0x7F)) {
                    throw new Broken(BAD_TEXT, key);
                }
            }
            return s;
        }

        String name(String key, boolean required) {
            String s = text(key, required, MAX_NAME, true);
            if (s != null && s.isBlank()) {
                throw new Broken(MISSING_FIELD, key);
            }
            return s;
        }

        void id(String key, boolean required) {
            String s = string(key, required);
            if (s != null && !Ids.looksLikeId(s)) {
                throw new Broken(BAD_ID, key);
            }
        }

        void date(String key, boolean required) {
            String s = string(key, required);
            if (s != null && parseDate(s).isEmpty()) {
                throw new Broken(BAD_DATE, key);
            }
        }

        Long number(String key, boolean required) {
            Object v = value(key, required);
            if (v == null) {
                return null;
            }
            if (!(v instanceof Long n)) {
                throw new Broken(WRONG_KIND, key);
            }
            return n;
        }

        /// An hourly rate: a whole number of minor units, 0 to [#MAX_AMOUNT].
        void rate(String key, boolean required) {
            Long rate = number(key, required);
            if (rate != null && (rate < 0 || rate > MAX_AMOUNT)) {
                throw new Broken(BAD_AMOUNT, key);
            }
        }

        /// An amount in minor units, 1 (or 0 if `zero`) to [#MAX_AMOUNT].
        long amount(String key, boolean required, boolean zero) {
            Long n = number(key, required);
            if (n == null) {
                return 0;
            }
            if (n < (zero ? 0 : 1) || n > MAX_AMOUNT) {
                throw new Broken(BAD_AMOUNT, key);
            }
            return n;
        }

        /// A `surplus.allocate`: its own figures must be what [SurplusAllocation#compute] gives
        /// for its surplus, percentages, basis and members' weights (exact to the minor unit).
        void allocation() {
            Long year = number("year", true);
            if (year < MIN_DATE.getYear() || year > MAX_DATE.getYear()) {
                throw new Broken(BAD_DATE, "year");
            }
            date("date", true);
            id("tx", false);
            choice("basis", BASES);
            if (!data.has("basis")) {
                throw new Broken(MISSING_FIELD, "basis");
            }
            long surplus = amount("surplus", true, true);
            long reserve = amount("reserve", true, true);
            long education = amount("education", true, true);
            int[] bp = new int[3];
            String[] keys = {"reserveBp", "educationBp", "cashBp"};
            for (int i = 0; i < 3; i++) {
                Long v = number(keys[i], true);
                if (v < 0 || v > GroupConstitution.BP) {
                    throw new Broken(BAD_AMOUNT, keys[i]);
                }
                bp[i] = v.intValue();
            }
            Object list = value("members", true);
            if (!(list instanceof List<?> rows) || rows.size() > MAX_POSTINGS) {
                throw new Broken(WRONG_KIND, "members");
            }
            List<SurplusAllocation.Weight> weights = new java.util.ArrayList<>();
            List<long[]> given = new java.util.ArrayList<>();
            for (Object o : rows) {
                if (!(o instanceof Map<?, ?> m)) {
                    throw new Broken(WRONG_KIND, "members");
                }
                Rules row = new Rules(OpData.of(stringKeys(m)));
                row.id("member", true);
                weights.add(new SurplusAllocation.Weight(row.data.str("member"), row.amount("weight", true, true)));
                given.add(new long[] {row.amount("cash", true, true), row.amount("retained", true, true)});
            }
            SurplusAllocation a;
            try {
                a = SurplusAllocation.compute(surplus, bp[0], bp[1], bp[2],
                        SurplusAllocation.Basis.fromWire(data.str("basis")), weights);
            } catch (MinkaException | IllegalArgumentException e) {
                throw new Broken(CapitalRegister.ALLOCATION_MISMATCH, "compute");
            }
            if (a.reserve() != reserve || a.education() != education) {
                throw new Broken(CapitalRegister.ALLOCATION_MISMATCH, "funds");
            }
            for (int i = 0; i < given.size(); i++) {
                var refund = a.members().get(i);
                if (refund.cash() != given.get(i)[0] || refund.retained() != given.get(i)[1]) {
                    throw new Broken(CapitalRegister.ALLOCATION_MISMATCH, refund.member());
                }
            }
        }

        private static Map<String, Object> stringKeys(Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }

        /// An amount that may be negative (a balance), within ±[#MAX_AMOUNT] × [#MAX_POSTINGS].
        void signedAmount(String key) {
            Long n = number(key, false);
            if (n != null && Math.abs(n) > MAX_AMOUNT * MAX_POSTINGS) {
                throw new Broken(BAD_AMOUNT, key);
            }
        }

        void flag(String key) {
            Object v = value(key, false);
            if (v != null && !(v instanceof Boolean)) {
                throw new Broken(WRONG_KIND, key);
            }
        }

        void choice(String key, Set<String> allowed) {
            String s = string(key, false);
            if (s != null && !allowed.contains(s)) {
                throw new Broken(BAD_CHOICE, key);
            }
        }

        void fixed(String key) {
            if (data.has(key)) {
                throw new Broken(FIXED_FIELD, key);
            }
        }

        void base() {
            hash(EntityFold.BASE, false);
        }

        void hash(String key, boolean required) {
            String s = string(key, required);
            if (s != null && !HASH.matcher(s).matches()) {
                throw new Broken(BAD_HASH, key);
            }
        }

        void currency(String key, boolean required) {
            String s = string(key, required);
            if (s == null) {
                return;
            }
            try {
                if (!s.matches("[A-Z]{3}") || !Currency.getInstance(s).getCurrencyCode().equals(s)) {
                    throw new Broken(BAD_CURRENCY, s);
                }
            } catch (IllegalArgumentException e) {
                throw new Broken(BAD_CURRENCY, s);
            }
        }

        /// A comma-separated list of language tags (`es,en`), optional.
        void languages(String key) {
            String s = text(key, false, MAX_NAME, true);
            if (s == null) {
                return;
            }
            for (String part : s.split(",", -1)) {
                if (!LANGUAGE.matcher(part.strip()).matches()) {
                    throw new Broken(BAD_LANGUAGES, key);
                }
            }
        }

        /// Base64 of an X.509-encoded Ed25519 public key: 44 bytes, the fixed prefix, 32 key bytes.
        void key(String key) {
            String s = string(key, true);
            byte[] k;
            try {
                k = Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw new Broken(BAD_KEY, key);
            }
            if (k.length != 44 || !java.util.Arrays.equals(k, 0, ED25519_X509_PREFIX.length, ED25519_X509_PREFIX, 0,
                    ED25519_X509_PREFIX.length)) {
                throw new Broken(BAD_KEY, key);
            }
        }

        /// Roles: wire names of [Role], comma-separated, at least one, none twice.
        void roles(String key, boolean required) {
            String s = string(key, required);
            if (s == null) {
                return;
            }
            Set<String> seen = new java.util.HashSet<>();
            for (String part : s.split(",", -1)) {
                if (Role.ofWire(part) == null || !seen.add(part)) {
                    throw new Broken(BAD_ROLES, key);
                }
            }
        }

        void pin(String key, boolean required) {
            String s = string(key, required);
            if (s == null) {
                return;
            }
            var m = PIN_HASH.matcher(s);
            if (!m.matches() || Long.parseLong(m.group(1)) < MIN_PIN_ITERATIONS) {
                throw new Broken(BAD_PIN_HASH, key);
            }
        }

        /// An age X25519 recipient (`age1` and 58 Bech32 characters), if present.
        void recipient(String key) {
            String s = string(key, false);
            if (s != null && !isRecipient(s)) {
                throw new Broken(BAD_KEY, key);
            }
        }

        void fingerprint(String key) {
            String s = string(key, true);
            if (!FINGERPRINT.matcher(s).matches()) {
                throw new Broken(BAD_FINGERPRINT, key);
            }
        }

        void postings(String key) {
            Object v = value(key, true);
            if (!(v instanceof List<?> lines)) {
                throw new Broken(WRONG_KIND, key);
            }
            if (lines.size() < 2) {
                throw new Broken(TOO_FEW_POSTINGS, String.valueOf(lines.size()));
            }
            if (lines.size() > MAX_POSTINGS) {
                throw new Broken(TOO_MANY_POSTINGS, String.valueOf(lines.size()));
            }
            long sum = 0;
            int n = 0;
            for (Object line : lines) {
                n++;
                if (!(line instanceof Map<?, ?> p)) {
                    throw new Broken(BAD_POSTING, "line " + n);
                }
                if (!(p.get("account") instanceof String account) || !Ids.looksLikeId(account)) {
                    throw new Broken(BAD_POSTING, "line " + n + " account");
                }
                if (!(p.get("amount") instanceof Long amount)) {
                    throw new Broken(BAD_POSTING, "line " + n + " amount");
                }
                if (amount == 0 || amount > MAX_AMOUNT || amount < -MAX_AMOUNT) {
                    throw new Broken(BAD_AMOUNT, "line " + n);
                }
                try {
                    sum = Math.addExact(sum, amount);
                } catch (ArithmeticException e) {
                    throw new Broken(UNBALANCED, "overflow");
                }
            }
            if (sum != 0) {
                throw new Broken(UNBALANCED, String.valueOf(sum));
            }
        }
    }
}
