package coop.minka.ui.common;

import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.Role;
import coop.minka.domain.WorkKind;

/// The message keys of the domain's choices, written out so the i18n test sees every key.
public final class Labels {
    private Labels() {
    }

    public static String key(Gender g) {
        return switch (g) {
            case WOMAN -> "gender.woman";
            case MAN -> "gender.man";
            case NONBINARY -> "gender.nonbinary";
            case UNSPECIFIED -> "gender.unspecified";
        };
    }

    public static String key(MemberStatus s) {
        return switch (s) {
            case ACTIVE -> "status.active";
            case INACTIVE -> "status.inactive";
        };
    }

    public static String key(AccountType t) {
        return switch (t) {
            case ASSET -> "accountType.asset";
            case LIABILITY -> "accountType.liability";
            case EQUITY -> "accountType.equity";
            case INCOME -> "accountType.income";
            case EXPENSE -> "accountType.expense";
        };
    }

    public static String key(Role r) {
        return switch (r) {
            case PRESIDENT -> "role.president";
            case TREASURER -> "role.treasurer";
            case SECRETARY -> "role.secretary";
            case AUDITOR -> "role.auditor";
            case KEYHOLDER -> "role.keyholder";
            case MEMBER -> "role.member";
        };
    }

    /// The roles in plain words, in the order of [Role], comma-separated: "President, Treasurer".
    public static String roles(I18n i18n, java.util.Set<Role> roles) {
        return java.util.Arrays.stream(Role.values()).filter(roles::contains).map(r -> i18n.t(key(r)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public static String key(WorkKind k) {
        return switch (k) {
            case CARE -> "workKind.care";
            case COMMUNITY -> "workKind.community";
            case PRODUCTIVE -> "workKind.productive";
            case GOVERNANCE -> "workKind.governance";
            case OTHER -> "workKind.other";
        };
    }

    /// A gender by its wire name (`woman`), as the reports group them.
    public static String genderKey(String wire) {
        try {
            return key(Gender.fromWire(wire));
        } catch (RuntimeException e) {
            return "gender.unspecified";
        }
    }

    /// The message key of a rule-book reason code (`domain.OpRules`), for "held invalid: …";
    /// a code this version does not know reads as an unknown kind of entry.
    public static String invalidKey(String reason) {
        return switch (reason == null ? "" : reason) {
            case "unknown-type" -> "invalid.unknown-type";
            case "bad-id" -> "invalid.bad-id";
            case "missing-field" -> "invalid.missing-field";
            case "wrong-kind" -> "invalid.wrong-kind";
            case "bad-text" -> "invalid.bad-text";
            case "text-too-long" -> "invalid.text-too-long";
            case "bad-date" -> "invalid.bad-date";
            case "bad-minutes" -> "invalid.bad-minutes";
            case "bad-amount" -> "invalid.bad-amount";
            case "bad-posting" -> "invalid.bad-posting";
            case "too-few-postings" -> "invalid.too-few-postings";
            case "too-many-postings" -> "invalid.too-many-postings";
            case "unbalanced" -> "invalid.unbalanced";
            case "bad-choice" -> "invalid.bad-choice";
            case "bad-currency" -> "invalid.bad-currency";
            case "bad-languages" -> "invalid.bad-languages";
            case "bad-key" -> "invalid.bad-key";
            case "bad-fingerprint" -> "invalid.bad-fingerprint";
            case "bad-hash" -> "invalid.bad-hash";
            case "fixed-field" -> "invalid.fixed-field";
            case "id-not-owned" -> "invalid.id-not-owned";
            case "id-used-twice" -> "invalid.id-used-twice";
            case "created-twice" -> "invalid.created-twice";
            case "entity-kind" -> "invalid.entity-kind";
            case "wrong-cooperative" -> "invalid.wrong-cooperative";
            case "not-founder" -> "invalid.not-founder";
            case "cash-not-asset" -> "invalid.cash-not-asset";
            case "bad-roles" -> "invalid.bad-roles";
            case "bad-pin-hash" -> "invalid.bad-pin-hash";
            case "no-person" -> "invalid.no-person";
            case "unknown-person" -> "invalid.unknown-person";
            case "not-allowed" -> "invalid.not-allowed";
            case "needs-second-person" -> "invalid.needs-second-person";
            case "first-person-not-president" -> "invalid.first-person-not-president";
            case "person-added-twice" -> "invalid.person-added-twice";
            case "person-not-found" -> "invalid.person-not-found";
            case "currency-after-money" -> "invalid.currency-after-money";
            case "bad-share-price" -> "invalid.bad-share-price";
            case "bad-share-range" -> "invalid.bad-share-range";
            case "bad-social-fund" -> "invalid.bad-social-fund";
            case "bad-loan-multiple" -> "invalid.bad-loan-multiple";
            case "bad-term" -> "invalid.bad-term";
            case "bad-charge-rate" -> "invalid.bad-charge-rate";
            case "bad-fine" -> "invalid.bad-fine";
            case "shares-out-of-range" -> "invalid.shares-out-of-range";
            case "bad-shares" -> "invalid.bad-shares";
            case "same-member" -> "invalid.same-member";
            case "allocation-mismatch" -> "invalid.allocation-mismatch";
            case "capital-over-holding" -> "invalid.capital-over-holding";
            case "surplus-allocated-twice" -> "invalid.surplus-allocated-twice";
            case "capital-tx-mismatch" -> "invalid.capital-tx-mismatch";
            case "group-tx-mismatch" -> "invalid.group-tx-mismatch";
            case "shareout-mismatch" -> "invalid.shareout-mismatch";
            case "not-last-meeting" -> "invalid.not-last-meeting";
            case "meeting-not-closed" -> "invalid.meeting-not-closed";
            case "meeting-closed" -> "invalid.meeting-closed";
            case "unknown-entry" -> "invalid.unknown-entry";
            case "not-voidable" -> "invalid.not-voidable";
            case "already-voided" -> "invalid.already-voided";
            case "over-social-fund" -> "invalid.over-social-fund";
            case "over-owed" -> "invalid.over-owed";
            case "cycle-shared-out" -> "invalid.cycle-shared-out";
            default -> "invalid.unknown-type";
        };
    }
}
