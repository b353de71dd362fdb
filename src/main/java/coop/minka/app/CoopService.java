package coop.minka.app;

import coop.minka.domain.Cooperative;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.CooperativeRepository;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/// The cooperative's own details: its name and languages are descriptive fields (`coop.update`,
/// merged like any other, conflicts listed); its currency may change only before any money
/// exists (design notes 25): typed, refused once a transaction is held; imported, a `coop.update`
/// carrying `currency` with money stamped before it is held invalid (`currency-after-money`).
public final class CoopService {
    private final Workspace ws;

    public CoopService(Workspace ws) {
        this.ws = ws;
    }

    public Cooperative show() {
        return ws.coop();
    }

    /// Whether any transaction was ever posted (voided or not) in these books.
    public boolean hasMoney() {
        return ws.read(CooperativeRepository::hasTransactions);
    }

    /// Changes the name, the languages and/or the currency (null: unchanged). A currency other
    /// than the current one is refused with `CURRENCY_AFTER_MONEY` once any transaction is held
    /// (voided ones too): every amount is kept in minor units of the currency, so changing it
    /// would change what every amount means. Appends nothing when nothing changes.
    public Cooperative update(String name, String languages, String currency) {
        Cooperative c = ws.coop();
        OpData.Builder b = OpData.builder();
        if (currency != null && !currency.isBlank()) {
            String code = Workspace.currency(currency).getCurrencyCode();
            if (!code.equals(c.currency().getCurrencyCode())) {
                if (hasMoney()) {
                    throw new MinkaException(ErrorCode.CURRENCY_AFTER_MONEY, c.currency().getCurrencyCode(), code);
                }
                b.put("currency", code);
            }
        }
        if (name != null) {
            String n = Texts.required(name, "name");
            if (!n.equals(c.name())) {
                b.put("name", n);
            }
        }
        if (languages != null) {
            String l = normalise(languages);
            if (l.isEmpty()) {
                throw new MinkaException(ErrorCode.EMPTY_FIELD, "languages");
            }
            if (!l.equals(c.languages())) {
                b.put("languages", l);
            }
        }
        OpData data = b.build();
        if (!data.asMap().isEmpty()) {
            ws.write(w -> {
                if (data.has("currency") && CooperativeRepository.hasTransactions(w)) { // checked again inside the write
                    throw new MinkaException(ErrorCode.CURRENCY_AFTER_MONEY, c.currency().getCurrencyCode(),
                            data.str("currency"));
                }
                return w.append(OpType.COOP_UPDATE, c.id(), MemberService.withBase(w, c.id(), data));
            });
        }
        return ws.coop();
    }

    /// `ES, qu ,en` → `es,qu,en`.
    static String normalise(String languages) {
        return Arrays.stream(languages.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().collect(Collectors.joining(","));
    }
}
