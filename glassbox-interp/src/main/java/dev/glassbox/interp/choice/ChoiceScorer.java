package dev.glassbox.interp.choice;

import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.model.Transformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Scores multiple-choice questions by the label tokens' logits at the answer position: each question is
 * written out ({@link ChoiceFormat}) with labels from its {@link LabelVariant} (drawn with one seeded random
 * generator, question by question), run once, and the label with the highest logit is the model's answer.
 */
public final class ChoiceScorer {
    private final InterpModel model;
    private final ChoiceFormat format;
    private final LabelVariant variant;
    private final long seed;

    public ChoiceScorer(InterpModel model, ChoiceFormat format, LabelVariant variant, long seed) {
        this.model = model;
        this.format = format;
        this.variant = variant;
        this.seed = seed;
    }

    /** The prompts of the questions, labels drawn as {@link #score} draws them. */
    public List<ChoicePrompt> prompts(List<Question> questions) {
        Random random = new Random(seed);
        List<ChoicePrompt> out = new ArrayList<>();
        for (Question q : questions) {
            List<String> labels = variant.labels(q.options().size(), random);
            out.add(ChoicePrompt.of(q, labels, format, LabelTokens.resolve(model, labels).separator()));
        }
        return out;
    }

    public ChoiceResult score(List<Question> questions) {
        Transformer t = model.transformer();
        List<ChoiceScore> scores = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int passes = 0;
        for (ChoicePrompt cp : prompts(questions)) {
            LabelTokens labels = LabelTokens.resolve(model, cp.labels());
            Prompt p = model.prompt(cp.text());
            if (p.length() > t.config().contextLength()) {
                skipped.add(cp.question().subject() + ": " + p.length() + " tokens, over the context of " + t.config().contextLength()
                        + ": " + abbreviate(cp.question().question()));
                continue;
            }
            float[] last = t.forward(p.tokens())[p.length() - 1];
            passes++;
            scores.add(score(cp, labels.ids(), last, p.length()));
        }
        return new ChoiceResult(model.name(), variant, format.name(), scores, skipped, passes);
    }

    static ChoiceScore score(ChoicePrompt cp, int[] ids, float[] logits, int tokens) {
        double[] l = new double[ids.length];
        int best = 0;
        for (int i = 0; i < ids.length; i++) {
            l[i] = logits[ids[i]];
            if (l[i] > l[best]) best = i;
        }
        double max = Double.NEGATIVE_INFINITY, z = 0, mass = 0;
        for (float v : logits) max = Math.max(max, v);
        for (float v : logits) z += Math.exp(v - max);
        for (int id : ids) mass += Math.exp(logits[id] - max) / z;
        return new ChoiceScore(cp, ids, l, best, mass, tokens);
    }

    private static String abbreviate(String s) {
        String flat = s.replace('\n', ' ');
        return flat.length() <= 60 ? flat : flat.substring(0, 59) + "…";
    }
}
