package dev.glassbox.interp.report;

import dev.glassbox.interp.ablation.AblationOutcome;
import dev.glassbox.interp.ablation.AblationResult;
import java.util.ArrayList;
import java.util.List;

/** The HTML report of ablations: how much each one moved the metric, and the answer it left. */
public final class AblationReport {
    private AblationReport() {}

    public static String render(String modelName, AblationResult r) {
        HtmlPage page = new HtmlPage("Ablation: " + modelName)
                .fact("model", modelName)
                .fact("input", String.join(" ", r.tokens()))
                .fact("metric", r.metric())
                .fact("unablated", Svg.number(r.baselineMetric()) + " (answer " + r.baselinePrediction() + ")")
                .fact("forward passes", String.valueOf(r.forwardPasses()));
        List<String> labels = new ArrayList<>();
        for (AblationOutcome o : r.outcomes()) labels.add(label(o));
        page.figure(new BarChart("change of the metric when ablated", labels,
                r.outcomes().stream().mapToDouble(AblationOutcome::change).toArray()).svg());
        List<List<String>> rows = new ArrayList<>();
        for (AblationOutcome o : r.outcomes()) {
            rows.add(List.of(o.component(), o.position() == null ? "all" : String.valueOf(o.position()), o.kind().label(),
                    Svg.number(o.metric()), Svg.number(o.change()), o.prediction(), String.valueOf(o.samples().size())));
        }
        page.table(List.of("component", "position", "kind", "metric", "change", "answer", "runs"), rows);
        return page.render();
    }

    private static String label(AblationOutcome o) {
        return o.component() + (o.position() == null ? "" : " @" + o.position()) + " (" + o.kind().label() + ")";
    }
}
