package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// Every language has the same keys, every key the desktop app (or the app's printed pack, report
/// tables and CSV headers) uses exists, none is unused, and
/// every text is a valid MessageFormat pattern with doubled apostrophes.
class I18nBundlesTest {
    private static final List<String> LANGUAGES = List.of("", "_es", "_fr", "_pt");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z0-9][A-Za-z0-9-]*)+)\"");

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream("/coop/minka/i18n/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /// Keys the app itself reads through `app.Words`: the printed pack, report tables, CSV headers,
    /// the comment lines of the recovery key file, the savings group's and the capital's account names and memos.
    private static final Pattern APP_KEY = Pattern.compile("(pack|table|csv|change|recoveryFile|group\\.account|group\\.memo|capital\\.account|capital\\.memo)\\..*");

    private static Set<String> literalsInUiSources() throws IOException {
        Set<String> found = new TreeSet<>();
        // the desktop app, and the starter charts and demo it shares with the command line
        for (String root : List.of("src/main/java/coop/minka/ui", "src/main/java/coop/minka/app/demo")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = LITERAL.matcher(Files.readString(f));
                    while (m.find()) {
                        if (!m.group(1).matches(".*\\.(json|css|png|db|minka)")) {
                            found.add(m.group(1));
                        }
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/coop/minka/app"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    if (APP_KEY.matcher(m.group(1)).matches()) {
                        found.add(m.group(1));
                    }
                }
            }
        }
        return found;
    }

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        Set<String> english = load("").stringPropertyNames();
        for (String l : LANGUAGES) {
            assertEquals(new TreeSet<>(english), new TreeSet<>(load(l).stringPropertyNames()), "messages" + l);
        }
    }

    @Test
    void everyKeyUsedExistsAndNoneIsUnused() throws IOException {
        Set<String> keys = load("").stringPropertyNames();
        Set<String> prefixes = keys.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
        Set<String> used = literalsInUiSources().stream()
                .filter(k -> prefixes.contains(k.substring(0, k.indexOf('.')))).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(keys);
        assertTrue(missing.isEmpty(), "used in code but not in messages.properties: " + missing);
        Set<String> unused = new TreeSet<>(keys);
        unused.removeAll(used);
        assertTrue(unused.isEmpty(), "in messages.properties but never used: " + unused);
    }

    @Test
    void everyTextIsAValidPatternWithDoubledApostrophes() throws IOException {
        List<String> bad = new ArrayList<>();
        for (String l : LANGUAGES) {
            Properties p = load(l);
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                try {
                    String out = new MessageFormat(v).format(new Object[] {1, 2, 3});
                    if (v.replace("''", "").contains("'")) {
                        bad.add(l + " " + k + ": single apostrophe");
                    }
                    if (out.contains("{") || v.isBlank()) {
                        bad.add(l + " " + k + ": " + out);
                    }
                } catch (IllegalArgumentException e) {
                    bad.add(l + " " + k + ": " + e.getMessage());
                }
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    /// Texts of several words that are the same as in English were forgotten (single words such
    /// as "Transport" may rightly be the same).
    @Test
    void translationsAreNotLeftInEnglish() throws IOException {
        Properties en = load("");
        for (String l : List.of("_es", "_fr", "_pt")) {
            Properties p = load(l);
            List<String> same = en.stringPropertyNames().stream().filter(k -> en.getProperty(k).replaceAll("\\{[^}]*}", "").matches(".*[a-z]{4}.* .*")
                    && en.getProperty(k).equals(p.getProperty(k))).sorted().toList();
            assertEquals(List.of(), same, "texts left in English in messages" + l);
        }
    }
}
