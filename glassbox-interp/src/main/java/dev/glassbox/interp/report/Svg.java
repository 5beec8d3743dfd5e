package dev.glassbox.interp.report;

import java.util.Locale;

/** Small helpers for hand-written SVG: escaping, number formatting, the diverging colour scale. */
public final class Svg {
    private Svg() {}

    /** Text safe inside XML/HTML content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A number with at most 4 significant decimals, as plots and tables show it. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (v == 0) return "0";
        if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) return String.format(Locale.ROOT, "%.3g", v);
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A coordinate, one decimal. */
    static String c(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Blue for -bound, white for 0, red for +bound (TransformerLens's RdBu, reversed so positive is red),
     * linear in between and clamped outside.
     */
    public static String diverging(double v, double bound) {
        double t = Double.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v / bound));
        int[] end = t >= 0 ? new int[] {178, 24, 43} : new int[] {33, 102, 172};
        double a = Math.abs(t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(255, end[0], a), mix(255, end[1], a), mix(255, end[2], a));
    }

    private static int mix(int from, int to, double a) {
        return (int) Math.round(from + (to - from) * a);
    }

    /** A label cut to {@code max} characters, for axes. */
    static String shorten(String label, int max) {
        return label.length() <= max ? label : label.substring(0, max - 1) + "…";
    }
}
