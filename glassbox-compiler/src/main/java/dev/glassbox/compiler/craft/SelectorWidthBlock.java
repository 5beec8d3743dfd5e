package dev.glassbox.compiler.craft;

import dev.glassbox.rasp.SelectPredicate;
import dev.glassbox.rasp.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SelectorWidth: an attention head and an MLP.
 *
 * <p>Construction. The head attends to the selected keys and, always, to BOS with the same score
 * ({@code W_QK(one, tokens:BOS) = c}), and moves only BOS's {@code tokens:BOS} coordinate (1) into one
 * direction. A query that selects w keys splits its attention over w + 1 positions and reads
 * {@code x = 1/(w+1)}. The MLP turns x back into w by discretising it over the values 1/(w+1) for w in
 * the value set ({@link DiscretisingMlp}).
 *
 * <p>At BOS the head writes x = 1 too (BOS attends only to itself), so a last "clean BOS" neuron,
 * {@code ReLU(tokens:BOS)}, subtracts what BOS was left holding. All SelectorWidths of one MLP sublayer
 * share that neuron: the original adds the shared neuron's input weights up, so with k SelectorWidths it
 * fires k times and subtracts k times too much, leaving BOS dirty (and the BOS trick of a later head that
 * reads the width as its keys broken); the default mode feeds it once and adds the outputs.
 *
 * <p>The original writes x into a direction of its own ({@code label_selector_width_attn_output}). The
 * default mode writes it into the output's first direction, which is free until the MLP writes the
 * result, and lets the MLP subtract it again: the output for width w is {@code e_w - x_w·e_first}
 * (categorical) or {@code (w - x_w)·e} (numerical). One residual dimension fewer per SelectorWidth.
 */
public final class SelectorWidthBlock {
    private SelectorWidthBlock() {}

    /** The neuron all SelectorWidths of a sublayer share. */
    public static final BasisDirection CLEAN_BOS = BasisDirection.of("_hidden_clean_bos_");

    /** An attention head and the MLP after it. */
    public record Parts(AttentionHead head, MlpBlock mlp) {}

    /**
     * The original's block.
     *
     * @param widths the value set (0..maxSeqLen)
     * @param output the SelectorWidth's directions (one per width, or one numerical direction)
     */
    public static Parts tracr(String label, List<BasisDirection> querySpace, List<BasisDirection> keySpace,
            SelectPredicate predicate, List<Object> widths, List<BasisDirection> output, boolean categorical,
            double large) {
        BasisDirection attnOut = BasisDirection.of(label + "_selector_width_attn_output");
        AttentionHead head = head(label, Spaces.join(querySpace, List.of(Directions.BOS, Directions.ONE)),
                Spaces.join(keySpace, List.of(Directions.BOS)), predicate, attnOut);
        List<DiscretisingMlp.Point> points = new ArrayList<>();
        for (Object w : widths) {
            double x = 1.0 / (Values.toDouble(w) + 1);
            long width = Math.round(1 / x - 1);
            points.add(new DiscretisingMlp.Point(x, out(label, output, categorical, width, 1)));
        }
        MlpBlock discretise = DiscretisingMlp.tracr("_hidden_" + label + "_", attnOut, points, large, output);
        Map<BasisDirection, Double> atBos = new LinkedHashMap<>();
        atBos.put(attnOut, 1.0);
        if (categorical) atBos.merge(new BasisDirection(label, 0), 1.0, Double::sum);
        MlpBlock clean = clean(atBos, Spaces.join(List.of(attnOut), output));
        return new Parts(head, MlpBlock.inParallel(List.of(discretise, clean), true));
    }

    /** The default mode's block. */
    public static Parts exact(String label, List<BasisDirection> querySpace, List<BasisDirection> keySpace,
            SelectPredicate predicate, List<Object> widths, List<BasisDirection> output, boolean categorical) {
        BasisDirection scratch = output.getFirst();
        List<BasisDirection> query = new ArrayList<>(querySpace);
        query.add(Directions.ONE);
        List<BasisDirection> key = new ArrayList<>(keySpace);
        key.add(Directions.BOS);
        AttentionHead head = head(label, query, key, predicate, scratch);
        List<DiscretisingMlp.Point> points = new ArrayList<>();
        for (Object w : widths) {
            int width = (int) Math.round(Values.toDouble(w));
            double x = 1.0 / (width + 1);
            Map<BasisDirection, Double> o = out(label, output, categorical, width, 1);
            o.merge(scratch, -x, Double::sum);
            o.values().removeIf(v -> v == 0);
            points.add(new DiscretisingMlp.Point(x, o));
        }
        MlpBlock discretise = DiscretisingMlp.exact("_hidden_" + label + "_", scratch, points, 1.0, output);
        MlpBlock clean = clean(Map.of(scratch, 1.0), List.of(scratch));
        return new Parts(head, MlpBlock.inParallel(List.of(discretise, clean), false));
    }

    private static AttentionHead head(String label, List<BasisDirection> query, List<BasisDirection> key,
            SelectPredicate predicate, BasisDirection out) {
        Linear qk = new Linear();
        for (BasisDirection q : query) {
            for (BasisDirection k : key) {
                if (k.equals(Directions.BOS) && q.equals(Directions.ONE)) qk.add(q, k, CategoricalAttention.COLDNESS);
                else if (CategoricalAttention.isSpecial(q) || CategoricalAttention.isSpecial(k)) continue;
                else if (CategoricalAttention.selects(predicate, k, q)) qk.add(q, k, CategoricalAttention.COLDNESS);
            }
        }
        Linear ov = new Linear().add(Directions.BOS, out, 1);
        return new AttentionHead(label, query, key, qk, List.of(Directions.BOS), List.of(out), ov);
    }

    /** The clean-BOS neuron: ReLU(tokens:BOS), writing minus what BOS holds. */
    private static MlpBlock clean(Map<BasisDirection, Double> atBos, List<BasisDirection> outputSpace) {
        Linear first = new Linear().add(Directions.BOS, CLEAN_BOS, 1);
        Linear second = new Linear();
        atBos.forEach((d, w) -> second.add(CLEAN_BOS, d, -w));
        return new MlpBlock(List.of(Directions.BOS), List.of(CLEAN_BOS), first, second, outputSpace);
    }

    private static Map<BasisDirection, Double> out(String label, List<BasisDirection> output, boolean categorical,
            long width, double scale) {
        Map<BasisDirection, Double> o = new LinkedHashMap<>();
        if (categorical) {
            BasisDirection d = new BasisDirection(label, (int) width);
            if (output.contains(d)) o.put(d, scale);
        } else {
            o.put(output.getFirst(), scale * width);
        }
        return o;
    }
}
