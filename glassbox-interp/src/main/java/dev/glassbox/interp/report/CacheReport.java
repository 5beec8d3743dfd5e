package dev.glassbox.interp.report;

import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.ActivationCache;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML report of a cached run: each activation as heatmaps. [position][width] is one map (columns
 * named by residual labels when the width is the residual stream's and they are known); attention
 * patterns [head][query][key] one map per head; [position][head][width] one map per head.
 */
public final class CacheReport {
    private static final int MAX_FIGURES = 48;

    private CacheReport() {}

    public static String render(String modelName, List<String> tokens, ActivationCache cache, List<String> residualLabels) {
        HtmlPage page = new HtmlPage("Activation cache: " + modelName)
                .fact("model", modelName)
                .fact("input", String.join(" ", tokens))
                .fact("activations", String.join(", ", cache.names()));
        int figures = 0;
        for (String name : cache.names()) {
            Activation a = cache.get(name);
            page.heading(name + " " + java.util.Arrays.toString(a.shape()));
            for (Heatmap h : maps(name, a, tokens, residualLabels)) {
                if (figures++ >= MAX_FIGURES) {
                    page.paragraph("(further figures left out; use --json for the values)");
                    return page.render();
                }
                page.figure(h.svg());
            }
        }
        return page.render();
    }

    private static List<Heatmap> maps(String name, Activation a, List<String> tokens, List<String> residualLabels) {
        List<Heatmap> out = new ArrayList<>();
        if (a.rank() == 2) {
            List<String> columns = residualLabels != null && residualLabels.size() == a.dim(1) ? residualLabels : indices(a.dim(1));
            out.add(Heatmap.of(name, tokens, columns, rows(a.data(), 0, a.dim(0), a.dim(1)), 1e-9));
        } else if (a.rank() == 3 && (name.endsWith("hook_pattern") || name.endsWith("hook_attn_scores"))) {
            int q = a.dim(1), k = a.dim(2);
            for (int h = 0; h < a.dim(0); h++) {
                double[][] v = rows(a.data(), h * q * k, q, k);
                for (double[] row : v) for (int j = 0; j < row.length; j++) if (Double.isInfinite(row[j])) row[j] = Double.NaN;
                out.add(Heatmap.of(name + " head " + h + " (query x key)", tokens.subList(0, q), tokens.subList(0, k), v, 1e-9));
            }
        } else if (a.rank() == 3) {
            int heads = a.dim(1), width = a.dim(2);
            for (int h = 0; h < heads; h++) {
                double[][] v = new double[a.dim(0)][width];
                for (int p = 0; p < a.dim(0); p++) for (int i = 0; i < width; i++) v[p][i] = a.data()[(p * heads + h) * width + i];
                out.add(Heatmap.of(name + " head " + h, tokens, indices(width), v, 1e-9));
            }
        }
        return out;
    }

    private static double[][] rows(float[] data, int offset, int n, int width) {
        double[][] out = new double[n][width];
        for (int r = 0; r < n; r++) for (int c = 0; c < width; c++) out[r][c] = data[offset + r * width + c];
        return out;
    }

    private static List<String> indices(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(String.valueOf(i));
        return out;
    }
}
