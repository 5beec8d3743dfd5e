package dev.glassbox.interp.report;

import java.util.List;

/** Horizontal bars around a zero line, positive red and negative blue: DLA, effects per component. */
public record BarChart(String title, List<String> labels, double[] values) {

    public String svg() {
        int rowHeight = 18, left = 10 + 7 * labels.stream().mapToInt(String::length).max().orElse(4);
        int plot = 360, top = 30, width = left + plot + 80, height = top + rowHeight * labels.size() + 30;
        double bound = 1e-9;
        for (double v : values) if (!Double.isNaN(v)) bound = Math.max(bound, Math.abs(v));
        double zero = left + plot / 2.0, scale = (plot / 2.0) / bound;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='").append(height)
                .append("' font-family='sans-serif' font-size='11'>");
        s.append("<text x='").append(left).append("' y='14' font-size='13' font-weight='bold'>").append(Svg.escape(title)).append("</text>");
        for (int i = 0; i < labels.size(); i++) {
            double v = Double.isNaN(values[i]) ? 0 : values[i];
            int y = top + rowHeight * i;
            double x = v >= 0 ? zero : zero + v * scale;
            s.append("<text x='").append(left - 4).append("' y='").append(y + 13).append("' text-anchor='end'>")
                    .append(Svg.escape(labels.get(i))).append("</text>");
            s.append("<rect x='").append(Svg.c(x)).append("' y='").append(y + 2).append("' width='")
                    .append(Svg.c(Math.max(0.5, Math.abs(v) * scale))).append("' height='").append(rowHeight - 4)
                    .append("' fill='").append(v >= 0 ? "#b2182b" : "#2166ac").append("'><title>")
                    .append(Svg.escape(labels.get(i) + ": " + Svg.number(values[i]))).append("</title></rect>");
            s.append("<text x='").append(Svg.c(v >= 0 ? zero + v * scale + 3 : zero + 3)).append("' y='").append(y + 13)
                    .append("' fill='#444'>").append(Svg.number(values[i])).append("</text>");
        }
        int bottom = top + rowHeight * labels.size();
        s.append("<line x1='").append(Svg.c(zero)).append("' y1='").append(top).append("' x2='").append(Svg.c(zero))
                .append("' y2='").append(bottom).append("' stroke='#333'/>");
        s.append("<text x='").append(left).append("' y='").append(bottom + 16).append("'>").append(Svg.number(-bound)).append("</text>");
        s.append("<text x='").append(left + plot).append("' y='").append(bottom + 16).append("' text-anchor='end'>")
                .append(Svg.number(bound)).append("</text>");
        return s.append("</svg>").toString();
    }
}
