package dev.glassbox.compiler.craft;

import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.bases.Bases;
import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.rasp.SOp;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/** The program with a {@link NodeCraft} for every S-Op: the blocks, before they are placed in layers. */
public record CraftProgram(ProgramGraph graph, Bases bases, CompileOptions options, Map<SOp, NodeCraft> nodes) {

    public CraftProgram {
        nodes = Collections.unmodifiableMap(new IdentityHashMap<>(nodes));
    }

    public NodeCraft craft(SOp sop) {
        NodeCraft c = nodes.get(sop);
        if (c == null) throw new IllegalArgumentException("no craft for " + graph.label(sop));
        return c;
    }
}
