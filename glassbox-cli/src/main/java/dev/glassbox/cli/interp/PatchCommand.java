package dev.glassbox.cli.interp;

import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.patching.Direction;
import dev.glassbox.interp.patching.PatchEffect;
import dev.glassbox.interp.patching.PatchGranularity;
import dev.glassbox.interp.patching.PatchingMethods;
import dev.glassbox.interp.patching.PatchingProblem;
import dev.glassbox.interp.patching.PatchingResult;
import dev.glassbox.interp.report.JsonForms;
import dev.glassbox.interp.report.PatchingReport;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "patch", mixinStandardHelpOptions = true,
        description = "Activation patching between a clean and a corrupt prompt. The metric is the logit difference at"
                + " the position between the clean and the corrupt output; effects are normalised (1 = fully restored"
                + " when denoising, fully destroyed when noising; 0 = no change).")
final class PatchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOption model = new ModelOption();
    @Mixin ReportOptions report = new ReportOptions();

    @Option(names = "--clean", required = true, paramLabel = "TEXT", description = "the clean prompt (compiled models: tokens separated by spaces)")
    String clean;

    @Option(names = "--corrupt", required = true, paramLabel = "TEXT", description = "the corrupt prompt, of the same token length")
    String corrupt;

    @Option(names = "--position", paramLabel = "P", description = "where the metric is read (default: the last position where the answers differ)")
    Integer position;

    @Option(names = "--direction", defaultValue = "denoising", paramLabel = "denoising|noising",
            description = "denoising patches clean into corrupt; noising corrupt into clean (default: ${DEFAULT-VALUE})")
    String direction;

    @Option(names = "--granularity", defaultValue = "component", paramLabel = "G",
            description = "component, head, neuron, layer-position, head-position or resid-position (default: ${DEFAULT-VALUE})")
    String granularity;

    @Option(names = "--method", defaultValue = "activation", paramLabel = "M",
            description = "activation (one run per cell) or another registered method, e.g. attribution (default: ${DEFAULT-VALUE})")
    String method;

    @Override
    public Integer call() {
        InterpModel m = model.load();
        PatchingProblem problem = new PatchingProblem(m, m.prompt(clean), m.prompt(corrupt),
                Predictions.cleanVersusCorrupt(m, position), Direction.parse(direction));
        PatchingResult r = PatchingMethods.named(method).sweep(problem, PatchGranularity.parse(granularity));
        report.emit(spec.commandLine().getOut(), JsonForms.patching(r), () -> PatchingReport.render(m.name(), List.of(r)),
                () -> summary(r));
        return 0;
    }

    static String summary(PatchingResult r) {
        StringBuilder s = new StringBuilder();
        s.append(r.method()).append(" patching, ").append(r.direction().label()).append(": ").append(r.metric())
                .append(" (clean ").append(fmt(r.cleanMetric())).append(", corrupt ").append(fmt(r.corruptMetric())).append(")\n");
        r.effects().stream().sorted(Comparator.comparingDouble((PatchEffect e) -> -Math.abs(e.effect()))).limit(15)
                .forEach(e -> s.append(String.format(java.util.Locale.ROOT, "  %-28s %-6s %8.4f%n", e.component(),
                        e.position() == null ? "all" : e.position(), e.effect())));
        s.append(r.forwardPasses()).append(" forward passes\n");
        return s.toString();
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
