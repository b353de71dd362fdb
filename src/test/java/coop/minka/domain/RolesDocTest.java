package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/// docs/roles.md shows the permission table of the code ([Permissions]), so they cannot drift:
/// the table between the markers is generated from the code and must match it exactly.
class RolesDocTest {
    static final String START = "<!-- permissions:start (generated from domain.Permissions; RolesDocTest) -->";
    static final String END = "<!-- permissions:end -->";

    /// The Markdown table of [Permissions#table()].
    static String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Change | Made by a person holding | Second person (dual control) |\n");
        sb.append("|---|---|---|\n");
        Permissions.table().forEach((type, rule) -> sb.append("| `").append(type).append("` | ")
                .append(rule.self() ? "the person themselves (any role)" : roles(rule.by())).append(" | ")
                .append(rule.dual() ? roles(rule.also()) : "—").append(" |\n"));
        return sb.toString();
    }

    private static String roles(java.util.Set<Role> roles) {
        return Arrays.stream(Role.values()).filter(roles::contains).map(r -> "`" + r.wire() + "`")
                .collect(Collectors.joining(", "));
    }

    @Test
    void docsRolesShowsThePermissionTableOfTheCode() throws Exception {
        String doc = Files.readString(Path.of("docs/roles.md"));
        int from = doc.indexOf(START);
        int to = doc.indexOf(END);
        String inDoc = from < 0 || to < 0 ? "" : doc.substring(from + START.length(), to).strip() + "\n";
        assertEquals(table(), inDoc, "regenerate the table in docs/roles.md from domain.Permissions");
    }

    @Test
    void auditorsAndMembersChangeNothing() {
        for (String type : Permissions.table().keySet()) {
            if (!Permissions.table().get(type).self()) {
                assertEquals(false, Permissions.allows(type, java.util.Set.of(Role.AUDITOR)), type);
                assertEquals(false, Permissions.allows(type, java.util.Set.of(Role.MEMBER)), type);
            }
        }
    }
}
