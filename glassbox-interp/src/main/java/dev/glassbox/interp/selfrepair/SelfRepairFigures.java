package dev.glassbox.interp.selfrepair;

import dev.glassbox.interp.report.Heatmap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The plots of a self-repair result, as SVG: the report shows them and the study writes them to files. */
public final class SelfRepairFigures {
    private SelfRepairFigures() {}

    /** Total against direct effect of every head on every prompt, one colour per layer, with y = x. */
    public static String headScatter(SelfRepairResult r) {
        List<ScatterPlot.Series> series = new ArrayList<>();
        for (int l = 0; l < r.layers(); l++) {
            final int layer = l;
            series.add(series(r, "layer " + l, p -> p.kind() == Part.Kind.HEAD && p.layer() == layer));
        }
        return new ScatterPlot("heads: total vs direct effect (" + r.prompts().size() + " prompts)", "direct effect",
                "total effect", series).svg();
    }

    /** The same for attention sublayers and MLPs, one colour per sublayer. */
    public static String sublayerScatter(SelfRepairResult r) {
        List<ScatterPlot.Series> series = new ArrayList<>();
        for (Part part : r.sublayers()) series.add(series(r, part.name(), p -> p.equals(part)));
        return new ScatterPlot("sublayers: total vs direct effect", "direct effect", "total effect", series).svg();
    }

    /** Rows: the ablated sublayer i; columns: sublayer j; cell: mean change of j's direct effect. */
    public static String layerMatrix(SelfRepairResult r) {
        List<Part> parts = r.sublayers();
        List<String> names = parts.stream().map(Part::name).toList();
        return Heatmap.of("ablate row i: change in direct effect of column j (mean over prompts)", names, names,
                r.matrix(parts, parts), 1e-9).svg();
    }

    /** Rows: ablated heads; columns: every head and MLP. */
    public static String headMatrix(SelfRepairResult r) {
        List<Part> rows = r.headParts();
        List<Part> columns = r.parts().stream().filter(p -> p.kind() == Part.Kind.HEAD || p.kind() == Part.Kind.MLP).toList();
        return Heatmap.of("ablate head i: change in direct effect of head or MLP j", axisLabels(rows), axisLabels(columns),
                r.matrix(rows, columns), 1e-9).svg();
    }

    /** "L.H" for heads, "mlp L" for MLPs: compact axis labels. */
    private static List<String> axisLabels(List<Part> parts) {
        return parts.stream().map(p -> switch (p.kind()) {
            case HEAD -> p.layer() + "." + p.head();
            case MLP -> "mlp " + p.layer();
            case ATTN -> "attn " + p.layer();
            case EMBED -> "embed";
        }).toList();
    }

    private static ScatterPlot.Series series(SelfRepairResult r, String name, Predicate<Part> which) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < r.prompts().size(); k++) {
            for (ComponentRepair c : r.prompts().get(k).components()) {
                if (!which.test(c.part())) continue;
                xs.add(c.direct());
                ys.add(c.total());
                labels.add(c.part().name() + " on prompt " + k);
            }
        }
        return new ScatterPlot.Series(name, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), labels);
    }
}
