package dev.glassbox.compiler.assemble;

import dev.glassbox.compiler.craft.BasisDirection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The residual stream's dimensions, one named direction each, and how every direction a block reads maps
 * onto them: a direction of the residual is itself; a direction of a {@linkplain
 * dev.glassbox.compiler.craft.LinearViews linear view} is the combination its definition gives, resolved
 * recursively; a direction nobody writes or nobody reads is not in the residual and reads as zero.
 */
final class ResidualLayout {
    private final List<BasisDirection> directions;
    private final Map<BasisDirection, Integer> index = new HashMap<>();
    private final Map<BasisDirection, Map<BasisDirection, Double>> views;
    private final Map<BasisDirection, Map<BasisDirection, Double>> resolved = new HashMap<>();

    /**
     * @param views every view direction → its definition (input direction → coefficient)
     */
    ResidualLayout(List<BasisDirection> directions, Map<BasisDirection, Map<BasisDirection, Double>> views) {
        this.directions = List.copyOf(directions);
        for (int i = 0; i < directions.size(); i++) {
            if (index.put(directions.get(i), i) != null) {
                throw new IllegalStateException("residual direction " + directions.get(i) + " appears twice");
            }
        }
        this.views = views;
    }

    /** A direction as a combination of non-view directions (whether in the residual or not). */
    static Map<BasisDirection, Double> toBase(BasisDirection d, Map<BasisDirection, Map<BasisDirection, Double>> views,
            Map<BasisDirection, Map<BasisDirection, Double>> memo) {
        Map<BasisDirection, Double> cached = memo.get(d);
        if (cached != null) return cached;
        Map<BasisDirection, Double> definition = views.get(d);
        LinkedHashMap<BasisDirection, Double> out = new LinkedHashMap<>();
        if (definition == null) {
            out.put(d, 1.0);
        } else {
            definition.forEach((in, w) -> toBase(in, views, memo).forEach((base, c) -> out.merge(base, w * c, Double::sum)));
            out.values().removeIf(c -> c == 0);
        }
        Map<BasisDirection, Double> result = Collections.unmodifiableMap(out);
        memo.put(d, result);
        return result;
    }

    List<BasisDirection> directions() {
        return directions;
    }

    int size() {
        return directions.size();
    }

    /** The residual index of a direction, or -1 if it has none. */
    int indexOf(BasisDirection d) {
        return index.getOrDefault(d, -1);
    }

    /** Reading direction d: residual index → coefficient. */
    Map<Integer, Double> read(BasisDirection d) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        toBase(d, views, resolved).forEach((base, c) -> {
            int i = indexOf(base);
            if (i >= 0) out.merge(i, c, Double::sum);
        });
        return out;
    }
}
