package coop.minka.app.pack;

import coop.minka.app.report.ReportTable;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/// A simple top-down page layout over PDFBox for the assembly pack: large type, wrapped
/// paragraphs, tables that continue on the next page with their header repeated, and page
/// furniture drawn by [PackService]. Text uses the DejaVu Sans fonts shipped inside Minka, so
/// accents, `ñ` and the Quechua/Aymara apostrophe `ʼ` (Latin Extended, spacing modifier
/// letters) print on every laptop; a character the font lacks prints as a visible `�` (or `□`),
/// never as a silent `?`.
final class PdfCanvas implements AutoCloseable {
    static final float MARGIN = 50;
    static final float TOP = 70;
    static final float BOTTOM = 80;
    static final float BODY = 12;
    static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);

    final PDDocument doc;
    final PDType0Font regular;
    final PDType0Font bold;
    final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream cs;
    private float y;
    /// Per font, whether it prints a code point (asked once each: texts are measured often).
    private final java.util.Map<PDType0Font, java.util.Map<Integer, Boolean>> printable =
            new java.util.IdentityHashMap<>();

    public PdfCanvas() {
        doc = new PDDocument();
        regular = font("DejaVuSans.ttf");
        bold = font("DejaVuSans-Bold.ttf");
    }

    private PDType0Font font(String name) {
        try (InputStream in = PdfCanvas.class.getResourceAsStream("/coop/minka/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from Minka: " + name);
            }
            return PDType0Font.load(doc, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    public float y() {
        return y;
    }

    public PDPageContentStream stream() {
        return cs;
    }

    public void newPage() {
        closeStream();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        try {
            cs = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = PDRectangle.A4.getHeight() - TOP;
    }

    /// Starts a new page unless `height` points still fit on this one.
    public void need(float height) {
        if (cs == null || y - height < BOTTOM) {
            newPage();
        }
    }

    public void space(float h) {
        y -= h;
    }

    public void heading(String text) {
        need(60);
        y -= 8;
        text(bold, 18, MARGIN, y - 18, text, Color.BLACK);
        y -= 32;
    }

    public void subheading(String text) {
        need(50);
        text(bold, 14, MARGIN, y - 14, text, Color.BLACK);
        y -= 24;
    }

    /// A paragraph wrapped to the page width.
    public void paragraph(String text, PDType0Font font, float size) {
        for (String line : wrap(text, font, size, width())) {
            need(size * 1.4f);
            text(font, size, MARGIN, y - size, line, Color.BLACK);
            y -= size * 1.4f;
        }
        y -= size * 0.4f;
    }

    /// A table with the given columns of `t` (indexes), continuing over pages with its header
    /// repeated. Opening, closing and total rows (by their [ReportTable.RowKind], in any
    /// language) print bold on a shaded band.
    public void table(ReportTable t, int[] cols, String[] headers, float size) {
        float[] w = columnWidths(t, cols, headers, size);
        float rowH = size * 1.7f;
        need(rowH * 3);
        header(cols, headers, w, size, rowH, t);
        int n = 0;
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            if (y - rowH < BOTTOM) {
                newPage();
                header(cols, headers, w, size, rowH, t);
            }
            boolean strong = t.kind(r).strong();
            if (n++ % 2 == 1 || strong) {
                fill(MARGIN, y - rowH, sum(w), rowH, SHADE);
            }
            float x = MARGIN;
            for (int i = 0; i < cols.length; i++) {
                String cell = fit(row.get(cols[i]), strong ? bold : regular, size, w[i] - 6);
                boolean num = t.numeric().get(cols[i]);
                float tx = num ? x + w[i] - 3 - textWidth(strong ? bold : regular, size, cell) : x + 3;
                text(strong ? bold : regular, size, tx, y - rowH + size * 0.5f, cell, Color.BLACK);
                x += w[i];
            }
            y -= rowH;
        }
        y -= size;
    }

    private void header(int[] cols, String[] headers, float[] w, float size, float rowH, ReportTable t) {
        fill(MARGIN, y - rowH, sum(w), rowH, new Color(0xD8, 0xD8, 0xD8));
        float x = MARGIN;
        for (int i = 0; i < cols.length; i++) {
            String h = fit(headers[i], bold, size, w[i] - 6);
            boolean num = t.numeric().get(cols[i]);
            float tx = num ? x + w[i] - 3 - textWidth(bold, size, h) : x + 3;
            text(bold, size, tx, y - rowH + size * 0.5f, h, Color.BLACK);
            x += w[i];
        }
        y -= rowH;
    }

    /// Natural widths, then the widest text columns shrink until the table fits the page.
    private float[] columnWidths(ReportTable t, int[] cols, String[] headers, float size) {
        float[] w = new float[cols.length];
        for (int i = 0; i < cols.length; i++) {
            w[i] = textWidth(bold, size, headers[i]) + 8;
            for (List<String> r : t.rows()) {
                w[i] = Math.max(w[i], textWidth(bold, size, r.get(cols[i])) + 8);
            }
        }
        if (sum(w) < width()) {
            int widest = -1;
            for (int i = 0; i < w.length; i++) {
                if (!t.numeric().get(cols[i]) && (widest < 0 || w[i] > w[widest])) {
                    widest = i;
                }
            }
            float extra = width() - sum(w);
            if (widest >= 0) {
                w[widest] += extra / 2;
            }
            for (int i = 0; i < w.length; i++) {
                w[i] += extra / 2 / w.length;
            }
        }
        while (sum(w) > width()) {
            int widest = -1;
            for (int i = 0; i < w.length; i++) {
                if (!t.numeric().get(cols[i]) && (widest < 0 || w[i] > w[widest])) {
                    widest = i;
                }
            }
            if (widest < 0 || w[widest] < 40) {
                break;
            }
            w[widest] -= Math.min(w[widest] - 40, sum(w) - width());
        }
        return w;
    }

    private static float sum(float[] w) {
        float s = 0;
        for (float x : w) {
            s += x;
        }
        return s;
    }

    /// Cuts text with "…" so that it fits `max` points.
    public String fit(String s, PDType0Font font, float size, float max) {
        String t = safe(s, font);
        if (textWidth(font, size, t) <= max) {
            return t;
        }
        while (!t.isEmpty() && textWidth(font, size, t + "…") > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    public List<String> wrap(String text, PDType0Font font, float size, float max) {
        List<String> lines = new ArrayList<>();
        for (String para : safe(text, font).split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (textWidth(font, size, candidate) > max && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    public float textWidth(PDType0Font font, float size, String s) {
        try {
            return font.getStringWidth(safe(s, font)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Replaces characters the font cannot print (and control characters) by a visible
    /// replacement: `�` (U+FFFD), else `□` (U+25A1) when the font lacks that too.
    public String safe(String s, PDType0Font font) {
        if (s == null) {
            return "";
        }
        java.util.Map<Integer, Boolean> known = printable.computeIfAbsent(font, f -> new java.util.HashMap<>());
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            boolean ok = !Character.isISOControl(cp) && known.computeIfAbsent(cp, c -> prints(font, ch));
            sb.append(ok ? ch : replacement(font));
        });
        return sb.toString();
    }

    /// What stands for a character the font lacks.
    static String replacement(PDType0Font font) {
        for (String r : new String[] {"\uFFFD", "\u25A1"}) {
            if (prints(font, r)) {
                return r;
            }
        }
        return "?";
    }

    /// Whether the font has a glyph for `ch` (PDFBox refuses to encode one it lacks).
    private static boolean prints(PDType0Font font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    public void text(PDType0Font font, float size, float x, float baseline, String s, Color color) {
        try {
            cs.beginText();
            cs.setNonStrokingColor(color);
            cs.setFont(font, size);
            cs.newLineAtOffset(x, baseline);
            cs.showText(safe(s, font));
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void fill(float x, float yBottom, float w, float h, Color color) {
        try {
            cs.setNonStrokingColor(color);
            cs.addRect(x, yBottom, w, h);
            cs.fill();
            cs.setNonStrokingColor(Color.BLACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void line(float x1, float y1, float x2, float y2, float width, boolean dashed) {
        try {
            cs.setLineWidth(width);
            cs.setLineDashPattern(dashed ? new float[] {6, 4} : new float[0], 0);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
            cs.setLineDashPattern(new float[0], 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void closeStream() {
        if (cs != null) {
            try {
                cs.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cs = null;
        }
    }

    /// Opens page `i` again to draw on top of it (headers and footers once the page count is known).
    public PDPageContentStream append(int i) {
        try {
            return new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void withStream(PDPageContentStream s) {
        cs = s;
    }

    @Override
    public void close() {
        try {
            closeStream();
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
