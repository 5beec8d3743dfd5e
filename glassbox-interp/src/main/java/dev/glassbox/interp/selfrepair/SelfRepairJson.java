package dev.glassbox.interp.selfrepair;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form (snake_case; non-finite numbers as null): settings, {@code summary} (each part's means),
 * {@code fits} (per kind and layer; layer null for all layers), {@code layer_matrix} and {@code head_matrix}
 * ({@code rows}, {@code columns}, {@code values}), then every prompt with every part's terms.
 */
public final class SelfRepairJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SelfRepairJson() {}

    public static ObjectNode of(SelfRepairResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("model", r.model());
        o.put("ablation", r.options().ablation().label());
        o.put("scale", r.options().scale().label());
        o.put("samples", r.options().samples());
        if (r.options().position() == null) o.putNull("position"); else o.put("position", r.options().position());
        o.put("heads", r.heads());
        o.put("forward_passes", r.forwardPasses());
        ArrayNode summary = o.putArray("summary");
        for (RepairSummary s : r.summaries()) {
            ObjectNode x = summary.addObject();
            x.put("component", s.part().name());
            put(x, "direct", s.direct());
            put(x, "total", s.total());
            put(x, "attention", s.attention());
            put(x, "mlp", s.mlp());
            put(x, "remainder", s.remainder());
            put(x, "mean_abs_direct", s.meanAbsDirect());
        }
        ArrayNode fits = o.putArray("fits");
        for (Part.Kind kind : Part.Kind.values()) {
            if (kind == Part.Kind.EMBED || kind == Part.Kind.HEAD && !r.heads()) continue;
            for (int l = -1; l < r.layers(); l++) {
                LineFit f = r.fit(kind, l);
                ObjectNode x = fits.addObject();
                x.put("kind", kind.name().toLowerCase(Locale.ROOT));
                if (l < 0) x.putNull("layer"); else x.put("layer", l);
                x.put("points", f.points());
                put(x, "slope", f.slope());
                put(x, "intercept", f.intercept());
                put(x, "r2", f.r2());
            }
        }
        matrix(o.putObject("layer_matrix"), r, r.sublayers(), r.sublayers());
        if (r.heads()) {
            matrix(o.putObject("head_matrix"), r, r.headParts(),
                    r.parts().stream().filter(p -> p.kind() == Part.Kind.HEAD || p.kind() == Part.Kind.MLP).toList());
        }
        ArrayNode prompts = o.putArray("prompts");
        for (PromptRepair p : r.prompts()) {
            ObjectNode x = prompts.addObject();
            x.put("text", p.text());
            ArrayNode tokens = x.putArray("tokens");
            p.tokens().forEach(tokens::add);
            x.put("position", p.position());
            x.put("target", p.target());
            put(x, "clean_logit", p.cleanLogit());
            x.put("sources", p.sources());
            ArrayNode parts = x.putArray("components");
            for (ComponentRepair c : p.components()) {
                ObjectNode y = parts.addObject();
                y.put("component", c.part().name());
                put(y, "direct", c.direct());
                put(y, "total", c.total());
                put(y, "attention", c.attention());
                put(y, "mlp", c.mlp());
                put(y, "remainder", c.remainder());
            }
        }
        return o;
    }

    private static void matrix(ObjectNode o, SelfRepairResult r, List<Part> rows, List<Part> columns) {
        ArrayNode rn = o.putArray("rows"), cn = o.putArray("columns"), values = o.putArray("values");
        rows.forEach(p -> rn.add(p.name()));
        columns.forEach(p -> cn.add(p.name()));
        for (double[] row : r.matrix(rows, columns)) {
            ArrayNode a = values.addArray();
            for (double v : row) if (Double.isFinite(v)) a.add(v); else a.addNull();
        }
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v); else o.putNull(key);
    }
}
