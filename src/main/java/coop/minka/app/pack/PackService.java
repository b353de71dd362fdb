package coop.minka.app.pack;

import coop.minka.app.Books;
import coop.minka.app.OutputFiles;
import coop.minka.app.Workspace;
import coop.minka.app.report.ReportTable;
import coop.minka.app.report.RecognitionService;
import coop.minka.app.report.ReportTables;
import coop.minka.app.report.StatementService;

import coop.minka.app.report.RecognitionService.Recognition;
import coop.minka.app.report.StatementService.AccountBook;
import coop.minka.app.report.StatementService.MemberStatement;
import coop.minka.domain.Member;
import coop.minka.domain.WorkEntry;
import coop.minka.store.ReplicaRepository;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/// The printable assembly pack (PDF): a summary page with the check code, the balances, the
/// cash books, income and expenditure, work recognition with a women/men chart, and one slip
/// per member. Every page carries the cooperative's name, the period, when and on which laptop
/// it was made, its page number and the period's check code. All figures come from one read
/// of the books, through the same tables as the CSV export.
public final class PackService {
    private final Workspace ws;

    public PackService(Workspace ws) {
        this.ws = ws;
    }

    /// What was printed: the file, the check code on its pages, and the number of pages.
    public record Pack(Path file, CheckCode code, int pages) {
    }

    /// Writes the pack for [from, to] to `out` (a new file, or a folder to put it in).
    public Pack write(LocalDate from, LocalDate to, Path out) {
        CheckCodeService.requirePeriod(from, to);
        Path file = OutputFiles.resolve(out, "assembly-pack-" + from + "-to-" + to + ".pdf");
        String laptop = ws.read(s -> ReplicaRepository.name(s, ws.selfId())).orElse("?");
        String made = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(Instant.ofEpochMilli(ws.log().now()).atZone(ZoneId.systemDefault()));
        return ws.read(s -> {
            Books b = Books.load(s, from, to);
            CheckCode code = CheckCodeService.compute(b);
            try (PdfCanvas pdf = new PdfCanvas()) {
                PackPages pages = new PackPages(pdf, b, code);
                pages.summary();
                pages.balances();
                pages.cashBooks();
                pages.income();
                pages.work();
                pages.slips();
                pdf.closeStream();
                furniture(pdf, b, code, laptop, made);
                var info = pdf.doc.getDocumentInformation();
                info.setTitle("Assembly pack " + from + " to " + to + " — " + b.coop().name());
                info.setCreator("Minka");
                Calendar cal = Calendar.getInstance();
                cal.setTimeInMillis(ws.log().now());
                info.setCreationDate(cal);
                OutputFiles.write(file, os -> pdf.doc.save(os));
                return new Pack(file, code, pdf.pages.size());
            }
        });
    }

