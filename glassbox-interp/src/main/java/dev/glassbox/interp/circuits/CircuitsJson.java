package dev.glassbox.interp.circuits;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON form of a QK/OV study (snake_case keys; NaN written as null):
 * <pre>
 * { "model", "space",
 *   "heads": [{"head", "qk": {"singular_values", "rank"}, "ov": {...}}],
 *   "compression": {"prompts", "from_position", "tolerance",
 *                   "curves": [{"head", "subspace", "rank", "smallest_k_within_tolerance",
 *                               "points": [{"k", "mean_kl", "max_logit_change", "top_agreement", "head_change"}]}]} }
 * </pre>
 * {@code compression} is absent when no prompts were given.
 */
public final class CircuitsJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Where the circuits live, for readers of the JSON. */
    public static final String SPACE = "the input of each attention sublayer (after its norm, weight included);"
            + " W_QK = W_Q^T W_K without attnScale, biases or rotary; W_OV = W_O W_V";

    private CircuitsJson() {}

    public static ObjectNode of(String model, List<HeadSpectrum> spectra, List<String> prompts, int from, double tolerance,
            List<CompressionCurve> curves) {
        ObjectNode o = JSON.objectNode();
        o.put("model", model);
        o.put("space", SPACE);
        ArrayNode heads = o.putArray("heads");
        for (HeadSpectrum s : spectra) {
            ObjectNode h = heads.addObject();
            h.put("head", s.name());
            circuit(h.putObject("qk"), s.qk(), s.qkRank());
            circuit(h.putObject("ov"), s.ov(), s.ovRank());
        }
        if (!curves.isEmpty()) {
            ObjectNode c = o.putObject("compression");
            prompts.forEach(c.putArray("prompts")::add);
            c.put("from_position", from);
            c.put("tolerance", tolerance);
            ArrayNode list = c.putArray("curves");
            for (CompressionCurve curve : curves) {
                ObjectNode x = list.addObject();
                x.put("head", curve.name());
                x.put("subspace", curve.subspace().label());
                x.put("rank", curve.rank());
                x.put("smallest_k_within_tolerance", curve.smallestKWithin(tolerance));
                ArrayNode points = x.putArray("points");
                for (CompressionPoint p : curve.points()) {
                    ObjectNode y = points.addObject();
                    y.put("k", p.k());
                    put(y, "mean_kl", p.change().meanKl());
                    put(y, "max_logit_change", p.change().maxLogitChange());
                    put(y, "top_agreement", p.change().topAgreement());
                    put(y, "head_change", p.headChange());
                }
            }
        }
        return o;
    }

    private static void circuit(ObjectNode o, double[] values, int rank) {
        ArrayNode a = o.putArray("singular_values");
        for (double v : values) a.add(v);
        o.put("rank", rank);
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v); else o.putNull(key);
    }
}
