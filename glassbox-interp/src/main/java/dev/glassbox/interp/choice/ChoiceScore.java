package dev.glassbox.interp.choice;

/**
 * How the model scored one question: the logit of each label's token at the answer position (the last), the
 * label it ranks first, and how much probability it puts on the labels at all.
 *
 * @param labelTokens the output index of each label, in option order
 * @param labelLogits those outputs' logits, in option order
 * @param predicted the option whose label has the highest logit
 * @param labelMass the softmax probability, over the whole vocabulary, of all labels together
 * @param tokens the prompt's length in tokens
 */
public record ChoiceScore(ChoicePrompt prompt, int[] labelTokens, double[] labelLogits, int predicted, double labelMass,
        int tokens) {
    public ChoiceScore {
        labelTokens = labelTokens.clone();
        labelLogits = labelLogits.clone();
    }

    @Override
    public int[] labelTokens() {
        return labelTokens.clone();
    }

    @Override
    public double[] labelLogits() {
        return labelLogits.clone();
    }

    public boolean correct() {
        return predicted == prompt.question().answer();
    }

    /** Softmax over the labels only: p_i = exp(l_i) / sum_j exp(l_j). */
    public double[] labelProbabilities() {
        double max = Double.NEGATIVE_INFINITY, z = 0;
        for (double l : labelLogits) max = Math.max(max, l);
        double[] p = new double[labelLogits.length];
        for (int i = 0; i < p.length; i++) z += p[i] = Math.exp(labelLogits[i] - max);
        for (int i = 0; i < p.length; i++) p[i] /= z;
        return p;
    }
}
