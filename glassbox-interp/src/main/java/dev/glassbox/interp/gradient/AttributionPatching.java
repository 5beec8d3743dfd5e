package dev.glassbox.interp.gradient;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.PositionOutOfRangeException;
import dev.glassbox.interp.metric.Metric;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.ForwardCounter;
import dev.glassbox.interp.patching.PatchEffect;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchTarget;
import dev.glassbox.interp.patching.PatchingMethod;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.grad.GradientRun;
import dev.glassbox.model.grad.Gradients;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Attribution patching (Nanda 2023; Syed, Rager and Conmy 2023): every cell of a patching sweep
 * estimated to first order from one backward pass, instead of one forward pass per cell. With P the run
 * being patched, S the run its values come from, and g = ∂m/∂A at P:
 * <pre>
 *   m(P with A := A_S) − m(P)  ≈  (A_S − A_P) · g
 *   noising   (corrupt into clean):  (A_corrupt − A_clean) · ∂m/∂A |clean
 *   denoising (clean into corrupt):  (A_clean − A_corrupt) · ∂m/∂A |corrupt
 * </pre>
 * summed over the band a patch of the cell would overwrite (a head's slice of hook_z, a neuron of
 * hook_post, a sublayer's output, a residual stream), at one position or all. Cost, counted: the two
 * forward passes of the clean and corrupt prompts and one backward pass, whatever the number of cells.
 * The estimate is exact where the metric is linear in the patched activation (a linear metric of a
 * component that feeds the unembedding without a norm or a nonlinearity between), and degrades where
 * a patch moves a nonlinearity far: saturated attention, a norm whose scale changes, ReLUs that switch.
 *
 * <p>Registered as the patching method "attribution" ({@code PatchingMethods.named}).
 */
public final class AttributionPatching implements PatchingMethod {

    @Override
    public String name() {
        return "attribution";
    }

    @Override
    public PatchingResult sweep(PatchingProblem problem, PatchGranularity granularity) {
        Transformer model = problem.model().transformer();
        return estimate(problem, granularity.label(), granularity.targets(model.config(), problem.clean().length())).result();
    }

    /** Estimates each target's effect; {@code label} names the sweep in the result. */
    public AttributionEstimate estimate(PatchingProblem problem, String label, List<PatchTarget> targets) {
        Transformer model = problem.model().transformer();
        int positions = problem.clean().length();
        Set<String> values = new LinkedHashSet<>(), gradients = new LinkedHashSet<>();
        List<List<SiteTerm>> terms = new ArrayList<>();
        for (PatchTarget t : targets) {
            if (t.position() != null) PositionOutOfRangeException.check("patch", t.position(), positions);
            List<SiteTerm> cell = SiteTerm.of(t.component(), model.config());
            for (SiteTerm term : cell) {
                values.add(term.site().hook());
                gradients.add(term.gradientHook());
            }
            terms.add(cell);
        }

        ForwardCounter counter = new ForwardCounter(model);
        CachedRun source = counter.runWithCache(problem.source().tokens(), values::contains);
        CachedRun patched = counter.runWithCache(problem.patched().tokens(),
                Gradients.cacheFilter(model, name -> values.contains(name) || gradients.contains(name)));
        Direction direction = problem.direction();
        float[][] cleanLogits = direction.patchesCleanRun() ? patched.logits() : source.logits();
        float[][] corruptLogits = direction.patchesCleanRun() ? source.logits() : patched.logits();
        Metric metric = problem.metric().choose(cleanLogits, corruptLogits);
        double clean = metric.measure(cleanLogits), corrupt = metric.measure(corruptLogits);
        if (clean == corrupt) {
            throw new InvalidInputException("the metric (" + metric.description() + ") is " + clean
                    + " on both the clean and the corrupt prompt, so there is no effect to normalise; choose prompts"
                    + " or a metric that tell them apart");
        }
        GradientRun grad = Gradients.backward(model, patched, MetricGradient.of(metric), gradients::contains);
        double unpatched = metric.measure(patched.logits());

        List<PatchEffect> effects = new ArrayList<>(targets.size());
        List<Double> deltas = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            PatchTarget t = targets.get(i);
            double delta = 0;
            for (SiteTerm term : terms.get(i)) {
                String hook = term.site().hook();
                delta += term.estimate(t.position(), source.cache().get(hook), patched.cache().get(hook),
                        grad.gradient(term.gradientHook()));
            }
            deltas.add(delta);
            effects.add(new PatchEffect(t.component().name(), t.position(),
                    direction.normalise(unpatched + delta, clean, corrupt), Double.NaN));
        }
        PatchingResult result = new PatchingResult(name(), direction, label, metric.description(), clean, corrupt,
                effects, counter.passes(), targets.size() + 2, problem.clean().labels(), problem.corrupt().labels());
        return new AttributionEstimate(result, deltas, counter.passes(), 1);
    }
}
