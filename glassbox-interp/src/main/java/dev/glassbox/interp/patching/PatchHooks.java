package dev.glassbox.interp.patching;

import dev.glassbox.model.hooks.HookHandle;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Installs patches as hooks: one hook per hook point, applying that point's patches in order. */
public final class PatchHooks {
    private PatchHooks() {}

    /** @return a handle that removes every hook it added */
    public static HookHandle install(HookRegistry hooks, List<Patch> patches) {
        Map<String, List<Patch>> byHook = new LinkedHashMap<>();
        for (Patch p : patches) byHook.computeIfAbsent(p.site().hook(), h -> new ArrayList<>()).add(p);
        List<HookHandle> handles = new ArrayList<>();
        byHook.forEach((hook, here) -> handles.add(hooks.add(hook, (live, name) -> {
            for (Patch p : here) p.applyTo(live);
            return live;
        })));
        return () -> handles.forEach(HookHandle::close);
    }
}
