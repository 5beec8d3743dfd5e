package dev.glassbox.interp.attention;

import dev.glassbox.model.Transformer;
import java.util.ArrayList;
import java.util.List;

/** Runs the head detectors over prompts: one forward pass per prompt, every head scored by every detector. */
public final class HeadDetection {
    private HeadDetection() {}

    public static List<DetectorScores> run(Transformer model, List<int[]> prompts) {
        List<AttentionPatterns> patterns = new ArrayList<>();
        for (int[] p : prompts) patterns.add(AttentionPatterns.of(model, p));
        return score(patterns, model.config().causal());
    }

    /**
     * Scores from patterns already computed.
     *
     * @param causal whether the model masks later keys (for the uniform baseline only)
     */
    public static List<DetectorScores> score(List<AttentionPatterns> patterns, boolean causal) {
        List<DetectorScores> out = new ArrayList<>();
        for (HeadDetector d : HeadDetector.values()) out.add(score(d, patterns, causal));
        return out;
    }

    static DetectorScores score(HeadDetector detector, List<AttentionPatterns> patterns, boolean causal) {
        int layers = patterns.getFirst().layers(), heads = patterns.getFirst().heads();
        double[][] sum = new double[layers][heads];
        int queries = 0;
        double uniform = 0;
        for (AttentionPatterns p : patterns) {
            int[] tokens = p.tokens();
            for (int i = 0; i < p.length(); i++) {
                if (!detector.scores(tokens, i)) continue;
                queries++;
                uniform += detector.targets(tokens, i) / (double) (causal ? i + 1 : p.length());
                for (int l = 0; l < layers; l++) {
                    for (int h = 0; h < heads; h++) sum[l][h] += detector.score(p.row(l, h, i), tokens, i);
                }
            }
        }
        for (double[] row : sum) for (int h = 0; h < heads; h++) row[h] = queries == 0 ? Double.NaN : row[h] / queries;
        return new DetectorScores(detector, sum, queries, queries == 0 ? Double.NaN : uniform / queries);
    }
}
