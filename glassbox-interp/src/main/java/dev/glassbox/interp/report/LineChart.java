package dev.glassbox.interp.report;

import java.util.List;

/** Lines over a categorical x axis (the logit lens's stages), one per series, with a legend. */
public record LineChart(String title, String yLabel, List<String> xLabels, List<Series> series) {

    public record Series(String name, double[] values) {}

    private static final String[] COLOURS = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
            "#a6761d", "#666666", "#1f78b4", "#b2182b"};

    public String svg() {
        int left = 60, top = 30, plotW = Math.max(300, 60 * xLabels.size()), plotH = 240;
        int width = left + plotW + 180, height = top + plotH + 70;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Series se : series) for (double v : se.values()) if (!Double.isNaN(v)) { min = Math.min(min, v); max = Math.max(max, v); }
        if (!(max > min)) { min -= 1; max += 1; }
        double yMin = min, yMax = max;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='").append(height)
                .append("' font-family='sans-serif' font-size='11'>");
        s.append("<text x='").append(left).append("' y='14' font-size='13' font-weight='bold'>").append(Svg.escape(title)).append("</text>");
        s.append("<rect x='").append(left).append("' y='").append(top).append("' width='").append(plotW).append("' height='")
                .append(plotH).append("' fill='none' stroke='#999'/>");
        for (int i = 0; i <= 4; i++) {
            double v = yMin + (yMax - yMin) * i / 4;
            double y = top + plotH - plotH * i / 4.0;
            s.append("<text x='").append(left - 4).append("' y='").append(Svg.c(y + 4)).append("' text-anchor='end'>")
                    .append(Svg.number(v)).append("</text>");
            s.append("<line x1='").append(left).append("' x2='").append(left + plotW).append("' y1='").append(Svg.c(y))
                    .append("' y2='").append(Svg.c(y)).append("' stroke='#eee'/>");
        }
        s.append("<text transform='translate(14,").append(top + plotH / 2).append(") rotate(-90)' text-anchor='middle'>")
                .append(Svg.escape(yLabel)).append("</text>");
        double step = xLabels.size() > 1 ? plotW / (double) (xLabels.size() - 1) : 0;
        for (int i = 0; i < xLabels.size(); i++) {
            s.append("<text transform='translate(").append(Svg.c(left + step * i)).append(',').append(top + plotH + 14)
                    .append(") rotate(30)'>").append(Svg.escape(xLabels.get(i))).append("</text>");
        }
        for (int k = 0; k < series.size(); k++) {
            Series se = series.get(k);
            String colour = COLOURS[k % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < se.values().length; i++) {
                double y = top + plotH - plotH * (se.values()[i] - yMin) / (yMax - yMin);
                points.append(Svg.c(left + step * i)).append(',').append(Svg.c(y)).append(' ');
                s.append("<circle cx='").append(Svg.c(left + step * i)).append("' cy='").append(Svg.c(y)).append("' r='3' fill='")
                        .append(colour).append("'><title>").append(Svg.escape(se.name() + " @ " + xLabels.get(i) + ": "
                                + Svg.number(se.values()[i]))).append("</title></circle>");
            }
            s.append("<polyline fill='none' stroke-width='2' stroke='").append(colour).append("' points='")
                    .append(points.toString().strip()).append("'/>");
            int ly = top + 12 + 16 * k;
            s.append("<rect x='").append(left + plotW + 12).append("' y='").append(ly - 9).append("' width='10' height='10' fill='")
                    .append(colour).append("'/><text x='").append(left + plotW + 26).append("' y='").append(ly).append("'>")
                    .append(Svg.escape(Svg.shorten(se.name(), 24))).append("</text>");
        }
        return s.append("</svg>").toString();
    }
}
