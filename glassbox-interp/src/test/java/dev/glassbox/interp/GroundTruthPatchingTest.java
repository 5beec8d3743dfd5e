package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.attribution.AttributionLevel;
import dev.glassbox.interp.attribution.DirectLogitAttribution;
import dev.glassbox.interp.attribution.LogitTarget;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.names.Component;
import dev.glassbox.interp.patching.ActivationPatching;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchTarget;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Activation patching on compiled programs: writers restore everything, empty sublayers nothing. */
class GroundTruthPatchingTest {
    /** Clean and corrupt inputs of the same length whose answers differ somewhere. */
    static final Map<String, List<String>> PAIRS = Map.ofEntries(
            Map.entry("reverse", List.of("a b c", "c a b")),
            Map.entry("hist", List.of("a b a", "a b b")),
            Map.entry("count", List.of("a b a", "b b a")),
            Map.entry("sort_unique", List.of("3 1 2", "3 1 4")),
            Map.entry("sort", List.of("3 1 2", "3 3 2")),
            Map.entry("sort_freq", List.of("2 2 1 3", "1 1 2 3")),
            Map.entry("frac_prevs", List.of("a b a", "b b a")),
            Map.entry("shift_by", List.of("a b c", "b b c")),
            Map.entry("pair_balance", List.of("( a a", "a a a")),
            Map.entry("count_less_freq", List.of("a b a c", "a a a c")),
            Map.entry("detect_pattern", List.of("a b c a", "a b b a")),
            Map.entry("nary_sequencemap", List.of("1 2 3", "2 2 3")));

    static List<GroundTruth.Program> programs() {
        return GroundTruth.PROGRAMS.stream().filter(p -> PAIRS.containsKey(p.name())).toList();
    }

    /**
     * The writers, patched together as the sublayer (or block) that holds them, restore the clean answer
     * whatever the direction (effect 1); a sublayer the compiler left empty has effect 0.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void theWritersRestoreTheAnswerAndEmptySublayersNothing(GroundTruth.Program program) {
        CompiledInterpModel model = CompiledPrograms.get(program.name());
        List<String> pair = PAIRS.get(program.name());
        Component writers = writerGroup(program);
        List<PatchTarget> targets = new ArrayList<>(List.of(PatchTarget.everywhere(writers)));
        for (String e : GroundTruth.emptySublayers(model.compiled().report())) targets.add(PatchTarget.everywhere(model.components().parse(e)));
        for (Direction d : Direction.values()) {
            PatchingProblem problem = new PatchingProblem(model, model.prompt(pair.get(0)), model.prompt(pair.get(1)),
                    Predictions.cleanVersusCorrupt(model, null), d);
            PatchingResult r = new ActivationPatching().run(problem, "truth", targets);
            assertEquals(1.0, r.effects().getFirst().effect(), 1e-6, program.name() + " " + d + " " + writers.name());
            for (var e : r.effects().subList(1, r.effects().size())) assertEquals(0.0, e.effect(), 0, program.name() + " " + e);
        }
    }

    /**
     * pair_balance = frac('(') - frac(')'), one head per fraction. Changing only the opening brackets
     * moves only one head (effect 1, the other 0), and that head is the one DLA credits with the clean value.
     */
    @Test
    void pairBalancePatchingTellsItsTwoHeadsApart() {
        CompiledInterpModel model = CompiledPrograms.get("pair_balance");
        Set<String> moved = new java.util.HashSet<>();
        for (List<String> pair : List.of(List.of("( a a", "a a a"), List.of("a ) a", "a a a"))) {
            PatchingProblem problem = new PatchingProblem(model, model.prompt(pair.get(0)), model.prompt(pair.get(1)),
                    Predictions.cleanVersusCorrupt(model, 3), Direction.DENOISING);
            PatchingResult r = new ActivationPatching().sweep(problem, PatchGranularity.HEAD);
            List<String> one = r.effects().stream().filter(e -> Math.abs(e.effect() - 1) < 1e-6).map(e -> e.component()).toList();
            List<String> zero = r.effects().stream().filter(e -> Math.abs(e.effect()) < 1e-6).map(e -> e.component()).toList();
            assertEquals(1, one.size(), r.effects().toString());
            assertEquals(1, zero.size(), r.effects().toString());
            moved.add(one.getFirst());
            var dla = DirectLogitAttribution.attribute(model.transformer(), model.prompt(pair.get(0)).tokens(), 3,
                    LogitTarget.logit(0), "value", AttributionLevel.HEAD, false);
            assertEquals(dla.logit(), dla.dla(one.getFirst()), 1e-5);
            assertEquals(0, dla.dla(zero.getFirst()), 1e-6);
        }
        assertEquals(Set.of("blocks.0.attn.head.0", "blocks.0.attn.head.1"), moved, "each bracket has its own head");
    }

    /** length's output depends on the length alone, so no corrupt prompt of the same length changes it. */
    @Test
    void aProgramThatOnlySeesLengthCannotBePatched() {
        CompiledInterpModel model = CompiledPrograms.get("length");
        PatchingProblem problem = new PatchingProblem(model, model.prompt("a b"), model.prompt("c c"),
                Predictions.cleanVersusCorrupt(model, null), Direction.DENOISING);
        var e = assertThrows(InvalidInputException.class, () -> new ActivationPatching().sweep(problem, PatchGranularity.COMPONENT));
        assertTrue(e.getMessage().contains("same output at every position"), e.getMessage());
    }

    /** The block, attention sublayer or single component that holds every writer. */
    static Component writerGroup(GroundTruth.Program program) {
        Set<Integer> layers = program.writers().stream().map(w -> Integer.parseInt(w.split("\\.")[1])).collect(Collectors.toSet());
        if (program.writers().size() == 1) return parse(program.writers().getFirst());
        int layer = layers.iterator().next();
        boolean mlp = program.writers().stream().anyMatch(w -> w.endsWith(".mlp"));
        return mlp ? new Component.Block(layer) : Component.attn(layer);
    }

    private static Component parse(String name) {
        String[] parts = name.split("\\.");
        int layer = Integer.parseInt(parts[1]);
        return name.endsWith(".mlp") ? Component.mlp(layer) : Component.head(layer, Integer.parseInt(parts[4]));
    }
}
