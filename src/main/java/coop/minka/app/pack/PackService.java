package coop.minka.app.pack;

import coop.minka.app.Books;
import coop.minka.app.GroupService;
import coop.minka.app.OutputFiles;
import coop.minka.app.Progress;
import coop.minka.app.Words;
import coop.minka.app.Workspace;
import coop.minka.app.report.ReportTable;
import coop.minka.app.report.RecognitionService;
import coop.minka.app.report.ReportTables;
import coop.minka.app.report.StatementService;

import coop.minka.app.report.RecognitionService.Recognition;
import coop.minka.app.report.StatementService.AccountBook;
import coop.minka.app.report.StatementService.MemberStatement;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Member;
import coop.minka.domain.MinkaException;
import coop.minka.domain.WorkEntry;
import coop.minka.store.KeyRepository;
import coop.minka.store.Keys;
import coop.minka.store.RecoveryKeyFile;
import coop.minka.store.ReplicaRepository;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/// The printable assembly pack (PDF): a summary page with the check code, the balances, the
/// cash books, income and expenditure, work recognition with a women/men chart, and one slip
/// per member. Every page carries the cooperative's name, the period, when and on which laptop
/// it was made, its page number and the period's check code. All figures come from one read
/// of the books, through the same tables as the CSV export. Every word is in the pack's
/// language: the cooperative's unless another is asked for; the check code is the same in all.
/// When asked, a last page holds the cooperative's recovery key, to fold and seal
/// ([RecoveryPage]); the check code does not cover it. With a savings group, the pack also holds
/// a sheet to sign for each meeting closed in the period and the statement of each share-out
/// posted in it ([GroupPages], design note 34), covered by the check code.
public final class PackService {
    private final Workspace ws;

    public PackService(Workspace ws) {
        this.ws = ws;
    }

    /// What was printed: the file, the check code on its pages, and the number of pages.
    public record Pack(Path file, CheckCode code, int pages) {
    }

    /// Writes the pack for [from, to] to `out` (a new file, or a folder to put it in), in the
    /// cooperative's language.
    public Pack write(LocalDate from, LocalDate to, Path out) {
        return write(from, to, out, null);
    }

    /// Writes the pack for [from, to] to `out` in `language` (en, es, fr, pt; null: the
    /// cooperative's language; another language: English).
    public Pack write(LocalDate from, LocalDate to, Path out, Locale language) {
        return write(from, to, out, language, Progress.NONE);
    }

    /// Like [#write(LocalDate, LocalDate, Path, Locale)], telling `progress` how far it is (a step
    /// a section and a member's slip) and stopping when it is cancelled, before the file is moved
    /// into place: a cancelled pack leaves no file, whole or half.
    public Pack write(LocalDate from, LocalDate to, Path out, Locale language, Progress progress) {
        return write(from, to, out, language, null, progress);
    }

