package coop.minka.ui.home;

import coop.minka.app.MemberService;
import coop.minka.app.report.ReportService;
import coop.minka.domain.AccountType;
import coop.minka.domain.MemberStatus;
import coop.minka.ui.common.Labels;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.main.Screen;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/// The dashboard: money in the cash box and the bank, this month's shared work by category and
/// by women and men, the last sync with each laptop, and what needs attention.
public final class HomeViewModel extends ScreenModel {
    /// A labelled figure: an amount in minor units or a number of minutes.
    public record Line(String label, long value) {
    }

    /// One laptop and when its last sync file arrived (null: never).
    public record LastSync(String laptop, java.time.Instant at) {
    }

    /// Something to look at, with the screen that deals with it.
    public record Attention(String text, Screen screen) {
    }

    /// What the sync part of the books says; empty until sync is available.
    public record SyncSummary(List<LastSync> lastSyncs, List<Attention> attention) {
        public static final SyncSummary NONE = new SyncSummary(List.of(), List.of());
    }

    public record Dashboard(String coopName, List<Line> money, long moneyTotal, List<Line> hoursByCategory,
                            long womenMinutes, long menMinutes, long otherMinutes, long activeMembers,
                            List<LastSync> lastSyncs, List<Attention> attention) {
    }

    private final ReportService reports;
    private final MemberService members;
    private final Supplier<String> coopName;
    private final Supplier<SyncSummary> sync;
    private final ObjectProperty<Dashboard> dashboard = new SimpleObjectProperty<>();

    public HomeViewModel(UiContext ui, ReportService reports, MemberService members,
                         Supplier<String> coopName, Supplier<SyncSummary> sync) {
        super(ui);
        this.reports = reports;
        this.members = members;
        this.coopName = coopName;
        this.sync = sync;
    }

    @Override
    protected void reload() {
        ui.async().run(this::compute, dashboard::set);
    }

    private Dashboard compute() {
        List<coop.minka.app.LedgerService.AccountBalance> balances = reports.balances(null);
        List<Line> money = ReportService.cashAndBankOf(balances).stream()
                .map(a -> new Line(a.account().name(), a.balance())).toList();
        LocalDate first = ui.today().withDayOfMonth(1);
        LocalDate last = first.plusMonths(1).minusDays(1);
        List<Line> hours = reports.work(ReportService.WorkGrouping.CATEGORY, first, last).stream()
                .map(r -> new Line(r.label(), r.minutes())).toList();
        long women = 0;
        long men = 0;
        long other = 0;
        for (var r : reports.work(ReportService.WorkGrouping.GENDER, first, last)) {
            switch (r.key()) {
                case "woman" -> women += r.minutes();
                case "man" -> men += r.minutes();
                default -> other += r.minutes();
            }
        }
        long active = members.list().stream().filter(m -> m.status() == MemberStatus.ACTIVE).count();
        SyncSummary s = sync.get();
        List<Attention> attention = new java.util.ArrayList<>(s.attention());
        boolean ownAssets = balances.stream().anyMatch(b -> b.account().type() == AccountType.ASSET
                && b.account().memberId() == null && !b.account().archived());
        if (money.isEmpty() && ownAssets) {
            // books from before the cash mark, or a chart made by hand: say how to count the money
            attention.add(new Attention(ui.i18n().t("home.markCash"), coop.minka.ui.main.Screen.ACCOUNTS));
        }
        return new Dashboard(coopName.get(), money, money.stream().mapToLong(Line::value).sum(), hours, women, men,
                other, active, s.lastSyncs(), List.copyOf(attention));
    }

    /// The label of an account type, for the view.
    public String typeLabel(AccountType t) {
        return ui.i18n().t(Labels.key(t));
    }

    public ObjectProperty<Dashboard> dashboardProperty() {
        return dashboard;
    }
}
