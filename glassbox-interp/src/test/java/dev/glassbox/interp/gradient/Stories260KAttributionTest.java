package dev.glassbox.interp.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.interp.metric.LogitDifference;
import dev.glassbox.interp.metric.MetricChoice;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.InterpModels;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.report.PatchingReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attribution against activation patching on a real model. stories260K's pronoun after a name:
 * "… a little girl named Lily." is followed by " She" (logit[She] − logit[He] = +7.0), "… a little boy
 * named Tim." by " He" (−4.4). Per head the estimate follows the measured effect closely (r ≥ 0.99 in
 * both directions); per sublayer less so, the embedding worst: swapping "girl … Lily" for "boy … Tim" is
 * no small move, and the first-order term misses how the later layers' norms and attention respond.
 */
class Stories260KAttributionTest {
    static final String CLEAN = "Once upon a time, there was a little girl named Lily.";
    static final String CORRUPT = "Once upon a time, there was a little boy named Tim.";

    static PatchingProblem problem(Direction direction) {
        InterpModel model = InterpModels.load(SharedFiles.require("models/stories260K/stories260K.bin"),
                SharedFiles.require("models/stories260K/tok512.bin"));
        Prompt clean = model.prompt(CLEAN), corrupt = model.prompt(CORRUPT);
        LogitDifference metric = LogitDifference.of(clean.length() - 1, model.outputIndex(" She"), model.outputIndex(" He"),
                " She", " He");
        return new PatchingProblem(model, clean, corrupt, MetricChoice.fixed(metric), direction);
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void headEstimatesFollowActivationPatching(Direction direction) {
        PatchingComparison c = PatchingComparison.of(problem(direction), PatchGranularity.HEAD);
        assertEquals(42, c.activation().forwardPasses(), "one run per head, plus clean and corrupt");
        assertEquals(2, c.attribution().forwardPasses());
        assertEquals(1, c.attribution().backwardPasses());
        assertTrue(c.pearson() > 0.99, c.markdown(10));
        assertTrue(c.maxError() < 0.1, c.markdown(10));
    }

    @Test
    void bothMethodsRenderOnOneReportPage() {
        PatchingComparison c = PatchingComparison.of(problem(Direction.DENOISING), PatchGranularity.HEAD_POSITION);
        String html = PatchingReport.render("stories260K", c.results());
        assertTrue(html.contains("activation patching") && html.contains("attribution patching"));
        assertTrue(c.markdown(5).contains("| attribution patching | 2 | 1 |"), c.markdown(5));
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void sublayerEstimatesRankTheBigOnesFirst(Direction direction) {
        PatchingComparison c = PatchingComparison.of(problem(direction), PatchGranularity.COMPONENT);
        assertTrue(c.spearman() > 0.8, c.markdown(0));
        assertEquals("blocks.4.attn", c.rows().stream().filter(r -> r.component().startsWith("blocks"))
                .max((a, b) -> Double.compare(a.estimated(), b.estimated())).orElseThrow().component(),
                "the last attention layer writes the pronoun, by both methods");
    }
}
