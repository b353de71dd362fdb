package coop.minka.ui.firstrun;

import coop.minka.app.demo.StarterKit;
import coop.minka.ui.common.I18n;
import coop.minka.ui.common.UiContext;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The first start: choose a language, then create a cooperative, join one from a sync file,
/// or explore a demo cooperative kept in its own file.
public final class FirstRunViewModel {
    public enum Step { LANGUAGE, CHOICE, CREATE }

    /// What the first run asks of the app: make, join or open books. Each call runs in the
    /// background and ends with the books open.
    public interface Opener {
        void create(String coopName, String currency, String laptopName, StarterKit.Kind kind);

        /// `recoveryKey`: the cooperative's recovery key file for an encrypted sync file, else null.
        void join(Path bundle, String laptopName, Path recoveryKey);

        void demo();

        boolean canJoin();

        /// Remembers the language chosen on the first step (even one already in use).
        default void rememberLanguage(Locale language) {
        }
    }

    /// Currencies offered first; any ISO 4217 code can be typed.
    public static final List<String> CURRENCIES = List.of("BOB", "PEN", "COP", "MXN", "GTQ", "HNL", "NIO", "PYG",
            "ARS", "CLP", "BRL", "USD", "EUR", "XOF", "XAF", "HTG", "MZN", "AOA", "CDF", "MGA", "CVE");

    private final UiContext ui;
    private final Opener opener;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.LANGUAGE);
    private final StringProperty coopName = new SimpleStringProperty("");
    private final StringProperty currency = new SimpleStringProperty("");
    private final StringProperty laptopName = new SimpleStringProperty("");
    private final ObjectProperty<StarterKit.Kind> kind = new SimpleObjectProperty<>(StarterKit.Kind.SAVINGS_GROUP);
    private final StringProperty currencyError = new SimpleStringProperty("");
    private final StringProperty currencyName = new SimpleStringProperty("");
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final BooleanBinding canCreate;

    public FirstRunViewModel(UiContext ui, Opener opener, boolean languageChosen) {
        this.ui = ui;
        this.opener = opener;
        if (languageChosen) {
            step.set(Step.CHOICE);
        }
        currency.set(defaultCurrency(ui.i18n().locale()));
        currency.addListener((o, a, b) -> currencyError.set(validCurrency(b) ? "" : ui.i18n().t("firstrun.currencyHelp")));
        currency.addListener((o, a, b) -> currencyName.set(currencyName(b, ui.i18n().locale())));
        ui.i18n().localeProperty().addListener((o, a, b) -> currencyName.set(currencyName(currency.get(), b)));
        currencyName.set(currencyName(currency.get(), ui.i18n().locale()));
        canCreate = Bindings.createBooleanBinding(() -> !coopName.get().isBlank() && !laptopName.get().isBlank()
                        && currencyError.get().isEmpty() && !working.get(),
                coopName, laptopName, currencyError, working);
    }

    static String defaultCurrency(Locale l) {
        try {
            String c = Currency.getInstance(Locale.getDefault()).getCurrencyCode();
            return c == null || c.equals("XXX") ? "USD" : c;
        } catch (IllegalArgumentException | NullPointerException e) {
            return l.getLanguage().equals("fr") ? "XOF" : "USD";
        }
    }

    static boolean validCurrency(String code) {
        try {
            return code != null && Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /// The name of the currency of `code` in the user's language (`boliviano`), or "" when the
    /// code is not a currency.
    public static String currencyName(String code, Locale language) {
        if (!validCurrency(code)) {
            return "";
        }
        return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)).getDisplayName(language);
    }

    public void chooseLanguage(Locale l) {
        ui.i18n().localeProperty().set(I18n.supported(l));
        opener.rememberLanguage(I18n.supported(l));
        step.set(Step.CHOICE);
    }

    public void startCreate() {
        if (laptopName.get().isBlank()) {
            laptopName.set(ui.i18n().t("firstrun.defaultLaptop"));
        }
        step.set(Step.CREATE);
    }

    public void back() {
        step.set(step.get() == Step.CREATE ? Step.CHOICE : Step.LANGUAGE);
    }

    public void create() {
        if (!canCreate.get()) {
            return;
        }
        working.set(true);
        opener.create(coopName.get().strip(), currency.get().strip().toUpperCase(Locale.ROOT), laptopName.get().strip(),
                kind.get());
    }

    /// Opens a full sync file from another laptop of the cooperative and joins it.
    public void join() {
        Optional<Path> file = ui.dialogs().openFile(ui.i18n().t("firstrun.join.pick"), "minka");
        if (file.isEmpty()) {
            return;
        }
        String name = laptopName.get().isBlank() ? ui.i18n().t("firstrun.defaultLaptop") : laptopName.get();
        Optional<String> laptop = ui.dialogs().askText(ui.i18n().t("firstrun.join.title"),
                ui.i18n().t("firstrun.join.laptopName", name), ui.i18n().t("firstrun.join.action"));
        if (laptop.isEmpty()) {
            return;
        }
        Path key = null;
        if (coop.minka.app.sync.SyncService.isEncrypted(file.get())) {
            // an encrypted file opens with the cooperative's recovery key (design-notes item 28)
            Optional<Path> k = ui.dialogs().openFile(ui.i18n().t("firstrun.join.pickKey"), null);
            if (k.isEmpty()) {
                return;
            }
            key = k.get();
        }
        working.set(true);
        opener.join(file.get(), laptop.get(), key);
    }

    public void demo() {
        working.set(true);
        opener.demo();
    }

    /// Called when opening failed, so the buttons work again.
    public void failed() {
        working.set(false);
    }

    public boolean canJoin() {
        return opener.canJoin();
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public StringProperty coopNameProperty() {
        return coopName;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public StringProperty laptopNameProperty() {
        return laptopName;
    }

    public ObjectProperty<StarterKit.Kind> kindProperty() {
        return kind;
    }

    /// The typed currency's name in the user's language.
    public StringProperty currencyNameProperty() {
        return currencyName;
    }

    public StringProperty currencyErrorProperty() {
        return currencyError;
    }

    public BooleanProperty workingProperty() {
        return working;
    }

    public BooleanBinding canCreateBinding() {
        return canCreate;
    }

    public ObjectProperty<Locale> languageProperty() {
        return ui.i18n().localeProperty();
    }
}
