package coop.minka.store;

import static coop.minka.store.schema.Tables.COOPERATIVE;

import coop.minka.domain.Cooperative;
import coop.minka.store.schema.tables.records.CooperativeRecord;
import java.util.Currency;
import java.util.Optional;

/// The cooperative whose books the file holds.
public final class CooperativeRepository {
    private CooperativeRepository() {
    }

    public static Optional<Cooperative> byId(Session s, String id) {
        return s.dsl().selectFrom(COOPERATIVE).where(COOPERATIVE.ID.eq(id)).fetchOptional(CooperativeRepository::map);
    }

    /// The cooperative held (the first by id, should a file ever hold two).
    public static Optional<Cooperative> first(Session s) {
        return s.dsl().selectFrom(COOPERATIVE).orderBy(COOPERATIVE.ID).limit(1)
                .fetchOptional(CooperativeRepository::map);
    }

    private static Cooperative map(CooperativeRecord r) {
        return new Cooperative(r.getId(), r.getName(), Currency.getInstance(r.getCurrency()), r.getCreatedAt(),
                r.getLanguages());
    }

    /// Whether any transaction was ever posted in these books (voided ones included).
    public static boolean hasTransactions(Session s) {
        return s.dsl().fetchExists(coop.minka.store.schema.Tables.TX);
    }
}
