package coop.minka.store;

import static coop.minka.store.schema.Tables.ACCOUNT;
import static coop.minka.store.schema.Tables.ACCOUNT_BALANCE;
import static coop.minka.store.schema.Tables.POSTING;
import static coop.minka.store.schema.Tables.TX;
import static coop.minka.store.schema.Tables.VOID;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.Posting;
import coop.minka.domain.Transaction;
import coop.minka.store.schema.tables.records.AccountRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// Accounts, transactions and balances as domain records.
public final class LedgerRepository {
    private LedgerRepository() {
    }

    public static List<Account> accounts(Session s) {
        DSLContext d = s.dsl();
        return d.selectFrom(ACCOUNT).orderBy(ACCOUNT.CODE, ACCOUNT.ID).fetch(LedgerRepository::map);
    }

    public static Optional<Account> accountById(Session s, String id) {
        DSLContext d = s.dsl();
        return d.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOptional(LedgerRepository::map);
    }

    /// The account with this code; if two laptops created the same code concurrently, the
    /// earliest one (by hlc, then id) answers, deterministically.
    public static Optional<Account> accountByCode(Session s, String code) {
        DSLContext d = s.dsl();
        return d.selectFrom(ACCOUNT).where(ACCOUNT.CODE.eq(code)).orderBy(ACCOUNT.CREATED_HLC, ACCOUNT.ID).limit(1)
                .fetchOptional(LedgerRepository::map);
    }

    /// Current balance of every account (non-voided postings), from the running balances.
    public static Map<String, Long> balances(Session s) {
        DSLContext d = s.dsl();
        Map<String, Long> out = new HashMap<>();
        d.selectFrom(ACCOUNT_BALANCE).forEach(r -> out.put(r.getAccount(), r.getBalance()));
        return out;
    }

    /// Balance of every account over non-voided postings dated on or before `asOf`.
    public static Map<String, Long> balancesAsOf(Session s, LocalDate asOf) {
        Map<String, Long> out = new HashMap<>();
        ReportRepository.moves(s, null, asOf).forEach((account, m) -> out.put(account, m[0] - m[1]));
        return out;
    }

    public static Optional<Transaction> transaction(Session s, String id) {
        DSLContext d = s.dsl();
        List<Transaction> l = transactions(d, TX.ID.eq(id));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    /// Transactions in date order, optionally filtered by period and account.
    public static List<Transaction> transactions(Session s, LocalDate from, LocalDate to, String accountId) {
        DSLContext d = s.dsl();
        Condition c = DSL.noCondition();
        if (from != null) {
            c = c.and(TX.DATE.ge(from.toString()));
        }
        if (to != null) {
            c = c.and(TX.DATE.le(to.toString()));
        }
        if (accountId != null) {
            c = c.and(TX.ID.in(DSL.select(POSTING.TX).from(POSTING).where(POSTING.ACCOUNT.eq(accountId))));
        }
        return transactions(d, c);
    }

    /// The latest transactions, newest first, and how many there are in all.
    public record Page(List<Transaction> latest, long total) {
    }

    /// The `limit` latest transactions (by date, then the order they were made), newest first,
    /// optionally of one account and without the voided ones: a federation's journal has
    /// hundreds of thousands, which a screen should not load whole.
    public static Page latest(Session s, String accountId, boolean withVoided, int limit) {
        DSLContext d = s.dsl();
        Condition c = DSL.noCondition();
        if (accountId != null) {
            c = c.and(TX.ID.in(DSL.select(POSTING.TX).from(POSTING).where(POSTING.ACCOUNT.eq(accountId))));
        }
        if (!withVoided) {
            c = c.and(TX.ID.notIn(DSL.select(VOID.ENTITY).from(VOID).where(VOID.KIND.eq("tx"))));
        }
        var newest = new org.jooq.SortField<?>[] {TX.DATE.desc(), TX.HLC.desc(), TX.ID.desc()};
        var rows = d.select(TX.ID, TX.DATE, TX.MEMO, TX.REFERENCE, TX.REPLICA, VOID.REASON, VOID.ENTITY)
                .from(TX).leftJoin(VOID).on(VOID.ENTITY.eq(TX.ID).and(VOID.KIND.eq("tx"))).where(c)
                .orderBy(newest).limit(limit).fetch();
        List<Transaction> page = build(d, rows,
                POSTING.TX.in(DSL.select(TX.ID).from(TX).where(c).orderBy(newest).limit(limit)));
        return new Page(page, page.size() < limit ? page.size() : d.fetchCount(TX, c));
    }

    private static List<Transaction> transactions(DSLContext d, Condition c) {
        var rows = d.select(TX.ID, TX.DATE, TX.MEMO, TX.REFERENCE, TX.REPLICA, VOID.REASON, VOID.ENTITY)
                .from(TX).leftJoin(VOID).on(VOID.ENTITY.eq(TX.ID).and(VOID.KIND.eq("tx"))).where(c)
                .orderBy(TX.DATE, TX.HLC, TX.ID).fetch();
        return build(d, rows, POSTING.TX.in(DSL.select(TX.ID).from(TX).where(c)));
    }

    private static List<Transaction> build(DSLContext d,
            org.jooq.Result<org.jooq.Record7<String, String, String, String, String, String, String>> rows,
            Condition postingsOf) {
        Map<String, List<Posting>> postings = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            d.select(POSTING.TX, POSTING.ACCOUNT, POSTING.AMOUNT).from(POSTING)
                    .where(postingsOf)
                    .orderBy(POSTING.TX, POSTING.LINE)
                    .forEach(r -> postings.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(new Posting(r.value2(), r.value3())));
        }
        List<Transaction> out = new ArrayList<>(rows.size());
        for (var r : rows) {
            out.add(new Transaction(r.value1(), LocalDate.parse(r.value2()), r.value3(), r.value4(),
                    postings.getOrDefault(r.value1(), List.of()), r.value5(), r.value7() != null, r.value6()));
        }
        return out;
    }

    static Account map(AccountRecord r) {
        return new Account(r.getId(), r.getCode(), r.getName(), AccountType.fromWire(r.getType()), r.getMember(),
                r.getArchived() != null && r.getArchived() != 0, r.getCash() != null && r.getCash() != 0);
    }
}
