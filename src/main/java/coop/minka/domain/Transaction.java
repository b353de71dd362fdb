package coop.minka.domain;

import java.time.LocalDate;
import java.util.List;

/// A balanced transaction. Never edited: voided with a reason and, if needed, entered again.
public record Transaction(String id, LocalDate date, String memo, String reference, List<Posting> postings,
                          String replica, boolean voided, String voidReason) {
    public Transaction {
        postings = List.copyOf(postings);
    }
}
