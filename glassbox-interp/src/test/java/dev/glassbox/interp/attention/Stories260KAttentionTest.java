package dev.glassbox.interp.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.InterpModels;
import dev.glassbox.interp.model.Prompt;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Detectors on a real language model (stories260K: 5 layers of 8 heads sharing 4 key/value heads). Its
 * previous-token heads are clear; it has no induction head worth the name (see docs/interp-validation.md).
 */
class Stories260KAttentionTest {
    static final InterpModel MODEL = InterpModels.load(SharedFiles.require("models/stories260K/stories260K.bin"),
            SharedFiles.require("models/stories260K/tok512.bin"));
    static final List<String> STORIES = List.of(
            "Once upon a time, there was a little girl named Lily. She loved to play outside in the park.",
            "Tom had a red ball. He liked to throw the ball to his dog. The dog ran after the ball.",
            "Lily saw a big cat. Lily saw a big cat.");

    @Test
    void patternsAreCausalDistributions() {
        Prompt p = MODEL.prompt(STORIES.getFirst());
        AttentionPatterns a = AttentionPatterns.of(MODEL.transformer(), p.tokens());
        for (int l = 0; l < a.layers(); l++) {
            for (int h = 0; h < a.heads(); h++) {
                for (int q = 0; q < a.length(); q++) {
                    double sum = 0;
                    for (int k = 0; k < a.length(); k++) {
                        sum += a.weight(l, h, q, k);
                        if (k > q) assertEquals(0f, a.weight(l, h, q, k));
                    }
                    assertEquals(1.0, sum, 1e-5);
                }
            }
        }
    }

    /** Measured: L1H3, L1H6 and L3H6 attend to the previous token more than half the time; induction stays low. */
    @Test
    void previousTokenHeadsStandOut() {
        List<int[]> prompts = STORIES.stream().map(s -> MODEL.prompt(s).tokens()).toList();
        List<DetectorScores> scores = HeadDetection.run(MODEL.transformer(), prompts);
        DetectorScores previous = scores.get(HeadDetector.PREVIOUS_TOKEN.ordinal());
        int[] best = previous.best();
        assertTrue(List.of("1.3", "1.6", "3.6").contains(best[0] + "." + best[1]), best[0] + "." + best[1]);
        assertTrue(previous.score(best[0], best[1]) > 0.5);
        assertTrue(previous.uniform() < 0.15);
        DetectorScores induction = scores.get(HeadDetector.INDUCTION.ordinal());
        int[] top = induction.best();
        assertTrue(induction.score(top[0], top[1]) < 0.3, "no induction head: " + induction.score(top[0], top[1]));
    }
}
