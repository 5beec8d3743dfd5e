package dev.glassbox.interp;

import dev.glassbox.interp.attribution.AttributionLevel;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each compiled library program computes where, known from its construction and the compiler's
 * placement (CompileReport): which components write the output S-Op's dimensions. An Aggregate at
 * sublayer 2L is written by block L's attention heads; a Map or SequenceMap at 2L+1 by block L's MLP; a
 * SelectorWidth at 2L by both: its head writes x = 1/(w+1) into the output's first direction and the MLP
 * writes e_w - x e_first (the compiler's default mode; see SelectorWidthBlock). The explicit "no value"
 * output (None) is read as 0.5 one - sum(value directions), so a None answer's logit comes from the
 * token embedding, which writes {@code one}.
 */
final class GroundTruth {
    private GroundTruth() {}

    /**
     * @param writers the components that write the output, as head or MLP names (blocks.L.attn.head.H or
     *     blocks.L.mlp)
     * @param inputs inputs to check, tokens separated by spaces
     */
    record Program(String name, List<String> writers, List<String> inputs, String why) {
        @Override
        public String toString() {
            return name;
        }

        /** The writers as components of a DLA at this level; a None answer adds the embedding. */
        Set<String> writersAt(AttributionLevel level, boolean noneAnswer) {
            Set<String> out = writers.stream().map(w -> level == AttributionLevel.LAYER && w.contains(".attn.head.")
                    ? w.substring(0, w.indexOf(".head.")) : w).collect(Collectors.toCollection(java.util.HashSet::new));
            if (noneAnswer) out.add("embed");
            return out;
        }

        /** Whether a component is a neuron of a writing MLP (counted with the writers at neuron level). */
        boolean writerNeurons(String component) {
            return component.contains(".mlp.neuron.")
                    && writers.contains(component.substring(0, component.indexOf(".neuron.")));
        }
    }

    static final List<Program> PROGRAMS = List.of(
            new Program("reverse", List.of("blocks.2.attn.head.0"), List.of("a b c", "c a b b", "b"),
                    "Aggregate(select(indices, opp_idx, EQ), tokens) at sublayer 4"),
            new Program("hist", List.of("blocks.0.attn.head.0", "blocks.0.mlp"), List.of("a b a", "c c c c b"),
                    "SelectorWidth(select(tokens, tokens, EQ)) at sublayer 0: head and MLP 0"),
            new Program("length", List.of("blocks.0.attn.head.0", "blocks.0.mlp"), List.of("a", "a b c b"),
                    "SelectorWidth(select all) at sublayer 0: head and MLP 0"),
            new Program("count", List.of("blocks.0.attn.head.0", "blocks.0.mlp"), List.of("a b a", "b b c"),
                    "SelectorWidth(select(tokens, a, EQ)) at sublayer 0: head and MLP 0"),
            new Program("sort_unique", List.of("blocks.1.attn.head.0"), List.of("3 1 2", "5 4 1 2"),
                    "Aggregate(select(target_pos, indices, EQ), vals) at sublayer 2"),
            new Program("sort", List.of("blocks.2.attn.head.0"), List.of("3 1 2", "2 2 1 3"),
                    "Aggregate at sublayer 4"),
            new Program("sort_freq", List.of("blocks.3.attn.head.0"), List.of("1 2 2 3", "3 3 1"),
                    "Aggregate at sublayer 6"),
            new Program("frac_prevs", List.of("blocks.0.attn.head.0"), List.of("a b a", "c a a b"),
                    "numerical Aggregate (causal mean) at sublayer 0"),
            new Program("shift_by", List.of("blocks.0.attn.head.0"), List.of("a b c", "c c a"),
                    "Aggregate(select(indices, indices + 1, EQ), tokens) at sublayer 0"),
            new Program("pair_balance", List.of("blocks.0.attn.head.0", "blocks.0.attn.head.1"),
                    List.of("( ( ) a", ") a ("),
                    "opens - closes: two numerical Aggregates at sublayer 0, the difference folded into their outputs"),
            new Program("count_less_freq", List.of("blocks.1.attn.head.0", "blocks.1.mlp"), List.of("a b a c", "c c c"),
                    "SelectorWidth at sublayer 2: head and MLP 1"),
            new Program("detect_pattern", List.of("blocks.1.mlp"), List.of("a b c a", "c a b c"),
                    "SequenceMap at sublayer 3"),
            new Program("nary_sequencemap", List.of("blocks.0.mlp"), List.of("1 2 3", "3 3 1 2"),
                    "SequenceMap at sublayer 1"),
            new Program("length_numerical", List.of("blocks.0.attn.head.0", "blocks.0.mlp"), List.of("a b", "c c c c"),
                    "numerical SelectorWidth at sublayer 0: head and MLP 0"));

    /** Sublayers the compiler left without heads or hidden units: they compute nothing. */
    static List<String> emptySublayers(dev.glassbox.model.compiled.CompileReport report) {
        List<String> empty = new java.util.ArrayList<>();
        for (int l = 0; l < report.numLayers(); l++) {
            if (report.headsPerLayer().get(l) == 0) empty.add("blocks." + l + ".attn");
            if (report.mlpHiddenPerLayer().get(l) == 0) empty.add("blocks." + l + ".mlp");
        }
        return empty;
    }
}
