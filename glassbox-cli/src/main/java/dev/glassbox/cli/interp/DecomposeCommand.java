package dev.glassbox.cli.interp;

import dev.glassbox.interp.cache.AccumulatedResidual;
import dev.glassbox.interp.cache.Caching;
import dev.glassbox.interp.cache.Decomposition;
import dev.glassbox.interp.cache.DecompositionLevel;
import dev.glassbox.interp.cache.ResidualDecomposition;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.report.DecompositionReport;
import dev.glassbox.interp.report.JsonForms;
import dev.glassbox.model.CachedRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "decompose", mixinStandardHelpOptions = true,
        description = "The residual stream split into what each component wrote (parts sum to the stream), and its norm"
                + " as it accumulates layer by layer.")
final class DecomposeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOption model = new ModelOption();
    @Mixin ReportOptions report = new ReportOptions();

    @Option(names = "--input", required = true, paramLabel = "TEXT") String input;
    @Option(names = "--position", paramLabel = "P", description = "default: the last position") Integer position;
    @Option(names = "--granularity", defaultValue = "layer", paramLabel = "layer|head", description = "default: ${DEFAULT-VALUE}")
    String granularity;
    @Option(names = "--layer", paramLabel = "L", description = "decompose the stream entering block L (default: the final stream)")
    Integer layer;

    @Override
    public Integer call() {
        InterpModel m = model.load();
        Prompt prompt = m.prompt(input);
        int p = Targets.position(position, prompt);
        DecompositionLevel level = DecompositionLevel.parse(granularity);
        CachedRun run = Caching.run(m.transformer(), prompt.tokens(),
                ResidualDecomposition.cacheFilter(level).or(AccumulatedResidual.cacheFilter()));
        Decomposition d = ResidualDecomposition.decompose(m.transformer(), run, level,
                layer == null ? m.transformer().config().nLayers() : layer);
        var stages = AccumulatedResidual.stages(m.transformer(), run, true);
        report.emit(spec.commandLine().getOut(), JsonForms.decomposition(d, p, prompt.labels()),
                () -> DecompositionReport.render(m.name(), prompt.labels(), d, stages, p, m.residualLabels().orElse(null)),
                () -> summary(d, p));
        return 0;
    }

    private static String summary(Decomposition d, int p) {
        StringBuilder s = new StringBuilder(d.stage() + " at position " + p + ", by component (norm):\n");
        double[] norms = d.norms(p);
        for (int i = 0; i < norms.length; i++) {
            s.append(String.format(java.util.Locale.ROOT, "  %-28s %10.4f%n", d.names().get(i), norms[i]));
        }
        return s.toString();
    }
}