    /// Like [#write(LocalDate, LocalDate, Path, Locale, Progress)], with the recovery key read from
    /// `recoveryKey` (the file `minka security recovery-key --out` wrote; null: none) on a last,
    /// sealed page. A file that is not this cooperative's recovery key is refused before anything
    /// is written ([#checkRecoveryKey]).
    public Pack write(LocalDate from, LocalDate to, Path out, Locale language, Path recoveryKey,
                      Progress progress) {
        CheckCodeService.requirePeriod(from, to);
        String secret = recoveryKey == null ? null : recoverySecret(recoveryKey);
        Words w = Words.of(language, ws.coop());
        Path file = OutputFiles.resolve(out, "assembly-pack-" + from + "-to-" + to + ".pdf");
        String laptop = ws.read(s -> ReplicaRepository.name(s, ws.selfId())).orElse("?");
        String made = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(w.locale()).format(Instant.ofEpochMilli(ws.log().now()).atZone(ZoneId.systemDefault()));
        return ws.read(s -> {
            Books b = Books.load(s, from, to);
            GroupService.Papers papers = GroupService.papers(s, from, to);
            CheckCode code = CheckCodeService.compute(b, papers);
            try (PdfCanvas pdf = new PdfCanvas()) {
                PackPages pages = new PackPages(pdf, b, code, w, papers);
                int total = 9 + b.statementMembers().size();
                Runnable[] sections = {pages::summary, pages::balances, pages::cashBooks, pages::income, pages::work,
                    () -> new GroupPages(pdf, w, b.currency()).draw(papers)};
                for (int i = 0; i < sections.length; i++) {
                    progress.checkCancelled();
                    sections[i].run();
                    progress.step(i + 1, total);
                }
                pages.slips(n -> {
                    progress.checkCancelled();
                    progress.step(6 + n, total);
                });
                int sealed = -1;
                if (secret != null) {
                    sealed = pdf.pages.size();
                    RecoveryPage.draw(pdf, b.coop().name(), secret, w);
                }
                pdf.closeStream();
                progress.checkCancelled();
                furniture(pdf, b, code, laptop, made, w, sealed);
                progress.step(total - 2, total);
                var info = pdf.doc.getDocumentInformation();
                info.setTitle(w.t("pack.header", w.date(from), w.date(to)) + " — " + b.coop().name());
                info.setCreator("Minka");
                Calendar cal = Calendar.getInstance();
                cal.setTimeInMillis(ws.log().now());
                info.setCreationDate(cal);
                OutputFiles.write(file, progress, os -> pdf.doc.save(os));
                progress.step(total, total);
                return new Pack(file, code, pdf.pages.size());
            }
        });
    }

    /// A printed passbook: the file, its figures, and the check code of the period from the
    /// cycle's start to the passbook's day.
    public record Passbook(Path file, GroupService.Passbook passbook, CheckCode code) {
    }

    /// Writes the passbook of `member` (id or name) on `asOf` (null: today) to `out` (a new
    /// file, or a folder to put `passbook-DATE-NAME.pdf` in) in `language` (null: the
    /// cooperative's). The member and the cycle are looked up before anything is written: an
    /// unknown member (`UNKNOWN_MEMBER`) or no cycle (`GROUP_NO_CYCLE`) leaves no file.
    public Passbook writePassbook(String member, LocalDate asOf, Path out, Locale language) {
        Words w = Words.of(language, ws.coop());
        String laptop = ws.read(s -> ReplicaRepository.name(s, ws.selfId())).orElse("?");
        String made = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(w.locale()).format(Instant.ofEpochMilli(ws.log().now()).atZone(ZoneId.systemDefault()));
        return ws.read(s -> {
            GroupService.Passbook p = GroupService.passbook(s, member, asOf);
            LocalDate from = p.cycle().rules().start();
            Books b = Books.load(s, from, p.asOf());
            CheckCode code = CheckCodeService.compute(b, GroupService.papers(s, from, p.asOf()));
            Path file = OutputFiles.resolve(out, "passbook-" + p.asOf() + "-" + fileName(p.name()) + ".pdf");
            try (PdfCanvas pdf = new PdfCanvas()) {
                PassbookPaper.draw(pdf, b.coop().name(), p, b.currency(), code, w.t("pack.made", made, laptop), w);
                pdf.closeStream();
                var info = pdf.doc.getDocumentInformation();
                info.setTitle(w.t("pack.passbook.title") + " — " + p.name());
                info.setCreator("Minka");
                Calendar cal = Calendar.getInstance();
                cal.setTimeInMillis(ws.log().now());
                info.setCreationDate(cal);
                OutputFiles.write(file, os -> pdf.doc.save(os));
            }
            return new Passbook(file, p, code);
        });
    }

