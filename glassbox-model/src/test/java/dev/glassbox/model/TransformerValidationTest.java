package dev.glassbox.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.tensor.FloatMatrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformerValidationTest {
    private final TransformerConfig llama = TestModels.llama();
    private final TransformerWeights good = TestModels.randomWeights(llama, 1);

    private TransformerWeights withLayer0(LayerWeights layer) {
        List<LayerWeights> layers = new ArrayList<>(good.layers());
        layers.set(0, layer);
        return new TransformerWeights(good.embed(), good.posEmbed(), layers, good.finalNorm(), good.unembed());
    }

    private String rejection(TransformerConfig config, TransformerWeights weights) {
        return assertThrows(IllegalArgumentException.class, () -> new Transformer(config, weights)).getMessage();
    }

    @Test
    void wrongShapeNamesTheTensorAndBothShapes() {
        LayerWeights l = good.layers().get(0);
        Attention a = l.attn();
        Attention bad = new Attention(FloatMatrix.zeros(8, 16), a.bq(), a.wk(), a.bk(), a.wv(), a.bv(), a.wo(), a.bo());
        String message = rejection(llama, withLayer0(new LayerWeights(l.attnNorm(), bad, null, l.mlpNorm(), l.mlp(), null)));
        assertEquals("blocks.0.attn.wq has shape [8][16] but the config needs [16][16] ([nHeads*dHead][dModel])", message);
    }

    @Test
    void missingAndSuperfluousTensorsAreNamed() {
        LayerWeights l = good.layers().get(0);
        assertTrue(rejection(llama, withLayer0(new LayerWeights(null, l.attn(), null, l.mlpNorm(), l.mlp(), null)))
                .startsWith("blocks.0.attnNorm is missing"));
        assertTrue(rejection(llama, withLayer0(new LayerWeights(l.attnNorm(), l.attn(), new float[16], l.mlpNorm(), l.mlp(), null)))
                .startsWith("blocks.0.attnPostNorm is given but config.postNorms is false"));
        var learned = new TransformerWeights(good.embed(), FloatMatrix.zeros(16, 16), good.layers(), good.finalNorm(), good.unembed());
        assertTrue(rejection(llama, learned).startsWith("posEmbed is given but config.positions is ROPE_HALF"));
        var oneLayer = new TransformerWeights(good.embed(), null, good.layers().subList(0, 1), good.finalNorm(), good.unembed());
        assertTrue(rejection(llama, oneLayer).contains("1 layers but config.nLayers is 2"));
    }

    @Test
    void compiledModelsMayHaveAnOutputSpaceOfTheirOwn() {
        TransformerConfig config = TestModels.compiled();
        TransformerWeights w = TestModels.randomWeights(config, 1);
        var numerical = new TransformerWeights(w.embed(), w.posEmbed(), w.layers(), null, FloatMatrix.zeros(1, config.dModel()));
        Transformer model = new Transformer(config, numerical);
        assertEquals(1, model.outputSize());
        assertEquals(1, model.forward(new int[] {1, 2})[1].length);
    }

    @Test
    void badTokensAreUserErrors() {
        Transformer model = new Transformer(llama, good);
        assertTrue(assertThrows(InvalidInputException.class, () -> model.forward(new int[0])).getMessage().contains("empty"));
        assertTrue(assertThrows(InvalidInputException.class, () -> model.forward(new int[] {0, 11}))
                .getMessage().contains("token 11 at position 1 is outside the vocabulary [0, 11)"));
        assertTrue(assertThrows(InvalidInputException.class, () -> model.forward(new int[17]))
                .getMessage().contains("17 tokens but the model's context is 16"));
    }
}
