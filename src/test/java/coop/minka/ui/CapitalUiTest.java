package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.CapitalService;
import coop.minka.app.LedgerService;
import coop.minka.app.Services;
import coop.minka.app.Workspace;
import coop.minka.domain.AccountType;
import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.domain.SurplusAllocation;
import coop.minka.ui.capital.CapitalViewModel;
import coop.minka.ui.common.FxExecutors;
import coop.minka.ui.common.Notices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/// The Capital screen through the real window (issue 14, design notes 39): subscriptions and
/// payments for two members numbered 1..4 with the statement's figures; a redemption beyond
/// what a member holds refused with nothing written; a surplus refused for a year not closed,
/// then previewed on capital for a closed year with exact parts, and posted into the books; and
/// the screen's fit at 150 % text. The tests run in name order: the first starts from books with
/// an empty register, the others from books with a closed year 2025 and a register.
@Tag("slow")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
@ExtendWith(ApplicationExtension.class)
class CapitalUiTest {
    @TempDir
    static Path root;
    private static int run;
    private AppContext context;
    private ExecutorService background;
    private Path db;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Path dir = Files.createDirectories(root.resolve("run" + run++));
        db = dir.resolve("books.db");
        try (Services s = new Services(Workspace.create(db, "Cooperativa Achocalla", "BOB", "Laptop", "en",
                System::currentTimeMillis))) {
            s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            s.members().add("Berta Mamani", Gender.WOMAN, null, null, null);
            s.ledger().addAccount("1000", "Cash box", AccountType.ASSET, null, true);
            s.ledger().addAccount("4000", "Sales", AccountType.INCOME, null);
            s.ledger().addAccount("5000", "Costs", AccountType.EXPENSE, null);
            if (run >= 2) {
                aClosedYear(s);
            }
        }
        background = FxExecutors.background();
        context = new AppContext(stage, db, dir.resolve("settings.json"), background, FxExecutors.fx(),
                new ScriptedDialogs());
        context.start(1366, 768);
        stage.show();
    }

    /// 2025: Ana holds 7 shares and Berta 3 at 10.00; sales 1000.01, costs 300.00 (a surplus
    /// of 700.01); the books closed up to 31 December.
    private static void aClosedYear(Services s) {
        LocalDate jan = LocalDate.of(2025, 1, 10);
        s.capital().subscribe("Ana", 7, "10.00", jan);
        s.capital().subscribe("Berta", 3, null, jan);
        s.capital().pay("Ana", "70.00", jan);
        s.ledger().post(LocalDate.of(2025, 6, 1), "Sales", null,
                List.of(new LedgerService.Line("1000", "1000.01"), new LedgerService.Line("4000", "-1000.01")));
        s.ledger().post(LocalDate.of(2025, 7, 1), "Costs", null,
                List.of(new LedgerService.Line("5000", "300.00"), new LedgerService.Line("1000", "-300.00")));
        s.closing().close(LocalDate.of(2025, 12, 31));
    }

    @Stop
    void stop() throws Exception {
        context.shutdown();
        background.shutdown();
        assertTrue(background.awaitTermination(30, TimeUnit.SECONDS), "the books were closed");
    }

    private void settle() {
        AppWindows.settle(context);
    }

    private void click(FxRobot robot, String query) {
        robot.clickOn(query);
        settle();
    }

    private static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return (n instanceof Labeled l ? l.getText() : ((TextField) n).getText()).replace('\u00a0', ' ');
    }

    private void set(FxRobot robot, String query, String value) {
        TextField t = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> t.setText(value));
    }

    @SuppressWarnings("unchecked")
    private void choose(FxRobot robot, String query, String name) {
        ComboBox<Member> box = robot.lookup(query).queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(box.getItems().stream().filter(m -> m.name().startsWith(name))
                .findFirst().orElseThrow()));
    }

    @SuppressWarnings("unchecked")
    private <T> void pick(FxRobot robot, String query, T value) {
        ChoiceBox<T> box = robot.lookup(query).queryAs(ChoiceBox.class);
        robot.interact(() -> box.setValue(value));
    }

    /// One entry of the form, saved; the notice it gives.
    private Notices.Notice entry(FxRobot robot, CapitalViewModel.Action action, String member, String shares,
                                 String amount) {
        pick(robot, "#capital-action", action);
        choose(robot, "#capital-member", member);
        if (shares != null) {
            set(robot, "#capital-shares", shares);
        }
        if (amount != null) {
            set(robot, "#capital-amount", amount);
        }
        click(robot, "#capital-save");
        return context.notices().latest();
    }

    /// Closes the window's books and opens them again here, to read what was written.
    private Services reopen(FxRobot robot) throws Exception {
        robot.interact(context::shutdown);
        background.submit(() -> { }).get(30, TimeUnit.SECONDS);
        return new Services(Workspace.open(db, System::currentTimeMillis));
    }

    @Test
    void aSubscriptionsAndPaymentsAreNumberedAndARedemptionBeyondHoldingsIsRefused(FxRobot robot) throws Exception {
        settle();
        click(robot, "#nav-capital");
        @SuppressWarnings("unchecked")
        TableView<CapitalService.Line> register = robot.lookup("#capital-register").queryAs(TableView.class);
        assertTrue(register.getItems().isEmpty());
        set(robot, "#capital-price", "10.00");
        Notices.Notice n = entry(robot, CapitalViewModel.Action.SUBSCRIBE, "Ana", "10", null);
        assertEquals(Notices.Kind.SUCCESS, n.kind(), n.text());
        assertEquals("No. 1: Ana Quispe subscribed 10 shares (Bs 100.00).", n.text().replace('\u00a0', ' '));
        entry(robot, CapitalViewModel.Action.SUBSCRIBE, "Berta", "5", null); // at the latest price
        entry(robot, CapitalViewModel.Action.PAY, "Ana", null, "100.00");
        n = entry(robot, CapitalViewModel.Action.PAY, "Berta", null, "20");
        assertEquals(Notices.Kind.SUCCESS, n.kind(), n.text());
        assertEquals(List.of(1L, 2L, 3L, 4L), register.getItems().stream().map(CapitalService.Line::number).toList());
        assertEquals(List.of(10_000L, 5_000L, 10_000L, 2_000L),
                register.getItems().stream().map(CapitalService.Line::amount).toList());
        assertEquals("", text(robot, "#capital-amount"), "the form is emptied after saving");

        // more shares paid back than Berta holds: refused in plain words, nothing written
        n = entry(robot, CapitalViewModel.Action.REDEEM, "Berta", "6", null);
        assertEquals(Notices.Kind.ERROR, n.kind());
        assertEquals("Berta Mamani holds 5 shares, fewer than the 6 asked for.", n.text());
        assertTrue(n.hint().contains("Member statement"), n.hint());
        assertEquals(4, register.getItems().size());

        click(robot, "#capital-part-statement");
        choose(robot, "#capital-statement-member", "Berta");
        settle();
        assertEquals("Berta Mamani holds 5 shares. Subscribed Bs 50.00, paid Bs 20.00, still owed Bs 30.00.",
                text(robot, "#capital-statement-figures"));
        @SuppressWarnings("unchecked")
        TableView<CapitalService.Line> lines = robot.lookup("#capital-statement-lines").queryAs(TableView.class);
        assertEquals(List.of(2L, 4L), lines.getItems().stream().map(CapitalService.Line::number).toList());

        try (Services s = reopen(robot)) {
            assertEquals(4, s.capital().register().size(), "the refused redemption wrote nothing");
            CapitalService.Statement ana = s.capital().statement("Ana");
            assertEquals(10, ana.position().sharesHeld());
            assertEquals(0, ana.position().unpaid());
            assertEquals(10_000L, ana.capitalAccount(), "the member's capital by the books");
            assertEquals(3_000L, s.capital().statement("Berta").owedAccount(), "still owed, by the books");
            assertTrue(s.verify().verify().ok(), () -> s.verify().verify().problems().toString());
        }
    }

    @Test
    void bTheSurplusOfAClosedYearOnCapitalIsExactAndPosted(FxRobot robot) throws Exception {
        settle();
        click(robot, "#nav-capital");
        click(robot, "#capital-part-surplus");
        // a year not closed: said in plain words, with where to close it
        set(robot, "#capital-year", "2026");
        click(robot, "#capital-preview");
        Notices.Notice n = context.notices().latest();
        assertEquals(Notices.Kind.ERROR, n.kind());
        assertEquals("The year 2026 is not closed, so its surplus cannot be allocated yet.", n.text());
        assertEquals("Close the year first: Settings, Close the books, up to 31 December 2026.", n.hint());

        set(robot, "#capital-year", "2025");
        set(robot, "#capital-reserve", "30");
        set(robot, "#capital-education", "5");
        set(robot, "#capital-cash", "40");
        pick(robot, "#capital-basis", SurplusAllocation.Basis.CAPITAL);
        click(robot, "#capital-preview");
        @SuppressWarnings("unchecked")
        TableView<CapitalViewModel.Refund> refunds = robot.lookup("#capital-refunds").queryAs(TableView.class);
        SurplusAllocation expected = SurplusAllocation.compute(70_001, 3_000, 500, 4_000, SurplusAllocation.Basis.CAPITAL,
                List.of(new SurplusAllocation.Weight("a", 7), new SurplusAllocation.Weight("b", 3)));
        assertEquals(expected.reserve() + expected.education() + expected.refunds(), 70_001L);
        List<CapitalViewModel.Refund> rows = refunds.getItems();
        assertEquals(List.of("Ana Quispe", "Berta Mamani"), rows.stream().map(CapitalViewModel.Refund::member).toList());
        assertEquals(List.of(7L, 3L), rows.stream().map(CapitalViewModel.Refund::weight).toList());
        long sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            CapitalViewModel.Refund r = rows.get(i);
            SurplusAllocation.Refund x = expected.members().get(i);
            assertEquals(x.refund(), r.refund());
            assertEquals(x.cash(), r.cash());
            assertEquals(x.retained(), r.retained());
            assertEquals(r.refund(), r.cash() + r.retained(), "cash and retained make the refund");
            sum += r.refund();
        }
        assertEquals(expected.refunds(), sum, "the parts sum to the refund total");
        String figures = text(robot, "#capital-surplus-figures");
        assertTrue(figures.contains("Surplus Bs 700.01: reserve Bs "), figures);
        assertTrue(text(robot, "#capital-surplus-totals").contains("Refunds in all Bs "
                + String.format(Locale.ROOT, "%d.%02d", expected.refunds() / 100, expected.refunds() % 100)),
                text(robot, "#capital-surplus-totals"));

        click(robot, "#capital-post");
        assertEquals(Notices.Kind.SUCCESS, context.notices().latest().kind(), context.notices().latest().text());
        assertTrue(robot.lookup("#capital-surplus-posted").query().isVisible());
        try (Services s = reopen(robot)) {
            CapitalService.Allocation a = s.capital().allocate(2025, "30", "5", SurplusAllocation.Basis.CAPITAL,
                    "40", null, false);
            assertTrue(a.posted());
            assertEquals(expected.reserve(), -balance(s, "3300"), "the reserve, credited");
            assertEquals(expected.education(), -balance(s, "3400"), "the education fund, credited");
            assertEquals(expected.surplus(), balance(s, "3500"), "the surplus allocated, debited");
            CapitalService.Statement ana = s.capital().statement("Ana");
            assertEquals(expected.members().getFirst().cash(), ana.refundCash());
            assertEquals(7_000L + expected.members().getFirst().retained(), ana.capitalAccount());
            assertTrue(s.verify().verify().ok(), () -> s.verify().verify().problems().toString());
        }
    }

    private static long balance(Services s, String codePrefix) {
        return s.ledger().accounts().stream().filter(b -> b.account().code().startsWith(codePrefix))
                .mapToLong(LedgerService.AccountBalance::balance).sum();
    }

    /// At 1366×768 with 150 % text each part of the screen fits the window's width.
    @Test
    void cTheScreenFitsAt150PercentText(FxRobot robot) {
        settle();
        robot.interact(() -> context.preferences().textScaleProperty().set(150));
        settle();
        click(robot, "#nav-capital");
        double width = robot.lookup("#capital-register").query().getScene().getWidth();
        for (String part : List.of("#capital-part-register", "#capital-part-statement", "#capital-part-surplus")) {
            click(robot, part);
            if (part.endsWith("statement")) {
                choose(robot, "#capital-statement-member", "Ana");
                settle();
            }
            if (part.endsWith("surplus")) {
                set(robot, "#capital-year", "2025");
                click(robot, "#capital-preview");
            }
            List<String> out = new java.util.ArrayList<>();
            sticksOut(robot.lookup("#capital-register").query().getScene().getRoot(), width, out);
            assertEquals(List.of(), out, part + " at 150 % text");
        }
    }

    /// Visible controls and labels whose right edge is past `width` (tables scroll within).
    private static void sticksOut(Node n, double width, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.control.Control) {
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getMaxX() > width + 1 && !(n.getParent() instanceof javafx.scene.control.skin.TableHeaderRow)) {
                out.add(n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + " ends at "
                        + Math.round(b.getMaxX()));
            }
            if (n instanceof TableView<?>) {
                return;
            }
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                sticksOut(c, width, out);
            }
        }
    }
}
