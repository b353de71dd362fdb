package coop.minka.app.pack;

import coop.minka.app.GroupService;
import coop.minka.app.Words;
import coop.minka.app.report.ReportTable;
import coop.minka.app.report.ReportTables;
import coop.minka.domain.ShareOut;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;

/// The savings group's pages of the pack (design note 34): a sheet to sign for each closed
/// meeting and the statement of each share-out posted in the period. Every figure comes from
/// [GroupService.Papers], which the pack's check code covers.
final class GroupPages {
    private final PdfCanvas pdf;
    private final Words w;
    private final Currency cur;

    GroupPages(PdfCanvas pdf, Words w, Currency cur) {
        this.pdf = pdf;
        this.w = w;
        this.cur = cur;
    }

    void draw(GroupService.Papers papers) {
        papers.meetings().forEach(this::meeting);
        papers.shareOuts().forEach(this::shareOut);
    }

    private String m(long minor) {
        return ReportTables.m(minor, cur);
    }

    void meeting(GroupService.MeetingSheet sheet) {
        pdf.newPage();
        pdf.heading(w.t("pack.group.meeting", w.date(sheet.meeting().date())));
        pdf.paragraph(w.t("pack.group.meetingNote", cur.getCurrencyCode()), pdf.regular, 11);
        List<List<String>> rows = new ArrayList<>();
        List<ReportTable.RowKind> kinds = new ArrayList<>();
        for (GroupService.SheetLine l : sheet.lines()) {
            rows.add(row(l.name(), attendance(l.attendance()), l));
            kinds.add(ReportTable.RowKind.LINE);
        }
        rows.add(row(w.t("table.total"), "", sheet.totals()));
        kinds.add(ReportTable.RowKind.TOTAL);
        List<Boolean> numeric = List.of(false, false, true, true, true, true, true, true);
        String[] headers = {w.t("pack.col.member"), w.t("pack.group.col.attendance"), w.t("pack.group.col.shares"),
            w.t("pack.group.col.savings"), w.t("pack.group.col.social"), w.t("pack.group.col.repaid"),
            w.t("pack.group.col.fines"), w.t("pack.group.col.lent")};
        ReportTable t = new ReportTable("group-meeting", "", List.of(headers), numeric, rows, kinds);
        pdf.table(t, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, headers, 9);
        if (!sheet.loans().isEmpty()) {
            pdf.subheading(w.t("pack.group.loansIssued"));
            for (GroupService.Loan l : sheet.loans()) {
                String method = switch (l.schedule().method()) {
                    case FLAT -> w.t("pack.group.method.flat");
                    case DECLINING -> w.t("pack.group.method.declining");
                };
                pdf.paragraph(w.t("pack.group.loanLine", l.memberName(), m(l.principal()), Integer.toString(l.months()))
                        + " " + w.t("pack.group.loanTerms", percent(l.schedule().chargeBpPerMonth()), method,
                        m(l.schedule().totalDue())), pdf.regular, 11);
            }
        }
        pdf.space(6);
        facts(new String[][] {
            {w.t("pack.group.expected"), m(sheet.expected())},
            {w.t("pack.group.counted"), sheet.counted() == null ? w.t("pack.group.notCounted") : m(sheet.counted())},
            {w.t("pack.group.difference"), sheet.difference() == null ? "—" : m(sheet.difference())},
        });
        signatures();
    }

    /// The attendance as recorded, in words; a dash when not marked.
    private String attendance(String status) {
        return switch (status == null ? "" : status) {
            case "present" -> w.t("pack.group.present");
            case "represented" -> w.t("pack.group.represented");
            case "absent" -> w.t("pack.group.absent");
            default -> "—";
        };
    }

    private List<String> row(String name, String attendance, GroupService.SheetLine l) {
        return List.of(name, attendance, Long.toString(l.shares()), m(l.savings()), m(l.social()), m(l.repaid()),
                m(l.fines()), m(l.lent()));
    }

    /// `1000` basis points of a percent → `10`, `250` → `2.5`.
    private static String percent(int bp) {
        return new BigDecimal(bp).divide(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
    }

    void shareOut(GroupService.PostedShareOut posted) {
        GroupService.ShareOutView v = posted.view();
        ShareOut r = v.result();
        pdf.newPage();
        pdf.heading(w.t("pack.group.shareOut", w.date(v.cycle().rules().start())));
        pdf.paragraph(w.t("pack.group.shareOutNote", w.date(posted.date())), pdf.regular, 11);
        pdf.paragraph(w.t("pack.amountsIn", cur.getCurrencyCode()), pdf.regular, 11);
        String value = m(r.valuePerShare());
        facts(new String[][] {
            {w.t("pack.group.distributable"), m(r.distributable())},
            {w.t("pack.group.totalShares"), Long.toString(r.totalShares())},
            {w.t("pack.group.valuePerShare"), r.valueExact() ? value : w.t("pack.group.valueRounded", value)},
            {w.t("pack.group.socialKept"), m(r.socialFund())},
        });
        pdf.space(6);
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ShareOut.Payout p : r.members()) {
            names.add(v.names().getOrDefault(p.member(), "?"));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> names.get(a).compareTo(names.get(b)));
        for (int i : order) {
            ShareOut.Payout p = r.members().get(i);
            rows.add(List.of(names.get(i), Long.toString(p.shares()), m(p.payout())));
        }
        rows.add(List.of(w.t("table.total"), Long.toString(r.totalShares()), m(r.distributable())));
        List<ReportTable.RowKind> kinds = new ArrayList<>(Collections.nCopies(rows.size() - 1, ReportTable.RowKind.LINE));
        kinds.add(ReportTable.RowKind.TOTAL);
        String[] headers = {w.t("pack.col.member"), w.t("pack.group.col.shares"), w.t("pack.group.col.payout")};
        pdf.table(new ReportTable("group-share-out", "", List.of(headers), List.of(false, true, true), rows, kinds),
                new int[] {0, 1, 2}, headers, 12);
        signatures();
    }

    /// Label and value pairs, the value right-aligned.
    private void facts(String[][] facts) {
        for (String[] f : facts) {
            pdf.need(22);
            pdf.text(pdf.regular, 12, PdfCanvas.MARGIN, pdf.y() - 12, pdf.fit(f[0], pdf.regular, 12, 330),
                    Color.BLACK);
            float vw = pdf.textWidth(pdf.bold, 12, f[1]);
            pdf.text(pdf.bold, 12, PdfCanvas.MARGIN + pdf.width() - vw, pdf.y() - 12, f[1], Color.BLACK);
            pdf.space(22);
        }
    }

    /// Four places to sign, two by two: treasurer, secretary and two members.
    private void signatures() {
        String[] who = {w.t("pack.group.signTreasurer"), w.t("pack.group.signSecretary"),
            w.t("pack.group.signMember"), w.t("pack.group.signMember")};
        pdf.need(150);
        pdf.space(20);
        float half = (pdf.width() - 30) / 2;
        for (int row = 0; row < 2; row++) {
            pdf.space(36);
            for (int col = 0; col < 2; col++) {
                float x = PdfCanvas.MARGIN + col * (half + 30);
                pdf.line(x, pdf.y(), x + half, pdf.y(), 0.8f, false);
                String label = who[row * 2 + col] + " — " + w.t("pack.group.signHint");
                pdf.text(pdf.regular, 10, x, pdf.y() - 12, pdf.fit(label, pdf.regular, 10, half), Color.BLACK);
            }
            pdf.space(20);
        }
    }
}
