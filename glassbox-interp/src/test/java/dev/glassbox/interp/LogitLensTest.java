package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.glassbox.interp.lens.LensOptions;
import dev.glassbox.interp.lens.LensResult;
import dev.glassbox.interp.lens.LogitLens;
import dev.glassbox.interp.lens.NormScale;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogitLensTest {

    @Test
    void theLastStageIsTheModelsOutputWithEitherScale() {
        for (TransformerConfig c : List.of(RandomModels.compiledLike(), RandomModels.gpt2(), RandomModels.llama(), RandomModels.gemma())) {
            Transformer m = RandomModels.model(c, 11).transformer();
            int[] tokens = RandomModels.tokens(c, 5, 12);
            float[][] logits = m.forward(tokens);
            for (NormScale scale : NormScale.values()) {
                LensResult lens = LogitLens.run(m, tokens, LensOptions.defaults().withScale(scale));
                int last = lens.stages().size() - 1;
                for (int p = 0; p < tokens.length; p++) {
                    for (int o = 0; o < logits[p].length; o++) {
                        assertEquals(logits[p][o], lens.logit(last, p, o), 1e-4, c.architecture() + " " + scale);
                    }
                }
            }
        }
    }

    @Test
    void frozenAndRecomputedDifferOnEarlierStagesOnlyWhenThereIsANorm() {
        TransformerConfig c = RandomModels.llama();
        Transformer m = RandomModels.model(c, 11).transformer();
        int[] tokens = RandomModels.tokens(c, 5, 12);
        LensResult frozen = LogitLens.run(m, tokens, LensOptions.defaults().withScale(NormScale.FROZEN));
        LensResult recomputed = LogitLens.run(m, tokens, LensOptions.defaults().withScale(NormScale.RECOMPUTED));
        assertNotEquals(frozen.logit(0, 2, 1), recomputed.logit(0, 2, 1));

        TransformerConfig none = RandomModels.compiledLike();
        Transformer plain = RandomModels.model(none, 11).transformer();
        int[] t = RandomModels.tokens(none, 5, 12);
        assertEquals(LogitLens.run(plain, t, LensOptions.defaults().withScale(NormScale.FROZEN)).logit(1, 2, 1),
                LogitLens.run(plain, t, LensOptions.defaults()).logit(1, 2, 1), 0f);
    }

    @Test
    void centringMakesRowsMeanZeroAndKeepsProbabilities() {
        TransformerConfig c = RandomModels.gemma();
        Transformer m = RandomModels.model(c, 11).transformer();
        int[] tokens = RandomModels.tokens(c, 4, 12);
        LensResult plain = LogitLens.run(m, tokens, LensOptions.defaults());
        LensResult centred = LogitLens.run(m, tokens, LensOptions.defaults().withCentred(true));
        for (int s = 0; s < centred.stages().size(); s++) {
            double sum = 0;
            for (float v : centred.logits()[s][2]) sum += v;
            assertEquals(0, sum, 1e-4);
            assertEquals(plain.probability(s, 2, 5), centred.probability(s, 2, 5), 1e-6);
        }
    }

    @Test
    void theSoftcapCanBeLeftOff() {
        TransformerConfig c = RandomModels.gemma();
        Transformer m = RandomModels.model(c, 11).transformer();
        int[] tokens = RandomModels.tokens(c, 4, 12);
        LensResult capped = LogitLens.run(m, tokens, LensOptions.defaults());
        LensResult raw = LogitLens.run(m, tokens, LensOptions.defaults().withSoftcap(false));
        int last = capped.stages().size() - 1;
        float cap = c.finalSoftcap();
        assertEquals(capped.logit(last, 1, 4), cap * Math.tanh(raw.logit(last, 1, 4) / cap), 1e-5);
        assertEquals(true, capped.softcapped());
        assertEquals(false, raw.softcapped());
    }
}
