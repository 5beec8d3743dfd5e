package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.interp.ablation.Ablation;
import dev.glassbox.interp.ablation.AblationKind;
import dev.glassbox.interp.ablation.Ablator;
import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.AttributionLevel;
import dev.glassbox.interp.attribution.DirectLogitAttribution;
import dev.glassbox.interp.attribution.LogitTarget;
import dev.glassbox.interp.lens.LensOptions;
import dev.glassbox.interp.lens.LensResult;
import dev.glassbox.interp.lens.LogitLens;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.names.Component;
import dev.glassbox.interp.patching.ActivationPatching;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import dev.glassbox.interp.report.AblationReport;
import dev.glassbox.interp.report.AttributionReport;
import dev.glassbox.interp.report.JsonForms;
import dev.glassbox.interp.report.LensReport;
import dev.glassbox.interp.report.PatchingReport;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The JSON forms scripts rely on, and HTML reports that stand alone. */
class ReportsTest {
    private final CompiledInterpModel model = CompiledPrograms.get("reverse");
    private final Prompt clean = model.prompt("a b c");
    private final Prompt corrupt = model.prompt("c a b");
    private final ObjectMapper json = new ObjectMapper();

    private PatchingResult patch(PatchGranularity g) {
        return new ActivationPatching().sweep(new PatchingProblem(model, clean, corrupt,
                Predictions.cleanVersusCorrupt(model, 3), Direction.DENOISING), g);
    }

    @Test
    void patchingJsonHasTheDocumentedFields() throws Exception {
        JsonNode o = json.readTree(JsonForms.write(JsonForms.patching(patch(PatchGranularity.LAYER_POSITION))));
        assertEquals("logit[a] - logit[c] at position 3", o.get("metric").asText());
        assertEquals(1.0, o.get("clean_metric").asDouble(), 1e-6);
        assertEquals(-1.0, o.get("corrupt_metric").asDouble(), 1e-6);
        JsonNode first = o.get("effects").get(0);
        assertEquals(Set.of("component", "position", "effect"), fields(first));
        assertEquals("embed", first.get("component").asText());
        assertEquals(0, first.get("position").asInt());
        JsonNode whole = json.readTree(JsonForms.write(JsonForms.patching(patch(PatchGranularity.COMPONENT)))).get("effects").get(0);
        assertTrue(whole.get("position").isNull());
    }

    @Test
    void attributionJsonHasTargetAndComponents() throws Exception {
        Attribution a = DirectLogitAttribution.attribute(model.transformer(), clean.tokens(), 3, LogitTarget.logit(0), "a",
                AttributionLevel.HEAD, false);
        JsonNode o = json.readTree(JsonForms.write(JsonForms.attribution(a, clean.labels())));
        assertEquals("a", o.get("target").asText());
        assertEquals(Set.of("component", "dla"), fields(o.get("components").get(0)));
        JsonNode head = o.get("components").get(6);
        assertEquals("blocks.2.attn.head.0", head.get("component").asText());
        assertEquals(1.0, head.get("dla").asDouble(), 1e-6, "the aggregate head writes the answer");
    }

    @Test
    void reportsAreSelfContainedAndCarryTheirPlots() {
        String heatmap = PatchingReport.render("reverse", List.of(patch(PatchGranularity.LAYER_POSITION)));
        String heads = PatchingReport.render("reverse", List.of(patch(PatchGranularity.HEAD)));
        String bars = AttributionReport.render("reverse", clean.labels(), DirectLogitAttribution.attribute(model.transformer(),
                clean.tokens(), 3, LogitTarget.logit(0), "a", AttributionLevel.HEAD, false));
        LensResult lens = LogitLens.run(model.transformer(), clean.tokens(), LensOptions.defaults());
        int[] targets = Predictions.argmax(model.transformer().forward(clean.tokens()));
        String lines = LensReport.render(model, clean.labels(), lens, targets, 3);
        String ablation = AblationReport.render("reverse", new Ablator(model, clean, Predictions.answerLogit(model, 3, null, null),
                List.of()).run(List.of(Ablation.of(Component.head(2, 0), null, AblationKind.ZERO))));
        for (String html : List.of(heatmap, heads, bars, lines, ablation)) {
            assertTrue(html.startsWith("<!DOCTYPE html>"));
            assertTrue(html.contains("<svg"));
            for (String external : List.of(" src=", " href=", "<link", "@import", "url(")) {
                assertFalse(html.contains(external), "fetches nothing: " + external);
            }
        }
        assertTrue(heatmap.contains("effect by component and position") && heatmap.contains("blocks.2.attn @ 3 c|b"));
        assertTrue(heads.contains("effect by layer and head"));
        assertTrue(bars.contains("direct logit attribution") && bars.contains("<rect"));
        assertTrue(lines.contains("<polyline") && lines.contains("target logit by stage"));
        assertTrue(ablation.contains("blocks.2.attn.head.0"));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
