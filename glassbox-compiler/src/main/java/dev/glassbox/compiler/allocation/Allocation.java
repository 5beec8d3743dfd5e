package dev.glassbox.compiler.allocation;

import dev.glassbox.rasp.SOp;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each block goes. Sublayers are counted attention and MLP together: 2L is layer L's attention,
 * 2L+1 its MLP. A SelectorWidth's head is at its sublayer and its MLP at the next one.
 *
 * @param sublayer S-Op → the sublayer of its (first) block; S-Ops without a block are absent
 * @param heads per layer, the S-Ops whose heads it holds, in head order
 * @param mlps per layer, the S-Ops whose MLPs it holds, in order
 */
public record Allocation(Map<SOp, Integer> sublayer, List<List<SOp>> heads, List<List<SOp>> mlps) {

    public Allocation {
        sublayer = Collections.unmodifiableMap(new IdentityHashMap<>(sublayer));
        heads = heads.stream().map(List::copyOf).toList();
        mlps = mlps.stream().map(List::copyOf).toList();
        if (heads.size() != mlps.size()) throw new IllegalArgumentException("heads and MLPs per layer differ in count");
    }

    public int numLayers() {
        return heads.size();
    }
}
