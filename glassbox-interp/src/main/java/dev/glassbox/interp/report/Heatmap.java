package dev.glassbox.interp.report;

import java.util.List;

/**
 * A heatmap as inline SVG: rows x columns of cells coloured on the diverging scale, each with a tooltip.
 * Used for layer x position patching, layer x head patching, and the logit lens by stage and position.
 */
public record Heatmap(String title, List<String> rowLabels, List<String> columnLabels, double[][] values,
        double bound, String[][] cellText) {

    /** A heatmap whose colour scale runs to the largest |value|, at least {@code minBound}. */
    public static Heatmap of(String title, List<String> rows, List<String> columns, double[][] values, double minBound) {
        double bound = minBound;
        for (double[] row : values) for (double v : row) if (!Double.isNaN(v)) bound = Math.max(bound, Math.abs(v));
        return new Heatmap(title, rows, columns, values, bound, null);
    }

    public Heatmap withCellText(String[][] text) {
        return new Heatmap(title, rowLabels, columnLabels, values, bound, text);
    }

    public String svg() {
        int cell = columnLabels.size() > 24 ? 22 : 40, rowHeight = 22;
        int left = 10 + 7 * rowLabels.stream().mapToInt(String::length).max().orElse(4);
        int top = 40 + 6 * Math.min(16, columnLabels.stream().mapToInt(String::length).max().orElse(4));
        int width = Math.max(left + cell * columnLabels.size() + 90, left + 8 * title.length());
        int height = top + rowHeight * rowLabels.size() + 20;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='").append(height)
                .append("' font-family='sans-serif' font-size='11'>");
        s.append("<text x='").append(left).append("' y='14' font-size='13' font-weight='bold'>").append(Svg.escape(title)).append("</text>");
        for (int c = 0; c < columnLabels.size(); c++) {
            double x = left + cell * c + cell / 2.0;
            s.append("<text transform='translate(").append(Svg.c(x)).append(',').append(top - 4).append(") rotate(-60)'>")
                    .append(Svg.escape(Svg.shorten(columnLabels.get(c), 16))).append("</text>");
        }
        for (int r = 0; r < rowLabels.size(); r++) {
            int y = top + rowHeight * r;
            s.append("<text x='").append(left - 4).append("' y='").append(y + 15).append("' text-anchor='end'>")
                    .append(Svg.escape(rowLabels.get(r))).append("</text>");
            for (int c = 0; c < columnLabels.size(); c++) {
                double v = values[r][c];
                s.append("<rect x='").append(left + cell * c).append("' y='").append(y).append("' width='").append(cell)
                        .append("' height='").append(rowHeight).append("' fill='").append(Svg.diverging(v, bound))
                        .append("' stroke='#ddd'><title>").append(Svg.escape(rowLabels.get(r) + " @ " + columnLabels.get(c)
                                + ": " + Svg.number(v) + (cellText == null ? "" : " " + cellText[r][c]))).append("</title></rect>");
                if (cellText != null && cell >= 40) {
                    s.append("<text x='").append(left + cell * c + cell / 2).append("' y='").append(y + 15)
                            .append("' text-anchor='middle' font-size='9' pointer-events='none'>")
                            .append(Svg.escape(Svg.shorten(cellText[r][c], 6))).append("</text>");
                }
            }
        }
        legend(s, left + cell * columnLabels.size() + 20, top, rowHeight * Math.max(3, rowLabels.size()));
        return s.append("</svg>").toString();
    }

    /** The colour bar: bound down to -bound, or down to 0 when no value is negative (probabilities). */
    private void legend(StringBuilder s, int x, int y, int h) {
        int steps = 20;
        boolean nonNegative = true;
        for (double[] row : values) for (double v : row) if (v < 0) nonNegative = false;
        double low = nonNegative ? 0 : -bound;
        for (int i = 0; i < steps; i++) {
            double v = bound - (bound - low) * i / (steps - 1.0);
            s.append("<rect x='").append(x).append("' y='").append(Svg.c(y + h * i / (double) steps)).append("' width='14' height='")
                    .append(Svg.c(h / (double) steps + 0.5)).append("' fill='").append(Svg.diverging(v, bound)).append("'/>");
        }
        s.append("<text x='").append(x + 18).append("' y='").append(y + 9).append("'>").append(Svg.number(bound)).append("</text>");
        if (!nonNegative) s.append("<text x='").append(x + 18).append("' y='").append(y + h / 2 + 4).append("'>0</text>");
        s.append("<text x='").append(x + 18).append("' y='").append(y + h).append("'>").append(Svg.number(low)).append("</text>");
    }
}
