package dev.glassbox.interp.selfrepair;

import dev.glassbox.interp.report.Svg;
import java.util.List;
import java.util.Locale;

/**
 * Points in the plane as inline SVG, one colour per series, on equal axes with the line y = x (where total
 * effect equals direct effect: no self-repair). Up to {@value #LABELLED} points are circles with a tooltip;
 * more are drawn as dots of one path per series, which keeps a plot of thousands of points small.
 */
public record ScatterPlot(String title, String xLabel, String yLabel, List<Series> series) {
    static final int LABELLED = 400;
    private static final String[] COLOURS = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
            "#a6761d", "#666666", "#1f78b4", "#b2182b"};

    /** @param labels a tooltip per point, or null */
    public record Series(String name, double[] x, double[] y, List<String> labels) {}

    public String svg() {
        int left = 64, top = 30, size = 380, width = left + size + 170, height = top + size + 50;
        double lo = 0, hi = 0;
        int count = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                lo = Math.min(lo, Math.min(s.x()[i], s.y()[i]));
                hi = Math.max(hi, Math.max(s.x()[i], s.y()[i]));
                count++;
            }
        }
        if (!(hi > lo)) hi = lo + 1;
        double pad = (hi - lo) * 0.04, min = lo - pad, max = hi + pad;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='").append(height)
                .append("' font-family='sans-serif' font-size='11'>");
        s.append("<text x='").append(left).append("' y='14' font-size='13' font-weight='bold'>").append(Svg.escape(title)).append("</text>");
        s.append("<rect x='").append(left).append("' y='").append(top).append("' width='").append(size).append("' height='")
                .append(size).append("' fill='none' stroke='#999'/>");
        double step = niceStep((max - min) / 5);
        for (double v = Math.ceil(min / step) * step; v <= max; v += step) {
            double px = x(v, min, max, left, size), py = y(v, min, max, top, size), t = Math.abs(v) < step / 1e6 ? 0 : v;
            s.append("<text x='").append(c(px)).append("' y='").append(top + size + 14).append("' text-anchor='middle'>")
                    .append(Svg.number(t)).append("</text>");
            s.append("<text x='").append(left - 4).append("' y='").append(c(py + 4)).append("' text-anchor='end'>")
                    .append(Svg.number(t)).append("</text>");
        }
        line(s, x(0, min, max, left, size), top, x(0, min, max, left, size), top + size, "#ddd", "");
        line(s, left, y(0, min, max, top, size), left + size, y(0, min, max, top, size), "#ddd", "");
        line(s, left, top + size, left + size, top, "#333", " stroke-dasharray='5,4'");
        s.append("<text x='").append(left + size - 4).append("' y='").append(top + 14).append("' text-anchor='end'>y = x</text>");
        s.append("<text x='").append(left + size / 2).append("' y='").append(top + size + 32).append("' text-anchor='middle'>")
                .append(Svg.escape(xLabel)).append("</text>");
        s.append("<text transform='translate(16,").append(top + size / 2).append(") rotate(-90)' text-anchor='middle'>")
                .append(Svg.escape(yLabel)).append("</text>");
        for (int k = 0; k < series.size(); k++) {
            Series se = series.get(k);
            String colour = COLOURS[k % COLOURS.length];
            if (count <= LABELLED) {
                for (int i = 0; i < se.x().length; i++) {
                    s.append("<circle cx='").append(c(x(se.x()[i], min, max, left, size))).append("' cy='")
                            .append(c(y(se.y()[i], min, max, top, size))).append("' r='3' fill='").append(colour)
                            .append("' fill-opacity='0.75'><title>").append(Svg.escape((se.labels() == null ? se.name() : se.labels().get(i))
                                    + ": direct " + Svg.number(se.x()[i]) + ", total " + Svg.number(se.y()[i]))).append("</title></circle>");
                }
            } else {
                StringBuilder d = new StringBuilder();
                for (int i = 0; i < se.x().length; i++) {
                    d.append('M').append(c(x(se.x()[i], min, max, left, size))).append(' ')
                            .append(c(y(se.y()[i], min, max, top, size))).append("h0");
                }
                s.append("<path d='").append(d).append("' stroke='").append(colour)
                        .append("' stroke-width='4' stroke-linecap='round' stroke-opacity='0.6'/>");
            }
            int ly = top + 12 + 16 * k;
            s.append("<rect x='").append(left + size + 12).append("' y='").append(ly - 9).append("' width='10' height='10' fill='")
                    .append(colour).append("'/><text x='").append(left + size + 26).append("' y='").append(ly).append("'>")
                    .append(Svg.escape(se.name())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}: a tick spacing people read easily. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) if (m * power >= raw) return m * power;
        return 10 * power;
    }

    private static double x(double v, double min, double max, int left, int size) {
        return left + size * (v - min) / (max - min);
    }

    private static double y(double v, double min, double max, int top, int size) {
        return top + size - size * (v - min) / (max - min);
    }

    private static void line(StringBuilder s, double x1, double y1, double x2, double y2, String colour, String extra) {
        s.append("<line x1='").append(c(x1)).append("' y1='").append(c(y1)).append("' x2='").append(c(x2)).append("' y2='")
                .append(c(y2)).append("' stroke='").append(colour).append('\'').append(extra).append("/>");
    }

    private static String c(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
