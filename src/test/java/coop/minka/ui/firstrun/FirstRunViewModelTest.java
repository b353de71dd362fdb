package coop.minka.ui.firstrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.Workspace;
import coop.minka.app.demo.StarterKit;
import coop.minka.ui.UiFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunViewModelTest {
    @TempDir
    Path dir;

    /// Records what the first run asked for.
    static final class Recorder implements FirstRunViewModel.Opener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void create(String coopName, String currency, String laptopName, StarterKit.Kind kind) {
            calls.add("create " + coopName + " " + currency + " " + laptopName + " " + kind);
        }

        @Override
        public void join(Path bundle, String laptopName, Path recoveryKey) {
            calls.add("join " + bundle.getFileName() + " " + laptopName
                    + (recoveryKey == null ? "" : " " + recoveryKey.getFileName()));
        }

        @Override
        public void demo() {
            calls.add("demo");
        }

        @Override
        public boolean canJoin() {
            return true;
        }
    }

    @Test
    void languageThenCreateWithValidation() {
        UiFixture f = new UiFixture();
        Recorder r = new Recorder();
        FirstRunViewModel vm = new FirstRunViewModel(f.ui, r, false);
        assertEquals(FirstRunViewModel.Step.LANGUAGE, vm.stepProperty().get());
        vm.chooseLanguage(Locale.forLanguageTag("pt-BR"));
        assertEquals("pt", f.i18n.locale().getLanguage());
        assertEquals(FirstRunViewModel.Step.CHOICE, vm.stepProperty().get());
        vm.startCreate();
        assertFalse(vm.laptopNameProperty().get().isBlank());
        vm.currencyProperty().set("XX");
        vm.coopNameProperty().set("Mulheres do Sertão");
        assertFalse(vm.canCreateBinding().get());
        assertEquals("", vm.currencyNameProperty().get());
        vm.currencyProperty().set("brl");
        assertTrue(vm.canCreateBinding().get());
        assertEquals(java.util.Currency.getInstance("BRL").getDisplayName(Locale.forLanguageTag("pt")),
                vm.currencyNameProperty().get(), "the currency's name in the language chosen");
        assertTrue(vm.currencyNameProperty().get().toLowerCase(Locale.ROOT).contains("real"));
        vm.kindProperty().set(StarterKit.Kind.WOMENS_GROUP);
        vm.create();
        assertEquals("create Mulheres do Sertão BRL Computador da tesouraria WOMENS_GROUP", r.calls.getFirst());
        assertTrue(vm.workingProperty().get());
        vm.failed();
        assertFalse(vm.workingProperty().get());
    }

    @Test
    void joinAsksForTheFileAndTheLaptopName() {
        UiFixture f = new UiFixture();
        Recorder r = new Recorder();
        FirstRunViewModel vm = new FirstRunViewModel(f.ui, r, true);
        assertEquals(FirstRunViewModel.Step.CHOICE, vm.stepProperty().get());
        vm.join();
        assertTrue(r.calls.isEmpty());
        f.dialogs.fileAnswer = java.util.Optional.of(dir.resolve("x.minka"));
        f.dialogs.textAnswer = java.util.Optional.of("Village B");
        vm.join();
        assertEquals("join x.minka Village B", r.calls.getFirst());
    }

    @Test
    void starterKitsGiveTheAccountsTheTemplatesUse() {
        UiFixture f = new UiFixture();
        for (StarterKit.Kind k : List.of(StarterKit.Kind.SAVINGS_GROUP, StarterKit.Kind.PRODUCER_COOP,
                StarterKit.Kind.WOMENS_GROUP)) {
            try (Services s = new Services(Workspace.create(dir.resolve(k + ".db"), "C", "PEN", "L", "es",
                    System::currentTimeMillis))) {
                StarterKit.apply(k, s.ledger(), s.work(), f.i18n.locale());
                var codes = s.ledger().accounts().stream().map(a -> a.account().code()).toList();
                assertTrue(codes.containsAll(List.of("1000", "1100", "1200", "4000")), codes.toString());
                assertFalse(s.work().categories().isEmpty());
            }
        }
    }
}
