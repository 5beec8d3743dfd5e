package dev.glassbox.interp.selfrepair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.interp.CompiledPrograms;
import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.model.compiled.CompileReport;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ground truth on compiled programs: each writes its output with one head (the compile report places it),
 * nothing else writes the output's directions and nothing reads them, so there is no redundancy by
 * construction. The writer's total effect equals its direct effect and nothing compensates; every other part
 * has no direct effect, and whatever total effect it has reaches the logits through the writer's layer
 * (attention change = -total); sublayers the compiler left empty show nothing at all.
 */
class CompiledSelfRepairTest {
    static final double EXACT = 1e-5;

    record Case(String program, String writer, String clean, String source) {
        @Override
        public String toString() {
            return program;
        }
    }

    static List<Case> cases() {
        return List.of(new Case("reverse", "blocks.2.attn.head.0", "a b c", "c a b"),
                new Case("sort", "blocks.2.attn.head.0", "3 1 2", "2 1 1"),
                new Case("sort_unique", "blocks.1.attn.head.0", "3 1 2", "5 4 1"),
                new Case("shift_by", "blocks.0.attn.head.0", "a b c", "c c a"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theWriterIsNotRepairedAndEverythingElseActsThroughIt(Case c) {
        CompiledInterpModel model = CompiledPrograms.get(c.program());
        Prompt clean = model.prompt(c.clean()), source = model.prompt(c.source());
        int last = clean.length() - 1;
        assertNotEquals(Predictions.argmax(model.transformer().forward(clean.tokens()))[last],
                Predictions.argmax(model.transformer().forward(source.tokens()))[last], "the source must change the answer");
        for (AblationKind kind : List.of(AblationKind.RESAMPLE, AblationKind.ZERO)) {
            SelfRepairResult r = SelfRepair.run(model, List.of(clean), List.of(source),
                    SelfRepairOptions.defaults().withAblation(kind).withSamples(1));
            PromptRepair p = r.prompts().getFirst();
            ComponentRepair writer = p.component(c.writer());
            assertTrue(Math.abs(writer.direct()) > 0.1, c + " " + kind + ": " + writer);
            assertEquals(writer.direct(), writer.total(), EXACT, c + " " + kind);
            assertEquals(0.0, writer.attention(), EXACT);
            assertEquals(0.0, writer.mlp(), EXACT);
            String writerLayer = c.writer().substring(0, c.writer().indexOf(".head."));
            int writerAttn = r.parts().indexOf(r.parts().stream().filter(x -> x.name().equals(writerLayer)).findFirst().orElseThrow());
            for (ComponentRepair other : p.components()) {
                assertEquals(0.0, other.remainder(), EXACT, other.part().name());
                if (other.part().name().equals(c.writer()) || other.part().name().equals(writerLayer)) continue;
                assertEquals(0.0, other.direct(), EXACT, other.part().name() + " writes no output direction");
                if (other.part().layer() < writer.part().layer()) {
                    assertEquals(-other.total(), other.changes()[writerAttn], EXACT, other.part().name() + " acts through the writer");
                } else {
                    assertEquals(0.0, other.total(), EXACT, other.part().name() + " is after the writer");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void emptySublayersShowNoEffect(Case c) {
        CompiledInterpModel model = CompiledPrograms.get(c.program());
        SelfRepairResult r = SelfRepair.run(model, List.of(model.prompt(c.clean())), List.of(),
                SelfRepairOptions.defaults().withAblation(AblationKind.ZERO));
        CompileReport report = model.compiled().report();
        for (int l = 0; l < report.numLayers(); l++) {
            if (report.mlpHiddenPerLayer().get(l) == 0) {
                ComponentRepair mlp = r.prompts().getFirst().component("blocks." + l + ".mlp");
                assertEquals(0.0, mlp.total(), EXACT, mlp.toString());
                assertEquals(0.0, mlp.direct(), EXACT, mlp.toString());
            }
        }
    }
}
