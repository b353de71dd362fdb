package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/// Every catalogued error has a message and a hint in every language, the four files hold the
/// same keys, and every text is a valid MessageFormat pattern.
class ErrorCatalogueTest {
    private static final List<String> LANGUAGES = List.of("", "_es", "_fr", "_pt");

    private static Properties load(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ErrorCatalogueTest.class.getResourceAsStream("/coop/minka/i18n/errors" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyCodeHasAMessageAndAHintInEveryLanguage() throws Exception {
        Set<String> english = new TreeSet<>(load("").stringPropertyNames());
        for (String lang : LANGUAGES) {
            Properties p = load(lang);
            assertEquals(english, new TreeSet<>(p.stringPropertyNames()), "keys of errors" + lang);
            for (ErrorCode c : ErrorCode.values()) {
                assertFalse(p.getProperty(c.messageKey(), "").isBlank(), c + " message in " + lang);
                assertFalse(p.getProperty(c.hintKey(), "").isBlank(), c + " hint in " + lang);
            }
            for (String key : p.stringPropertyNames()) {
                String text = new MessageFormat(p.getProperty(key)).format(new Object[] {"A", "B", "C", "D", "E", "F", "G", "H"});
                assertFalse(text.contains("{"), key + " in " + lang + " leaves a placeholder: " + text);
            }
        }
    }

    @Test
    void noKeyIsLeftOverFromARemovedCode() throws Exception {
        Set<String> codes = new TreeSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            codes.add(c.name());
        }
        for (String key : load("").stringPropertyNames()) {
            if (key.startsWith("error.")) {
                assertTrue(codes.contains(key.split("\\.")[1]), "unused key " + key);
            }
        }
    }

    @Test
    void messagesAreFilledAndTranslated() {
        MinkaException e = new MinkaException(ErrorCode.UNKNOWN_MEMBER, "Zoe");
        String en = ErrorMessages.oneLine(e, Locale.ENGLISH);
        String es = ErrorMessages.oneLine(e, Locale.forLanguageTag("es"));
        assertTrue(en.contains("Zoe") && es.contains("Zoe"));
        assertNotEquals(en, es);
        assertNotEquals(en, ErrorMessages.oneLine(e, Locale.FRENCH));
        assertNotEquals(en, ErrorMessages.oneLine(e, Locale.forLanguageTag("pt-BR")));
    }
}
