package dev.glassbox.cli.figures;

import java.util.Locale;

/**
 * Draws a {@link ResidualFigure} as a self-contained HTML page (inline SVG, no scripts or external
 * files): hovering a cell shows its snapshot, position, dimension and value.
 */
public final class HtmlRenderer {
    private static final int CELL = 22;
    private static final int GAP = 28;

    private HtmlRenderer() {}

    /** A whole page holding the figure. */
    public static String render(ResidualFigure figure) {
        return "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>" + escape(figure.title()) + "</title>\n"
                + "<style>" + STYLE + "</style></head>\n"
                + "<body><h2>" + escape(figure.title()) + "</h2>\n" + caption(figure) + svg(figure) + "</body></html>\n";
    }

    public static final String STYLE = "body{font-family:sans-serif;margin:20px} rect:hover{stroke:#000;stroke-width:1.5}"
            + " table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
            + " pre{background:#f6f6f6;padding:8px}";

    public static String caption(ResidualFigure figure) {
        return "<p>Residual stream after each sublayer. Rows are the labelled residual dimensions, columns the positions; "
                + "red is positive, blue negative (scale ±" + String.format(Locale.ROOT, "%.3g", figure.maxAbs())
                + "). Hover a cell for its value.</p>\n";
    }

    /** The figure as an inline SVG element, for embedding in a larger report. */
    public static String svg(ResidualFigure figure) {
        int dims = figure.dimensionLabels().size();
        int positions = figure.positionLabels().size();
        int labelWidth = 8 + 7 * figure.dimensionLabels().stream().mapToInt(String::length).max().orElse(4);
        int panelWidth = Math.max(positions * CELL, 100);
        int top = 40;
        int width = labelWidth + figure.panels().size() * (panelWidth + GAP) + 20;
        int height = top + dims * CELL + 40;
        float maxAbs = figure.maxAbs();

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='11'>%n", width, height));
        for (int d = 0; d < dims; d++) {
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='end'>%s</text>%n",
                    labelWidth - 6, top + d * CELL + CELL - 4, escape(figure.dimensionLabels().get(d))));
        }
        int x0 = labelWidth;
        for (ResidualFigure.Panel panel : figure.panels()) {
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-weight='bold'>%s</text>%n", x0, top - 10, escape(panel.title())));
            for (int p = 0; p < positions; p++) {
                for (int d = 0; d < dims; d++) {
                    float v = panel.values()[p][d];
                    svg.append(String.format(Locale.ROOT,
                            "<rect x='%d' y='%d' width='%d' height='%d' fill='%s'><title>%s | position %d (%s) | %s = %.4g</title></rect>%n",
                            x0 + p * CELL, top + d * CELL, CELL, CELL, Colors.hex(Colors.diverging(v, maxAbs)),
                            escape(panel.title()), p, escape(figure.positionLabels().get(p)),
                            escape(figure.dimensionLabels().get(d)), v));
                }
                svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>%s</text>%n",
                        x0 + p * CELL + CELL / 2, top + dims * CELL + 14, escape(figure.positionLabels().get(p))));
            }
            svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#bbb'/>%n",
                    x0, top, positions * CELL, dims * CELL));
            x0 += panelWidth + GAP;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }
}
