package coop.minka.app.pack;

import coop.minka.app.Books;
import coop.minka.app.Words;
import coop.minka.app.report.ReportService;
import coop.minka.app.report.ReportTables;
import coop.minka.app.report.WorkFigures;

import coop.minka.app.report.StatementService.AccountBook;
import coop.minka.app.report.StatementService.MemberStatement;
import coop.minka.domain.WorkEntry;
import java.awt.Color;
import java.util.List;
import java.util.stream.Collectors;

/// One member's slip in the pack, to cut out and hand over: the member's hours of work (by
/// category) and their value, and each of their accounts (dues, savings, loans…) with the
/// balance at the start, what came in and went out, and the balance at the end of the period.
final class PackSlip {
    private PackSlip() {
    }

    public static void draw(PdfCanvas pdf, Books b, MemberStatement s, List<WorkEntry> work, CheckCode code,
                            Words words) {
        var cur = b.currency();
        float height = 130 + 20 * Math.max(1, s.accounts().size());
        pdf.need(height);
        float w = pdf.width();
        pdf.line(PdfCanvas.MARGIN, pdf.y(), PdfCanvas.MARGIN + w, pdf.y(), 0.8f, true);
        pdf.space(8);
        String period = words.t("pack.slip.period", words.date(b.from()), words.date(b.to()));
        pdf.text(pdf.bold, 15, PdfCanvas.MARGIN, pdf.y() - 15,
                pdf.fit(s.member().name(), pdf.bold, 15, w - pdf.textWidth(pdf.regular, 11, period) - 16), Color.BLACK);
        pdf.text(pdf.regular, 11, PdfCanvas.MARGIN + w - pdf.textWidth(pdf.regular, 11, period), pdf.y() - 14,
                period, Color.BLACK);
        pdf.space(24);
        String hours = words.t("pack.slip.hours", ReportTables.h(s.workMinutes()),
                ReportTables.m(s.workValueMinor(), cur), cur.getCurrencyCode());
        pdf.text(pdf.bold, 12, PdfCanvas.MARGIN, pdf.y() - 12, hours, Color.BLACK);
        pdf.space(18);
        String byCat = WorkFigures.group(work, b.members(), b.categories(), ReportService.WorkGrouping.CATEGORY)
                .stream().map(g -> words.t("pack.slip.categoryHours", g.label(), ReportTables.h(g.minutes())))
                .collect(Collectors.joining(" · "));
        if (!byCat.isEmpty()) {
            pdf.text(pdf.regular, 11, PdfCanvas.MARGIN, pdf.y() - 11, pdf.fit(byCat, pdf.regular, 11, w), Color.BLACK);
            pdf.space(18);
        }
        if (s.accounts().isEmpty()) {
            pdf.text(pdf.regular, 11, PdfCanvas.MARGIN, pdf.y() - 11, words.t("pack.slip.noAccounts"), Color.BLACK);
            pdf.space(18);
        } else {
            float[] cols = {0, 230, 310, 390, 495};
            String[] head = {words.t("pack.col.account"), words.t("pack.col.start"), words.t("pack.col.in"),
                words.t("pack.col.out"), words.t("pack.col.end")};
            for (int i = 0; i < head.length; i++) {
                cell(pdf, pdf.bold, head[i], cols, i);
            }
            pdf.space(17);
            for (AccountBook a : s.accounts()) {
                String[] v = {a.account().name(), ReportTables.m(a.opening(), cur), ReportTables.m(a.totalIn(), cur),
                    ReportTables.m(a.totalOut(), cur), ReportTables.m(a.closing(), cur)};
                for (int i = 0; i < v.length; i++) {
                    cell(pdf, i == 4 ? pdf.bold : pdf.regular, v[i], cols, i);
                }
                pdf.space(17);
            }
        }
        pdf.text(pdf.regular, 9, PdfCanvas.MARGIN, pdf.y() - 10, words.t("pack.checkCodeIs", code.text()),
                Color.DARK_GRAY);
        pdf.space(24);
    }

    private static void cell(PdfCanvas pdf, org.apache.pdfbox.pdmodel.font.PDType0Font font, String text,
                             float[] cols, int i) {
        float y = pdf.y() - 12;
        if (i == 0) {
            pdf.text(font, 12, PdfCanvas.MARGIN, y, pdf.fit(text, font, 12, cols[1] - 10), Color.BLACK);
        } else {
            pdf.text(font, 12, PdfCanvas.MARGIN + cols[i] - pdf.textWidth(font, 12, text), y, text, Color.BLACK);
        }
    }
}
