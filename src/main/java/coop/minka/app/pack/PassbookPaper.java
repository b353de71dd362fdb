package coop.minka.app.pack;

import coop.minka.app.GroupService;
import coop.minka.app.Words;
import coop.minka.app.report.ReportTables;
import java.awt.Color;
import java.util.Currency;

/// A member's passbook slip (design note 34): one slip at the top of a page, to cut out and hand
/// over — the member's shares and savings, social fund and fines paid, hours of work, each loan
/// with what is owed and the next installment, and the check code of the period from the cycle's
/// start to the passbook's day, which `minka verify-code` checks on any laptop.
final class PassbookPaper {
    private PassbookPaper() {
    }

    static void draw(PdfCanvas pdf, String coop, GroupService.Passbook p, Currency cur, CheckCode code, String made,
                     Words w) {
        pdf.newPage();
        float width = pdf.width();
        String title = w.t("pack.passbook.title");
        pdf.text(pdf.bold, 13, PdfCanvas.MARGIN, pdf.y() - 13,
                pdf.fit(coop, pdf.bold, 13, width - pdf.textWidth(pdf.bold, 13, title) - 16), Color.BLACK);
        pdf.text(pdf.bold, 13, PdfCanvas.MARGIN + width - pdf.textWidth(pdf.bold, 13, title), pdf.y() - 13, title,
                Color.BLACK);
        pdf.space(20);
        pdf.line(PdfCanvas.MARGIN, pdf.y(), PdfCanvas.MARGIN + width, pdf.y(), 0.8f, false);
        pdf.space(8);
        pdf.paragraph(p.name(), pdf.bold, 18);
        pdf.paragraph(w.t("pack.passbook.asOf", w.date(p.asOf()), w.date(p.cycle().rules().start())), pdf.regular, 12);
        fact(pdf, w.t("pack.passbook.shares"), Long.toString(p.shares()));
        fact(pdf, w.t("pack.passbook.savings"), ReportTables.m(p.savings(), cur));
        fact(pdf, w.t("pack.passbook.social"), ReportTables.m(p.social(), cur));
        fact(pdf, w.t("pack.passbook.fines"), ReportTables.m(p.fines(), cur));
        fact(pdf, w.t("pack.passbook.work"), ReportTables.h(p.workMinutes()));
        pdf.space(6);
        pdf.subheading(w.t("pack.passbook.loans"));
        if (p.loans().isEmpty()) {
            pdf.paragraph(w.t("pack.passbook.noLoans"), pdf.regular, 12);
        }
        for (GroupService.PassbookLoan l : p.loans()) {
            pdf.paragraph(w.t("pack.passbook.loan", ReportTables.m(l.loan().principal(), cur),
                    w.date(l.loan().issued()), ReportTables.m(l.owed(), cur)), pdf.bold, 12);
            pdf.paragraph(l.next() == null ? w.t("pack.passbook.repaid")
                    : w.t("pack.passbook.next", ReportTables.m(l.nextLeft(), cur), w.date(l.next().due())),
                    pdf.regular, 12);
        }
        pdf.paragraph(w.t("pack.amountsIn", cur.getCurrencyCode()), pdf.regular, 11);
        pdf.space(4);
        pdf.fill(PdfCanvas.MARGIN, pdf.y() - 58, width, 58, PdfCanvas.SHADE);
        pdf.space(6);
        pdf.paragraph(w.t("pack.checkCodeIs", code.text()), pdf.bold, 12);
        pdf.paragraph(w.t("pack.verify", "minka verify-code \"" + code.text() + "\""), pdf.regular, 10);
        pdf.space(4);
        pdf.paragraph(made, pdf.regular, 9);
        pdf.line(PdfCanvas.MARGIN, pdf.y(), PdfCanvas.MARGIN + width, pdf.y(), 0.8f, true);
    }

    private static void fact(PdfCanvas pdf, String label, String value) {
        pdf.need(20);
        pdf.text(pdf.regular, 12, PdfCanvas.MARGIN, pdf.y() - 12, pdf.fit(label, pdf.regular, 12, 360), Color.BLACK);
        pdf.text(pdf.bold, 12, PdfCanvas.MARGIN + 440 - pdf.textWidth(pdf.bold, 12, value), pdf.y() - 12, value,
                Color.BLACK);
        pdf.space(20);
    }
}
