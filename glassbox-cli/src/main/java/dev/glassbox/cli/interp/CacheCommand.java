package dev.glassbox.cli.interp;

import dev.glassbox.interp.PositionOutOfRangeException;
import dev.glassbox.interp.cache.CacheFilter;
import dev.glassbox.interp.cache.Caching;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.report.CacheReport;
import dev.glassbox.interp.report.JsonForms;
import dev.glassbox.model.CachedRun;
import dev.glassbox.core.InvalidInputException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Run with cache: the activations at the named hooks, or every hook of the named layers.")
final class CacheCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOption model = new ModelOption();
    @Mixin ReportOptions report = new ReportOptions();

    @Option(names = "--input", required = true, paramLabel = "TEXT") String input;
    @Option(names = "--hook", paramLabel = "NAME", description = "a hook name, e.g. blocks.0.attn.hook_pattern (repeatable)")
    List<String> hooks;
    @Option(names = "--suffix", paramLabel = "S", description = "every hook ending so, e.g. hook_pattern (repeatable)")
    List<String> suffixes;
    @Option(names = "--layer", paramLabel = "L", description = "every hook of block L (repeatable)") List<Integer> layers;
    @Option(names = "--position", paramLabel = "P", description = "in the JSON, only this position's rows") Integer position;

    @Override
    public Integer call() {
        InterpModel m = model.load();
        Prompt prompt = m.prompt(input);
        if (position != null) PositionOutOfRangeException.check("--position", position, prompt.length());
        CacheFilter filter = null;
        if (hooks != null) filter = CacheFilter.names(hooks);
        if (suffixes != null) for (String s : suffixes) filter = filter == null ? CacheFilter.suffix(s) : filter.or(CacheFilter.suffix(s));
        if (layers != null) {
            CacheFilter byLayer = CacheFilter.layers(layers.stream().mapToInt(Integer::intValue).toArray());
            filter = filter == null ? byLayer : filter.and(byLayer);
        }
        if (filter == null) throw new InvalidInputException("say what to cache: --hook NAME, --suffix S and/or --layer L");
        CachedRun run = Caching.run(m.transformer(), prompt.tokens(), filter);
        report.emit(spec.commandLine().getOut(), JsonForms.cache(run.cache(), prompt.labels(), position),
                () -> CacheReport.render(m.name(), prompt.labels(), run.cache(), m.residualLabels().orElse(null)),
                () -> "cached " + run.cache().size() + " activations: " + String.join(", ", run.cache().names()) + "\n");
        return 0;
    }
}
