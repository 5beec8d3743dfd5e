package dev.glassbox.model;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.forward.ForwardPass;
import dev.glassbox.model.forward.KeyValueCache;
import dev.glassbox.model.hooks.ActivationCache;
import dev.glassbox.model.hooks.HookNames;
import dev.glassbox.model.hooks.HookRegistry;
import dev.glassbox.tensor.kernels.Kernels;
import dev.glassbox.tensor.parallel.Parallelism;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A decoder-only transformer: a {@link TransformerConfig}, its {@link TransformerWeights}, and the one
 * forward pass that compiled and real models share. Immutable; hooks come with each run
 * ({@link HookRegistry}), so a run never leaves the model changed and runs may go on in parallel.
 *
 * <p>Weights are used as given: loaders fold conventions in before construction (Gemma's RMSNorm
 * {@code (1 + w)} becomes {@code w}; Gemma 2's {@code query_pre_attn_scalar} becomes {@code attnScale}).
 *
 * <pre>{@code
 * Transformer model = new Transformer(config, weights);
 * float[][] logits = model.forward(tokens);
 *
 * HookRegistry hooks = model.newHooks();
 * try (HookHandle ablate = hooks.add("blocks.0.attn.hook_z", (z, name) -> {
 *         for (int pos = 0; pos < z.dim(0); pos++)
 *             for (int d = 0; d < z.dim(2); d++) z.set(0f, pos, 3, d);  // zero head 3
 *         return z;
 *     })) {
 *     CachedRun run = model.runWithCache(tokens, hooks, name -> name.endsWith("hook_pattern"));
 *     Activation pattern = run.cache().get(0, HookNames.PATTERN);   // [head][query][key]
 * }
 * }</pre>
 */
public final class Transformer {
    private final TransformerConfig config;
    private final TransformerWeights weights;
    private final HookNames hookNames;
    private final Parallelism parallel;
    private final ForwardPass forwardPass;

    /** @throws IllegalArgumentException when a weight is missing, extra, or of the wrong shape (named) */
    public Transformer(TransformerConfig config, TransformerWeights weights) {
        this(config, weights, Parallelism.serial());
    }

    private Transformer(TransformerConfig config, TransformerWeights weights, Parallelism parallel) {
        this.config = Objects.requireNonNull(config, "config");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.parallel = Objects.requireNonNull(parallel, "parallel");
        WeightShapes.check(config, weights);
        this.hookNames = HookNames.of(config.nLayers(), config.gatedMlp());
        this.forwardPass = new ForwardPass(config, weights, hookNames, Kernels.preferred(), parallel);
    }

    /**
     * The same model (same weights, same hook points), its weight products shared out between the threads
     * of {@code parallel}; every result is the same as with one thread.
     */
    public Transformer withParallelism(Parallelism parallel) {
        return new Transformer(config, weights, parallel);
    }

    /** How this model's products are shared out between threads ({@link Parallelism#serial()} unless set). */
    public Parallelism parallelism() {
        return parallel;
    }

    public TransformerConfig config() {
        return config;
    }

    public TransformerWeights weights() {
        return weights;
    }

    /**
     * Logits per position: {@code vocabSize} for a language model; for a compiled model, the size of its
     * output space (the rows of the unembedding), which may differ from its input vocabulary.
     */
    public int outputSize() {
        return weights.unembed().rows();
    }

    /** Every hook point of this model, in the order a run reaches them (see {@link HookNames}). */
    public List<String> hookNames() {
        return hookNames.all();
    }

    /** An empty registry for this model's hook points. */
    public HookRegistry newHooks() {
        return new HookRegistry(hookNames);
    }

    /** Logits [position][{@link #outputSize()}] for the whole sequence. */
    public float[][] forward(int[] tokens) {
        return forward(tokens, newHooks());
    }

    /** Logits with {@code hooks} running at their points; {@code hooks} is unchanged by the run. */
    public float[][] forward(int[] tokens, HookRegistry hooks) {
        checkTokens(tokens);
        if (!hooks.names().equals(hookNames)) {
            throw new IllegalArgumentException("these hooks were made for another model's hook points; use this model's newHooks()");
        }
        KeyValueCache cache = new KeyValueCache(config, tokens.length);
        float[] logits = forwardPass.run(tokens, 0, cache, hooks.activate());
        return rows(logits, tokens.length, outputSize());
    }

    /** A run that caches every activation. */
    public CachedRun runWithCache(int[] tokens) {
        return runWithCache(tokens, newHooks(), name -> true);
    }

    /** A run that caches the activations whose names pass {@code names}. */
    public CachedRun runWithCache(int[] tokens, Predicate<String> names) {
        return runWithCache(tokens, newHooks(), names);
    }

    /**
     * A run with {@code hooks} that also caches the activations whose names pass {@code names}, as they
     * are after those hooks ran. {@code hooks} itself is not changed.
     */
    public CachedRun runWithCache(int[] tokens, HookRegistry hooks, Predicate<String> names) {
        HookRegistry withCache = hooks.copy();
        ActivationCache cache = ActivationCache.recordOn(withCache, names);
        return new CachedRun(forward(tokens, withCache), cache);
    }

    private void checkTokens(int[] tokens) {
        if (tokens.length == 0) throw new InvalidInputException("the token sequence is empty; give at least one token");
        if (tokens.length > config.contextLength()) {
            throw new InvalidInputException("the sequence has " + tokens.length + " tokens but the model's context is "
                    + config.contextLength() + "; shorten it");
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= config.vocabSize()) {
                throw new InvalidInputException("token " + tokens[i] + " at position " + i
                        + " is outside the vocabulary [0, " + config.vocabSize() + ")");
            }
        }
    }

    private static float[][] rows(float[] flat, int n, int width) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) out[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        return out;
    }
}