    /// Header and footer of every page, drawn once the number of pages is known.
    private static void furniture(PdfCanvas pdf, Books b, CheckCode code, String laptop, String made) {
        float w = PDRectangle.A4.getWidth();
        float h = PDRectangle.A4.getHeight();
        int n = pdf.pages.size();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream s = pdf.append(i)) {
                pdf.withStream(s);
                String period = "Assembly pack " + b.from() + " to " + b.to();
                pdf.text(pdf.bold, 12, PdfCanvas.MARGIN, h - 40, pdf.fit(b.coop().name(), pdf.bold, 12, 280),
                        Color.BLACK);
                pdf.text(pdf.regular, 11, w - PdfCanvas.MARGIN - pdf.textWidth(pdf.regular, 11, period), h - 40,
                        period, Color.BLACK);
                pdf.line(PdfCanvas.MARGIN, h - 48, w - PdfCanvas.MARGIN, h - 48, 0.8f, false);
                pdf.line(PdfCanvas.MARGIN, 58, w - PdfCanvas.MARGIN, 58, 0.8f, false);
                String check = "Check code: " + code.text();
                pdf.text(pdf.bold, 11, PdfCanvas.MARGIN, 42, check, Color.BLACK);
                String page = "Page " + (i + 1) + " of " + n;
                pdf.text(pdf.bold, 11, w - PdfCanvas.MARGIN - pdf.textWidth(pdf.bold, 11, page), 42, page,
                        Color.BLACK);
                pdf.text(pdf.regular, 9, PdfCanvas.MARGIN, 28,
                        pdf.fit("Made " + made + " on " + laptop + " with Minka", pdf.regular, 9, w - 2 * PdfCanvas.MARGIN),
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

        PackPages(PdfCanvas pdf, Books b, CheckCode code) {
            this.pdf = pdf;
            this.b = b;
            this.code = code;
            this.cur = b.currency();
            this.rec = RecognitionService.recognition(b);
        }

        void summary() {
            pdf.newPage();
            pdf.space(10);
            pdf.paragraph(b.coop().name(), pdf.bold, 24);
            pdf.paragraph("Assembly pack for " + b.from() + " to " + b.to(), pdf.regular, 16);
            pdf.space(8);
            var books = StatementService.cashBooks(b, List.of());
            long cashOpen = books.stream().mapToLong(AccountBook::opening).sum();
            long cashClose = books.stream().mapToLong(AccountBook::closing).sum();
            var inc = StatementService.income(b);
            String[][] facts = {
                {"Cash and bank at the start", ReportTables.m(cashOpen, cur)},
                {"Cash and bank at the end", ReportTables.m(cashClose, cur)},
                {"Income", ReportTables.m(inc.totalIncome(), cur)},
                {"Expenditure", ReportTables.m(inc.totalExpenses(), cur)},
                {inc.surplus() < 0 ? "Deficit" : "Surplus", ReportTables.m(inc.surplus(), cur)},
                {"Hours of shared work", ReportTables.h(rec.total().minutes())},
                {"Share of hours done by women", rec.total().womenSharePercent() == null ? "—"
                        : ReportTables.pct(rec.total().womenSharePercent())},
                {"Value of the work", ReportTables.m(rec.total().valueMinor(), cur)},
            };
            for (String[] f : facts) {
                pdf.need(26);
                pdf.text(pdf.regular, 15, PdfCanvas.MARGIN, pdf.y() - 15, f[0], Color.BLACK);
                float vw = pdf.textWidth(pdf.bold, 15, f[1]);
                pdf.text(pdf.bold, 15, PdfCanvas.MARGIN + 420 - vw, pdf.y() - 15, f[1], Color.BLACK);
                pdf.space(26);
            }
            pdf.paragraph("Amounts in " + cur.getCurrencyCode() + ".", pdf.regular, 12);
            pdf.space(14);
            pdf.fill(PdfCanvas.MARGIN, pdf.y() - 120, pdf.width(), 120, PdfCanvas.SHADE);
            pdf.space(12);
            pdf.paragraph("Check code", pdf.bold, 14);
            pdf.paragraph(code.text(), pdf.bold, 19);
            pdf.paragraph("Any laptop of the cooperative can check that this paper matches its books: "
                    + "minka verify-code \"" + code.text() + "\"", pdf.regular, 12);
            pdf.space(16);
            pdf.paragraph("Contents: balances; cash books; income and expenditure; recognition of shared work; "
                    + "one slip per member.", pdf.regular, 12);
        }

        void balances() {
            pdf.newPage();
            pdf.heading("Balances");
            pdf.paragraph("Debit balances are positive, credit balances negative; the totals show the books "
                    + "balance.", pdf.regular, 11);
            ReportTable t = ReportTables.trialBalance(StatementService.trialBalance(b), cur);
            pdf.table(t, new int[] {0, 1, 3, 4, 5, 6}, new String[] {"Code", "Account", "Start", "Debits",
                "Credits", "End"}, 11);
        }

        void cashBooks() {
            List<AccountBook> books = StatementService.cashBooks(b, List.of());
            pdf.newPage();
            pdf.heading("Cash book");
            for (AccountBook book : books) {
                pdf.subheading(book.account().code() + " " + book.account().name());
                ReportTable t = ReportTables.cashBooks(List.of(book), b.from(), cur);
                pdf.table(t, new int[] {1, 2, 3, 5, 6, 7}, new String[] {"Date", "What", "Ref.", "In", "Out",
                    "Balance"}, 11);
            }
        }

        void income() {
            pdf.need(200);
            pdf.heading("Income and expenditure");
            ReportTable t = ReportTables.income(StatementService.income(b), cur);
            pdf.table(t, new int[] {1, 2, 3}, new String[] {"Code", "Account", "Amount"}, 12);
        }

        void work() {
            pdf.newPage();
            pdf.heading("Recognition of shared work");
            var total = rec.total();
            pdf.paragraph(ReportTables.h(total.minutes()) + " hours of work in " + total.entries() + " entries, valued at "
                    + ReportTables.m(total.valueMinor(), cur) + " " + cur.getCurrencyCode() + ". Women did "
                    + ReportTables.h(total.womenMinutes()) + " hours ("
                    + (total.womenSharePercent() == null ? "—" : ReportTables.pct(total.womenSharePercent()))
                    + "), men " + ReportTables.h(total.menMinutes()) + " hours.", pdf.regular, 13);
            PackChart.womenMen(pdf, rec);
            ReportTable t = ReportTables.recognition(rec, cur);
            int[] cols = {2, 3, 6, 7, 5};
            pdf.subheading("By category");
            pdf.table(only(t, "category", "total"), cols, new String[] {"Category", "Hours", "Women", "Men", "Value"}, 11);
            pdf.subheading("By member");
            pdf.table(only(t, "member"), new int[] {2, 3, 4, 5}, new String[] {"Member", "Hours", "Entries", "Value"},
                    11);
            pdf.subheading("By month");
            pdf.table(only(t, "month"), new int[] {1, 3, 6, 7, 5}, new String[] {"Month", "Hours", "Women", "Men",
                "Value"}, 11);
            if (!rec.workDays().isEmpty()) {
                pdf.subheading("Collective work days");
                pdf.table(only(t, "work-day"), new int[] {1, 2, 4, 6, 7, 3}, new String[] {"Date", "Work",
                    "People", "Women", "Men", "Hours"}, 11);
            }
        }

        private static ReportTable only(ReportTable t, String... groups) {
            List<String> g = List.of(groups);
            List<List<String>> rows = new java.util.ArrayList<>(t.rows().stream()
                    .filter(r -> g.contains(r.getFirst()) && !r.getFirst().equals("total")).toList());
            t.rows().stream().filter(r -> g.contains(r.getFirst()) && r.getFirst().equals("total"))
                    .forEach(r -> rows.add(replaceLabel(r, "Total")));
            return new ReportTable(t.name(), t.title(), t.headers(), t.numeric(), rows);
        }

        private static List<String> replaceLabel(List<String> r, String label) {
            List<String> out = new java.util.ArrayList<>(r);
            out.set(2, label);
            return out;
        }

        void slips() {
            List<Member> members = b.statementMembers();
            List<MemberStatement> statements = StatementService.memberStatements(b, members);
            pdf.newPage();
            pdf.heading("Member slips");
            for (MemberStatement s : statements) {
                PackSlip.draw(pdf, b, s, work(s.member()), code);
            }
        }

        private List<WorkEntry> work(Member m) {
            return b.work().stream().filter(e -> e.memberId().equals(m.id())).toList();
        }
    }
}
