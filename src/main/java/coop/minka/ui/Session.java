package coop.minka.ui;

import coop.minka.app.Services;
import coop.minka.app.sync.SyncStatus;
import coop.minka.ui.accounts.AccountsView;
import coop.minka.ui.accounts.AccountsViewModel;
import coop.minka.ui.capital.CapitalView;
import coop.minka.ui.capital.CapitalViewModel;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.group.GroupView;
import coop.minka.ui.group.GroupViewModel;
import coop.minka.ui.common.UiContext;
import coop.minka.ui.common.settings.Preferences;
import coop.minka.ui.home.HomeView;
import coop.minka.ui.home.HomeViewModel;
import coop.minka.ui.main.MainActions;
import coop.minka.ui.main.Screen;
import coop.minka.ui.members.MembersView;
import coop.minka.ui.members.MembersViewModel;
import coop.minka.ui.people.PeopleView;
import coop.minka.ui.people.PeopleViewModel;
import coop.minka.ui.reports.ReportsView;
import coop.minka.ui.reports.ReportsViewModel;
import coop.minka.ui.settings.SettingsView;
import coop.minka.ui.settings.SettingsViewModel;
import coop.minka.ui.sync.ConflictsViewModel;
import coop.minka.ui.sync.SyncView;
import coop.minka.ui.sync.SyncViewModel;
import coop.minka.ui.work.WorkView;
import coop.minka.ui.work.WorkViewModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;

/// The ViewModels of one open set of books, and the views over them (rebuilt when the language
/// changes; the ViewModels and what was typed stay).
final class Session {
    final Services services;
    final HomeViewModel home;
    final MembersViewModel members;
    final WorkViewModel work;
    final AccountsViewModel accounts;
    final ReportsViewModel reports;
    final SyncViewModel sync;
    final SettingsViewModel settings;
    final PeopleViewModel people;
    final GroupViewModel group;
    final CapitalViewModel capital;
    final boolean demo;
    MembersView membersView;
    WorkView workView;

    Session(UiContext ui, Services services, Preferences prefs, boolean demo, Runnable reopen) {
        this.services = services;
        this.demo = demo;
        var ws = services.workspace();
        SyncStatus status = services.syncStatus();
        BooksAdapter books = new BooksAdapter(services, status, ui.clock()::millis, ui.i18n()::locale);
        String coopName = ws.coop().name();
        home = new HomeViewModel(ui, services.reports(), services.members(), () -> coopName,
                () -> books.syncSummary(ui.i18n()));
        members = new MembersViewModel(ui, services.members(), services.work(), services.reports().statements());
        work = new WorkViewModel(ui, services.members(), services.work());
        accounts = new AccountsViewModel(ui, services.ledger(), services.members(), services.reports().statements());
        reports = new ReportsViewModel(ui, services);
        sync = new SyncViewModel(ui, services.sync(), status, services.trust(),
                new ConflictsViewModel(ui, services.conflicts()));
        settings = new SettingsViewModel(ui, prefs, books, reopen);
        people = new PeopleViewModel(ui, services.people(), services.members());
        group = new GroupViewModel(ui, services.group(), services.members(), services.pack());
        capital = new CapitalViewModel(ui, services.capital(), services.members());
    }

    Map<Screen, ScreenModel> models() {
        Map<Screen, ScreenModel> m = new EnumMap<>(Screen.class);
        m.put(Screen.HOME, home);
        m.put(Screen.MEMBERS, members);
        m.put(Screen.WORK, work);
        m.put(Screen.ACCOUNTS, accounts);
        m.put(Screen.REPORTS, reports);
        m.put(Screen.SYNC, sync);
        m.put(Screen.SETTINGS, settings);
        m.put(Screen.PEOPLE, people);
        m.put(Screen.GROUP, group);
        m.put(Screen.CAPITAL, capital);
        return m;
    }

    Map<Screen, Node> views(UiContext ui, Consumer<Screen> go, MainActions actions) {
        Map<Screen, Node> v = new EnumMap<>(Screen.class);
        membersView = new MembersView(members, ui.i18n());
        workView = new WorkView(work, ui.i18n());
        v.put(Screen.HOME, new HomeView(home, ui.i18n(), go, actions));
        v.put(Screen.MEMBERS, membersView);
        v.put(Screen.WORK, workView);
        v.put(Screen.ACCOUNTS, new AccountsView(accounts, ui.i18n()));
        v.put(Screen.REPORTS, new ReportsView(reports, ui.i18n()));
        v.put(Screen.SYNC, new SyncView(sync, ui.i18n()));
        v.put(Screen.SETTINGS, new SettingsView(settings, ui.i18n()));
        v.put(Screen.PEOPLE, new PeopleView(people, ui.i18n()));
        v.put(Screen.GROUP, new GroupView(group, ui.i18n()));
        v.put(Screen.CAPITAL, new CapitalView(capital, ui.i18n()));
        return v;
    }
}
