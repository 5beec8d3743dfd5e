package dev.glassbox.interp.attention;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.interp.model.Prompt;
import java.util.List;

/**
 * The JSON form of an attention study (snake_case keys; NaN written as null):
 * <pre>
 * { "model", "prompts": [{"text", "tokens": [...]}],
 *   "detectors": [{"detector", "queries", "uniform", "scores": [[layer][head]], "best": {"head", "score"}}],
 *   "view": {"prompt": i, "patterns": [layer][head][query][key]} }
 * </pre>
 * Patterns are rounded to 5 decimals.
 */
public final class AttentionJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AttentionJson() {}

    public static ObjectNode of(String model, List<Prompt> prompts, List<DetectorScores> detectors, int view, AttentionPatterns patterns) {
        ObjectNode o = JSON.objectNode();
        o.put("model", model);
        ArrayNode ps = o.putArray("prompts");
        for (Prompt p : prompts) {
            ObjectNode x = ps.addObject();
            x.put("text", p.text());
            p.labels().forEach(x.putArray("tokens")::add);
        }
        ArrayNode ds = o.putArray("detectors");
        for (DetectorScores d : detectors) {
            ObjectNode x = ds.addObject();
            x.put("detector", d.detector().label());
            x.put("queries", d.queries());
            if (Double.isFinite(d.uniform())) x.put("uniform", d.uniform()); else x.putNull("uniform");
            ArrayNode rows = x.putArray("scores");
            for (double[] row : d.scores()) {
                ArrayNode r = rows.addArray();
                for (double v : row) number(r, v);
            }
            int[] best = d.best();
            ObjectNode b = x.putObject("best");
            b.put("head", "blocks." + best[0] + ".attn.head." + best[1]);
            double score = d.score(best[0], best[1]);
            if (Double.isFinite(score)) b.put("score", score); else b.putNull("score");
        }
        ObjectNode v = o.putObject("view");
        v.put("prompt", view);
        ArrayNode layers = v.putArray("patterns");
        for (int l = 0; l < patterns.layers(); l++) {
            ArrayNode heads = layers.addArray();
            for (int h = 0; h < patterns.heads(); h++) {
                ArrayNode rows = heads.addArray();
                for (int q = 0; q < patterns.length(); q++) {
                    ArrayNode row = rows.addArray();
                    for (int k = 0; k < patterns.length(); k++) row.add(Math.round(patterns.weight(l, h, q, k) * 1e5) / 1e5);
                }
            }
        }
        return o;
    }

    private static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) a.add(v); else a.addNull();
    }
}
