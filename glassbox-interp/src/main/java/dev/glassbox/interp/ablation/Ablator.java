package dev.glassbox.interp.ablation;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.PositionOutOfRangeException;
import dev.glassbox.interp.PromptLengthException;
import dev.glassbox.interp.metric.Metric;
import dev.glassbox.interp.metric.MetricChoice;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.names.Component;
import dev.glassbox.interp.patching.ForwardCounter;
import dev.glassbox.interp.patching.Patch;
import dev.glassbox.interp.patching.PatchHooks;
import dev.glassbox.interp.patching.Site;
import dev.glassbox.interp.patching.Sites;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.hooks.Activation;
import dev.glassbox.model.hooks.HookHandle;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ablation as patching from a made-up source: the prompt is run once with the ablated sites cached (for
 * their shapes), the reference prompts once each; then each ablation overwrites its sites with zeros, the
 * reference mean (per position, over the references that reach it), or each reference's own value in turn.
 */
public final class Ablator {
    private final InterpModel model;
    private final Prompt prompt;
    private final MetricChoice metricChoice;
    private final List<Prompt> references;

    /**
     * @param metric chosen from the unablated run (both arguments are that run)
     * @param references the prompt set for mean ablation, the prompts to resample from; may be empty for
     *     zero ablation only
     */
    public Ablator(InterpModel model, Prompt prompt, MetricChoice metric, List<Prompt> references) {
        this.model = model;
        this.prompt = prompt;
        this.metricChoice = metric;
        this.references = List.copyOf(references);
    }

    public AblationResult run(List<Ablation> ablations) {
        Transformer t = model.transformer();
        Set<String> hooks = new LinkedHashSet<>();
        for (Ablation a : ablations) {
            if (a.position() != null) PositionOutOfRangeException.check("ablation", a.position(), prompt.length());
            for (Component c : a.components()) Sites.of(c, t.config()).forEach(s -> hooks.add(s.hook()));
            checkReferences(a.kind());
        }
        ForwardCounter counter = new ForwardCounter(t);
        CachedRun base = counter.runWithCache(prompt.tokens(), hooks::contains);
        Metric metric = metricChoice.choose(base.logits(), base.logits());
        double baseline = metric.measure(base.logits());
        List<CachedRun> refs = new ArrayList<>();
        boolean needRefs = ablations.stream().anyMatch(a -> a.kind() != AblationKind.ZERO);
        if (needRefs) for (Prompt r : references) refs.add(counter.runWithCache(r.tokens(), hooks::contains));

        List<AblationOutcome> outcomes = new ArrayList<>();
        for (Ablation a : ablations) {
            List<List<Patch>> runs = switch (a.kind()) {
                case ZERO -> List.of(patches(a, site -> Activation.zeros(base.cache().get(site.hook()).shape())));
                case MEAN -> List.of(patches(a, site -> mean(site.hook(), refs, base.cache().get(site.hook()))));
                case RESAMPLE -> resamples(a, refs);
            };
            List<Double> samples = new ArrayList<>();
            String prediction = null;
            for (List<Patch> patches : runs) {
                HookRegistry registry = t.newHooks();
                float[][] logits;
                try (HookHandle ignored = PatchHooks.install(registry, patches)) {
                    logits = counter.forward(prompt.tokens(), registry);
                }
                samples.add(metric.measure(logits));
                if (prediction == null) prediction = model.outputLabel(Predictions.argmax(logits)[metric.position()]);
            }
            double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            outcomes.add(new AblationOutcome(a.name(), a.position(), a.kind(), mean, mean - baseline, samples, prediction));
        }
        String basePrediction = model.outputLabel(Predictions.argmax(base.logits())[metric.position()]);
        return new AblationResult(metric.description(), baseline, basePrediction, outcomes, counter.passes(),
                prompt.labels());
    }

    private List<Patch> patches(Ablation a, java.util.function.Function<Site, Activation> values) {
        List<Patch> out = new ArrayList<>();
        for (Component c : a.components()) {
            for (Site site : Sites.of(c, model.transformer().config())) out.add(new Patch(site, a.position(), values.apply(site)));
        }
        return out;
    }

    private List<List<Patch>> resamples(Ablation a, List<CachedRun> refs) {
        List<List<Patch>> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            PromptLengthException.check("ablated", prompt.tokens(), "resample source #" + i, references.get(i).tokens());
            CachedRun r = refs.get(i);
            out.add(patches(a, site -> r.cache().get(site.hook())));
        }
        return out;
    }

    /**
     * The mean over the references, position by position: mean_p = (1/|R_p|) sum_{r in R_p} a_r[p], R_p the
     * references with a position p. Rows have the prompt's width.
     */
    private static Activation mean(String hook, List<CachedRun> refs, Activation like) {
        int positions = like.dim(0), row = like.size() / positions;
        float[] sum = new float[like.size()];
        int[] count = new int[positions];
        for (CachedRun r : refs) {
            Activation a = r.cache().get(hook);
            int reach = Math.min(positions, a.dim(0));
            for (int p = 0; p < reach; p++) {
                count[p]++;
                for (int i = 0; i < row; i++) sum[p * row + i] += a.data()[p * row + i];
            }
        }
        for (int p = 0; p < positions; p++) {
            if (count[p] == 0) {
                throw new InvalidInputException("no prompt of the mean-ablation set reaches position " + p
                        + "; give prompts at least " + positions + " tokens long");
            }
            for (int i = 0; i < row; i++) sum[p * row + i] /= count[p];
        }
        return new Activation(like.shape(), sum);
    }

    private void checkReferences(AblationKind kind) {
        if (kind != AblationKind.ZERO && references.isEmpty()) {
            throw new InvalidInputException(kind.label() + " ablation needs a set of other prompts"
                    + (kind == AblationKind.MEAN ? " to average over" : " to resample from") + "; give at least one");
        }
    }
}
