package coop.minka.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.sync.ConflictService;
import coop.minka.app.Services;
import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncStatus;
import coop.minka.app.sync.SyncTrust;
import coop.minka.domain.Member;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.OpStore;
import coop.minka.ui.UiFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The "Decisions to take" part of the Sync screen: a conflict reads as one sentence with the
/// two values, their laptops and days, in the person's language; deciding takes the card away,
/// says what stays and changes the books; the list can be saved as text for the meeting.
class ConflictsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aConflictReadsAsAQuestionAndGoesAwayWhenDecided() throws Exception {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "a")) {
            Member ana = s.members().list().stream().filter(m -> m.name().equals("Ana Quispe")).findFirst().orElseThrow();
            concurrentRenames(s, ana.id(), "Ana Quispe Mamani", "Ana Q.");
            ConflictsViewModel conflicts = new ConflictsViewModel(f.ui, new ConflictService(s.workspace()));
            var ws = s.workspace();
            SyncViewModel vm = new SyncViewModel(f.ui, new SyncService(ws, s.periods()), new SyncStatus(ws),
                    new SyncTrust(ws), conflicts);
            vm.shown();

            assertTrue(conflicts.anyBinding().get());
            assertEquals(1, conflicts.cards().size());
            ConflictsViewModel.Card card = conflicts.cards().getFirst();
            String day = f.i18n.date(LocalDate.now(ZoneId.systemDefault()));
            assertEquals("Two laptops changed the name of member Ana Quispe: “Ana Q.” (Laptop a, " + day
                    + ") and “Ana Quispe Mamani” (Laptop a, " + day + "). Which one stays?", card.sentence());
            assertEquals("Keep “Ana Q.”", card.keep());
            assertEquals("Take “Ana Quispe Mamani”", card.take());

            Path agenda = dir.resolve("agenda.txt");
            f.dialogs.fileAnswer = Optional.of(agenda);
            conflicts.saveAgenda();
            String text = Files.readString(agenda);
            assertTrue(text.startsWith("Decisions to take"), text);
            assertTrue(text.contains("1. " + card.sentence()), text);

            f.i18n.localeProperty().set(Locale.forLanguageTag("es"));
            conflicts.reload();
            String dia = f.i18n.date(LocalDate.now(ZoneId.systemDefault()));
            assertEquals("Dos computadoras cambiaron el nombre de Ana Quispe: “Ana Q.” (Laptop a, " + dia
                    + ") y “Ana Quispe Mamani” (Laptop a, " + dia + "). ¿Cuál se queda?",
                    conflicts.cards().getFirst().sentence());
            f.i18n.localeProperty().set(Locale.ENGLISH);
            conflicts.reload();

            conflicts.takeOther(conflicts.cards().getFirst());
            assertTrue(conflicts.cards().isEmpty(), "the card goes away");
            assertFalse(conflicts.anyBinding().get());
            assertEquals("Decided: “Ana Quispe Mamani” stays. The other laptops will learn it at the next sync.",
                    f.notices.latest().text());
            assertEquals("Ana Quispe Mamani", s.members().get(ana.id()).name());
            assertEquals(0, vm.statusProperty().get().conflicts(), "the screen reloaded after the decision");
        }
    }

    @Test
    void keepingTheCurrentValueChangesNothingButTheList() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "a")) {
            Member juan = s.members().list().stream().filter(m -> m.name().equals("Juan Mamani")).findFirst().orElseThrow();
            concurrentRenames(s, juan.id(), "Juan M.", "Juan Mamani Flores");
            ConflictsViewModel conflicts = new ConflictsViewModel(f.ui, new ConflictService(s.workspace()));
            conflicts.reload();
            conflicts.keep(conflicts.cards().getFirst());
            assertTrue(conflicts.cards().isEmpty());
            assertEquals("Juan Mamani Flores", s.members().get(juan.id()).name());
            assertTrue(new ConflictService(s.workspace()).list().isEmpty());
        }
    }

    @Test
    void anEntryThatChangedTwoFieldsIsOneQuestion() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "a")) {
            Member juan = s.members().list().stream().filter(m -> m.name().equals("Juan Mamani")).findFirst().orElseThrow();
            s.workspace().write(w -> {
                Op base = OpStore.byEntity(w.dsl(), juan.id()).stream().max(Op.STAMP_ORDER).orElseThrow();
                w.append(OpType.MEMBER_UPDATE, juan.id(), OpData.builder().put("contact", "111").put("notes", "secretary")
                        .put("base", base.hashHex()).build());
                return w.append(OpType.MEMBER_UPDATE, juan.id(), OpData.builder().put("contact", "222")
                        .put("notes", "treasurer").put("base", base.hashHex()).build());
            });
            ConflictsViewModel conflicts = new ConflictsViewModel(f.ui, new ConflictService(s.workspace()));
            conflicts.reload();
            assertEquals(1, conflicts.cards().size());
            String day = f.i18n.date(LocalDate.now(ZoneId.systemDefault()));
            assertEquals("Two laptops changed the contact and the notes of member Juan Mamani: “222, treasurer” (Laptop a, "
                    + day + ") and “111, secretary” (Laptop a, " + day + "). Which one stays?",
                    conflicts.cards().getFirst().sentence());
        }
    }

    /// Two renames made on top of the same entry, as two laptops would make them offline.
    private static void concurrentRenames(Services s, String member, String first, String second) {
        s.workspace().write(w -> {
            Op base = OpStore.byEntity(w.dsl(), member).stream().max(Op.STAMP_ORDER).orElseThrow();
            w.append(OpType.MEMBER_UPDATE, member, OpData.builder().put("name", first).put("base", base.hashHex()).build());
            return w.append(OpType.MEMBER_UPDATE, member, OpData.builder().put("name", second)
                    .put("base", base.hashHex()).build());
        });
    }
}
