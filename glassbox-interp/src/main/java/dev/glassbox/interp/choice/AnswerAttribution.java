package dev.glassbox.interp.choice;

import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.AttributionLevel;
import dev.glassbox.interp.attribution.ComponentScore;
import dev.glassbox.interp.attribution.DirectLogitAttribution;
import dev.glassbox.interp.attribution.LogitTarget;
import dev.glassbox.interp.cache.Caching;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct logit attribution at the answer position of the right label against the others:
 * <pre>
 *   target = logit[right label] - mean_{wrong labels w} logit[w]
 *   DLA_c(target) = DLA_c(right) - mean_w DLA_c(w)            (DLA is linear in the target)
 * </pre>
 * per head (per layer for post-norm models, where heads do not add up), from one cached run.
 */
public final class AnswerAttribution {
    private AnswerAttribution() {}

    public static Attribution of(InterpModel model, ChoicePrompt cp) {
        Transformer t = model.transformer();
        int[] ids = LabelTokens.resolve(model, cp.labels()).ids();
        Prompt p = model.prompt(cp.text());
        int last = p.length() - 1, right = cp.question().answer();
        AttributionLevel level = t.config().postNorms() ? AttributionLevel.LAYER : AttributionLevel.HEAD;
        CachedRun run = Caching.run(t, p.tokens(), DirectLogitAttribution.cacheFilter(t, level));
        List<Attribution> each = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            each.add(DirectLogitAttribution.attribute(t, run, last, LogitTarget.logit(ids[i]), cp.labels().get(i), level, false));
        }
        double wrong = 1.0 / (ids.length - 1);
        List<ComponentScore> scores = new ArrayList<>();
        for (int c = 0; c < each.getFirst().components().size(); c++) {
            double v = 0;
            for (int i = 0; i < ids.length; i++) v += (i == right ? 1 : -wrong) * each.get(i).components().get(c).dla();
            scores.add(new ComponentScore(each.getFirst().components().get(c).component(), v));
        }
        double biases = 0, logit = 0;
        for (int i = 0; i < ids.length; i++) {
            biases += (i == right ? 1 : -wrong) * each.get(i).biases();
            logit += (i == right ? 1 : -wrong) * each.get(i).logit();
        }
        return new Attribution(cp.correctLabel() + " - mean of the other labels", last, level, false, scores, biases, logit,
                each.getFirst().softcapped());
    }

    /** Each component's mean over attributions of one model (same components in the same order). */
    public static List<ComponentScore> mean(List<Attribution> attributions) {
        Map<String, Double> sum = new LinkedHashMap<>();
        for (Attribution a : attributions) {
            for (ComponentScore s : a.components()) sum.merge(s.component(), s.dla() / attributions.size(), Double::sum);
        }
        List<ComponentScore> out = new ArrayList<>();
        sum.forEach((c, v) -> out.add(new ComponentScore(c, v)));
        return out;
    }
}
