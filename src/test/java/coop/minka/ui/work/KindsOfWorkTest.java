package coop.minka.ui.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.domain.Gender;
import coop.minka.domain.WorkKind;
import coop.minka.ui.UiFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Issue 12: a cooperative started empty has no kind of work; the Work screen offers the kinds of
/// work panel, the first kind is added there, and work can then be logged and shows its value.
class KindsOfWorkTest {
    @TempDir
    Path dir;
    final UiFixture f = new UiFixture();
    Services s;

    @AfterEach
    void tearDown() {
        if (s != null) {
            s.close();
        }
    }

    @Test
    void anEmptyCooperativeAddsItsFirstKindOfWorkAndLogsWork() {
        s = f.empty(dir, "e");
        s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
        WorkViewModel vm = new WorkViewModel(f.ui, s.members(), s.work());
        vm.shown();
        KindsOfWork k = vm.kinds();
        assertTrue(vm.categories().isEmpty());
        assertTrue(k.openProperty().get(), "with no kind of work the panel opens by itself");
        assertFalse(k.canAddBinding().get());
        k.newNameProperty().set("Olla común");
        k.newKindProperty().set(WorkKind.CARE);
        k.newRateProperty().set("12,50");
        assertTrue(k.canAddBinding().get());
        k.add();
        assertEquals(1, vm.categories().size());
        assertEquals("olla-comun", vm.categories().getFirst().code());
        assertEquals(1250L, vm.categories().getFirst().rateMinor());
        assertEquals("", k.newNameProperty().get());
        assertEquals(1, k.rows().size());
        assertEquals("Care", k.rows().getFirst().kind());
        assertEquals(f.i18n.money(1250), k.rows().getFirst().rate());
        assertEquals(vm.categories().getFirst(), vm.quick().categoryProperty().get(), "ready to log work");

        vm.quick().memberProperty().set(vm.activeMembers().getFirst());
        vm.quick().hoursProperty().set("2");
        assertTrue(vm.canSaveBinding().get());
        vm.save();
        assertEquals(1, vm.rows().size());
        assertEquals(2500L, vm.rows().getFirst().valueMinor(), "work shows its value");
    }

    @Test
    void renameAndARateFromADate() {
        s = f.books(dir, "b");
        WorkViewModel vm = new WorkViewModel(f.ui, s.members(), s.work());
        vm.shown();
        KindsOfWork k = vm.kinds();
        assertFalse(k.openProperty().get(), "kinds exist: the panel stays closed until asked for");
        k.toggle();
        assertTrue(k.openProperty().get());
        var row = k.rows().getFirst();
        k.selectedProperty().set(row);
        assertEquals(row.name(), k.nameProperty().get());
        assertFalse(k.canRenameBinding().get(), "the same name");
        k.nameProperty().set("Faena comunal");
        k.rename();
        assertEquals("Faena comunal", k.selectedProperty().get().name(), "still chosen after the reload");

        LocalDate today = UiFixture.today();
        vm.quick().memberProperty().set(vm.activeMembers().getFirst());
        vm.quick().categoryProperty().set(k.selectedProperty().get().category());
        vm.quick().hoursProperty().set("1");
        vm.save();
        assertFalse(k.canSetRateBinding().get());
        k.rateProperty().set("30");
        k.rateFrom().typed(today.toString());
        k.setRate();
        assertEquals(f.i18n.money(3000), k.selectedProperty().get().rate());
        assertTrue(k.selectedProperty().get().history().contains(f.i18n.date(today)));
        assertEquals(3000L, vm.rows().getFirst().valueMinor());
        assertEquals("", k.rateProperty().get());
    }

    @Test
    void codesAreMadeFromNames() {
        assertEquals("olla-comun", KindsOfWork.code("Olla común", Set.of()));
        assertEquals("olla-comun-2", KindsOfWork.code(" Olla  común!", Set.of("olla-comun")));
        assertEquals("work", KindsOfWork.code("¡¿?!", Set.of()));
        assertNull(null);
    }
}
