package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.glassbox.interp.ablation.Ablation;
import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.ablation.AblationOutcome;
import dev.glassbox.interp.ablation.AblationResult;
import dev.glassbox.interp.ablation.Ablator;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.names.Component;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ablation on compiled programs, where what each sublayer computes is known. */
class GroundTruthAblationTest {

    static List<GroundTruth.Program> programs() {
        return GroundTruth.PROGRAMS;
    }

    /**
     * Zeroing the writers removes the answer's logit (none of the other components writes the output's
     * dimensions); zeroing a sublayer the compiler left empty (0 heads or 0 hidden units) changes nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void writersCarryTheAnswerAndEmptySublayersNothing(GroundTruth.Program program) {
        CompiledInterpModel model = CompiledPrograms.get(program.name());
        List<Ablation> ablations = new ArrayList<>();
        List<Component> writers = program.writers().stream().map(w -> model.components().parse(w)).toList();
        ablations.add(new Ablation(writers, null, AblationKind.ZERO));
        for (String e : GroundTruth.emptySublayers(model.compiled().report())) ablations.add(Ablation.of(model.components().parse(e), null, AblationKind.ZERO));

        for (String input : program.inputs()) {
            Prompt prompt = model.prompt(input);
            int last = prompt.length() - 1;
            AblationResult r = new Ablator(model, prompt, Predictions.answerLogit(model, last, null, null), List.of()).run(ablations);
            String what = program.name() + " '" + input + "'";
            if (!r.baselinePrediction().equals("None")) {
                assertEquals(0, r.outcomes().getFirst().metric(), 1e-6, what + ": the answer's logit without its writers");
            }
            for (AblationOutcome o : r.outcomes().subList(1, r.outcomes().size())) {
                assertEquals(0, o.change(), 0, what + ": empty " + o.component());
            }
        }
    }

    /**
     * reverse: length and opp_idx (blocks.0.attn, blocks.0.mlp, blocks.1.mlp) depend only on the input's
     * length, so resampling them from other inputs of the same length changes nothing, and mean-ablating
     * them over such inputs neither; resampling the tokens changes the answer.
     */
    @Test
    void reverseLengthCircuitIsInvariantToResamplingOverTheSameLength() {
        CompiledInterpModel model = CompiledPrograms.get("reverse");
        Prompt prompt = model.prompt("a b c");
        List<Prompt> others = List.of(model.prompt("c c a"), model.prompt("b a a"), model.prompt("a a a"));
        List<Ablation> ablations = new ArrayList<>();
        for (String c : List.of("blocks.0.attn", "blocks.0.mlp", "blocks.1.mlp", "pos_embed")) {
            ablations.add(Ablation.of(model.components().parse(c), null, AblationKind.RESAMPLE));
            ablations.add(Ablation.of(model.components().parse(c), null, AblationKind.MEAN));
        }
        ablations.add(Ablation.of(Component.embed(), null, AblationKind.RESAMPLE));
        AblationResult r = new Ablator(model, prompt, Predictions.answerLogit(model, 3, null, null), others).run(ablations);
        for (AblationOutcome o : r.outcomes().subList(0, 8)) assertEquals(0, o.change(), 1e-6, o.toString());
        AblationOutcome tokens = r.outcomes().getLast();
        assertNotEquals(0, tokens.change(), 1e-3);
        // position 3 reads position 1: 'c', 'b', 'a' in the three sources, so only 'a a a' gives the answer 'a'
        List<Double> samples = tokens.samples();
        assertEquals(0, samples.get(0), 1e-6);
        assertEquals(0, samples.get(1), 1e-6);
        assertEquals(1, samples.get(2), 1e-6);
    }
}
