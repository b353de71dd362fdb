package coop.minka.domain;

import java.util.List;

/// Pure rules of double-entry books.
public final class Ledger {
    private Ledger() {
    }

    /// Refuses postings that do not make a valid transaction: fewer than two lines or more than
    /// [OpRules#MAX_POSTINGS], a zero line, a line beyond [OpRules#MAX_AMOUNT], or lines that do
    /// not sum to zero (added with checked arithmetic). `currency` is only used in the message.
    /// Agrees with [OpRules#check] for `tx.post`, with friendlier messages.
    public static void checkBalanced(List<Posting> postings, java.util.Currency currency) {
        if (postings.size() < 2) {
            throw new MinkaException(ErrorCode.TOO_FEW_POSTINGS);
        }
        if (postings.size() > OpRules.MAX_POSTINGS) {
            throw new MinkaException(ErrorCode.INVALID_ENTRY, OpRules.TOO_MANY_POSTINGS, postings.size());
        }
        long sum = 0;
        for (Posting p : postings) {
            if (p.amount() == 0) {
                throw new MinkaException(ErrorCode.ZERO_POSTING);
            }
            if (p.amount() > OpRules.MAX_AMOUNT || p.amount() < -OpRules.MAX_AMOUNT) {
                throw new MinkaException(ErrorCode.AMOUNT_TOO_LARGE, Money.format(p.amount(), currency),
                        Money.format(OpRules.MAX_AMOUNT, currency));
            }
            sum = Money.add(sum, p.amount());
        }
        if (sum != 0) {
            throw new MinkaException(ErrorCode.UNBALANCED, Money.format(sum, currency));
        }
    }
}
