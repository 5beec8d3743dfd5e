package dev.glassbox.interp.gradient;

import dev.glassbox.interp.RandomModels;
import dev.glassbox.interp.model.PlainInterpModel;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.TransformerWeights;
import dev.glassbox.tensor.FloatMatrix;
import java.util.Random;

/**
 * A random model in which the last token id is a near twin of {@code token}: its embedding row is the
 * token's plus ε times a random unit vector, so swapping one for the other is a perturbation of size ε.
 */
record Twins(PlainInterpModel model, int twin) {

    static Twins of(TransformerConfig config, long seed, int token, double epsilon) {
        TransformerWeights w = RandomModels.model(config, seed).transformer().weights();
        int vocab = config.vocabSize(), d = config.dModel(), twin = vocab - 1;
        float[] embed = new float[vocab * d];
        for (int t = 0; t < vocab; t++) for (int k = 0; k < d; k++) embed[t * d + k] = w.embed().get(t, k);
        Random random = new Random(seed + 1);
        double[] direction = new double[d];
        double norm = 0;
        for (int k = 0; k < d; k++) {
            direction[k] = random.nextGaussian();
            norm += direction[k] * direction[k];
        }
        for (int k = 0; k < d; k++) embed[twin * d + k] = (float) (embed[token * d + k] + epsilon * direction[k] / Math.sqrt(norm));
        TransformerWeights twins = new TransformerWeights(new FloatMatrix(vocab, d, embed), w.posEmbed(), w.layers(),
                w.finalNorm(), w.unembed());
        return new Twins(new PlainInterpModel("twins", new Transformer(config, twins)), twin);
    }
}
