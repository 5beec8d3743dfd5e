package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.AttributionLevel;
import dev.glassbox.interp.attribution.DirectLogitAttribution;
import dev.glassbox.interp.attribution.LogitTarget;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import org.junit.jupiter.api.Test;

/** Direct logit attribution against the model's own logits on random models. */
class AttributionTest {

    @Test
    void componentsPlusBiasesSumToTheLogitAtEveryLevel() {
        for (TransformerConfig c : RandomModels.linearDecomposable()) {
            Transformer m = RandomModels.model(c, 3).transformer();
            int[] tokens = RandomModels.tokens(c, 5, 4);
            float[][] logits = m.forward(tokens);
            for (AttributionLevel level : AttributionLevel.values()) {
                for (int p : new int[] {0, 4}) {
                    Attribution a = DirectLogitAttribution.attribute(m, tokens, p, LogitTarget.logit(2), "#2", level, false);
                    String what = c.architecture() + " " + level + " @" + p;
                    assertEquals(logits[p][2], a.logit(), 1e-4, what + ": logit is the model's");
                    assertEquals(a.logit(), a.total(), 1e-4, what + ": components + biases = logit");
                }
            }
        }
    }

    @Test
    void levelsAgree() {
        TransformerConfig c = RandomModels.gpt2();
        Transformer m = RandomModels.model(c, 3).transformer();
        int[] tokens = RandomModels.tokens(c, 5, 4);
        LogitTarget t = LogitTarget.difference(1, 2);
        Attribution layer = DirectLogitAttribution.attribute(m, tokens, 3, t, "", AttributionLevel.LAYER, false);
        Attribution head = DirectLogitAttribution.attribute(m, tokens, 3, t, "", AttributionLevel.HEAD, false);
        Attribution neuron = DirectLogitAttribution.attribute(m, tokens, 3, t, "", AttributionLevel.NEURON, false);
        for (int l = 0; l < c.nLayers(); l++) {
            double heads = 0, neurons = 0;
            for (int h = 0; h < c.nHeads(); h++) heads += head.dla("blocks." + l + ".attn.head." + h);
            for (int n = 0; n < c.dMlp(); n++) neurons += neuron.dla("blocks." + l + ".mlp.neuron." + n);
            assertEquals(layer.dla("blocks." + l + ".attn"), heads, 1e-4, "heads sum to their layer");
            assertEquals(layer.dla("blocks." + l + ".mlp"), neurons, 1e-4, "neurons sum to their MLP");
        }
        assertEquals(layer.biases(), neuron.biases(), 1e-6);
    }

    @Test
    void centringSubtractsTheMeanLogit() {
        TransformerConfig c = RandomModels.llama();
        Transformer m = RandomModels.model(c, 5).transformer();
        int[] tokens = RandomModels.tokens(c, 4, 6);
        float[] row = m.forward(tokens)[3];
        double mean = 0;
        for (float v : row) mean += v / row.length;
        Attribution a = DirectLogitAttribution.attribute(m, tokens, 3, LogitTarget.logit(7), "", AttributionLevel.HEAD, true);
        assertEquals(row[7] - mean, a.logit(), 1e-4);
        assertEquals(a.logit(), a.total(), 1e-4);
    }

    @Test
    void softcappedModelsAttributeThePreCapLogitPerLayer() {
        TransformerConfig c = RandomModels.gemma();
        Transformer m = RandomModels.model(c, 7).transformer();
        int[] tokens = RandomModels.tokens(c, 5, 8);
        float[][] logits = m.forward(tokens);
        Attribution a = DirectLogitAttribution.attribute(m, tokens, 4, LogitTarget.logit(3), "", AttributionLevel.LAYER, false);
        assertTrue(a.softcapped());
        float cap = c.finalSoftcap();
        assertEquals(logits[4][3], cap * Math.tanh(a.logit() / cap), 1e-4, "cap(pre-cap logit) is the output");
        assertEquals(a.logit(), a.total(), 1e-4);
        assertThrows(InvalidInputException.class,
                () -> DirectLogitAttribution.attribute(m, tokens, 4, LogitTarget.logit(3), "", AttributionLevel.HEAD, false));
    }

    @Test
    void aPositionOutOfRangeSaysTheRange() {
        TransformerConfig c = RandomModels.compiledLike();
        Transformer m = RandomModels.model(c, 3).transformer();
        var e = assertThrows(PositionOutOfRangeException.class, () -> DirectLogitAttribution.attribute(m,
                RandomModels.tokens(c, 4, 1), 9, LogitTarget.logit(0), "", AttributionLevel.HEAD, false));
        assertTrue(e.getMessage().contains("0..3"), e.getMessage());
    }
}
