package dev.glassbox.interp.attention;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.PlainInterpModel;
import dev.glassbox.interp.model.Prompt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Prompts for the induction detector: a random sequence r of {@code half} tokens, repeated, after the
 * model's BOS: {@code [BOS] r r}. In the second copy every token occurred before, so an induction head
 * attends to the token after its first occurrence, which is the next token of the second copy.
 *
 * <p>Tokens are drawn from the model's input vocabulary (a compiled model's values; a language model's
 * pieces except control and byte tokens, written {@code <...>}), without replacement while the vocabulary
 * allows, so that each token of r has one earlier occurrence.
 */
public final class RepeatedSequences {
    private RepeatedSequences() {}

    /** {@code count} prompts from one seed. */
    public static List<Prompt> prompts(InterpModel model, int half, int count, long seed) {
        if (half < 1) throw new InvalidInputException("a repeated sequence needs at least 1 token per copy, got " + half);
        Random random = new Random(seed);
        List<Prompt> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(prompt(model, half, random));
        return out;
    }

    public static Prompt prompt(InterpModel model, int half, Random random) {
        if (model instanceof CompiledInterpModel c) {
            List<Object> r = draw(c.compiled().input().vocab(), half, random);
            List<Object> input = new ArrayList<>(r);
            input.addAll(r);
            return c.prompt(input.stream().map(String::valueOf).collect(Collectors.joining(" ")), input);
        }
        int vocab = model.transformer().config().vocabSize();
        List<Integer> candidates = new ArrayList<>();
        boolean plain = model instanceof PlainInterpModel;
        for (int id = 0; id < vocab; id++) if (plain || !isSpecial(model.outputLabel(id))) candidates.add(id);
        List<Integer> r = draw(candidates, half, random);
        int[] prefix = plain ? new int[0] : model.prompt("").tokens();
        int[] ids = new int[prefix.length + 2 * half];
        System.arraycopy(prefix, 0, ids, 0, prefix.length);
        for (int i = 0; i < half; i++) ids[prefix.length + i] = ids[prefix.length + half + i] = r.get(i);
        if (ids.length > model.transformer().config().contextLength()) {
            throw new InvalidInputException("a repeated sequence of 2 x " + half + " tokens does not fit the model's context of "
                    + model.transformer().config().contextLength());
        }
        List<String> labels = new ArrayList<>();
        for (int id : ids) labels.add(model.outputLabel(id));
        return new Prompt(String.join("", labels), ids, labels);
    }

    /** Control and byte tokens: {@code <s>}, {@code </s>}, {@code <unk>}, {@code <0x0A>}. */
    static boolean isSpecial(String piece) {
        return piece.length() > 2 && piece.startsWith("<") && piece.endsWith(">");
    }

    /** {@code n} draws, without replacement while the candidates last. */
    private static <T> List<T> draw(List<T> candidates, int n, Random random) {
        List<T> out = new ArrayList<>();
        List<T> pool = new ArrayList<>();
        while (out.size() < n) {
            if (pool.isEmpty()) {
                pool.addAll(candidates);
                Collections.shuffle(pool, random);
            }
            out.add(pool.removeLast());
        }
        return out;
    }
}
