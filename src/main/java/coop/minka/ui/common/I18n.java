package coop.minka.ui.common;

import coop.minka.app.ErrorMessages;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Money;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/// The user's language and the cooperative's currency: every visible text, number, amount and
/// date goes through here. Texts come from `coop/minka/i18n/messages*.properties` and are
/// always run through [MessageFormat], so every apostrophe in them is doubled.
public final class I18n {
    public static final String BUNDLE = "coop.minka.i18n.messages";
    /// The languages Minka speaks, in the order the language pickers show them.
    public static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("en"), Locale.forLanguageTag("es"),
            Locale.forLanguageTag("fr"), Locale.forLanguageTag("pt"));

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(LANGUAGES.getFirst());
    private final ObjectProperty<Currency> currency = new SimpleObjectProperty<>(Currency.getInstance("USD"));
    private ResourceBundle bundle;

    public I18n(Locale initial) {
        locale.addListener((o, a, b) -> bundle = load(b));
        locale.set(supported(initial));
        bundle = load(locale.get());
    }

    /// The nearest language Minka speaks; English when none matches.
    public static Locale supported(Locale wanted) {
        if (wanted == null) {
            return LANGUAGES.getFirst();
        }
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst()
                .orElse(LANGUAGES.getFirst());
    }

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l.getLanguage().equals("en") ? Locale.ROOT : l, NO_FALLBACK);
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public ObjectProperty<Currency> currencyProperty() {
        return currency;
    }

    /// The text of `key`, with `{0}`… filled from `args`; the key itself if it is missing.
    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, locale.get()).format(args);
    }

    /// A text that follows language changes.
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> t(key, args), locale);
    }

    /// An amount in minor units as money of the cooperative's currency: `Bs 1.234,50`.
    public String money(long minor) {
        Currency c = currency.get();
        NumberFormat f = NumberFormat.getCurrencyInstance(locale.get());
        f.setCurrency(c);
        String symbol = symbol(c, locale.get());
        if (f instanceof java.text.DecimalFormat df) {
            java.text.DecimalFormatSymbols dfs = df.getDecimalFormatSymbols();
            dfs.setCurrencySymbol(symbol);
            df.setDecimalFormatSymbols(dfs);
        }
        f.setMinimumFractionDigits(Money.digits(c));
        f.setMaximumFractionDigits(Money.digits(c));
        String text = f.format(java.math.BigDecimal.valueOf(minor, Money.digits(c)));
        int at = text.indexOf(symbol);
        int after = at + symbol.length();
        if (at >= 0 && after < text.length() && Character.isLetter(symbol.charAt(symbol.length() - 1))
                && (Character.isDigit(text.charAt(after)) || text.charAt(after) == '-')) {
            text = text.substring(0, after) + "\u00a0" + text.substring(after);
        }
        return text;
    }

    /// The symbol people of the currency's own countries use (`Bs` for BOB, `S/` for PEN), in
    /// the user's language when such a locale exists; the ISO code otherwise.
    static String symbol(Currency c, Locale language) {
        return SYMBOLS.computeIfAbsent(c.getCurrencyCode() + "/" + language.getLanguage(), k -> findSymbol(c, language));
    }

    private static final java.util.Map<String, String> SYMBOLS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String findSymbol(Currency c, Locale language) {
        String own = c.getSymbol(language);
        if (!own.equals(c.getCurrencyCode())) {
            return own;
        }
        String fallback = own;
        for (Locale l : Locale.getAvailableLocales()) {
            if (l.getCountry().isEmpty() || !l.getVariant().isEmpty() || !l.getScript().isEmpty()) {
                continue;
            }
            try {
                if (!c.equals(Currency.getInstance(l))) {
                    continue;
                }
            } catch (IllegalArgumentException e) {
                continue;
            }
            String s = c.getSymbol(l);
            if (!s.equals(c.getCurrencyCode())) {
                if (l.getLanguage().equals(language.getLanguage())) {
                    return s;
                }
                fallback = s;
            }
        }
        return fallback;
    }

    /// The cooperative's currency symbol as its own people write it (`Bs`).
    public String currencySymbol() {
        return symbol(currency.get(), locale.get());
    }

    /// An amount in minor units as a plain number in the user's language: `1.234,50`.
    public String number(long minor) {
        Currency c = currency.get();
        NumberFormat f = NumberFormat.getNumberInstance(locale.get());
        f.setMinimumFractionDigits(Money.digits(c));
        f.setMaximumFractionDigits(Money.digits(c));
        return f.format(java.math.BigDecimal.valueOf(minor, Money.digits(c)));
    }

    /// A number as Minka writes it in tables and CSV files (`3929.30`, `-12.50`) in the user's
    /// language (`3.929,30`), with as many decimals as it has: amounts as [#number] writes
    /// them. Whole numbers (sequence numbers) and any other text are left as they are.
    public String decimal(String plain) {
        if (plain == null || !plain.matches("-?[0-9]+\\.[0-9]+")) {
            return plain;
        }
        java.math.BigDecimal d = new java.math.BigDecimal(plain);
        if (d.scale() == Money.digits(currency.get())) {
            return number(d.unscaledValue().longValueExact());
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale.get());
        f.setMinimumFractionDigits(d.scale());
        f.setMaximumFractionDigits(d.scale());
        return f.format(d);
    }

    /// Minutes as hours: `1,5 h`.
    public String hours(long minutes) {
        return t("format.hours", hoursNumber(minutes));
    }

    /// Minutes as a plain hour number: `1,5`.
    public String hoursNumber(long minutes) {
        NumberFormat f = NumberFormat.getNumberInstance(locale.get());
        f.setMaximumFractionDigits(2);
        return f.format(minutes / 60.0);
    }

    public String date(LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale.get()).format(d);
    }

    public String dateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale.get()).withZone(ZoneId.systemDefault()).format(at);
    }

    /// A month `2026-03` as `mar 2026`.
    public String month(String yearMonth) {
        try {
            return DateTimeFormatter.ofPattern("MMM yyyy", locale.get()).format(java.time.YearMonth.parse(yearMonth));
        } catch (java.time.format.DateTimeParseException e) {
            return yearMonth;
        }
    }

    /// The catalogued message of an error, in the user's language.
    public String message(Throwable e) {
        return ErrorMessages.message(asMinka(e), locale.get());
    }

    /// What to do about an error, in the user's language. Where the catalogue's hint speaks of
    /// command-line options (who makes a change), the desktop app says what to do in the window.
    public String hint(Throwable e) {
        MinkaException m = asMinka(e);
        String own = switch (m.code()) {
            case PERSON_REQUIRED -> "errorHint.personRequired";
            case NOT_ALLOWED -> "errorHint.notAllowed";
            case SECOND_PERSON_REQUIRED -> "errorHint.secondPerson";
            case FIRST_PERSON_PRESIDENT -> "errorHint.firstPresident";
            case CAPITAL_NO_PRICE -> "errorHint.capitalNoPrice";
            case CAPITAL_OVER_HOLDING -> "errorHint.capitalOverHolding";
            case CAPITAL_OVERPAID -> "errorHint.capitalOverpaid";
            case CAPITAL_SAME_MEMBER -> "errorHint.capitalSameMember";
            case SURPLUS_YEAR_NOT_CLOSED -> "errorHint.surplusYearNotClosed";
            case SURPLUS_ALREADY_ALLOCATED -> "errorHint.surplusAlreadyAllocated";
            case SURPLUS_NEEDS_AMOUNTS -> "errorHint.surplusNeedsAmounts";
            default -> null;
        };
        return own != null ? t(own, m.args().toArray()) : ErrorMessages.hint(m, locale.get());
    }

    public static MinkaException asMinka(Throwable e) {
        Throwable t = e;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof MinkaException m ? m : new MinkaException(ErrorCode.INTERNAL, t, String.valueOf(t));
    }

    /// The name of a language in that language: `Español`.
    public static String languageName(Locale l) {
        String n = l.getDisplayLanguage(l);
        return n.isEmpty() ? l.getLanguage() : n.substring(0, 1).toUpperCase(l) + n.substring(1);
    }
}
