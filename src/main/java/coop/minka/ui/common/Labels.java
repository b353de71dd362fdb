package coop.minka.ui.common;

import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.MemberStatus;
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
}
