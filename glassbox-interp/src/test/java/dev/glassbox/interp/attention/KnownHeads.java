package dev.glassbox.interp.attention;

import static dev.glassbox.rasp.Rasp.aggregate;
import static dev.glassbox.rasp.Rasp.indices;
import static dev.glassbox.rasp.Rasp.numerical;
import static dev.glassbox.rasp.Rasp.select;
import static dev.glassbox.rasp.Rasp.sequenceMap;
import static dev.glassbox.rasp.Rasp.tokens;

import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.RaspCompiler;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.lib.TracrLib;
import java.util.List;

/**
 * Small RASP programs whose one head is, by construction, a head of one detector's kind. Each aggregates a
 * numerical S-Op (so any selection pattern compiles) and is named, so the head's layer is found in the
 * compile report.
 */
final class KnownHeads {
    private KnownHeads() {}

    static final List<Object> ABC = List.of("a", "b", "c");

    /** Attends to its own position: Select(indices, indices, ==). */
    static SOp self() {
        return numerical(aggregate(select(indices(), indices(), Comparison.EQ), isA(), 0)).named("self_head");
    }

    /** Selects nothing, so every query falls back to BOS: Select(tokens, tokens, False). */
    static SOp firstToken() {
        return numerical(aggregate(select(tokens(), tokens(), Comparison.FALSE), isA(), 0)).named("bos_head");
    }

    /**
     * Induction: key k is selected by query q when the token before k equals q's token and k < q, i.e. k
     * is the position after an earlier occurrence of q's token. Keys carry (previous token, index) and
     * queries (token, index), each as one categorical value, so a single Select states it.
     */
    static SOp induction() {
        SOp previous = TracrLib.shiftBy(1, tokens()).named("previous_token");
        SOp keys = sequenceMap("key", (p, i) -> p + "|" + i, previous, indices()).named("previous_and_index");
        SOp queries = sequenceMap("query", (t, i) -> t + "|" + i, tokens(), indices()).named("token_and_index");
        return numerical(aggregate(select(keys, queries, "k.previous == q.token and k.index < q.index", (k, q) -> {
            if (k == null || q == null) return false; // a SequenceMap of None is None: the first position has no previous token
            String[] kk = ((String) k).split("\\|"), qq = ((String) q).split("\\|");
            return kk[0].equals(qq[0]) && Integer.parseInt(kk[1]) < Integer.parseInt(qq[1]);
        }), isA(), 0)).named("induction_head");
    }

    private static SOp isA() {
        return numerical(tokens().map(dev.glassbox.rasp.ValueFunction.of("x == a", x -> "a".equals(x) ? 1 : 0))).named("is_a");
    }

    static CompiledInterpModel compile(String name, SOp program, int maxSeqLen, boolean causal) {
        return new CompiledInterpModel(name, RaspCompiler.compile(program,
                CompileOptions.of(ABC, maxSeqLen).withCausal(causal)));
    }
}
