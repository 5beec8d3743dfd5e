package dev.glassbox.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.cache.CacheFilter;
import dev.glassbox.interp.cache.Caching;
import dev.glassbox.interp.names.Component;
import dev.glassbox.interp.names.ComponentNames;
import dev.glassbox.model.CachedRun;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.TransformerConfig;
import org.junit.jupiter.api.Test;

class NamesTest {
    private final TransformerConfig config = RandomModels.compiledLike();
    private final ComponentNames names = new ComponentNames(config);

    @Test
    void everyComponentNameRoundTrips() {
        for (String name : names.listed()) assertEquals(name, names.parse(name).name());
        assertEquals(Component.neuron(1, 9), names.parse("blocks.1.mlp.neuron.9"));
    }

    @Test
    void unknownComponentsNameTheClosest() {
        var e = assertThrows(UnknownNameException.class, () -> names.parse("blocks.1.atn"));
        assertEquals("blocks.1.attn", e.closest().getFirst(), e.getMessage());
        var range = assertThrows(UnknownNameException.class, () -> names.parse("blocks.1.attn.head.3"));
        assertTrue(range.getMessage().contains("H < 3"), range.getMessage());
        assertThrows(UnknownNameException.class, () -> names.parse("blocks.2.mlp"));
        assertThrows(UnknownNameException.class, () -> names.parse("blocks.0.mlp.neuron.10"));
    }

    @Test
    void cacheFiltersCheckNamesAndLayers() {
        Transformer m = RandomModels.model(config, 1).transformer();
        int[] tokens = RandomModels.tokens(config, 3, 1);
        CachedRun byName = Caching.run(m, tokens, CacheFilter.names("blocks.1.attn.hook_pattern"));
        assertEquals(java.util.List.of("blocks.1.attn.hook_pattern"), byName.cache().names());
        CachedRun byLayer = Caching.run(m, tokens, CacheFilter.layers(1));
        assertTrue(byLayer.cache().names().stream().allMatch(n -> n.startsWith("blocks.1.")));
        assertEquals(m.hookNames().stream().filter(n -> n.startsWith("blocks.1.")).count(), byLayer.cache().size());
        CachedRun both = Caching.run(m, tokens, CacheFilter.layers(0).and(CacheFilter.suffix("hook_resid_post")));
        assertEquals(java.util.List.of("blocks.0.hook_resid_post"), both.cache().names());

        var e = assertThrows(UnknownNameException.class, () -> Caching.run(m, tokens, CacheFilter.names("blocks.1.attn.hook_patern")));
        assertEquals("blocks.1.attn.hook_pattern", e.closest().getFirst());
        var l = assertThrows(InvalidInputException.class, () -> Caching.run(m, tokens, CacheFilter.layers(2)));
        assertTrue(l.getMessage().contains("0..1"), l.getMessage());
        assertThrows(UnknownNameException.class, () -> Caching.run(m, tokens, CacheFilter.suffix("hook_nothing")));
    }
}
