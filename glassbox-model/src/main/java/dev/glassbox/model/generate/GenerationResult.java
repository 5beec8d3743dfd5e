package dev.glassbox.model.generate;

/**
 * What a generation produced, and how fast.
 *
 * @param tokens the prompt's ids then the generated ones (a stop token is not included)
 * @param promptTokens how many of {@code tokens} came from the prompt
 * @param text the text of every token, prompt included (BOS adds none): what llama2.c prints
 * @param promptNanos time of the one batched forward pass over the prompt
 * @param generationNanos time from then to the end: sampling and one forward pass per new token
 */
public record GenerationResult(int[] tokens, int promptTokens, String text, StopReason stop,
        long promptNanos, long generationNanos) {

    /** The ids that were generated (not from the prompt). */
    public int[] generated() {
        return java.util.Arrays.copyOfRange(tokens, promptTokens, tokens.length);
    }

    public int generatedTokens() {
        return tokens.length - promptTokens;
    }

    /** Prompt positions processed per second. */
    public double promptTokensPerSecond() {
        return perSecond(promptTokens, promptNanos);
    }

    /** Generated tokens per second. */
    public double generationTokensPerSecond() {
        return perSecond(generatedTokens(), generationNanos);
    }

    private static double perSecond(int count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }
}
