package dev.glassbox.interp.choice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Multiple-choice scores over a set of questions.
 *
 * @param skipped questions left out, each with why (a prompt longer than the model's context)
 * @param forwardPasses one per scored question
 */
public record ChoiceResult(String model, LabelVariant variant, String format, List<ChoiceScore> scores,
        List<String> skipped, int forwardPasses) {
    public ChoiceResult {
        scores = List.copyOf(scores);
        skipped = List.copyOf(skipped);
    }

    /** The fraction answered right. */
    public double accuracy() {
        return scores.stream().filter(ChoiceScore::correct).count() / (double) Math.max(1, scores.size());
    }

    /** What guessing uniformly would score: the mean of 1/options. */
    public double chance() {
        return scores.stream().mapToDouble(s -> 1.0 / s.prompt().question().options().size()).average().orElse(Double.NaN);
    }

    /** Always naming the option in one place (first, second, ...): the best such constant strategy's score. */
    public double bestConstantPosition() {
        Map<Integer, Long> byAnswer = new TreeMap<>();
        for (ChoiceScore s : scores) byAnswer.merge(s.prompt().question().answer(), 1L, Long::sum);
        return byAnswer.values().stream().mapToLong(Long::longValue).max().orElse(0) / (double) Math.max(1, scores.size());
    }

    /** How often each option position (0 = first) was predicted. */
    public Map<Integer, Long> predictedPositions() {
        Map<Integer, Long> out = new TreeMap<>();
        for (ChoiceScore s : scores) out.merge(s.predicted(), 1L, Long::sum);
        return out;
    }

    /** How often each label was predicted. */
    public Map<String, Long> predictedLabels() {
        Map<String, Long> out = new TreeMap<>();
        for (ChoiceScore s : scores) out.merge(s.prompt().labels().get(s.predicted()), 1L, Long::sum);
        return out;
    }

    /** How often each position holds the right answer. */
    public Map<Integer, Long> answerPositions() {
        Map<Integer, Long> out = new TreeMap<>();
        for (ChoiceScore s : scores) out.merge(s.prompt().question().answer(), 1L, Long::sum);
        return out;
    }

    /** Mean probability of the labels, over the whole vocabulary. */
    public double meanLabelMass() {
        return scores.stream().mapToDouble(ChoiceScore::labelMass).average().orElse(Double.NaN);
    }

    /** Accuracy per subject, in order of first appearance. */
    public Map<String, double[]> bySubject() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (ChoiceScore s : scores) {
            double[] a = out.computeIfAbsent(s.prompt().question().subject(), k -> new double[2]);
            a[0] += s.correct() ? 1 : 0;
            a[1]++;
        }
        return out;
    }
}
