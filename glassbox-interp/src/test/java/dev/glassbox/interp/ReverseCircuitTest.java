package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.names.Component;
import dev.glassbox.interp.patching.ActivationPatching;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchEffect;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import dev.glassbox.interp.patching.PathPatching;
import dev.glassbox.interp.patching.Receiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Activation and path patching on the compiled {@code reverse} program, whose circuit is known by
 * construction:
 * <pre>
 *   blocks.0.attn + blocks.0.mlp   length         (SelectorWidth)
 *   blocks.1.mlp                   opp_idx - 1    (SequenceMap length - indices, then the Map -1, folded)
 *   blocks.2.attn.head.0           reverse = Aggregate(select(indices, opp_idx-1, EQ), tokens)
 *   blocks.1.attn, blocks.2.mlp    empty
 * </pre>
 * Clean "a b c" and corrupt "c a b" have the same length, so everything but the tokens and what the
 * final head reads from them is identical in both runs. Position 3 (the last input token; 0 is BOS) reads
 * the token at position 1: clean answer 'a', corrupt 'c'.
 */
class ReverseCircuitTest {
    private final CompiledInterpModel model = CompiledPrograms.get("reverse");
    private final Prompt clean = model.prompt("a b c");
    private final Prompt corrupt = model.prompt("c a b");

    private PatchingProblem problem(Direction direction) {
        return new PatchingProblem(model, clean, corrupt, Predictions.cleanVersusCorrupt(model, 3), direction);
    }

    @Test
    void componentPatchingFindsTheTokensAndTheFinalHeadAndNothingElse() {
        for (Direction direction : Direction.values()) {
            PatchingResult r = new ActivationPatching().sweep(problem(direction), PatchGranularity.COMPONENT);
            assertEquals("logit[a] - logit[c] at position 3", r.metric());
            Map<String, Double> expected = Map.of("embed", 1.0, "pos_embed", 0.0, "blocks.0.attn", 0.0, "blocks.0.mlp", 0.0,
                    "blocks.1.attn", 0.0, "blocks.1.mlp", 0.0, "blocks.2.attn", 1.0, "blocks.2.mlp", 0.0);
            for (PatchEffect e : r.effects()) assertEquals(expected.get(e.component()), e.effect(), 1e-6, direction + " " + e);
            assertEquals(expected.size(), r.effects().size());
        }
    }

    @Test
    void headPatchingFindsTheAggregateHead() {
        PatchingResult r = new ActivationPatching().sweep(problem(Direction.DENOISING), PatchGranularity.HEAD);
        assertEquals(1.0, r.effect("blocks.2.attn.head.0", null), 1e-6);
        assertEquals(0.0, r.effect("blocks.0.attn.head.0", null), 1e-6);
        assertEquals(0.0, r.effect("blocks.1.attn.head.0", null), 1e-6);
    }

    /** The final head matters only where the metric is read; the tokens only where that position reads. */
    @Test
    void layerPositionPatchingFindsWhereTheAnswerIsReadFrom() {
        PatchingResult r = new ActivationPatching().sweep(problem(Direction.DENOISING), PatchGranularity.LAYER_POSITION);
        for (PatchEffect e : r.effects()) {
            double expected = e.component().equals("blocks.2.attn") && e.position() == 3
                    || e.component().equals("embed") && e.position() == 1 ? 1.0 : 0.0;
            assertEquals(expected, e.effect(), 1e-6, e.toString());
        }
        assertEquals(8 * 4 + 2, r.forwardPasses());
    }

    /**
     * The final head reads the token through its values and the position through its queries and keys:
     * the path embed -> head.v carries the whole effect, embed -> head.q and head.k none, and the
     * length and opp_idx computations (identical in both runs) carry nothing along any path.
     */
    @Test
    void pathPatchingSeparatesTheValuePathFromTheQueryAndKeyPaths() {
        List<Component> senders = List.of(Component.embed(), Component.posEmbed(), Component.attn(0), Component.mlp(0),
                Component.mlp(1));
        for (char input : "qkv".toCharArray()) {
            PatchingResult r = PathPatching.run(problem(Direction.DENOISING), senders, new Receiver.HeadInput(2, 0, input), true);
            for (PatchEffect e : r.effects()) {
                double expected = input == 'v' && e.component().equals("embed") ? 1.0 : 0.0;
                assertEquals(expected, e.effect(), 1e-6, input + " " + e);
            }
        }
        PatchingResult toLogits = PathPatching.run(problem(Direction.NOISING), List.of(Component.head(2, 0), Component.embed()),
                new Receiver.Logits(), true);
        assertEquals(1.0, toLogits.effect("blocks.2.attn.head.0", null), 1e-6);
        assertEquals(0.0, toLogits.effect("embed", null), 1e-6, "the tokens reach the logits only through the head");
    }
}
