package dev.glassbox.cli.figures;

import java.util.List;

/**
 * The compiled-transformer paper's standard figure: the residual stream after every sublayer, one
 * heatmap per snapshot, rows the labelled residual dimensions, columns the positions.
 *
 * @param title what was run, e.g. {@code reverse on [BOS a b c]}
 * @param dimensionLabels one label per residual dimension ({@code tokens:a}, {@code indices:2}, {@code one}, ...)
 * @param positionLabels one label per position ({@code BOS}, then the input tokens)
 * @param panels the snapshots, in order (input embedding, after each attention and MLP sublayer)
 */
public record ResidualFigure(String title, List<String> dimensionLabels, List<String> positionLabels, List<Panel> panels) {

    public ResidualFigure {
        dimensionLabels = List.copyOf(dimensionLabels);
        positionLabels = List.copyOf(positionLabels);
        panels = List.copyOf(panels);
        for (Panel p : panels) {
            if (p.values().length != positionLabels.size()) {
                throw new IllegalArgumentException(p.title() + ": " + p.values().length + " positions, expected " + positionLabels.size());
            }
            for (float[] row : p.values()) {
                if (row.length != dimensionLabels.size()) {
                    throw new IllegalArgumentException(p.title() + ": " + row.length + " dimensions, expected " + dimensionLabels.size());
                }
            }
        }
    }

    /** One snapshot: values[position][dimension]. */
    public record Panel(String title, float[][] values) {}

    /** The largest |value| over all panels: the colour scale is symmetric around zero. */
    public float maxAbs() {
        float m = 0f;
        for (Panel p : panels) for (float[] row : p.values()) for (float v : row) m = Math.max(m, Math.abs(v));
        return m == 0f ? 1f : m;
    }
}
