package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.ReplicaStatus;
import coop.minka.domain.WorkKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// Every `cli.…` text the command line uses exists (in every language: [coop.minka.app.ErrorCatalogueTest]
/// checks the four files hold the same keys), none is left unused, and every word Minka's own
/// tables can hold (genders, statuses, kinds, account types, laptop standings) has a text.
class CliMessagesTest {
    private static final Pattern LITERAL = Pattern.compile("\"(cli\\.[A-Za-z0-9.-]*)\"");

    private static Properties english() throws IOException {
        return load("");
    }

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CliMessagesTest.class.getResourceAsStream("/coop/minka/i18n/errors" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> literals() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/coop/minka"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    @Test
    void everyTextTheCommandLineUsesExistsAndNoneIsUnused() throws IOException {
        Set<String> keys = english().stringPropertyNames();
        Set<String> used = literals();
        List<String> missing = used.stream().filter(k -> k.endsWith(".") ? keys.stream().noneMatch(x -> x.startsWith(k))
                : !keys.contains(k)).toList();
        assertTrue(missing.isEmpty(), "used in cli/ but not in errors.properties: " + missing);
        // cli.hint.prefix was kept from before and is not printed (the hint follows the message on one line)
        List<String> unused = keys.stream().filter(k -> k.startsWith("cli.") && !k.equals("cli.hint.prefix"))
                .filter(k -> used.stream()
                .noneMatch(u -> u.equals(k) || u.endsWith(".") && k.startsWith(u))).sorted().toList();
        assertTrue(unused.isEmpty(), "in errors.properties but never used: " + unused);
    }

    @Test
    void everyWordOfMinkasOwnTablesHasAText() throws IOException {
        Set<String> keys = english().stringPropertyNames();
        List<String> missing = new ArrayList<>();
        for (Gender g : Gender.values()) {
            check(keys, "cli.gender." + g.wire(), missing);
        }
        for (MemberStatus s : MemberStatus.values()) {
            check(keys, "cli.memberStatus." + s.wire(), missing);
        }
        for (WorkKind k : WorkKind.values()) {
            check(keys, "cli.workKind." + k.wire(), missing);
        }
        for (AccountType t : AccountType.values()) {
            check(keys, "cli.accountType." + t.wire(), missing);
        }
        for (ReplicaStatus r : ReplicaStatus.values()) {
            check(keys, "cli.replicaStatus." + r.wire(), missing);
        }
        check(keys, "cli.replicaStatus." + coop.minka.app.sync.SyncStatus.ROTATED, missing);
        assertTrue(missing.isEmpty(), "no text for " + missing);
    }

    /// Every text of the command line goes through MessageFormat: an apostrophe is written twice,
    /// and a sentence of several words is not left in English.
    @Test
    void translationsAreFormattedAndNotLeftInEnglish() throws IOException {
        Properties en = english();
        List<String> bad = new ArrayList<>();
        for (String l : List.of("", "_es", "_fr", "_pt")) {
            Properties p = load(l);
            for (String k : p.stringPropertyNames()) {
                if (!k.startsWith("cli.")) {
                    continue;
                }
                String v = p.getProperty(k);
                if (v.replace("''", "").contains("'")) {
                    bad.add(l + " " + k + ": single apostrophe");
                }
                if (!l.isEmpty() && v.equals(en.getProperty(k)) && v.replaceAll("\\{[^}]*}", "").matches(".*[a-z]{3,}.* .*[a-z]{3,}.*")) {
                    bad.add(l + " " + k + ": left in English");
                }
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    private static void check(Set<String> keys, String key, List<String> missing) {
        if (!keys.contains(key)) {
            missing.add(key);
        }
    }
}
