package coop.minka.app.pack;

import coop.minka.app.Words;
import coop.minka.app.report.ReportTables;

import coop.minka.app.report.RecognitionService.Recognition;
import coop.minka.app.report.RecognitionService.Row;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/// The women/men bar chart of the pack: one bar per work category and one for all work, each
/// split into the hours done by women, by men and by others, with the hours written beside it
/// so the chart also reads on a black-and-white printout. Colours are from the Okabe-Ito
/// palette, which people with colour blindness can tell apart.
final class PackChart {
    static final Color WOMEN = new Color(0xD5, 0x5E, 0x00);
    static final Color MEN = new Color(0x00, 0x72, 0xB2);
    static final Color OTHER = new Color(0x99, 0x99, 0x99);
    private static final float LABEL_W = 150;
    private static final float BAR_W = 220;
    private static final float BAR_H = 16;
    private static final float ROW_H = 26;

    private PackChart() {
    }

    public static void womenMen(PdfCanvas pdf, Recognition rec, Words w) {
        List<Row> rows = new ArrayList<>(rec.byCategory());
        rows.add(new Row("total", w.t("table.allWork"), rec.total().minutes(), rec.total().entries(),
                rec.total().valueMinor(),
                rec.total().womenMinutes(), rec.total().menMinutes(), rec.total().otherMinutes()));
        pdf.need(40 + ROW_H * rows.size());
        pdf.subheading(w.t("pack.chart.title"));
        float x = PdfCanvas.MARGIN;
        float y = pdf.y();
        String women = w.t("pack.chart.women");
        String men = w.t("pack.chart.men");
        legend(pdf, x, y, WOMEN, women);
        float mx = x + Math.max(90, 16 + pdf.textWidth(pdf.regular, 11, women) + 20);
        legend(pdf, mx, y, MEN, men);
        legend(pdf, mx + Math.max(70, 16 + pdf.textWidth(pdf.regular, 11, men) + 20), y, OTHER,
                w.t("pack.chart.others"));
        pdf.space(24);
        long max = rows.stream().mapToLong(Row::minutes).max().orElse(0);
        for (Row r : rows) {
            float top = pdf.y();
            boolean total = r.key().equals("total");
            pdf.text(total ? pdf.bold : pdf.regular, 11, x, top - BAR_H + 4,
                    pdf.fit(r.label(), total ? pdf.bold : pdf.regular, 11, LABEL_W - 8), java.awt.Color.BLACK);
            float bx = x + LABEL_W;
            pdf.fill(bx, top - BAR_H, BAR_W, BAR_H, new Color(0xF4, 0xF4, 0xF4));
            float scale = max == 0 ? 0 : BAR_W / max;
            float ww = r.womenMinutes() * scale;
            float mw = r.menMinutes() * scale;
            float ow = r.otherMinutes() * scale;
            pdf.fill(bx, top - BAR_H, ww, BAR_H, WOMEN);
            pdf.fill(bx + ww, top - BAR_H, mw, BAR_H, MEN);
            pdf.fill(bx + ww + mw, top - BAR_H, ow, BAR_H, OTHER);
            String note = r.otherMinutes() > 0
                    ? w.t("pack.chart.noteOthers", ReportTables.h(r.womenMinutes()), ReportTables.h(r.menMinutes()),
                            ReportTables.h(r.otherMinutes()))
                    : w.t("pack.chart.note", ReportTables.h(r.womenMinutes()), ReportTables.h(r.menMinutes()));
            pdf.text(pdf.regular, 10, bx + BAR_W + 8, top - BAR_H + 4, note, Color.BLACK);
            pdf.space(ROW_H);
        }
        pdf.space(10);
    }

    private static void legend(PdfCanvas pdf, float x, float y, Color c, String label) {
        pdf.fill(x, y - 12, 12, 12, c);
        pdf.text(pdf.regular, 11, x + 16, y - 11, label, Color.BLACK);
    }
}
