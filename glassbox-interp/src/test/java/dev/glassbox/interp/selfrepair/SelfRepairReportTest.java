package dev.glassbox.interp.selfrepair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.lens.NormScale;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fit, the plot and the JSON and HTML forms of a self-repair result. */
class SelfRepairReportTest {

    @Test
    void lineFitsRecoverAKnownLine() {
        LineFit f = LineFit.of(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
        assertEquals(2.0, f.slope(), 1e-12);
        assertEquals(1.0, f.intercept(), 1e-12);
        assertEquals(1.0, f.r2(), 1e-12);
        LineFit noisy = LineFit.of(new double[] {0, 1, 2, 3}, new double[] {0, 1, 0, 1});
        assertEquals(0.2, noisy.r2(), 1e-12, "r = 1/sqrt(5)");
        assertTrue(Double.isNaN(LineFit.of(new double[] {1, 1}, new double[] {0, 2}).slope()));
        assertEquals(0.5, ScatterPlot.niceStep(0.31), 1e-12);
        assertEquals(2.0, ScatterPlot.niceStep(1.2), 1e-12);
    }

    @Test
    void manyPointsAreDrawnAsOnePathPerSeries() {
        double[] x = new double[1000], y = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = i / 2.0;
        }
        String svg = new ScatterPlot("t", "direct", "total", List.of(new ScatterPlot.Series("s", x, y, null))).svg();
        assertTrue(svg.contains("stroke-linecap='round'") && !svg.contains("<circle"), "compact");
        assertTrue(svg.length() < 30_000, svg.length() + " characters");
        assertTrue(svg.contains("y = x"));
    }

    @Test
    void jsonAndHtmlCarryTheResult() {
        SelfRepairResult r = HydraGroundTruthTest.run(HydraModels.backupAndErasure(), AblationKind.ZERO, NormScale.FROZEN);
        ObjectNode o = SelfRepairJson.of(r);
        assertEquals("zero", o.get("ablation").asText());
        assertEquals("frozen", o.get("scale").asText());
        assertEquals(List.of("blocks.0.attn", "blocks.0.mlp", "blocks.1.attn", "blocks.1.mlp"),
                List.of(o.get("layer_matrix").get("rows").get(0).asText(), o.get("layer_matrix").get("rows").get(1).asText(),
                        o.get("layer_matrix").get("rows").get(2).asText(), o.get("layer_matrix").get("rows").get(3).asText()));
        assertEquals(0.5, o.get("prompts").get(0).get("components").get(0).get("attention").asDouble(), 1e-6);
        String html = SelfRepairReport.render(r);
        assertTrue(html.contains("frozen from the clean run") && html.contains("<svg") && html.contains("blocks.0.attn.head.0"));
    }
}
