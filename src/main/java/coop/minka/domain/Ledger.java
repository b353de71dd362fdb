package coop.minka.domain;

import java.util.List;

/// Pure rules of double-entry books.
public final class Ledger {
    private Ledger() {
    }

    /// Refuses postings that do not make a valid transaction: fewer than two lines, a zero line,
    /// or lines that do not sum to zero. `currency` is only used in the message.
    public static void checkBalanced(List<Posting> postings, java.util.Currency currency) {
        if (postings.size() < 2) {
            throw new MinkaException(ErrorCode.TOO_FEW_POSTINGS);
        }
        long sum = 0;
        for (Posting p : postings) {
            if (p.amount() == 0) {
                throw new MinkaException(ErrorCode.ZERO_POSTING);
            }
            sum = Money.add(sum, p.amount());
        }
        if (sum != 0) {
            throw new MinkaException(ErrorCode.UNBALANCED, Money.format(sum, currency));
        }
    }
}
