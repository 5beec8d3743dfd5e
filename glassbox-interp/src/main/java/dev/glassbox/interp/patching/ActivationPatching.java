package dev.glassbox.interp.patching;

import dev.glassbox.interp.PositionOutOfRangeException;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.hooks.HookHandle;
import dev.glassbox.model.hooks.HookRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Activation patching, the one engine behind every sweep: run the clean and the corrupt prompt once each,
 * caching only the hooks the sweep reads; then per cell, one run of the patched prompt with that cell's
 * sites overwritten from the source run's cache, and the metric normalised (see {@link Direction}).
 * A sweep of n cells takes n + 2 forward passes, which is also the least it needs.
 */
public final class ActivationPatching implements PatchingMethod {

    @Override
    public String name() {
        return "activation";
    }

    @Override
    public PatchingResult sweep(PatchingProblem problem, PatchGranularity granularity) {
        Transformer model = problem.model().transformer();
        return run(problem, granularity.label(), granularity.targets(model.config(), problem.clean().length()));
    }

    /** Patches each target in turn; {@code label} names the sweep in the result. */
    public PatchingResult run(PatchingProblem problem, String label, List<PatchTarget> targets) {
        Transformer model = problem.model().transformer();
        int positions = problem.clean().length();
        Set<String> hooks = new LinkedHashSet<>();
        List<List<Site>> sites = new ArrayList<>();
        for (PatchTarget t : targets) {
            if (t.position() != null) PositionOutOfRangeException.check("patch", t.position(), positions);
            List<Site> s = Sites.of(t.component(), model.config());
            s.forEach(site -> hooks.add(site.hook()));
            sites.add(s);
        }
        ForwardCounter counter = new ForwardCounter(model);
        Baselines base = Baselines.run(counter, problem, hooks, Set.of());
        int[] patched = problem.patched().tokens();
        List<PatchEffect> effects = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            PatchTarget t = targets.get(i);
            List<Patch> patches = new ArrayList<>();
            for (Site site : sites.get(i)) patches.add(new Patch(site, t.position(), base.source().cache().get(site.hook())));
            HookRegistry registry = model.newHooks();
            float[][] logits;
            try (HookHandle ignored = PatchHooks.install(registry, patches)) {
                logits = counter.forward(patched, registry);
            }
            double m = base.metric().measure(logits);
            effects.add(new PatchEffect(t.component().name(), t.position(),
                    problem.direction().normalise(m, base.clean(), base.corrupt()), m));
        }
        return new PatchingResult(name(), problem.direction(), label, base.metric().description(), base.clean(),
                base.corrupt(), effects, counter.passes(), targets.size() + 2, problem.clean().labels(),
                problem.corrupt().labels());
    }
}
