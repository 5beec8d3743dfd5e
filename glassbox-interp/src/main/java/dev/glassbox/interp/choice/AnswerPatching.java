package dev.glassbox.interp.choice;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.interp.metric.LogitDifference;
import dev.glassbox.interp.metric.MetricChoice;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.patching.ActivationPatching;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchEffect;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchTarget;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import dev.glassbox.model.TransformerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Activation patching of multiple-choice questions at the answer position (Lieberum et al. 2023): for each
 * question, the clean prompt and a corrupt one in which the right option carries another label (its label and
 * the next option's exchanged, {@link ChoicePrompt#swapLabels}), so the two differ in two label tokens only.
 * Denoising, metric logit[right label] - logit[other label] at the last position. Patched: every sublayer and
 * head at the answer position, and every sublayer at the two label positions. Effects over the questions are
 * ratios of sums (robust where one question's clean and corrupt metrics nearly agree).
 */
public final class AnswerPatching {
    public static final String ANSWER = "answer", RIGHT_LABEL = "right label", OTHER_LABEL = "other label";

    private AnswerPatching() {}

    public static AnswerPatchingResult run(InterpModel model, List<ChoicePrompt> prompts, ChoiceFormat format) {
        TransformerConfig c = model.transformer().config();
        Map<String, double[]> sums = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        double range = 0, clean = 0, corrupt = 0;
        int passes = 0, used = 0;
        for (ChoicePrompt cp : prompts) {
            LabelTokens labels = LabelTokens.resolve(model, cp.labels());
            int right = cp.question().answer(), other = (right + 1) % cp.labels().size();
            ChoicePrompt swapped = cp.swapLabels(other, format, labels.separator());
            Prompt a = model.prompt(cp.text()), b = model.prompt(swapped.text());
            List<Integer> differ = differing(a.tokens(), b.tokens());
            if (a.length() != b.length() || differ.size() != 2 || a.length() > c.contextLength()) {
                skipped.add(cp.question().question().replace('\n', ' ') + ": the swapped labels do not line up token by token"
                        + " (or the prompt is over the context)");
                continue;
            }
            int last = a.length() - 1;
            int rightPos = right < other ? differ.get(0) : differ.get(1), otherPos = right < other ? differ.get(1) : differ.get(0);
            List<PatchTarget> targets = new ArrayList<>();
            List<String> roles = new ArrayList<>();
            for (PatchTarget t : PatchGranularity.COMPONENT.targets(c, a.length())) {
                for (int[] at : new int[][] {{last, 0}, {rightPos, 1}, {otherPos, 2}}) {
                    targets.add(new PatchTarget(t.component(), at[0]));
                    roles.add(List.of(ANSWER, RIGHT_LABEL, OTHER_LABEL).get(at[1]));
                }
            }
            if (!c.postNorms()) {
                for (PatchTarget t : PatchGranularity.HEAD.targets(c, a.length())) {
                    targets.add(new PatchTarget(t.component(), last));
                    roles.add(ANSWER);
                }
            }
            int[] ids = labels.ids();
            MetricChoice metric = MetricChoice.fixed(LogitDifference.of(last, ids[right], ids[other], cp.labels().get(right),
                    cp.labels().get(other)));
            PatchingResult r;
            try {
                r = new ActivationPatching().run(new PatchingProblem(model, a, b, metric, Direction.DENOISING), "answer", targets);
            } catch (GlassboxException e) {
                skipped.add(cp.question().question().replace('\n', ' ') + ": " + e.getMessage());
                continue;
            }
            passes += r.forwardPasses();
            used++;
            range += r.cleanMetric() - r.corruptMetric();
            clean += r.cleanMetric();
            corrupt += r.corruptMetric();
            for (int i = 0; i < targets.size(); i++) {
                PatchEffect e = r.effects().get(i);
                sums.computeIfAbsent(e.component() + "\u0000" + roles.get(i), k -> new double[1])[0] += e.metric() - r.corruptMetric();
            }
        }
        List<RoleEffect> effects = new ArrayList<>();
        double total = range;
        sums.forEach((key, v) -> {
            String[] parts = key.split("\u0000");
            effects.add(new RoleEffect(parts[0], parts[1], v[0] / total));
        });
        return new AnswerPatchingResult(effects, used, used == 0 ? Double.NaN : clean / used,
                used == 0 ? Double.NaN : corrupt / used, skipped, passes);
    }

    private static List<Integer> differing(int[] a, int[] b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(a.length, b.length); i++) if (a[i] != b[i]) out.add(i);
        return out;
    }
}
