package dev.glassbox.interp.patching;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.metric.Metric;
import dev.glassbox.model.CachedRun;
import java.util.Set;

/**
 * The two unpatched runs every patching method starts from, each run once: the source run caches the
 * hooks the patches read, the patched prompt's own run gives its baseline (and caches what path patching
 * freezes). The metric is chosen from both.
 */
record Baselines(CachedRun source, CachedRun patched, Metric metric, double clean, double corrupt) {

    static Baselines run(ForwardCounter counter, PatchingProblem problem, Set<String> sourceHooks, Set<String> patchedHooks) {
        CachedRun source = counter.runWithCache(problem.source().tokens(), sourceHooks::contains);
        CachedRun patched = counter.runWithCache(problem.patched().tokens(), patchedHooks::contains);
        boolean noising = problem.direction().patchesCleanRun();
        float[][] cleanLogits = noising ? patched.logits() : source.logits();
        float[][] corruptLogits = noising ? source.logits() : patched.logits();
        Metric metric = problem.metric().choose(cleanLogits, corruptLogits);
        double clean = metric.measure(cleanLogits), corrupt = metric.measure(corruptLogits);
        if (clean == corrupt) {
            throw new InvalidInputException("the metric (" + metric.description() + ") is " + clean
                    + " on both the clean and the corrupt prompt, so there is no effect to normalise; choose prompts"
                    + " or a metric that tell them apart");
        }
        return new Baselines(source, patched, metric, clean, corrupt);
    }
}
