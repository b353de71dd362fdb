package coop.minka.domain;

import java.util.Currency;

/// The cooperative these books belong to.
public record Cooperative(String id, String name, Currency currency, long createdAtMillis, String languages) {
}
