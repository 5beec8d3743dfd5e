package dev.glassbox.interp.report;

import dev.glassbox.interp.cache.AccumulatedResidual.Stage;
import dev.glassbox.interp.cache.Decomposition;
import java.util.ArrayList;
import java.util.List;

/** The HTML report of a residual-stream decomposition: each part's norm, and the stream's norm as it accumulates. */
public final class DecompositionReport {
    private DecompositionReport() {}

    public static String render(String modelName, List<String> tokens, Decomposition d, List<Stage> stages, int position,
            List<String> residualLabels) {
        HtmlPage page = new HtmlPage("Residual stream decomposition: " + modelName)
                .fact("model", modelName)
                .fact("input", String.join(" ", tokens))
                .fact("position", position + " (" + tokens.get(position) + ")")
                .fact("decomposed", d.stage() + ", the sum of the parts below");
        double[] norms = d.norms(position);
        page.figure(new BarChart("norm of each part at position " + position, d.names(), norms).svg());
        double[] accumulated = new double[stages.size()];
        for (int s = 0; s < stages.size(); s++) {
            float[] x = stages.get(s).value().data();
            int width = stages.get(s).value().dim(1);
            double sum = 0;
            for (int i = 0; i < width; i++) sum += x[position * width + i] * x[position * width + i];
            accumulated[s] = Math.sqrt(sum);
        }
        page.figure(new LineChart("norm of the accumulated residual stream", "norm",
                stages.stream().map(Stage::label).toList(), List.of(new LineChart.Series("position " + position, accumulated))).svg());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < norms.length; i++) rows.add(List.of(d.names().get(i), Svg.number(norms[i]), largest(d, i, position, residualLabels)));
        page.table(List.of("component", "norm", "largest coordinates"), rows);
        return page.render();
    }

    /** The three largest |coordinates| of a part, named by residual label when the model has them. */
    private static String largest(Decomposition d, int part, int position, List<String> labels) {
        var a = d.parts().get(part);
        int width = a.dim(1);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < width; i++) order.add(i);
        order.sort((x, y) -> Float.compare(Math.abs(a.data()[position * width + y]), Math.abs(a.data()[position * width + x])));
        List<String> out = new ArrayList<>();
        for (int i : order.subList(0, Math.min(3, width))) {
            float v = a.data()[position * width + i];
            if (v != 0) out.add((labels == null ? "#" + i : labels.get(i)) + "=" + Svg.number(v));
        }
        return String.join(", ", out);
    }
}
