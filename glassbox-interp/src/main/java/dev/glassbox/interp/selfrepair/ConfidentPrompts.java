package dev.glassbox.interp.selfrepair;

import dev.glassbox.model.Transformer;
import dev.glassbox.model.generate.GenerationResult;
import dev.glassbox.model.generate.Generator;
import dev.glassbox.model.generate.LanguageModel;
import dev.glassbox.model.generate.Sampling;
import dev.glassbox.model.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a set of prompts on which a language model is confident of its next token, reproducibly:
 * <ol>
 *   <li>sample story s = 0, 1, ... from BOS alone ({@code storyTokens} steps, temperature and top-p as set,
 *       seed {@code seed + s});</li>
 *   <li>at every sentence start of the story (its first token, or a token after one ending in . ! or ?),
 *       take the next {@code tokens - 1} tokens as text; keep it if it has no line break, if BOS + its
 *       re-tokenization is exactly {@code tokens} long (so every prompt can be resampled from every other),
 *       if the model's most likely next token has probability at least {@code minProbability} and starts a
 *       new word (a piece beginning with a space and holding a letter), and if the text is new;</li>
 *   <li>stop at {@code count} prompts.</li>
 * </ol>
 */
public final class ConfidentPrompts {
    private ConfidentPrompts() {}

    /** The procedure's settings; {@link #stories260k()} are those of the shipped stories260K set. */
    public record Settings(int count, int tokens, double minProbability, long seed, int storyTokens, float temperature,
            float topP, int maxStories) {
        public static Settings stories260k() {
            return new Settings(128, 16, 0.7, 1000, 256, 1f, 0.9f, 2000);
        }

        public Settings withCount(int n) {
            return new Settings(n, tokens, minProbability, seed, storyTokens, temperature, topP, maxStories);
        }

        public Settings withMaxStories(int n) {
            return new Settings(count, tokens, minProbability, seed, storyTokens, temperature, topP, n);
        }
    }

    /** One prompt, the model's next token (its piece) and that token's probability. */
    public record ConfidentPrompt(String text, String next, double probability, long story) {}

    public static List<ConfidentPrompt> build(LanguageModel model, Settings settings) {
        Tokenizer tokenizer = model.tokenizer();
        Transformer t = model.transformer();
        Generator generator = new Generator(model);
        int bos = tokenizer.bos().orElseThrow(() -> new IllegalArgumentException("the vocabulary has no BOS"));
        List<ConfidentPrompt> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < settings.maxStories() && out.size() < settings.count(); s++) {
            long seed = settings.seed() + s;
            GenerationResult story = generator.generate("", settings.storyTokens(),
                    new Sampling(settings.temperature(), 0, settings.topP(), seed), (id, text, fromPrompt) -> { });
            int[] ids = story.tokens();
            for (int start = 1; start + settings.tokens() - 1 <= ids.length && out.size() < settings.count(); start++) {
                if (start > 1 && !endsSentence(tokenizer.piece(ids[start - 1]))) continue;
                String text = tokenizer.decode(Arrays.copyOfRange(ids, start, start + settings.tokens() - 1)).strip();
                if (text.isEmpty() || text.contains("\n") || seen.contains(text)) continue;
                int[] body = tokenizer.encode(text);
                if (body.length != settings.tokens() - 1) continue;
                int[] prompt = new int[settings.tokens()];
                prompt[0] = bos;
                System.arraycopy(body, 0, prompt, 1, body.length);
                float[][] logits = t.forward(prompt);
                float[] last = logits[logits.length - 1];
                int best = argmax(last);
                double p = probability(last, best);
                String piece = tokenizer.piece(best);
                if (p < settings.minProbability() || !startsWord(piece)) continue;
                seen.add(text);
                out.add(new ConfidentPrompt(text, piece, p, seed));
            }
        }
        return out;
    }

    private static boolean endsSentence(String piece) {
        String p = piece.strip();
        return p.endsWith(".") || p.endsWith("!") || p.endsWith("?");
    }

    private static boolean startsWord(String piece) {
        return piece.startsWith(" ") && piece.chars().anyMatch(Character::isLetter);
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) if (row[i] > row[best]) best = i;
        return best;
    }

    /** softmax(row)[i] = 1 / sum_j exp(row_j - row_i). */
    private static double probability(float[] row, int i) {
        double z = 0;
        for (float v : row) z += Math.exp(v - row[i]);
        return 1 / z;
    }
}
