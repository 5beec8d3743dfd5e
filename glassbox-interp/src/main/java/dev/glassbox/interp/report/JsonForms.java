package dev.glassbox.interp.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.interp.ablation.AblationOutcome;
import dev.glassbox.interp.ablation.AblationResult;
import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.ComponentScore;
import dev.glassbox.interp.cache.Decomposition;
import dev.glassbox.interp.lens.LensResult;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.patching.PatchEffect;
import dev.glassbox.interp.patching.PatchingResult;
import java.util.List;

/**
 * The JSON form of each result, as the CLI prints it for scripts (snake_case keys; a number that is not
 * finite is written as null, since JSON has no NaN).
 */
public final class JsonForms {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonForms() {}

    public static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * {@code metric}, {@code clean_metric}, {@code corrupt_metric}, and {@code effects}: a list of
     * {@code {"component", "position", "effect"}}; then how it was computed.
     */
    public static ObjectNode patching(PatchingResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("metric", r.metric());
        put(o, "clean_metric", r.cleanMetric());
        put(o, "corrupt_metric", r.corruptMetric());
        ArrayNode effects = o.putArray("effects");
        for (PatchEffect e : r.effects()) {
            ObjectNode x = effects.addObject();
            x.put("component", e.component());
            if (e.position() == null) x.putNull("position"); else x.put("position", e.position());
            put(x, "effect", e.effect());
        }
        o.put("method", r.method());
        o.put("direction", r.direction().label());
        o.put("granularity", r.granularity());
        o.put("forward_passes", r.forwardPasses());
        o.put("forward_passes_needed", r.forwardPassesNeeded());
        strings(o.putArray("clean_tokens"), r.cleanTokens());
        strings(o.putArray("corrupt_tokens"), r.corruptTokens());
        return o;
    }

    /** {@code target} and {@code components}, a list of {@code {"component", "dla"}}; then the check. */
    public static ObjectNode attribution(Attribution a, List<String> tokens) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("target", a.target());
        ArrayNode components = o.putArray("components");
        for (ComponentScore s : a.components()) {
            ObjectNode x = components.addObject();
            x.put("component", s.component());
            put(x, "dla", s.dla());
        }
        o.put("position", a.position());
        o.put("granularity", a.level().name().toLowerCase(java.util.Locale.ROOT));
        o.put("centred", a.centred());
        put(o, "biases", a.biases());
        put(o, "logit", a.logit());
        o.put("softcapped", a.softcapped());
        strings(o.putArray("tokens"), tokens);
        return o;
    }

    public static ObjectNode ablation(AblationResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("metric", r.metric());
        put(o, "baseline_metric", r.baselineMetric());
        o.put("baseline_prediction", r.baselinePrediction());
        ArrayNode list = o.putArray("ablations");
        for (AblationOutcome a : r.outcomes()) {
            ObjectNode x = list.addObject();
            x.put("component", a.component());
            if (a.position() == null) x.putNull("position"); else x.put("position", a.position());
            x.put("kind", a.kind().label());
            put(x, "metric", a.metric());
            put(x, "change", a.change());
            x.put("prediction", a.prediction());
            ArrayNode samples = x.putArray("samples");
            a.samples().forEach(samples::add);
        }
        o.put("forward_passes", r.forwardPasses());
        strings(o.putArray("tokens"), r.tokens());
        return o;
    }

    /** Per position, the target's logit, probability and rank and the top predictions at every stage. */
    public static ObjectNode lens(InterpModel model, List<String> tokens, LensResult lens, int[] targets, int topK) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("scale", lens.options().scale().label());
        o.put("centred", lens.options().centred());
        o.put("softcapped", lens.softcapped());
        strings(o.putArray("stages"), lens.stages());
        strings(o.putArray("hooks"), lens.hooks());
        ArrayNode positions = o.putArray("positions");
        for (int p = 0; p < lens.positions(); p++) {
            ObjectNode x = positions.addObject();
            x.put("position", p);
            x.put("token", tokens.get(p));
            x.put("target", model.outputLabel(targets[p]));
            ArrayNode stages = x.putArray("stages");
            for (int s = 0; s < lens.stages().size(); s++) {
                ObjectNode st = stages.addObject();
                st.put("stage", lens.stages().get(s));
                put(st, "logit", lens.logit(s, p, targets[p]));
                put(st, "probability", lens.probability(s, p, targets[p]));
                st.put("rank", lens.rank(s, p, targets[p]));
                ArrayNode top = st.putArray("top");
                for (int t : lens.top(s, p, topK)) {
                    ObjectNode e = top.addObject();
                    e.put("output", model.outputLabel(t));
                    put(e, "logit", lens.logit(s, p, t));
                }
            }
        }
        return o;
    }

    /** The parts of the residual stream at one position: each component's norm. */
    public static ObjectNode decomposition(Decomposition d, int position, List<String> tokens) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("stage", d.stage());
        o.put("position", position);
        ArrayNode list = o.putArray("components");
        double[] norms = d.norms(position);
        for (int i = 0; i < norms.length; i++) {
            ObjectNode x = list.addObject();
            x.put("component", d.names().get(i));
            put(x, "norm", norms[i]);
        }
        strings(o.putArray("tokens"), tokens);
        return o;
    }

    /**
     * The cached activations: each with its hook name, shape and row-major values (only the rows of
     * {@code position} when it is given and the activation's first axis is the position).
     */
    public static ObjectNode cache(dev.glassbox.model.hooks.ActivationCache cache, List<String> tokens, Integer position) {
        ObjectNode o = MAPPER.createObjectNode();
        strings(o.putArray("tokens"), tokens);
        if (position == null) o.putNull("position"); else o.put("position", position);
        ArrayNode list = o.putArray("activations");
        for (String name : cache.names()) {
            dev.glassbox.model.hooks.Activation a = cache.get(name);
            ObjectNode x = list.addObject();
            x.put("hook", name);
            ArrayNode shape = x.putArray("shape");
            for (int d : a.shape()) shape.add(d);
            boolean rows = position != null && a.dim(0) == tokens.size() && !name.endsWith("hook_pattern")
                    && !name.endsWith("hook_attn_scores");
            int from = rows ? position * (a.size() / a.dim(0)) : 0, to = rows ? from + a.size() / a.dim(0) : a.size();
            x.put("values_of", rows ? "position " + position : "all");
            ArrayNode values = x.putArray("values");
            for (int i = from; i < to; i++) {
                float v = a.data()[i];
                if (Float.isFinite(v)) values.add(v); else values.addNull();
            }
        }
        return o;
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v); else o.putNull(key);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
