package coop.minka.ui.main;

import org.kordamp.ikonli.feather.Feather;

/// The screens of the main window, in sidebar order, with their shortcut digit (Ctrl+1…9, then Ctrl+0).
public enum Screen {
    HOME("nav.home", Feather.HOME),
    MEMBERS("nav.members", Feather.USERS),
    WORK("nav.work", Feather.CLOCK),
    ACCOUNTS("nav.accounts", Feather.BOOK_OPEN),
    REPORTS("nav.reports", Feather.BAR_CHART_2),
    SYNC("nav.sync", Feather.REFRESH_CW),
    SETTINGS("nav.settings", Feather.SETTINGS),
    PEOPLE("nav.people", Feather.USER_CHECK),
    GROUP("nav.group", Feather.ARCHIVE),
    CAPITAL("nav.capital", Feather.PIE_CHART);

    private final String key;
    private final Feather icon;

    Screen(String key, Feather icon) {
        this.key = key;
        this.icon = icon;
    }

    public String key() {
        return key;
    }

    public Feather icon() {
        return icon;
    }
}
