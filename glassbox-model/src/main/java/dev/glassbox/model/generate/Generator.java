package dev.glassbox.model.generate;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.forward.ForwardPass;
import dev.glassbox.model.forward.KeyValueCache;
import dev.glassbox.model.hooks.HookRegistry;
import dev.glassbox.model.tokenizer.TextStream;
import dev.glassbox.model.tokenizer.Tokenizer;
import dev.glassbox.tensor.kernels.Kernels;
import java.util.Arrays;

/**
 * Autoregressive generation with a key/value cache, as llama2.c's {@code run.c} does it but with the
 * prompt in one batch:
 * <pre>
 *   logits = forward(prompt, positions 0..m-1)             matrix-matrix passes (see PromptPass; only the last
 *                                                          position is unembedded); the cache holds its keys/values
 *   repeat: t = sample(logits of the last position)         stop at BOS or EOS
 *           logits = forward(t, position p)                 one position, attending to the cache
 * </pre>
 * {@code steps} counts positions from the first prompt token (BOS) on, as llama2.c's {@code -n}: the
 * model is run at positions 0..steps-1 and each run chooses one token, so from BOS alone 256 steps
 * give 256 new tokens (the last one chosen is never run). Hooks fire on every forward pass: the prompt's
 * activations have the prompt's length, each later one a single position.
 *
 * <pre>{@code
 * Generator generator = new Generator(model);
 * GenerationResult r = generator.generate("Once upon a time", 256, Sampling.greedy(),
 *         (id, text, fromPrompt) -> System.out.print(text));
 * }</pre>
 *
 * <p>The key/value cache is float32 unless {@link #withCachePrecision} says otherwise: then cached passes
 * compute exactly what a whole-sequence pass computes.
 */
public final class Generator {
    private final Transformer transformer;
    private final Tokenizer tokenizer;
    private final KeyValueCache.Precision cachePrecision;

    public Generator(LanguageModel model) {
        this(model.transformer(), model.tokenizer(), KeyValueCache.Precision.F32);
    }

    private Generator(Transformer transformer, Tokenizer tokenizer, KeyValueCache.Precision cachePrecision) {
        this.transformer = transformer;
        this.tokenizer = tokenizer;
        this.cachePrecision = java.util.Objects.requireNonNull(cachePrecision, "cachePrecision");
    }

    /**
     * The same generator with keys and values cached in {@code precision}: {@link KeyValueCache.Precision#F16}
     * halves the cache's memory and rounds attention's keys and values as llama.cpp's default cache does.
     */
    public Generator withCachePrecision(KeyValueCache.Precision precision) {
        return new Generator(transformer, tokenizer, precision);
    }

    public KeyValueCache.Precision cachePrecision() {
        return cachePrecision;
    }

    /** Generates after BOS + {@code prompt} (the empty prompt starts from BOS alone), without hooks. */
    public GenerationResult generate(String prompt, int steps, Sampling sampling, TokenListener listener) {
        return generate(withBos(prompt), steps, sampling, transformer.newHooks(), listener);
    }

    /** BOS followed by the ids of {@code prompt}. */
    public int[] withBos(String prompt) {
        int bos = tokenizer.bos().orElseThrow(() -> new InvalidInputException(
                "this tokenizer has no BOS token to start from; pass the prompt's ids yourself"));
        int[] ids = tokenizer.encode(prompt);
        int[] out = new int[ids.length + 1];
        out[0] = bos;
        System.arraycopy(ids, 0, out, 1, ids.length);
        return out;
    }

    /**
     * Generates after {@code prompt} (ids, normally starting with BOS).
     *
     * @param steps positions to run, prompt included; capped at the model's context length
     * @param hooks run at every forward pass; hooks added or removed meanwhile count from the next one
     * @throws InvalidInputException when the prompt is empty, has ids outside the vocabulary, or does not fit
     */
    public GenerationResult generate(int[] prompt, int steps, Sampling sampling, HookRegistry hooks,
            TokenListener listener) {
        return generate(prompt, steps, Sampler.of(sampling), hooks, listener);
    }

    /** The same with a sampler of the caller's own. */
    public GenerationResult generate(int[] prompt, int steps, Sampler sampler, HookRegistry hooks,
            TokenListener listener) {
        TransformerConfig config = transformer.config();
        int positions = Math.min(steps, config.contextLength());
        check(prompt, steps, positions);
        HookRegistry own = transformer.newHooks();
        if (!hooks.names().equals(own.names())) {
            throw new IllegalArgumentException("these hooks were made for another model's hook points; use this model's newHooks()");
        }
        ForwardPass pass = new ForwardPass(config, transformer.weights(), own.names(), Kernels.preferred(),
                transformer.parallelism());
        KeyValueCache cache = new KeyValueCache(config, positions, cachePrecision);
        TextStream stream = tokenizer.stream();
        StringBuilder text = new StringBuilder();
        int[] tokens = Arrays.copyOf(prompt, positions + 1);
        int vocab = transformer.outputSize();

        long start = System.nanoTime();
        float[] last = PromptPass.lastLogits(pass, prompt, cache, hooks);
        long promptNanos = System.nanoTime() - start;
        for (int id : prompt) emit(id, true, stream, text, listener);

        int length = prompt.length;
        StopReason stop = StopReason.STEPS;
        while (true) {
            int next = sampler.sample(last);
            if (next < 0 || next >= vocab) throw new IllegalStateException("the sampler chose id " + next + ", outside [0, " + vocab + ")");
            if (tokenizer.bos().orElse(-1) == next) { stop = StopReason.BOS; break; }
            if (tokenizer.eos().orElse(-1) == next) { stop = StopReason.EOS; break; }
            tokens[length++] = next;
            emit(next, false, stream, text, listener);
            if (length > positions) break; // position length-1 would be past the last one to run
            last = pass.run(new int[] {next}, length - 1, cache, hooks.activate());
        }
        long generationNanos = System.nanoTime() - start - promptNanos;
        String rest = stream.finish();
        text.append(rest);
        listener.onEnd(rest);
        return new GenerationResult(Arrays.copyOf(tokens, length), prompt.length, text.toString(), stop,
                promptNanos, generationNanos);
    }

    private static void emit(int id, boolean fromPrompt, TextStream stream, StringBuilder text, TokenListener listener) {
        String piece = stream.next(id);
        text.append(piece);
        listener.onToken(id, piece, fromPrompt);
    }

    private void check(int[] prompt, int steps, int positions) {
        if (prompt.length == 0) throw new InvalidInputException("the prompt has no tokens; start it with BOS");
        if (steps <= 0) throw new InvalidInputException("steps is " + steps + "; it must be at least 1");
        if (prompt.length > positions) {
            throw new InvalidInputException("the prompt has " + prompt.length + " tokens (BOS included) but only "
                    + positions + " positions are allowed (steps " + steps + ", context length "
                    + transformer.config().contextLength() + "); raise steps or shorten the prompt");
        }
        for (int i = 0; i < prompt.length; i++) {
            if (prompt[i] < 0 || prompt[i] >= transformer.config().vocabSize()) {
                throw new InvalidInputException("prompt token " + prompt[i] + " at position " + i
                        + " is outside the vocabulary [0, " + transformer.config().vocabSize() + ")");
            }
        }
    }
}
