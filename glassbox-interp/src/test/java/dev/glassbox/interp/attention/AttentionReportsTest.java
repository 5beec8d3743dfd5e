package dev.glassbox.interp.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.interp.RandomModels;
import dev.glassbox.interp.model.PlainInterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.report.JsonForms;
import dev.glassbox.model.TransformerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON form and the HTML report of an attention study: complete, self-contained, escaped. */
class AttentionReportsTest {
    final TransformerConfig config = RandomModels.llama();
    final PlainInterpModel model = RandomModels.model(config, 2);

    @Test
    void jsonHoldsScoresForEveryHeadAndTheViewedPatterns() throws Exception {
        List<Prompt> prompts = RepeatedSequences.prompts(model, 4, 2, 7);
        List<AttentionPatterns> patterns = prompts.stream().map(p -> AttentionPatterns.of(model.transformer(), p.tokens())).toList();
        List<DetectorScores> scores = HeadDetection.score(patterns, true);
        JsonNode json = new ObjectMapper().readTree(JsonForms.write(AttentionJson.of("m", prompts, scores, 1, patterns.get(1))));
        assertEquals(4, json.get("detectors").size());
        JsonNode induction = json.get("detectors").get(1);
        assertEquals("induction", induction.get("detector").asText());
        assertEquals(config.nLayers(), induction.get("scores").size());
        assertEquals(config.nHeads(), induction.get("scores").get(0).size());
        assertEquals(2 * 4, induction.get("queries").asInt()); // each token of the second copy occurred once before
        JsonNode view = json.get("view").get("patterns");
        assertEquals(config.nLayers(), view.size());
        JsonNode row = view.get(1).get(2).get(5);
        double sum = 0;
        for (JsonNode w : row) sum += w.asDouble();
        assertEquals(1.0, sum, 1e-4);
        assertEquals(0.0, row.get(6).asDouble(), 0); // causal: a later key
    }

    @Test
    void reportIsSelfContainedAndEscapesTokens() {
        Prompt evil = new Prompt("x", new int[] {1, 2, 3}, List.of("</script><b>", "a'b", "\"q\""));
        AttentionPatterns patterns = AttentionPatterns.of(model.transformer(), evil.tokens());
        List<DetectorScores> scores = HeadDetection.score(List.of(patterns), true);
        String html = AttentionReport.render("m", List.of(evil), scores, 0, patterns);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.replace("xmlns='http://www.w3.org/2000/svg'", "").replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
                .contains("http"), "nothing fetched");
        assertFalse(html.contains(" src="), "nothing loaded");
        assertFalse(html.contains("</script><b>"), "a token cannot close the script");
        assertTrue(html.contains("<\\/script><b>"));
        assertTrue(html.contains("gb-head") && html.contains("onmouseenter"));
        for (HeadDetector d : HeadDetector.values()) assertTrue(html.contains(d.label()));
    }

    /** A plain model's repeated sequences have no BOS; a compiled model's are [BOS] r r over its vocabulary. */
    @Test
    void repeatedSequencesRepeat() {
        Prompt p = RepeatedSequences.prompts(model, 5, 1, 3).getFirst();
        int[] t = p.tokens();
        assertEquals(10, t.length);
        for (int i = 0; i < 5; i++) assertEquals(t[i], t[i + 5]);
        assertEquals(5, java.util.Arrays.stream(t, 0, 5).distinct().count(), "drawn without replacement");
        Prompt c = RepeatedSequences.prompts(AttentionGroundTruthTest.SHIFT, 3, 1, 3).getFirst();
        assertEquals("BOS", c.labels().getFirst());
        assertEquals(c.labels().subList(1, 4), c.labels().subList(4, 7));
    }
}
