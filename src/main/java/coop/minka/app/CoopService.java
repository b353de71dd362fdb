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
/// merged like any other, conflicts listed); its currency is fixed at creation (design notes 18):
/// a `coop.update` carrying `currency` is held invalid, typed or imported.
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

    /// Changes the name and/or the languages (null: unchanged). A `currency` other than the
    /// current one is refused with `CURRENCY_FIXED`: the log has no entry that changes it (a
    /// `coop.update` carrying it is held invalid), since a change made on one laptop while another
    /// posts offline would give amounts two meanings. Appends nothing when nothing changes.
    public Cooperative update(String name, String languages, String currency) {
        Cooperative c = ws.coop();
        if (currency != null && !currency.isBlank()
                && !currency.strip().equalsIgnoreCase(c.currency().getCurrencyCode())) {
            throw new MinkaException(ErrorCode.CURRENCY_FIXED, c.currency().getCurrencyCode());
        }
        OpData.Builder b = OpData.builder();
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
            ws.write(w -> w.append(OpType.COOP_UPDATE, c.id(), MemberService.withBase(w, c.id(), data)));
        }
        return ws.coop();
    }

    /// `ES, qu ,en` → `es,qu,en`.
    static String normalise(String languages) {
        return Arrays.stream(languages.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().collect(Collectors.joining(","));
    }
}
