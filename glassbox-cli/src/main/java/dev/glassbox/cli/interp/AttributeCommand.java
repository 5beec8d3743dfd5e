package dev.glassbox.cli.interp;

import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.AttributionLevel;
import dev.glassbox.interp.attribution.ComponentScore;
import dev.glassbox.interp.attribution.DirectLogitAttribution;
import dev.glassbox.interp.attribution.LogitTarget;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.report.AttributionReport;
import dev.glassbox.interp.report.JsonForms;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "attribute", mixinStandardHelpOptions = true,
        description = "Direct logit attribution: each component's direct contribution to a logit (or a logit difference)"
                + " at a position, through the final norm with this run's scale; components plus biases sum to the logit.")
final class AttributeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOption model = new ModelOption();
    @Mixin ReportOptions report = new ReportOptions();

    @Option(names = "--input", required = true, paramLabel = "TEXT") String input;
    @Option(names = "--position", paramLabel = "P", description = "default: the last position") Integer position;

    @Option(names = "--target", paramLabel = "T", description = "the output explained (default: the model's answer at P)")
    String target;

    @Option(names = "--minus", paramLabel = "B", description = "explain logit[T] - logit[B] instead")
    String minus;

    @Option(names = "--granularity", defaultValue = "head", paramLabel = "layer|head|neuron",
            description = "layer: attn and mlp per block; head: each head and each mlp; neuron: each head and each neuron"
                    + " (default: ${DEFAULT-VALUE})")
    String granularity;

    @Option(names = "--centred", description = "read a single logit relative to the mean logit")
    boolean centred;

    @Override
    public Integer call() {
        InterpModel m = model.load();
        Prompt prompt = m.prompt(input);
        int p = Targets.position(position, prompt);
        Integer t = Targets.output(m, target), b = Targets.output(m, minus);
        int answer = t != null ? t : Predictions.argmax(m.transformer().forward(prompt.tokens()))[p];
        LogitTarget logitTarget = b == null ? LogitTarget.logit(answer) : LogitTarget.difference(answer, b);
        Attribution a = DirectLogitAttribution.attribute(m.transformer(), prompt.tokens(), p, logitTarget,
                logitTarget.describe(m), AttributionLevel.parse(granularity), centred);
        report.emit(spec.commandLine().getOut(), JsonForms.attribution(a, prompt.labels()),
                () -> AttributionReport.render(m.name(), prompt.labels(), a), () -> summary(a));
        return 0;
    }

    private static String summary(Attribution a) {
        StringBuilder s = new StringBuilder("direct logit attribution of " + a.target() + " at position " + a.position()
                + ": logit " + PatchCommand.fmt(a.logit()) + " = components + biases " + PatchCommand.fmt(a.biases()) + "\n");
        for (ComponentScore c : a.ranked().subList(0, Math.min(15, a.components().size()))) {
            s.append(String.format(java.util.Locale.ROOT, "  %-28s %10.4f%n", c.component(), c.dla()));
        }
        return s.toString();
    }
}
