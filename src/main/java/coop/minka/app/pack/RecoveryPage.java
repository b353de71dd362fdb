package coop.minka.app.pack;

import coop.minka.app.Words;
import java.awt.Color;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/// The sealed last page of the assembly pack (design-notes item 28): the cooperative's recovery
/// key, to fold in three along the marks and keep sealed in the cash box. The top third says what
/// the key opens and what to do if it is lost; the middle third, hidden once folded, holds the key
/// in large letters, each in a cell of the same width and in groups of four so that it can be
/// typed back; the bottom third has lines for the keyholders' signatures and the date. The key is
/// printed nowhere else, and the check code does not cover it.
final class RecoveryPage {
    /// The fixed beginning of every age identity, printed on its own line.
    static final String PREFIX = "AGE-SECRET-KEY-1";
    static final int GROUP = 4;
    static final int GROUPS_PER_LINE = 4;
    static final float KEY_SIZE = 20;

    private RecoveryPage() {
    }

    static void draw(PdfCanvas pdf, String coopName, String secret, Words w) {
        float h = PDRectangle.A4.getHeight();
        float upperFold = h * 2 / 3;
        float lowerFold = h / 3;
        pdf.newPage();
        foldMarks(pdf, upperFold, w);
        foldMarks(pdf, lowerFold, w);

        pdf.paragraph(w.t("pack.recovery.title", coopName), pdf.bold, 16);
        pdf.paragraph(w.t("pack.recovery.opens"), pdf.regular, 10);
        pdf.paragraph(w.t("pack.recovery.lost"), pdf.regular, 10);
        pdf.paragraph(w.t("pack.recovery.notCovered"), pdf.bold, 10);

        // the key, in the middle third
        pdf.space(Math.max(0, pdf.y() - (upperFold - 16)));
        pdf.paragraph(w.t("pack.recovery.typeBack"), pdf.bold, 11);
        pdf.space(6);
        float cell = cellWidth(pdf, pdf.bold);
        float gap = cell * 0.8f;
        keyLine(pdf, PREFIX, cell, gap);
        String rest = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        StringBuilder line = new StringBuilder();
        int groups = 0;
        for (int i = 0; i < rest.length(); i += GROUP) {
            line.append(line.isEmpty() ? "" : " ").append(rest, i, Math.min(rest.length(), i + GROUP));
            if (++groups == GROUPS_PER_LINE) {
                keyLine(pdf, line.toString(), cell, gap);
                line.setLength(0);
                groups = 0;
            }
        }
        if (!line.isEmpty()) {
            keyLine(pdf, line.toString(), cell, gap);
        }

        // signatures, in the bottom third
        pdf.space(Math.max(0, pdf.y() - (lowerFold - 16)));
        pdf.paragraph(w.t("pack.recovery.sealedBy"), pdf.bold, 12);
        float right = PdfCanvas.MARGIN + pdf.width();
        for (int i = 0; i < 3; i++) {
            pdf.space(30);
            pdf.line(PdfCanvas.MARGIN, pdf.y(), PdfCanvas.MARGIN + 300, pdf.y(), 0.6f, false);
            pdf.text(pdf.regular, 8, PdfCanvas.MARGIN, pdf.y() - 9, w.t("pack.recovery.signature"), Color.DARK_GRAY);
        }
        pdf.space(30);
        String date = w.t("pack.recovery.date");
        pdf.text(pdf.regular, 11, PdfCanvas.MARGIN, pdf.y(), date, Color.BLACK);
        float dx = PdfCanvas.MARGIN + pdf.textWidth(pdf.regular, 11, date) + 6;
        pdf.line(dx, pdf.y() - 2, Math.min(right, dx + 160), pdf.y() - 2, 0.6f, false);
    }

    /// One line of the key: every character centred in a cell of the same width (the fonts Minka
    /// carries have no monospaced face), a space between groups.
    private static void keyLine(PdfCanvas pdf, String text, float cell, float gap) {
        float x = PdfCanvas.MARGIN + 10;
        float base = pdf.y() - KEY_SIZE;
        for (int i = 0; i < text.length(); i++) {
            String c = String.valueOf(text.charAt(i));
            if (c.equals(" ")) {
                x += gap;
                continue;
            }
            pdf.text(pdf.bold, KEY_SIZE, x + (cell - pdf.textWidth(pdf.bold, KEY_SIZE, c)) / 2, base, c, Color.BLACK);
            x += cell;
        }
        pdf.space(KEY_SIZE * 1.6f);
    }

    /// The width of the widest character a key can hold.
    private static float cellWidth(PdfCanvas pdf, PDType0Font font) {
        float max = 0;
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".toCharArray()) {
            max = Math.max(max, pdf.textWidth(font, KEY_SIZE, String.valueOf(c)));
        }
        return max + 2;
    }

    /// Short dashed marks at both edges where the page is folded, with the word "fold".
    private static void foldMarks(PdfCanvas pdf, float y, Words w) {
        float width = PDRectangle.A4.getWidth();
        pdf.line(8, y, 38, y, 0.6f, true);
        pdf.line(width - 38, y, width - 8, y, 0.6f, true);
        pdf.text(pdf.regular, 7, 8, y + 3, w.t("pack.recovery.fold"), Color.GRAY);
    }
}
