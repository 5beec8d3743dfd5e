package dev.glassbox.interp.selfrepair;

import dev.glassbox.model.Transformer;
import dev.glassbox.model.generate.LanguageModel;
import dev.glassbox.model.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clean/corrupt pairs for patching, made from a prompt set by swapping one token: in each prompt (BOS +
 * its tokens), a token that is one side of a swap (" Lily" / " Tim", " She" / " He", ...) is replaced by the
 * other side; the first such position, left to right, where the corrupt text re-tokenizes to the same tokens
 * and the model's answer at the last position changes gives the pair. At most one pair per prompt; both
 * prompts have the same length.
 *
 * @see #GENDER
 */
public final class SwapPairs {
    /** Single-token swaps that change who the story is about, in stories260K's vocabulary. */
    public static final List<List<String>> GENDER = List.of(List.of(" Lily", " Tim"), List.of(" She", " He"),
            List.of(" she", " he"), List.of(" her", " his"));

    private SwapPairs() {}

    /** @param position where the token was swapped (BOS is position 0) */
    public record Pair(String clean, String corrupt, int position, String cleanAnswer, String corruptAnswer) {}

    public static List<Pair> build(LanguageModel model, List<String> prompts, List<List<String>> swaps) {
        Tokenizer tokenizer = model.tokenizer();
        Transformer t = model.transformer();
        int bos = tokenizer.bos().orElseThrow(() -> new IllegalArgumentException("the vocabulary has no BOS"));
        List<Pair> out = new ArrayList<>();
        for (String text : prompts) {
            int[] body = tokenizer.encode(text);
            int[] clean = new int[body.length + 1];
            clean[0] = bos;
            System.arraycopy(body, 0, clean, 1, body.length);
            int cleanAnswer = -1;
            for (int i = 1; i < clean.length; i++) {
                int partner = partner(tokenizer, clean[i], swaps);
                if (partner < 0) continue;
                int[] corrupt = clean.clone();
                corrupt[i] = partner;
                String corruptText = tokenizer.decode(Arrays.copyOfRange(corrupt, 1, corrupt.length)).strip();
                if (!Arrays.equals(tokenizer.encode(corruptText), Arrays.copyOfRange(corrupt, 1, corrupt.length))) continue;
                if (cleanAnswer < 0) cleanAnswer = lastArgmax(t.forward(clean));
                int corruptAnswer = lastArgmax(t.forward(corrupt));
                if (corruptAnswer == cleanAnswer) continue;
                out.add(new Pair(text, corruptText, i, tokenizer.piece(cleanAnswer), tokenizer.piece(corruptAnswer)));
                break;
            }
        }
        return out;
    }

    /** The other side of the swap that {@code id} is on, or -1. */
    private static int partner(Tokenizer tokenizer, int id, List<List<String>> swaps) {
        String piece = tokenizer.piece(id);
        for (List<String> swap : swaps) {
            int side = swap.indexOf(piece);
            if (side >= 0) return indexOf(tokenizer, swap.get(1 - side));
        }
        return -1;
    }

    private static int indexOf(Tokenizer tokenizer, String piece) {
        for (int i = 0; i < tokenizer.vocabSize(); i++) if (tokenizer.piece(i).equals(piece)) return i;
        throw new IllegalArgumentException("'" + piece + "' is not a piece of this vocabulary");
    }

    private static int lastArgmax(float[][] logits) {
        float[] row = logits[logits.length - 1];
        int best = 0;
        for (int i = 1; i < row.length; i++) if (row[i] > row[best]) best = i;
        return best;
    }
}
