package dev.glassbox.cli.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One engine's run of the benchmark, as each engine reports it (one JSON line; see
 * {@code scripts/reference/bench.mjs} for llama.cpp's side).
 *
 * @param promptSeconds from the call until the first sampled token: the prompt as one batch, the last
 *     position's logits, one greedy sample
 * @param genSeconds {@code genTokens} more tokens, each one forward pass of the previous token and a sample
 * @param peakRssBytes the process's peak resident set (VmHWM), mapped weights included
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Measurement(
        @JsonProperty("engine") String engine,
        @JsonProperty("version") String version,
        @JsonProperty("threads") int threads,
        @JsonProperty("prompt_tokens") int promptTokens,
        @JsonProperty("prompt_seconds") double promptSeconds,
        @JsonProperty("gen_tokens") int genTokens,
        @JsonProperty("gen_seconds") double genSeconds,
        @JsonProperty("load_seconds") double loadSeconds,
        @JsonProperty("peak_rss_bytes") long peakRssBytes) {

    public double promptTokensPerSecond() {
        return promptTokens / promptSeconds;
    }

    public double genTokensPerSecond() {
        return genTokens / genSeconds;
    }
}
