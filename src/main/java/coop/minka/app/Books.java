package coop.minka.app;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.Cooperative;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import coop.minka.store.CooperativeRepository;
import coop.minka.store.LedgerRepository;
import coop.minka.store.MemberRepository;
import coop.minka.store.ReportRepository;
import coop.minka.store.ReportRepository.PostingLine;
import coop.minka.store.Session;
import coop.minka.store.WorkRepository;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/// The books as the reports of one period see them, read in one go: every report, CSV file,
/// printed page and check code of that period is computed from one of these, so they agree.
///
/// `from` null means "from the beginning", `to` null means "up to the latest entry".
/// `postings` holds every non-voided posting dated on or before `to` (earlier ones give the
/// opening balances); `work` holds the non-voided work entries dated in the period.
public record Books(Cooperative coop, LocalDate from, LocalDate to, Map<String, Account> accounts,
             Map<String, Member> members, Map<String, WorkCategory> categories, List<PostingLine> postings,
             List<WorkEntry> work) {

    public static Books load(Session s, LocalDate from, LocalDate to) {
        return load(s, from, to, Part.ENTRIES);
    }

    /// The cooperative, chart, members and categories only: for figures SQLite adds up itself.
    public static Books chart(Session s, LocalDate from, LocalDate to) {
        return load(s, from, to, Part.CHART);
    }

    /// The cooperative and the chart of accounts only: for money figures SQLite adds up itself.
    public static Books accounts(Session s, LocalDate from, LocalDate to) {
        return load(s, from, to, Part.ACCOUNTS);
    }

    private enum Part { ACCOUNTS, CHART, ENTRIES }

    private static Books load(Session s, LocalDate from, LocalDate to, Part part) {
        DateRange.check(from, to);
        Cooperative coop = CooperativeRepository.first(s).orElse(null);
        Map<String, Account> accounts = LedgerRepository.accounts(s).stream()
                .collect(Collectors.toMap(Account::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        if (part == Part.ACCOUNTS) {
            return new Books(coop, from, to, accounts, Map.of(), Map.of(), List.of(), List.of());
        }
        Map<String, Member> members = MemberRepository.all(s).stream()
                .collect(Collectors.toMap(Member::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, WorkCategory> cats = WorkRepository.categories(s).stream()
                .collect(Collectors.toMap(WorkCategory::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        if (part == Part.CHART) {
            return new Books(coop, from, to, accounts, members, cats, List.of(), List.of());
        }
        return new Books(coop, from, to, accounts, members, cats, ReportRepository.postings(s, to),
                WorkRepository.entries(s, null, from, to, false));
    }

    public Currency currency() {
        return coop.currency();
    }

    public boolean inPeriod(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    /// Balance of every account before the period starts (debit positive).
    public Map<String, Long> opening() {
        Map<String, Long> out = new HashMap<>();
        if (from != null) {
            for (PostingLine p : postings) {
                if (p.date().isBefore(from)) {
                    out.merge(p.accountId(), p.amount(), Math::addExact);
                }
            }
        }
        return out;
    }

    /// Balance of every account at the end of the period (debit positive).
    public Map<String, Long> closing() {
        Map<String, Long> out = new HashMap<>();
        for (PostingLine p : postings) {
            out.merge(p.accountId(), p.amount(), Math::addExact);
        }
        return out;
    }

    /// Postings dated in the period, in book order.
    public List<PostingLine> periodPostings() {
        return postings.stream().filter(p -> inPeriod(p.date())).toList();
    }

    /// The account, or a stand-in while the account's creation has not arrived from another laptop.
    public Account account(String id) {
        Account a = accounts.get(id);
        return a != null ? a : new Account(id, "?", "(not yet received)", AccountType.ASSET,
                null, false);
    }

    /// The members who get a slip and a statement: every active member, plus anyone who
    /// worked in the period or holds a member account with figures in it; in name order.
    public List<Member> statementMembers() {
        Set<String> ids = new LinkedHashSet<>();
        work.forEach(e -> ids.add(e.memberId()));
        Map<String, Long> close = closing();
        Set<String> moved = periodPostings().stream().map(PostingLine::accountId).collect(Collectors.toSet());
        for (Account a : accounts.values()) {
            if (a.memberId() != null && (close.getOrDefault(a.id(), 0L) != 0 || moved.contains(a.id()))) {
                ids.add(a.memberId());
            }
        }
        return members.values().stream()
                .filter(m -> m.status() == MemberStatus.ACTIVE || ids.contains(m.id())).toList();
    }
}
