package io.counterweight.core.report;

import java.util.Base64;
import java.util.List;

/**
 * The few HTML pieces the report is made of, written as well-formed XHTML-compatible markup (every element
 * closed, attributes quoted, no named entities but XML's own) so a test can parse the page as XML. All
 * text goes through {@link #text}: a class called {@code <script>} shows as text, never as markup.
 */
final class Html {
    private final StringBuilder sb = new StringBuilder();

    /** Escapes the five XML specials and drops characters XML forbids (control characters, lone surrogates). */
    static String text(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pair) {
                        out.append(c).append(s.charAt(++i));
                    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
                            || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Opens {@code tag} with an optional class ({@code null}: none). */
    Html open(String tag, String cssClass) {
        sb.append('<').append(tag);
        if (cssClass != null) sb.append(" class=\"").append(text(cssClass)).append('"');
        sb.append('>');
        return this;
    }

    Html close(String tag) {
        sb.append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code <tag>text</tag>}, the text escaped. */
    Html element(String tag, String cssClass, String content) {
        return open(tag, cssClass).raw(text(content)).close(tag);
    }

    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** A table; cells of the columns in {@code numeric} are right-aligned. */
    Html table(String cssClass, List<String> head, List<List<String>> rows, boolean... numeric) {
        open("div", "scroll").open("table", cssClass).open("thead", null).open("tr", null);
        for (int c = 0; c < head.size(); c++) element("th", isNumeric(numeric, c) ? "num" : null, head.get(c));
        close("tr").close("thead").open("tbody", null);
        for (List<String> row : rows) {
            open("tr", null);
            for (int c = 0; c < row.size(); c++) element("td", isNumeric(numeric, c) ? "num" : null, row.get(c));
            close("tr");
        }
        return close("tbody").close("table").close("div");
    }

    /** The chart inline as a data URI, shown at its logical size (the PNG may hold 2× the pixels). */
    Html image(ChartImage chart, String alt) {
        return raw("<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(chart.png())
                + "\" width=\"" + chart.width() + "\" height=\"" + chart.height() + "\" alt=\"" + text(alt) + "\"/>\n");
    }

    private static boolean isNumeric(boolean[] numeric, int c) {
        return c < numeric.length && numeric[c];
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
