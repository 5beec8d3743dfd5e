package dev.glassbox.cli.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interp commands' JSON forms (scripts rely on them), their reports, on the compiled reverse program. */
class InterpCommandsTest {
    @TempDir static Path dir;
    static String model;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void compileReverse() {
        model = dir.resolve("reverse.safetensors").toString();
        InterpCli c = InterpCli.run("compile", "lib:reverse", "-o", model);
        assertEquals(0, c.status(), c.toString());
    }

    private JsonNode ok(String... args) throws Exception {
        InterpCli r = InterpCli.run(args);
        assertEquals(0, r.status(), r.toString());
        return json.readTree(r.out());
    }

    private static Map<String, Double> effects(JsonNode o) {
        Map<String, Double> out = new HashMap<>();
        for (JsonNode e : o.get("effects")) {
            String key = e.get("component").asText() + (e.get("position").isNull() ? "" : "@" + e.get("position").asInt());
            out.put(key, e.get("effect").asDouble());
        }
        return out;
    }

    @Test
    void patchPrintsMetricBaselinesAndNormalisedEffects() throws Exception {
        JsonNode o = ok("interp", "patch", "--model", model, "--clean", "a b c", "--corrupt", "c a b", "--position", "3", "--json");
        assertEquals("logit[a] - logit[c] at position 3", o.get("metric").asText());
        assertEquals(1.0, o.get("clean_metric").asDouble(), 1e-6);
        assertEquals(-1.0, o.get("corrupt_metric").asDouble(), 1e-6);
        Map<String, Double> e = effects(o);
        assertEquals(Map.of("embed", 1.0, "pos_embed", 0.0, "blocks.0.attn", 0.0, "blocks.0.mlp", 0.0, "blocks.1.attn", 0.0,
                "blocks.1.mlp", 0.0, "blocks.2.attn", 1.0, "blocks.2.mlp", 0.0).keySet(), e.keySet());
        assertEquals(1.0, e.get("blocks.2.attn"), 1e-6);
        assertEquals(0.0, e.get("blocks.1.mlp"), 1e-6);
        assertTrue(o.get("effects").get(0).get("position").isNull());
    }

    @Test
    void patchHeadsNoisingAndLayerPositionWithAReport() throws Exception {
        JsonNode heads = ok("interp", "patch", "--model", model, "--clean", "a b c", "--corrupt", "c a b", "--granularity", "head",
                "--direction", "noising", "--json");
        assertEquals(1.0, effects(heads).get("blocks.2.attn.head.0"), 1e-6);
        Path html = dir.resolve("patch.html");
        JsonNode grid = ok("interp", "patch", "--model", model, "--clean", "a b c", "--corrupt", "c a b", "--position", "3",
                "--granularity", "layer-position", "--json", "-o", html.toString());
        Map<String, Double> e = effects(grid);
        assertEquals(1.0, e.get("blocks.2.attn@3"), 1e-6);
        assertEquals(0.0, e.get("blocks.2.attn@2"), 1e-6);
        assertEquals(1.0, e.get("embed@1"), 1e-6);
        assertEquals(8 * 4 + 2, grid.get("forward_passes").asInt());
        String report = Files.readString(html);
        assertTrue(report.contains("<svg") && report.contains("effect by component and position"));
    }

    @Test
    void pathPatchTellsTheValuePathFromTheQueryPath() throws Exception {
        JsonNode v = ok("interp", "path-patch", "--model", model, "--clean", "a b c", "--corrupt", "c a b", "--position", "3",
                "--receiver", "blocks.2.attn.head.0.v", "--json");
        JsonNode q = ok("interp", "path-patch", "--model", model, "--clean", "a b c", "--corrupt", "c a b", "--position", "3",
                "--receiver", "blocks.2.attn.head.0.q", "--json");
        assertEquals(1.0, effects(v).get("embed"), 1e-6);
        assertEquals(0.0, effects(q).get("embed"), 1e-6);
        assertEquals(0.0, effects(v).get("blocks.1.mlp"), 1e-6);
    }

