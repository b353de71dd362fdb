package coop.minka.ui.people;

import coop.minka.domain.OpType;
import coop.minka.domain.Permissions;
import coop.minka.domain.Role;
import coop.minka.ui.common.I18n;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/// What each role may do, in one plain line, read from the permission table
/// ([Permissions#table()]) so the screen can never say other than the books decide.
final class RoleWords {
    private RoleWords() {
    }

    /// "Changes: money, closing the books. Second person for: laptops, people." or, for a role
    /// that changes nothing, "Reads and checks everything; changes nothing."
    static String explain(I18n i18n, Role role) {
        Set<String> makes = new LinkedHashSet<>();
        Set<String> confirms = new LinkedHashSet<>();
        for (Map.Entry<String, Permissions.Rule> e : Permissions.table().entrySet()) {
            String area = area(e.getKey());
            if (area == null) {
                continue;
            }
            if (e.getValue().by().contains(role)) {
                makes.add(i18n.t(area));
            } else if (e.getValue().also().contains(role)) {
                confirms.add(i18n.t(area));
            }
        }
        confirms.removeAll(makes);
        if (makes.isEmpty() && confirms.isEmpty()) {
            return i18n.t(role == Role.MEMBER ? "people.explain.member" : "people.explain.nothing");
        }
        String out = makes.isEmpty() ? "" : i18n.t("people.explain.makes", String.join(", ", makes));
        if (!confirms.isEmpty()) {
            out = (out.isEmpty() ? "" : out + " ") + i18n.t("people.explain.confirms", String.join(", ", confirms));
        }
        return out;
    }

    /// The plain name of what a kind of change touches; null for one's own PIN (everyone's).
    static String area(String opType) {
        return switch (opType) {
            case OpType.COOP_UPDATE -> "people.area.coop";
            case OpType.MEMBER_ADD, OpType.MEMBER_UPDATE -> "people.area.members";
            case OpType.CATEGORY_ADD, OpType.CATEGORY_UPDATE, OpType.WORK_ADD, OpType.WORK_VOID -> "people.area.work";
            case OpType.ACCOUNT_ADD, OpType.ACCOUNT_UPDATE, OpType.TX_POST, OpType.TX_VOID, OpType.PERIOD_ACCEPT ->
                    "people.area.money";
            case OpType.CONFLICT_RESOLVE -> "people.area.conflicts";
            case OpType.PERIOD_CLOSE -> "people.area.close";
            case OpType.REPLICA_ADMIT, OpType.REPLICA_REVOKE -> "people.area.laptops";
            case OpType.PERSON_ADD, OpType.PERSON_UPDATE -> "people.area.people";
            default -> null;
        };
    }
}
