package coop.minka.domain;

import java.time.LocalDate;

/// Shared work done by one member on one day. Immutable; a mistake is voided with a reason.
public record WorkEntry(String id, String memberId, LocalDate date, int minutes, String categoryId,
                        String note, String witnessId, String workDayId, String replica,
                        boolean voided, String voidReason) {
}
