package dev.glassbox.interp.selfrepair;

import dev.glassbox.interp.PositionOutOfRangeException;
import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.attribution.LogitTarget;
import dev.glassbox.interp.lens.NormScale;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.patching.ForwardCounter;
import dev.glassbox.interp.patching.Patch;
import dev.glassbox.interp.patching.PatchHooks;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.hooks.HookHandle;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Self-repair (McGrath et al. 2023, "The Hydra Effect"): for every head, attention sublayer and MLP, its
 * direct effect on the clean answer's centred logit against its total effect under ablation, and how much
 * of the difference each later sublayer makes up ({@link ComponentRepair}).
 *
 * <p>Each prompt is run once with its activations cached; each part is then ablated in one run per resample
 * source (one for zero and mean ablation), caching what the read-out needs. A set of n prompts of which each
 * has m ablatable parts and k sources costs n + n·m·k forward passes (plus one per --reference prompt).
 */
public final class SelfRepair {
    private SelfRepair() {}

    /** Self-repair on every prompt; resample sources and the mean are taken from the set itself. */
    public static SelfRepairResult run(InterpModel model, List<Prompt> prompts, SelfRepairOptions options) {
        return run(model, prompts, List.of(), options);
    }

    /**
     * @param references when not empty, the resample sources and the mean set instead of the set's own prompts
     *     (only those of each prompt's token length are used)
     */
    public static SelfRepairResult run(InterpModel model, List<Prompt> prompts, List<Prompt> references,
            SelfRepairOptions options) {
        if (prompts.isEmpty()) throw new dev.glassbox.core.InvalidInputException("no prompts to analyse; give at least one");
        Transformer t = model.transformer();
        if (t.outputSize() < 2) {
            throw new dev.glassbox.core.InvalidInputException("self-repair reads the centred logit of the model's answer, and a"
                    + " model with a single (numerical) output has none; use ablation or patching for it instead");
        }
        DirectEffects reader = new DirectEffects(t);
        for (Prompt p : prompts) {
            if (options.position() != null) PositionOutOfRangeException.check("self-repair", options.position(), p.length());
        }
        Set<String> cached = new LinkedHashSet<>(reader.hooks());
        cached.addAll(AblationPatches.hooks(t.config()));
        ForwardCounter counter = new ForwardCounter(t);
        List<CachedRun> runs = new ArrayList<>();
        for (Prompt p : prompts) runs.add(counter.runWithCache(p.tokens(), cached::contains));
        List<CachedRun> refRuns = new ArrayList<>();
        if (options.ablation() != AblationKind.ZERO) {
            for (Prompt r : references) refRuns.add(counter.runWithCache(r.tokens(), AblationPatches.hooks(t.config())::contains));
        }
        Sources sources = references.isEmpty() ? Sources.fromSet(prompts, runs) : Sources.fromReferences(references, refRuns);

        List<PromptRepair> out = new ArrayList<>();
        for (int k = 0; k < prompts.size(); k++) {
            out.add(analyse(model, reader, counter, prompts.get(k), runs.get(k), k, sources, options));
        }
        return new SelfRepairResult(model.name(), options, reader.parts(), reader.heads(), out, counter.passes());
    }

    private static PromptRepair analyse(InterpModel model, DirectEffects reader, ForwardCounter counter, Prompt prompt,
            CachedRun clean, int index, Sources sources, SelfRepairOptions options) {
        Transformer t = model.transformer();
        int p = options.position() != null ? options.position() : prompt.length() - 1;
        int target = Predictions.argmax(clean.logits())[p];
        double[] u = LogitTarget.logit(target).direction(t, true);
        double[] eClean = reader.readDirection(u, reader.scale(clean, p));
        double[] deClean = reader.read(clean, p, eClean);
        double logitClean = reader.logit(clean, p, u);
        List<Part> parts = reader.parts();
        List<CachedRun> resample = options.ablation() == AblationKind.RESAMPLE
                ? sources.resample(index, prompt, options.samples()) : List.of();
        List<CachedRun> meanSet = options.ablation() == AblationKind.MEAN ? sources.meanSet(prompt) : List.of();

        List<ComponentRepair> repairs = new ArrayList<>();
        int runsPerPart = 1;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.kind() == Part.Kind.EMBED) continue;
            List<List<Patch>> ablations = AblationPatches.of(part, options.ablation(), t.config(), clean, resample, meanSet);
            runsPerPart = ablations.size();
            double total = 0, direct = 0;
            double[] changes = new double[parts.size()];
            for (List<Patch> patches : ablations) {
                CachedRun ablated;
                HookRegistry hooks = t.newHooks();
                try (HookHandle ignored = PatchHooks.install(hooks, patches)) {
                    ablated = counter.runWithCache(prompt.tokens(), hooks, reader.hooks()::contains);
                }
                double[] e = options.scale() == NormScale.FROZEN ? eClean : reader.readDirection(u, reader.scale(ablated, p));
                double[] deAblated = reader.read(ablated, p, e);
                total += logitClean - reader.logit(ablated, p, u);
                direct += deClean[i] - deAblated[i];
                for (int j = 0; j < changes.length; j++) changes[j] += deAblated[j] - deClean[j];
            }
            int n = ablations.size();
            total /= n;
            direct /= n;
            double attention = 0, mlp = 0;
            for (int j = 0; j < changes.length; j++) {
                changes[j] /= n;
                if (parts.get(j).compensates(part)) {
                    if (parts.get(j).kind() == Part.Kind.ATTN) attention += changes[j]; else mlp += changes[j];
                }
            }
            repairs.add(new ComponentRepair(part, direct, total, attention, mlp, total - (direct - attention - mlp), changes));
        }
        return new PromptRepair(prompt.text(), prompt.labels(), p, model.outputLabel(target), logitClean, runsPerPart, repairs);
    }
}
