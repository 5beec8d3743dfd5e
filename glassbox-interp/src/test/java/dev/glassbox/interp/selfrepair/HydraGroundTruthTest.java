package dev.glassbox.interp.selfrepair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.lens.NormScale;
import dev.glassbox.interp.model.PlainInterpModel;
import dev.glassbox.interp.model.Prompt;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Self-repair measured on models built by hand ({@link HydraModels}), where the backup, the erasure and the
 * redundancy are known by construction: the measured compensation must equal the constructed one, whichever
 * way the part is knocked out (resampled from a prompt where it does not fire, or zeroed).
 */
class HydraGroundTruthTest {
    static final double EXACT = 1e-6;

    static SelfRepairResult run(PlainInterpModel model, AblationKind kind, NormScale scale) {
        Prompt clean = model.prompt("0 1 1 1"), source = model.prompt("0 2 2 2");
        SelfRepairOptions options = SelfRepairOptions.defaults().withAblation(kind).withScale(scale).withSamples(1);
        return SelfRepair.run(model, List.of(clean), List.of(source), options);
    }

    @ParameterizedTest
    @EnumSource(value = AblationKind.class, names = {"RESAMPLE", "ZERO"})
    void theBackupHeadAndTheErasingMlpMakeUpWhatTheyWereBuiltTo(AblationKind kind) {
        PromptRepair r = run(HydraModels.backupAndErasure(), kind, NormScale.FROZEN).prompts().getFirst();
        assertEquals("#0", r.target());
        assertEquals(0.75, r.cleanLogit(), EXACT);
        ComponentRepair a = r.component("blocks.0.attn.head.0");
        assertEquals(1.0, a.direct(), EXACT);
        assertEquals(0.25, a.total(), EXACT);
        assertEquals(0.25, a.mlp(), EXACT, "the MLP erases 0.25 less");
        assertEquals(0.5, a.attention(), EXACT, "the backup head writes 0.5");
        assertEquals(0.0, a.remainder(), EXACT);
        List<Part> parts = run(HydraModels.backupAndErasure(), kind, NormScale.FROZEN).parts();
        assertEquals(0.5, a.changes()[parts.indexOf(Part.head(1, 0))], EXACT, "all of it from head 1.0");
        assertEquals(0.0, a.changes()[parts.indexOf(Part.head(1, 1))], EXACT);
        assertEquals(0.0, a.changes()[parts.indexOf(Part.head(0, 1))], EXACT, "a head of the same layer cannot react");
    }

    @Test
    void partsThatComputeNothingRelevantShowNoEffect() {
        for (AblationKind kind : List.of(AblationKind.RESAMPLE, AblationKind.ZERO)) {
            PromptRepair r = run(HydraModels.backupAndErasure(), kind, NormScale.FROZEN).prompts().getFirst();
            for (String junk : List.of("blocks.0.attn.head.1", "blocks.1.attn.head.1", "blocks.1.mlp")) {
                ComponentRepair c = r.component(junk);
                assertEquals(0.0, c.direct(), EXACT, junk);
                assertEquals(0.0, c.total(), EXACT, junk);
                assertEquals(0.0, c.compensation(), EXACT, junk);
            }
        }
    }

    /** With nothing after it that reads the output, a part's total effect is its direct effect. */
    @Test
    void withNothingDownstreamTotalEqualsDirect() {
        PromptRepair r = run(HydraModels.backupAndErasure(), AblationKind.RESAMPLE, NormScale.FROZEN).prompts().getFirst();
        ComponentRepair b = r.component("blocks.1.attn.head.0");
        assertEquals(-0.5, b.direct(), EXACT, "resampled from a prompt where it fires");
        assertEquals(b.direct(), b.total(), EXACT);
        ComponentRepair mlp = r.component("blocks.0.mlp");
        assertEquals(-0.25, mlp.direct(), EXACT);
        assertEquals(mlp.direct(), mlp.total(), EXACT);
        assertEquals(0.0, mlp.compensation(), EXACT);
    }

    @Test
    void twoRedundantHeadsBehindAThresholdAreFullyCompensatedByTheMlp() {
        SelfRepairResult result = run(HydraModels.redundantHeads(), AblationKind.RESAMPLE, NormScale.FROZEN);
        PromptRepair r = result.prompts().getFirst();
        assertEquals(1.0, r.cleanLogit(), EXACT);
        for (String head : List.of("blocks.0.attn.head.0", "blocks.0.attn.head.1")) {
            ComponentRepair c = r.component(head);
            assertEquals(1.0, c.direct(), EXACT, head);
            assertEquals(0.0, c.total(), EXACT, head);
            assertEquals(1.0, c.mlp(), EXACT, head);
            assertEquals(0.0, c.attention(), EXACT, head);
        }
        ComponentRepair layer = r.component("blocks.0.attn");
        assertEquals(2.0, layer.direct(), EXACT, "both heads at once");
        assertEquals(1.0, layer.total(), EXACT, "the threshold only hides the first");
        assertEquals(1.0, layer.mlp(), EXACT);
        assertEquals(1.0, result.fit(Part.Kind.HEAD, 0).points() / 2.0, EXACT);
    }

    /** Without a final norm, frozen and recomputed scales are the same reading. */
    @Test
    void withoutANormTheScaleChoiceChangesNothing() {
        SelfRepairResult frozen = run(HydraModels.backupAndErasure(), AblationKind.RESAMPLE, NormScale.FROZEN);
        SelfRepairResult recomputed = run(HydraModels.backupAndErasure(), AblationKind.RESAMPLE, NormScale.RECOMPUTED);
        for (ComponentRepair c : frozen.prompts().getFirst().components()) {
            ComponentRepair d = recomputed.prompts().getFirst().component(c.part().name());
            assertEquals(c.total(), d.total(), EXACT);
            assertEquals(c.direct(), d.direct(), EXACT);
            assertEquals(c.compensation(), d.compensation(), EXACT);
        }
    }
}
