package dev.glassbox.interp.choice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.interp.attribution.ComponentScore;
import java.util.Map;

/**
 * The JSON form: {@code accuracy}, {@code chance}, counts, {@code scores} (one per question), then
 * {@code attribution} and {@code patching} when they were run (snake_case; non-finite numbers as null).
 */
public final class ChoiceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChoiceJson() {}

    public static ObjectNode of(ChoiceAnalysis a) {
        ChoiceResult r = a.scores();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("model", r.model());
        o.put("variant", r.variant().label());
        o.put("format", r.format());
        put(o, "accuracy", r.accuracy());
        put(o, "chance", r.chance());
        put(o, "best_constant_position", r.bestConstantPosition());
        put(o, "mean_label_mass", r.meanLabelMass());
        o.put("questions", r.scores().size());
        o.put("forward_passes", r.forwardPasses());
        ArrayNode skipped = o.putArray("skipped");
        r.skipped().forEach(skipped::add);
        ObjectNode positions = o.putObject("predicted_positions");
        r.predictedPositions().forEach((k, v) -> positions.put(String.valueOf(k), v));
        ObjectNode labels = o.putObject("predicted_labels");
        r.predictedLabels().forEach(labels::put);
        ObjectNode subjects = o.putObject("by_subject");
        for (Map.Entry<String, double[]> e : r.bySubject().entrySet()) {
            ObjectNode s = subjects.putObject(e.getKey());
            s.put("correct", (int) e.getValue()[0]);
            s.put("total", (int) e.getValue()[1]);
        }
        ArrayNode scores = o.putArray("scores");
        for (ChoiceScore s : r.scores()) {
            ObjectNode x = scores.addObject();
            x.put("subject", s.prompt().question().subject());
            x.put("question", s.prompt().question().question());
            ArrayNode l = x.putArray("labels");
            s.prompt().labels().forEach(l::add);
            x.put("answer", s.prompt().question().answer());
            x.put("right_label", s.prompt().correctLabel());
            x.put("predicted", s.predicted());
            x.put("predicted_label", s.prompt().labels().get(s.predicted()));
            x.put("correct", s.correct());
            ArrayNode logits = x.putArray("label_logits");
            for (double v : s.labelLogits()) logits.add(v);
            put(x, "label_mass", s.labelMass());
            x.put("tokens", s.tokens());
        }
        if (a.attribution() != null) {
            ObjectNode at = o.putObject("attribution");
            at.put("target", "logit[right label] - mean logit[other labels] at the answer position");
            at.put("questions", a.attributed());
            ArrayNode list = at.putArray("components");
            for (ComponentScore c : a.attribution()) {
                ObjectNode x = list.addObject();
                x.put("component", c.component());
                put(x, "dla", c.dla());
            }
        }
        if (a.patching() != null) {
            AnswerPatchingResult p = a.patching();
            ObjectNode pa = o.putObject("patching");
            pa.put("metric", "logit[right label] - logit[swapped-in label] at the answer position; denoising; ratio of sums");
            pa.put("questions", p.questions());
            put(pa, "mean_clean", p.meanClean());
            put(pa, "mean_corrupt", p.meanCorrupt());
            pa.put("separates", p.separates());
            pa.put("forward_passes", p.forwardPasses());
            ArrayNode list = pa.putArray("effects");
            for (RoleEffect e : p.effects()) {
                ObjectNode x = list.addObject();
                x.put("component", e.component());
                x.put("role", e.role());
                put(x, "effect", e.effect());
            }
            ArrayNode sk = pa.putArray("skipped");
            p.skipped().forEach(sk::add);
        }
        return o;
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v); else o.putNull(key);
    }
}
