package dev.glassbox.compiler;

import static dev.glassbox.rasp.Rasp.aggregate;
import static dev.glassbox.rasp.Rasp.indices;
import static dev.glassbox.rasp.Rasp.linearSequenceMap;
import static dev.glassbox.rasp.Rasp.numerical;
import static dev.glassbox.rasp.Rasp.select;
import static dev.glassbox.rasp.Rasp.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.compiler.verify.VerificationResult;
import dev.glassbox.compiler.verify.Verifier;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Values;
import dev.glassbox.rasp.lib.TracrLib;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Programs at the edges of what the default mode compiles. */
class EdgeCasesTest {
    private static final List<Object> ABC = List.of("a", "b", "c");

    @Test
    void aProgramWithoutBlocksIsOneEmptyLayer() {
        SOp upper = tokens().map(x -> ((String) x).toUpperCase()).named("upper");
        CompiledModel model = Programs.ours(upper, ABC, 3);
        assertEquals(1, model.config().nLayers());
        assertEquals(List.of("A", "C"), Programs.run(model, List.of("a", "c")));
        Programs.assertVerifies(model, upper, 3);
        Programs.assertVerifies(Programs.ours(tokens(), ABC, 2), tokens(), 2);
    }

    @Test
    void aggregatesWithOtherDefaults() {
        SOp prev = aggregate(select(indices(), indices(), (k, q) -> Values.equal(q, Values.add(k, 1))), tokens(), "-")
                .named("prev_or_dash");
        Programs.assertVerifies(Programs.ours(prev, ABC, 4), prev, 4);
        SOp after = numerical(aggregate(select(indices(), indices(), Comparison.GT),
                numerical(tokens().map(x -> x.equals("a") ? 2 : 0)), -1)).named("after_or_minus_one");
        Programs.assertVerifies(Programs.ours(after, ABC, 4), after, 4);
    }

    @Test
    void affineNumericalMapsAreViews() {
        SOp frac = TracrLib.makeFracPrevs(tokens().eq("a"));
        SOp scaled = numerical(frac.map(x -> Values.add(Values.multiply(x, 3), 1))).named("three_x_plus_one");
        CompiledModel model = Programs.ours(scaled, ABC, 4);
        assertEquals(1, model.config().nLayers());
        assertTrue(model.report().placements().stream().anyMatch(p -> p.label().equals("three_x_plus_one") && p.sublayer() == -1));
        Programs.assertVerifies(model, scaled, 4);
        SOp squared = numerical(frac.map(x -> Values.multiply(x, x))).named("squared");
        Programs.assertVerifies(Programs.ours(squared, ABC, 4), squared, 4);
    }

    @Test
    void causalProgramsTooLongToRunEveryInput() {
        SOp frac = TracrLib.makeFracPrevs(tokens().eq("a"));
        CompiledModel model = RaspCompiler.compile(frac, CompileOptions.of(ABC, 24).withCausal(true));
        VerificationResult r = Verifier.verify(model, frac, 24, 300, 3);
        assertTrue(r.passed(), "first " + r.firstCounterexample());
        CompileException e = assertThrows(CompileException.class,
                () -> RaspCompiler.compile(TracrLib.makeLength(), CompileOptions.of(ABC, 24).withCausal(true)));
        // a sampled input shows it
        assertTrue(e.getMessage().startsWith("cannot compile 'all_true_selector' (Select): it reads later positions (on input ["),
                e.getMessage());
    }

    @Test
    void linearSequenceMapsOfCategoricalNumbers() {
        SOp value = tokens().map(x -> x.equals("a") ? 1 : x.equals("b") ? 2 : 5).named("value");
        SOp weighted = numerical(linearSequenceMap(value, indices(), 0.5, -1)).named("weighted");
        Programs.assertVerifies(Programs.ours(weighted, ABC, 4), weighted, 4);
        SOp sum = linearSequenceMap(value, indices(), 1, 1).named("categorical_sum"); // a categorical one is a SequenceMap
        Programs.assertVerifies(Programs.ours(sum, ABC, 4), sum, 4);
    }

    @Test
    void numericalMeansOfAnyNumbers() {
        SOp weights = numerical(tokens().map(x -> switch ((String) x) {
            case "a" -> 0.5;
            case "b" -> -2;
            default -> 3;
        })).named("weight");
        SOp mean = numerical(aggregate(select(indices(), indices(), Comparison.LEQ), weights, 0)).named("running_mean");
        SOp positive = mean.map(x -> Values.toDouble(x) > 0).named("positive");
        Programs.assertVerifies(Programs.ours(positive, ABC, 4), positive, 4);
        Programs.assertVerifies(Programs.ours(mean, ABC, 4), mean, 4);
    }
}
