package dev.glassbox.interp.lens;

import dev.glassbox.interp.cache.AccumulatedResidual;
import dev.glassbox.interp.cache.AccumulatedResidual.Stage;
import dev.glassbox.interp.cache.Caching;
import dev.glassbox.interp.cache.FinalNorm;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.hooks.Activation;
import java.util.List;

/**
 * The logit lens: read every stage of the residual stream through the final norm and the unembedding,
 * as if the model stopped there:
 * <pre>
 *   lens_s(p) = cap( U norm(x_s(p); scale) )      scale = frozen s_final(p) or recomputed s(x_s(p))
 * </pre>
 * then minus its mean when centred. The last stage read with either scale is the model's own output.
 */
public final class LogitLens {
    private LogitLens() {}

    /** One run with the residual stream cached, then the lens. */
    public static LensResult run(Transformer model, int[] tokens, LensOptions options) {
        return of(model, Caching.run(model, tokens, AccumulatedResidual.cacheFilter()), options);
    }

    /** The lens over a run that cached the residual stream ({@link AccumulatedResidual#cacheFilter()}). */
    public static LensResult of(Transformer model, CachedRun run, LensOptions options) {
        List<Stage> stages = AccumulatedResidual.stages(model, run, options.includeMid());
        Activation last = stages.getLast().value();
        int positions = last.dim(0), d = last.dim(1);
        FinalNorm norm = new FinalNorm(model);
        double[] finalScale = new double[positions];
        for (int p = 0; p < positions; p++) finalScale[p] = norm.scale(last.data(), p * d);

        float cap = model.config().finalSoftcap();
        boolean softcap = options.softcap() && cap > 0;
        int outputs = model.outputSize();
        float[][][] logits = new float[stages.size()][positions][outputs];
        float[] normalized = new float[d];
        for (int s = 0; s < stages.size(); s++) {
            float[] x = stages.get(s).value().data();
            for (int p = 0; p < positions; p++) {
                double scale = options.scale() == NormScale.FROZEN ? finalScale[p] : norm.scale(x, p * d);
                norm.apply(x, p * d, scale, normalized, 0);
                float[] row = logits[s][p];
                model.weights().unembed().matVec(normalized, 0, row, 0);
                if (softcap) for (int o = 0; o < outputs; o++) row[o] = (float) (cap * Math.tanh(row[o] / cap));
                if (options.centred()) centre(row);
            }
        }
        return new LensResult(options, softcap, stages.stream().map(Stage::label).toList(),
                stages.stream().map(Stage::hook).toList(), logits);
    }

    private static void centre(float[] row) {
        double mean = 0;
        for (float v : row) mean += v;
        mean /= row.length;
        for (int i = 0; i < row.length; i++) row[i] -= (float) mean;
    }
}
