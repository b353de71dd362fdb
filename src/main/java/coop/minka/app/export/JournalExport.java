package coop.minka.app.export;

import coop.minka.app.Books;
import coop.minka.app.report.ReportTables;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.Posting;
import coop.minka.domain.Transaction;
import coop.minka.store.ReportRepository.PostingLine;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/// Plain-text accounting journals of the books for hledger, ledger (the same journal syntax)
/// and beancount, so a federation or an auditor can check Minka's figures with those tools.
///
/// Accounts are named `Assets:1000-Cash-box`: the top level from the account type (`Assets`,
/// `Liabilities`, `Equity`, `Income`, `Expenses`), then the code and name with accents removed
/// and anything but letters and digits turned into `-` (valid in all three tools). Amounts use
/// the cooperative's ISO currency code. Voided transactions are not counted: they appear only as
/// comments, in all three formats alike. With a start date, the balances before it become one
/// "Opening balances" transaction on that date, so the tools' balances equal Minka's at the end.
final class JournalExport {
    private JournalExport() {
    }

    public static String write(ExportService.Format format, Books b, List<Transaction> txs, LocalDate from) {
        boolean bean = format == ExportService.Format.BEANCOUNT;
        String cur = b.currency().getCurrencyCode();
        Map<String, String> names = names(b);
        StringBuilder sb = new StringBuilder();
        String c = bean ? ";; " : "; ";
        sb.append(c).append("Minka export of ").append(oneLine(b.coop().name())).append(", currency ").append(cur)
                .append(from != null || b.to() != null ? ", period " + (from == null ? "start" : from) + " to "
                        + (b.to() == null ? "latest" : b.to()) : "").append('\n');
        sb.append(c).append("Voided transactions are listed as comments and not counted.\n\n");
        LocalDate open = openDate(b, txs, from);
        if (bean) {
            sb.append("option \"title\" ").append(quote(b.coop().name())).append('\n');
            sb.append("option \"operating_currency\" \"").append(cur).append("\"\n\n");
            sb.append(open).append(" commodity ").append(cur).append('\n');
            names.values().forEach(n -> sb.append(open).append(" open ").append(n).append(' ').append(cur).append('\n'));
        } else {
            if (format == ExportService.Format.HLEDGER) {
                sb.append("commodity ").append(amount(100000, b)).append('\n');
            } else {
                sb.append("commodity ").append(cur).append("\n    format ").append(amount(100000, b)).append('\n');
                sb.append("tag minka-id\n");
            }
            names.forEach((id, n) -> sb.append("account ").append(n).append(format == ExportService.Format.HLEDGER
                    ? "  ; type: " + typeLetter(b.account(id).type()) : "").append('\n'));
        }
        sb.append('\n');
        Map<String, Long> opening = new TreeMap<>(b.opening());
        opening.values().removeIf(v -> v == 0);
        if (!opening.isEmpty()) {
            sb.append(from).append(bean ? " * \"Opening balances\"\n" : " * Opening balances\n");
            opening.forEach((id, v) -> posting(sb, names.get(id), v, b, bean));
            sb.append('\n');
        }
        for (Transaction t : txs) {
            if (t.voided()) {
                sb.append(c).append("voided, not counted: ").append(t.date()).append(' ').append(oneLine(t.memo()))
                        .append(" (").append(oneLine(t.voidReason())).append(") id ").append(t.id()).append('\n');
                for (Posting p : t.postings()) {
                    sb.append(c).append("    ").append(names.getOrDefault(p.accountId(), "?")).append("  ")
                            .append(amount(p.amount(), b)).append('\n');
                }
                sb.append('\n');
                continue;
            }
            if (bean) {
                sb.append(t.date()).append(" * ").append(quote(t.memo())).append('\n');
                sb.append("  minka-id: ").append(quote(t.id())).append('\n');
                if (t.reference() != null) {
                    sb.append("  reference: ").append(quote(t.reference())).append('\n');
                }
            } else {
                sb.append(t.date()).append(" *");
                if (t.reference() != null) {
                    sb.append(" (").append(oneLine(t.reference()).replace('(', '[').replace(')', ']')).append(')');
                }
                sb.append(' ').append(oneLine(t.memo()).replace(';', ',')).append('\n');
                sb.append("    ; minka-id: ").append(t.id()).append('\n');
            }
            for (Posting p : t.postings()) {
                posting(sb, names.get(p.accountId()), p.amount(), b, bean);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void posting(StringBuilder sb, String account, long amount, Books b, boolean bean) {
        sb.append(bean ? "  " : "    ").append(account).append("  ").append(amount(amount, b)).append('\n');
    }

    private static String amount(long minor, Books b) {
        return ReportTables.m(minor, b.currency()) + " " + b.currency().getCurrencyCode();
    }

    /// The date accounts are opened at: the earliest date exported, or the founding day.
    private static LocalDate openDate(Books b, List<Transaction> txs, LocalDate from) {
        LocalDate d = Instant.ofEpochMilli(b.coop().createdAtMillis()).atZone(ZoneOffset.UTC).toLocalDate();
        for (Transaction t : txs) {
            d = t.date().isBefore(d) ? t.date() : d;
        }
        for (PostingLine p : b.postings()) {
            d = p.date().isBefore(d) ? p.date() : d;
        }
        return from != null && from.isBefore(d) ? from : d;
    }

    /// Account names valid in hledger, ledger and beancount, one per account (including any
    /// account not yet received that a posting refers to), never shared, in chart order.
    public static Map<String, String> names(Books b) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        Set<String> ids = new LinkedHashSet<>(b.accounts().keySet());
        b.postings().forEach(p -> ids.add(p.accountId()));
        for (String id : ids) {
            Account a = b.account(id);
            String base = top(a.type()) + ":" + component(b.accounts().containsKey(id) ? a.code() + "-" + a.name()
                    : "Not-yet-received-" + id);
            String n = base;
            if (!used.add(n)) {
                n = base + "-" + id.replace("-", "").substring(0, Math.min(8, id.replace("-", "").length()))
                        .toUpperCase(java.util.Locale.ROOT);
                used.add(n);
            }
            out.put(id, n);
        }
        return out;
    }

    public static String component(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = plain.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "X";
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String top(AccountType t) {
        return switch (t) {
            case ASSET -> "Assets";
            case LIABILITY -> "Liabilities";
            case EQUITY -> "Equity";
            case INCOME -> "Income";
            case EXPENSE -> "Expenses";
        };
    }

    private static String typeLetter(AccountType t) {
        return switch (t) {
            case ASSET -> "A";
            case LIABILITY -> "L";
            case EQUITY -> "E";
            case INCOME -> "R";
            case EXPENSE -> "X";
        };
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static String quote(String s) {
        return "\"" + oneLine(s).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
