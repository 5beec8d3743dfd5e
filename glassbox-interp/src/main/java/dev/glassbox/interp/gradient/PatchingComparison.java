package dev.glassbox.interp.gradient;

import dev.glassbox.interp.patching.ActivationPatching;
import dev.glassbox.interp.patching.PatchEffect;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchTarget;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Attribution patching against real activation patching on one problem and one sweep: per cell the
 * measured and the estimated effect (both normalised as {@code Direction} says), their correlation, the
 * largest disagreement, and what each cost (passes counted, wall time).
 *
 * @param rows one per cell, in sweep order
 * @param pearson Pearson's r between measured and estimated effects
 * @param spearman Spearman's ρ (does the estimate rank the cells right?)
 * @param maxError max |measured − estimated|
 * @param activationNanos wall time of activation patching; {@code attributionNanos} of attribution
 */
public record PatchingComparison(PatchingResult activation, AttributionEstimate attribution, List<Row> rows,
        double pearson, double spearman, double maxError, long activationNanos, long attributionNanos) {

    /** One cell: the component, its position (null: every position), measured and estimated effects. */
    public record Row(String component, Integer position, double measured, double estimated) {
        public double error() {
            return estimated - measured;
        }
    }

    public PatchingComparison {
        rows = List.copyOf(rows);
    }

    /** Runs both methods over a standard sweep. */
    public static PatchingComparison of(PatchingProblem problem, PatchGranularity granularity) {
        int positions = problem.clean().length();
        return of(problem, granularity.label(), granularity.targets(problem.model().transformer().config(), positions));
    }

    /** Runs both methods over the given cells. */
    public static PatchingComparison of(PatchingProblem problem, String label, List<PatchTarget> targets) {
        long start = System.nanoTime();
        PatchingResult activation = new ActivationPatching().run(problem, label, targets);
        long middle = System.nanoTime();
        AttributionEstimate attribution = new AttributionPatching().estimate(problem, label, targets);
        long end = System.nanoTime();

        List<Row> rows = new ArrayList<>(targets.size());
        double[] measured = new double[targets.size()], estimated = new double[targets.size()];
        double maxError = 0;
        for (int i = 0; i < targets.size(); i++) {
            PatchEffect real = activation.effects().get(i), guess = attribution.result().effects().get(i);
            rows.add(new Row(real.component(), real.position(), real.effect(), guess.effect()));
            measured[i] = real.effect();
            estimated[i] = guess.effect();
            maxError = Math.max(maxError, Math.abs(real.effect() - guess.effect()));
        }
        return new PatchingComparison(activation, attribution, rows, Correlation.pearson(measured, estimated),
                Correlation.spearman(measured, estimated), maxError, middle - start, end - middle);
    }

    /**
     * Both methods' results, activation patching first: what {@code PatchingReport.render} takes to show
     * them on one page, heatmap beside heatmap.
     */
    public List<PatchingResult> results() {
        return List.of(activation, attribution.result());
    }

    /**
     * A Markdown summary: the costs, the correlations, and the {@code top} cells with the largest measured
     * effects (all when top ≤ 0), for reports and docs.
     */
    public String markdown(int top) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s patching, %s sweep, metric %s: %d cells%n%n",
                activation.direction().label(), activation.granularity(), activation.metric(), rows.size()));
        out.append("| method | forward passes | backward passes | time (ms) |\n|---|---:|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| activation patching | %d | 0 | %.1f |%n", activation.forwardPasses(), activationNanos / 1e6));
        out.append(String.format(Locale.ROOT, "| attribution patching | %d | %d | %.1f |%n%n",
                attribution.forwardPasses(), attribution.backwardPasses(), attributionNanos / 1e6));
        out.append(String.format(Locale.ROOT, "Pearson r = %.4f, Spearman ρ = %.4f, max |error| = %.4f%n%n", pearson, spearman, maxError));
        out.append("| cell | measured | estimated | error |\n|---|---:|---:|---:|\n");
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble((Row r) -> -Math.abs(r.measured())));
        for (Row r : top > 0 ? sorted.subList(0, Math.min(top, sorted.size())) : sorted) {
            String cell = r.component() + (r.position() == null ? "" : " @ " + r.position());
            out.append(String.format(Locale.ROOT, "| %s | %+.4f | %+.4f | %+.4f |%n", cell, r.measured(), r.estimated(), r.error()));
        }
        return out.toString();
    }
}
