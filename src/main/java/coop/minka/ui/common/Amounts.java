package coop.minka.ui.common;

/// Turns an amount as people type it (`1.234,50`, `1 234.5`, `12,5`) into the plain form the
/// services parse (`1234.50`). With both `.` and `,` the last one is the decimal mark; a mark
/// that appears several times groups thousands; a single mark is the decimal mark.
public final class Amounts {
    private Amounts() {
    }

    public static String plain(String typed) {
        if (typed == null) {
            return "";
        }
        String t = typed.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
        int dot = t.lastIndexOf('.');
        int comma = t.lastIndexOf(',');
        if (dot >= 0 && comma >= 0) {
            int mark = Math.max(dot, comma);
            return t.substring(0, mark).replace(".", "").replace(",", "") + "." + t.substring(mark + 1);
        }
        char mark = dot >= 0 ? '.' : ',';
        long count = t.chars().filter(c -> c == mark).count();
        if (count > 1) {
            return t.replace(String.valueOf(mark), "");
        }
        return t.replace(',', '.');
    }

    public static boolean blank(String typed) {
        return typed == null || typed.isBlank();
    }
}
