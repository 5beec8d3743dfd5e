package dev.glassbox.compiler.bases;

import dev.glassbox.compiler.craft.BasisDirection;
import dev.glassbox.compiler.craft.Directions;
import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.rasp.Aggregate;
import dev.glassbox.rasp.Indices;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Selector;
import dev.glassbox.rasp.Tokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of basis inference: each S-Op's value set and the directions that encode it (one per value
 * for a categorical S-Op, named {@code label:value}; a single direction {@code label} for a numerical one),
 * plus what running the program on inputs showed.
 *
 * @param exhaustive whether the value sets come from running the program on every input (exact) rather
 *     than from rules (over-approximations)
 * @param inputsRun how many inputs the program was run on (all of them when exhaustive; a sample otherwise)
 */
public record Bases(ProgramGraph graph, Map<SOp, ValueSet> valueSets, boolean exhaustive, long inputsRun,
        Map<Aggregate, Findings.MixedSelection> mixedSelections, Map<Selector, Findings.LaterKey> laterKeys) {

    public Bases {
        valueSets = Collections.unmodifiableMap(new IdentityHashMap<>(valueSets));
        mixedSelections = Collections.unmodifiableMap(new IdentityHashMap<>(mixedSelections));
        laterKeys = Collections.unmodifiableMap(new IdentityHashMap<>(laterKeys));
    }

    public ValueSet valueSet(SOp sop) {
        ValueSet v = valueSets.get(sop);
        if (v == null) throw new IllegalArgumentException("no value set for " + graph.label(sop));
        return v;
    }

    /** The directions that encode {@code sop}. */
    public List<BasisDirection> space(SOp sop) {
        if (sop instanceof Tokens || sop instanceof Indices) {
            List<BasisDirection> out = new ArrayList<>();
            String name = sop instanceof Tokens ? Directions.TOKENS : Directions.INDICES;
            for (Object v : valueSet(sop).values()) out.add(new BasisDirection(name, v));
            return out;
        }
        String label = graph.label(sop);
        if (sop.isNumerical()) return List.of(BasisDirection.of(label));
        List<BasisDirection> out = new ArrayList<>();
        ValueSet values = valueSet(sop);
        if (!values.isListed()) throw new IllegalStateException("categorical S-Op " + label + " has unlisted values");
        for (Object v : values.values()) out.add(new BasisDirection(label, v));
        return out;
    }

    /** The direction of one value of a categorical S-Op, or the direction of a numerical one. */
    public BasisDirection direction(SOp sop, Object value) {
        String name = sop instanceof Tokens ? Directions.TOKENS : sop instanceof Indices ? Directions.INDICES : graph.label(sop);
        return sop.isNumerical() ? BasisDirection.of(name) : new BasisDirection(name, value);
    }
}