    @Test
    void attributePrintsTargetAndComponents() throws Exception {
        JsonNode o = ok("interp", "attribute", "--model", model, "--input", "a b c", "--position", "3", "--json");
        assertEquals("a", o.get("target").asText());
        double sum = 0;
        for (JsonNode c : o.get("components")) {
            assertEquals(2, c.size());
            double expected = c.get("component").asText().equals("blocks.2.attn.head.0") ? 1.0 : 0.0;
            assertEquals(expected, c.get("dla").asDouble(), 1e-6, c.toString());
            sum += c.get("dla").asDouble();
        }
        assertEquals(o.get("logit").asDouble() - o.get("biases").asDouble(), sum, 1e-6);
        JsonNode diff = ok("interp", "attribute", "--model", model, "--input", "a b c", "--target", "a", "--minus", "c",
                "--granularity", "layer", "--json");
        assertEquals("a - c", diff.get("target").asText());
    }

    @Test
    void ablateLogitLensAndDecomposeWriteJsonAndReports() throws Exception {
        Path html = dir.resolve("ablate.html");
        JsonNode a = ok("interp", "ablate", "--model", model, "--input", "a b c", "--component", "blocks.2.attn.head.0",
                "--component", "blocks.2.mlp", "--json", "-o", html.toString());
        assertEquals(-1.0, a.get("ablations").get(0).get("change").asDouble(), 1e-6);
        assertEquals(0.0, a.get("ablations").get(1).get("change").asDouble(), 1e-6);
        assertTrue(Files.readString(html).contains("<svg"));

        JsonNode r = ok("interp", "ablate", "--model", model, "--input", "a b c", "--component", "blocks.0.mlp", "--kind",
                "resample", "--reference", "c c a", "--reference", "b b b", "--json");
        assertEquals(0.0, r.get("ablations").get(0).get("change").asDouble(), 1e-6);
        assertEquals(2, r.get("ablations").get(0).get("samples").size());

        Path lensHtml = dir.resolve("lens.html");
        JsonNode lens = ok("interp", "logit-lens", "--model", model, "--input", "a b c", "--json", "-o", lensHtml.toString());
        assertEquals("recomputed", lens.get("scale").asText());
        assertEquals(7, lens.get("stages").size());
        JsonNode last = lens.get("positions").get(3).get("stages");
        assertEquals(0.0, last.get(4).get("logit").asDouble(), 1e-6, "before the final head");
        assertEquals(1.0, last.get(5).get("logit").asDouble(), 1e-6, "after it (2_mid)");
        assertTrue(Files.readString(lensHtml).contains("<polyline"));

        JsonNode d = ok("interp", "decompose", "--model", model, "--input", "a b c", "--json");
        assertEquals("blocks.2.hook_resid_post", d.get("stage").asText());
        assertEquals(8, d.get("components").size());
    }

    @Test
    void withoutJsonASummaryIsPrinted() {
        InterpCli r = InterpCli.run("interp", "patch", "--model", model, "--clean", "a b c", "--corrupt", "c a b");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("blocks.2.attn") && r.out().contains("forward passes"), r.out());
    }

    @Test
    void cacheKeepsTheNamedHooksAndDrawsThem() throws Exception {
        Path html = dir.resolve("cache.html");
        JsonNode o = ok("interp", "cache", "--model", model, "--input", "a b c", "--hook", "blocks.2.attn.hook_pattern",
                "--json", "-o", html.toString());
        JsonNode pattern = o.get("activations").get(0);
        assertEquals("blocks.2.attn.hook_pattern", pattern.get("hook").asText());
        assertEquals(List.of(1, 4, 4), json.convertValue(pattern.get("shape"), List.class));
        assertEquals(16, pattern.get("values").size());
        assertTrue(Files.readString(html).contains("head 0 (query x key)"));

        JsonNode layer = ok("interp", "cache", "--model", model, "--input", "a b c", "--layer", "1", "--suffix",
                "hook_resid_post", "--position", "2", "--json");
        assertEquals(1, layer.get("activations").size());
        assertEquals("blocks.1.hook_resid_post", layer.get("activations").get(0).get("hook").asText());
        assertEquals(23, layer.get("activations").get(0).get("values").size(), "one position's row of the residual stream");
    }
}
