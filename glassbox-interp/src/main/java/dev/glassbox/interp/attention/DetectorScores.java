package dev.glassbox.interp.attention;

/**
 * One detector's score for every head, pooled over prompts: the mean over every scored query of every
 * prompt.
 *
 * @param scores [layer][head], NaN where no query was scored
 * @param queries how many queries were scored (the same for every head)
 * @param uniform the score of a head that attends evenly to every key it can see (i + 1 keys for query i
 *     when causal, all n otherwise): the mean of (keys of the kind) / (visible keys); a score near it says
 *     nothing about the head
 */
public record DetectorScores(HeadDetector detector, double[][] scores, int queries, double uniform) {

    public double score(int layer, int head) {
        return scores[layer][head];
    }

    /** The head with the highest score, as {layer, head}. */
    public int[] best() {
        int[] best = {0, 0};
        for (int l = 0; l < scores.length; l++) {
            for (int h = 0; h < scores[l].length; h++) {
                if (scores[l][h] > scores[best[0]][best[1]] || Double.isNaN(scores[best[0]][best[1]])) best = new int[] {l, h};
            }
        }
        return best;
    }
}
