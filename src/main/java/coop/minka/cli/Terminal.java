package coop.minka.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/// Text from the data (names, memos, notes, laptop and file names) made safe for a terminal.
/// A name with an escape sequence could clear the screen or recolour it, a newline could print a
/// fake `FORK:` line, a direction override could reverse what follows. Two layers:
///
/// - [#guard] wraps everything the command line prints: a control character (C0 except line
///   ends and tab, DEL, C1) or a bidirectional control is written as its JSON-style escape (a
///   backslash, `u` and four hex digits: ESC shows as `\\u001b`). Inside
///   JSON that is the same string again (JSON escapes mean the same characters), so `--json`
///   stays exact JSON;
/// - [#safe] makes one data text a single line: line breaks become `⏎`, tabs a space, and the
///   rest as above. Tables ([TextTable]) and the sentences that quote data use it.
final class Terminal {
    private Terminal() {
    }

    /// One line of text with nothing a terminal would act on.
    static String safe(String s) {
        if (s == null || s.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\t' || unsafe(c))) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                continue; // CR LF is one line break
            }
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                b.append('⏎');
            } else if (c == '\t') {
                b.append(' ');
            } else if (unsafe(c)) {
                escape(b, c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /// `out` with every unsafe character written visibly; line ends and tabs pass.
    static PrintWriter guard(PrintWriter out) {
        return new PrintWriter(new Guard(out), true);
    }

    /// C0 controls except line ends and tab, DEL, C1 controls, bidirectional controls and the
    /// Unicode line and paragraph separators.
    static boolean unsafe(int c) {
        return c < 0x20 && c != '\n' && c != '\r' && c != '\t'
                || c >= 0x7F && c <= 0x9F
                || c == 0x061C || c == 0x200E || c == 0x200F
                || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069
                || c == 0x2028 || c == 0x2029;
    }

    private static void escape(StringBuilder b, char c) {
        b.append("\\u").append(String.format("%04x", (int) c));
    }

    /// Passes text on, escaping what [#unsafe] names.
    private static final class Guard extends FilterWriter {
        Guard(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            if (unsafe(c)) {
                StringBuilder b = new StringBuilder();
                escape(b, (char) c);
                out.write(b.toString());
            } else {
                out.write(c);
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (unsafe(cbuf[i])) {
                    out.write(cbuf, start, i - start);
                    write(cbuf[i]);
                    start = i + 1;
                }
            }
            out.write(cbuf, start, off + len - start);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            write(str.toCharArray(), off, len);
        }
    }
}
