package dev.glassbox.model;

import dev.glassbox.model.TransformerConfig.Norm;
import dev.glassbox.model.TransformerConfig.Positions;
import dev.glassbox.model.TransformerWeights.Attention;
import dev.glassbox.model.TransformerWeights.LayerWeights;
import dev.glassbox.model.TransformerWeights.Mlp;
import dev.glassbox.tensor.WeightMatrix;

/**
 * Checks every tensor of a {@link TransformerWeights} against the shape its {@link TransformerConfig}
 * implies, before any run, so a mismatch is reported by name instead of surfacing as an index error deep
 * in a kernel. Tensors are named like the record components: {@code blocks.3.attn.wq}.
 */
final class WeightShapes {
    private final TransformerConfig c;

    private WeightShapes(TransformerConfig config) {
        this.c = config;
    }

    /** @throws IllegalArgumentException naming the first tensor that is missing, extra or mis-shaped */
    static void check(TransformerConfig config, TransformerWeights weights) {
        new WeightShapes(config).checkAll(weights);
    }

    private void checkAll(TransformerWeights w) {
        if (c.positions() == Positions.ROPE_INTERLEAVED || c.positions() == Positions.ROPE_HALF) {
            require(c.dHead() % 2 == 0, "rotary positions need an even dHead, got " + c.dHead());
            require(c.ropeTheta() > 0, "rotary positions need ropeTheta > 0, got " + c.ropeTheta());
        }
        require(!c.postNorms() || c.norm() != Norm.NONE, "postNorms needs a norm, but config.norm is NONE");
        int qWidth = c.nHeads() * c.dHead(), kvWidth = c.nKvHeads() * c.dHead();

        matrix("embed", w.embed(), c.vocabSize(), "vocabSize", c.dModel(), "dModel");
        if (c.positions() == Positions.LEARNED) {
            matrix("posEmbed", w.posEmbed(), c.contextLength(), "contextLength", c.dModel(), "dModel");
        } else {
            absent("posEmbed", w.posEmbed(), "config.positions is " + c.positions());
        }
        require(w.layers().size() == c.nLayers(),
                "weights have " + w.layers().size() + " layers but config.nLayers is " + c.nLayers());
        for (int l = 0; l < c.nLayers(); l++) {
            LayerWeights layer = w.layers().get(l);
            String at = "blocks." + l + ".";
            require(layer != null, at + " is null");
            norm(at + "attnNorm", layer.attnNorm(), c.norm() != Norm.NONE, "config.norm is " + c.norm());
            norm(at + "mlpNorm", layer.mlpNorm(), c.norm() != Norm.NONE, "config.norm is " + c.norm());
            norm(at + "attnPostNorm", layer.attnPostNorm(), c.postNorms(), "config.postNorms is false");
            norm(at + "mlpPostNorm", layer.mlpPostNorm(), c.postNorms(), "config.postNorms is false");
            attention(at + "attn.", layer.attn(), qWidth, kvWidth);
            mlp(at + "mlp.", layer.mlp());
        }
        norm("finalNorm", w.finalNorm(), c.norm() != Norm.NONE, "config.norm is " + c.norm());
        // The output space may differ from the input vocabulary: a compiled model reads its output S-Op's
        // values (one logit for a numerical one), so only the width of the unembedding is fixed.
        require(w.unembed() != null, "unembed is missing; the config needs [outputs][" + c.dModel() + "] ([*][dModel])");
        require(w.unembed().rows() > 0 && w.unembed().cols() == c.dModel(), "unembed has shape ["
                + w.unembed().rows() + "][" + w.unembed().cols() + "] but the config needs [outputs][" + c.dModel()
                + "] ([*][dModel]) with at least one output");
    }

    private void attention(String at, Attention a, int qWidth, int kvWidth) {
        require(a != null, at.substring(0, at.length() - 1) + " is null");
        matrix(at + "wq", a.wq(), qWidth, "nHeads*dHead", c.dModel(), "dModel");
        matrix(at + "wk", a.wk(), kvWidth, "nKvHeads*dHead", c.dModel(), "dModel");
        matrix(at + "wv", a.wv(), kvWidth, "nKvHeads*dHead", c.dModel(), "dModel");
        matrix(at + "wo", a.wo(), c.dModel(), "dModel", qWidth, "nHeads*dHead");
        bias(at + "bq", a.bq(), qWidth);
        bias(at + "bk", a.bk(), kvWidth);
        bias(at + "bv", a.bv(), kvWidth);
        bias(at + "bo", a.bo(), c.dModel());
    }

    private void mlp(String at, Mlp m) {
        require(m != null, at.substring(0, at.length() - 1) + " is null");
        matrix(at + "wIn", m.wIn(), c.dMlp(), "dMlp", c.dModel(), "dModel");
        if (c.gatedMlp()) {
            matrix(at + "wGate", m.wGate(), c.dMlp(), "dMlp", c.dModel(), "dModel");
        } else {
            absent(at + "wGate", m.wGate(), "config.gatedMlp is false");
        }
        matrix(at + "wOut", m.wOut(), c.dModel(), "dModel", c.dMlp(), "dMlp");
        bias(at + "bIn", m.bIn(), c.dMlp());
        bias(at + "bOut", m.bOut(), c.dModel());
    }

    private static void matrix(String name, WeightMatrix m, int rows, String rowsMeaning, int cols, String colsMeaning) {
        String expected = "[" + rows + "][" + cols + "] ([" + rowsMeaning + "][" + colsMeaning + "])";
        require(m != null, name + " is missing; the config needs " + expected);
        require(m.rows() == rows && m.cols() == cols,
                name + " has shape [" + m.rows() + "][" + m.cols() + "] but the config needs " + expected);
    }

    private void norm(String name, float[] weight, boolean needed, String why) {
        if (needed) {
            require(weight != null, name + " is missing; the config needs [" + c.dModel() + "] (dModel)");
            require(weight.length == c.dModel(),
                    name + " has shape [" + weight.length + "] but the config needs [" + c.dModel() + "] (dModel)");
        } else {
            absent(name, weight, why);
        }
    }

    private static void bias(String name, float[] bias, int length) {
        require(bias == null || bias.length == length,
                name + " has shape [" + (bias == null ? 0 : bias.length) + "] but the config needs [" + length + "]");
    }

    private static void absent(String name, Object tensor, String why) {
        require(tensor == null, name + " is given but " + why + ", so it would be ignored; pass null or fix the config");
    }

    private static void require(boolean condition, String message) {
        if (!condition) throw new IllegalArgumentException(message);
    }
}