    /// A name as a file name: letters and digits kept (accents too), anything else a dash.
    private static String fileName(String name) {
        String s = name.codePoints().mapToObj(c -> Character.isLetterOrDigit(c) ? Character.toString(c) : "-")
                .collect(java.util.stream.Collectors.joining()).replaceAll("-+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "member" : s;
    }

    /// Checks that `file` (an age identity file, as `minka security recovery-key --out` writes it)
    /// holds the current recovery key of this cooperative: its public half is the cooperative's
    /// `recovery` key. `KEY_FILE_UNREADABLE` or `NOT_THIS_RECOVERY_KEY` otherwise.
    public void checkRecoveryKey(Path file) {
        recoverySecret(file);
    }

    private String recoverySecret(Path file) {
        String secret = RecoveryKeyFile.readIdentity(file);
        String recovery = ws.read(KeyRepository::encryption).recovery();
        if (recovery == null || !Keys.ageRecipientOf(secret).map(recovery::equals).orElse(false)) {
            throw new MinkaException(ErrorCode.NOT_THIS_RECOVERY_KEY, file);
        }
        return secret;
    }

    /// Header and footer of every page, drawn once the number of pages is known. The sealed page
    /// (index `sealed`, -1: none) says in its footer that the check code does not cover it.
    private static void furniture(PdfCanvas pdf, Books b, CheckCode code, String laptop, String made, Words w,
                                  int sealed) {
        float width = PDRectangle.A4.getWidth();
        float h = PDRectangle.A4.getHeight();
        int n = pdf.pages.size();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream s = pdf.append(i)) {
                pdf.withStream(s);
                String name = pdf.fit(b.coop().name(), pdf.bold, 12, 280);
                pdf.text(pdf.bold, 12, PdfCanvas.MARGIN, h - 40, name, Color.BLACK);
                // the period beside the name: in words, or in ISO dates where the words are too long
                float room = width - 2 * PdfCanvas.MARGIN - pdf.textWidth(pdf.bold, 12, name) - 16;
                String period = w.t("pack.header", w.date(b.from()), w.date(b.to()));
                if (pdf.textWidth(pdf.regular, 11, period) > room) {
                    period = w.t("pack.header", b.from().toString(), b.to().toString());
                }
                period = pdf.fit(period, pdf.regular, 11, room);
                pdf.text(pdf.regular, 11, width - PdfCanvas.MARGIN - pdf.textWidth(pdf.regular, 11, period), h - 40,
                        period, Color.BLACK);
                pdf.line(PdfCanvas.MARGIN, h - 48, width - PdfCanvas.MARGIN, h - 48, 0.8f, false);
                pdf.line(PdfCanvas.MARGIN, 58, width - PdfCanvas.MARGIN, 58, 0.8f, false);
                String check = i == sealed ? w.t("pack.recovery.footer") : w.t("pack.checkCodeIs", code.text());
                pdf.text(pdf.bold, 11, PdfCanvas.MARGIN, 42, check, Color.BLACK);
                String page = w.t("pack.page", Integer.toString(i + 1), Integer.toString(n));
                pdf.text(pdf.bold, 11, width - PdfCanvas.MARGIN - pdf.textWidth(pdf.bold, 11, page), 42, page,
                        Color.BLACK);
                pdf.text(pdf.regular, 9, PdfCanvas.MARGIN, 28,
                        pdf.fit(w.t("pack.made", made, laptop), pdf.regular, 9, width - 2 * PdfCanvas.MARGIN),
                        Color.DARK_GRAY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        pdf.withStream(null);
    }

    /// The content pages, in order.
    private static final class PackPages {
        private final PdfCanvas pdf;
        private final Books b;
        private final CheckCode code;
        private final java.util.Currency cur;
        private final Recognition rec;
        private final Words w;
        private final GroupService.Papers papers;

        PackPages(PdfCanvas pdf, Books b, CheckCode code, Words w, GroupService.Papers papers) {
            this.pdf = pdf;
            this.papers = papers;
            this.w = w;
            this.b = b;
            this.code = code;
            this.cur = b.currency();
            this.rec = RecognitionService.recognition(b);
        }

        void summary() {
            pdf.newPage();
            pdf.space(10);
            pdf.paragraph(b.coop().name(), pdf.bold, 24);
            pdf.paragraph(w.t("pack.subtitle", w.date(b.from()), w.date(b.to())), pdf.regular, 16);
            pdf.space(8);
            var books = StatementService.cashBooks(b, List.of());
            long cashOpen = books.stream().mapToLong(AccountBook::opening).sum();
            long cashClose = books.stream().mapToLong(AccountBook::closing).sum();
            var inc = StatementService.income(b);
            String[][] facts = {
                {w.t("pack.cashStart"), ReportTables.m(cashOpen, cur)},
                {w.t("pack.cashEnd"), ReportTables.m(cashClose, cur)},
                {w.t("pack.income"), ReportTables.m(inc.totalIncome(), cur)},
                {w.t("pack.expenditure"), ReportTables.m(inc.totalExpenses(), cur)},
                {w.t(inc.surplus() < 0 ? "table.deficit" : "table.surplus"), ReportTables.m(inc.surplus(), cur)},
                {w.t("pack.workHours"), ReportTables.h(rec.total().minutes())},
                {w.t("pack.womenShare"), rec.total().womenSharePercent() == null ? "—"
                        : ReportTables.pct(rec.total().womenSharePercent())},
                {w.t("pack.workValue"), ReportTables.m(rec.total().valueMinor(), cur)},
            };
            for (String[] f : facts) {
                pdf.need(26);
                pdf.text(pdf.regular, 15, PdfCanvas.MARGIN, pdf.y() - 15, f[0], Color.BLACK);
                float vw = pdf.textWidth(pdf.bold, 15, f[1]);
                pdf.text(pdf.bold, 15, PdfCanvas.MARGIN + 420 - vw, pdf.y() - 15, f[1], Color.BLACK);
                pdf.space(26);
            }
            pdf.paragraph(w.t("pack.amountsIn", cur.getCurrencyCode()), pdf.regular, 12);
            pdf.space(14);
            pdf.fill(PdfCanvas.MARGIN, pdf.y() - 120, pdf.width(), 120, PdfCanvas.SHADE);
            pdf.space(12);
            pdf.paragraph(w.t("pack.checkCode"), pdf.bold, 14);
            pdf.paragraph(code.text(), pdf.bold, 19);
            pdf.paragraph(w.t("pack.verify", "minka verify-code \"" + code.text() + "\""), pdf.regular, 12);
            pdf.space(16);
            pdf.paragraph(w.t("pack.contents"), pdf.regular, 12);
            if (!papers.isEmpty()) {
                pdf.paragraph(w.t("pack.contentsGroup"), pdf.regular, 12);
            }
        }

        void balances() {
            pdf.newPage();
            pdf.heading(w.t("pack.balances"));
            pdf.paragraph(w.t("pack.balancesNote"), pdf.regular, 11);
            ReportTable t = ReportTables.trialBalance(StatementService.trialBalance(b), cur, w);
            pdf.table(t, new int[] {0, 1, 3, 4, 5, 6}, cols("pack.col.code", "pack.col.account", "pack.col.start",
                    "pack.col.debits", "pack.col.credits", "pack.col.end"),
                    11);
        }

        void cashBooks() {
            List<AccountBook> books = StatementService.cashBooks(b, List.of());
            pdf.newPage();
            pdf.heading(w.t("table.cashBook"));
            for (AccountBook book : books) {
                pdf.subheading(book.account().code() + " " + book.account().name());
                ReportTable t = ReportTables.cashBooks(List.of(book), b.from(), cur, w);
                pdf.table(t, new int[] {1, 2, 3, 5, 6, 7}, cols("pack.col.date", "pack.col.what", "pack.col.ref",
                        "pack.col.in", "pack.col.out", "pack.col.balance"), 11);
            }
        }

        void income() {
            pdf.need(200);
            pdf.heading(w.t("table.income"));
            ReportTable t = ReportTables.income(StatementService.income(b), cur, w);
            pdf.table(t, new int[] {1, 2, 3}, cols("pack.col.code", "pack.col.account", "pack.col.amount"), 12);
        }

        void work() {
            pdf.newPage();
            pdf.heading(w.t("pack.work"));
            var total = rec.total();
            pdf.paragraph(w.t("pack.workSummary", ReportTables.h(total.minutes()), Long.toString(total.entries()),
                    ReportTables.m(total.valueMinor(), cur) + " " + cur.getCurrencyCode()) + " "
                    + w.t("pack.workSplit", ReportTables.h(total.womenMinutes()),
                    total.womenSharePercent() == null ? "—" : ReportTables.pct(total.womenSharePercent()),
                    ReportTables.h(total.menMinutes())), pdf.regular, 13);
            PackChart.womenMen(pdf, rec, w);
            ReportTable t = ReportTables.recognition(rec, cur, w);
            pdf.subheading(w.t("pack.byCategory"));
            pdf.table(only(t, "category", "total"), new int[] {2, 3, 6, 7, 5},
                    cols("pack.col.category", "pack.col.hours", "pack.col.women", "pack.col.men", "pack.col.value"),
                            11);
            pdf.subheading(w.t("pack.byMember"));
            pdf.table(only(t, "member"), new int[] {2, 3, 4, 5}, cols("pack.col.member", "pack.col.hours",
                    "pack.col.entries", "pack.col.value"), 11);
            pdf.subheading(w.t("pack.byMonth"));
            pdf.table(months(only(t, "month")), new int[] {1, 3, 6, 7, 5},
                    cols("pack.col.month", "pack.col.hours", "pack.col.women", "pack.col.men", "pack.col.value"), 11);
            if (!rec.workDays().isEmpty()) {
                pdf.subheading(w.t("table.workDays"));
                pdf.table(only(t, "work-day"), new int[] {1, 2, 4, 6, 7, 3},
                        cols("pack.col.date", "pack.col.work", "pack.col.people", "pack.col.women", "pack.col.men",
                                "pack.col.hours"), 11);
            }
        }

        /// The pack's column headings, from their keys.
        private String[] cols(String... keys) {
            return java.util.Arrays.stream(keys).map(w::t).toArray(String[]::new);
        }

        /// The rows of the given groups, the group's total last, labelled "Total" and kept a total.
        private ReportTable only(ReportTable t, String... groups) {
            List<String> g = List.of(groups);
            List<List<String>> rows = new java.util.ArrayList<>();
            List<ReportTable.RowKind> kinds = new java.util.ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) {
                List<String> r = t.rows().get(i);
                if (g.contains(r.getFirst()) && !r.getFirst().equals("total")) {
                    rows.add(r);
                    kinds.add(t.kind(i));
                }
            }
            for (int i = 0; i < t.rows().size(); i++) {
                List<String> r = t.rows().get(i);
                if (g.contains(r.getFirst()) && r.getFirst().equals("total")) {
                    rows.add(replace(r, 2, w.t("table.total")));
                    kinds.add(ReportTable.RowKind.TOTAL);
                }
            }
            return new ReportTable(t.name(), t.title(), t.headers(), t.numeric(), rows, kinds);
        }

        /// The month rows with the month written in the pack's language (`2026-03` → `mar 2026`).
        private ReportTable months(ReportTable t) {
            List<List<String>> rows = t.rows().stream().map(r -> replace(r, 1, w.month(r.get(1)))).toList();
            return new ReportTable(t.name(), t.title(), t.headers(), t.numeric(), rows, t.kinds());
        }

        private static List<String> replace(List<String> r, int column, String value) {
            List<String> out = new java.util.ArrayList<>(r);
            out.set(column, value);
            return out;
        }

        /// The members' slips; `done` hears the number of slips drawn after each.
        void slips(java.util.function.IntConsumer done) {
            List<Member> members = b.statementMembers();
            List<MemberStatement> statements = StatementService.memberStatements(b, members);
            pdf.newPage();
            pdf.heading(w.t("pack.slips"));
            int n = 0;
            for (MemberStatement s : statements) {
                PackSlip.draw(pdf, b, s, work(s.member()), code, w);
                done.accept(++n);
            }
        }

        private List<WorkEntry> work(Member m) {
            return b.work().stream().filter(e -> e.memberId().equals(m.id())).toList();
        }
    }
}
