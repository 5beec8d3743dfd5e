package dev.glassbox.cli.interp;

import dev.glassbox.interp.lens.LensOptions;
import dev.glassbox.interp.lens.LensResult;
import dev.glassbox.interp.lens.LogitLens;
import dev.glassbox.interp.lens.NormScale;
import dev.glassbox.interp.metric.Predictions;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.report.JsonForms;
import dev.glassbox.interp.report.LensReport;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "logit-lens", mixinStandardHelpOptions = true,
        description = "The logit lens: the residual stream after every sublayer read through the final norm and the"
                + " unembedding. The report says whether the norm's scale was frozen from the run or recomputed per stage.")
final class LogitLensCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOption model = new ModelOption();
    @Mixin ReportOptions report = new ReportOptions();

    @Option(names = "--input", required = true, paramLabel = "TEXT") String input;
    @Option(names = "--position", paramLabel = "P", description = "the position the report details (default: the last)")
    Integer position;
    @Option(names = "--target", paramLabel = "T",
            description = "the output followed at every position (default: the model's own answer at each position)")
    String target;

    @Option(names = "--scale", defaultValue = "recomputed", paramLabel = "recomputed|frozen",
            description = "the final norm's scale: recomputed per stage, or frozen from the final residual stream (default: ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--centred", description = "subtract each position's mean logit (after any soft-cap)") boolean centred;
    @Option(names = "--no-softcap", description = "leave out the model's final logit soft-cap (Gemma 2)") boolean noSoftcap;
    @Option(names = "--no-mid", description = "only the stream entering each block and the final one") boolean noMid;
    @Option(names = "--top", defaultValue = "5", paramLabel = "K", description = "top predictions per stage in the JSON") int top;

    @Override
    public Integer call() {
        InterpModel m = model.load();
        Prompt prompt = m.prompt(input);
        int p = Targets.position(position, prompt);
        LensOptions options = new LensOptions(NormScale.parse(scale), centred, !noSoftcap, !noMid);
        LensResult lens = LogitLens.run(m.transformer(), prompt.tokens(), options);
        Integer t = Targets.output(m, target);
        int[] targets = new int[prompt.length()];
        if (t != null) {
            Arrays.fill(targets, t);
        } else {
            targets = Predictions.argmax(m.transformer().forward(prompt.tokens()));
        }
        int[] chosen = targets;
        report.emit(spec.commandLine().getOut(), JsonForms.lens(m, prompt.labels(), lens, chosen, Math.max(1, top)),
                () -> LensReport.render(m, prompt.labels(), lens, chosen, p), () -> summary(m, lens, chosen, p));
        return 0;
    }

    private static String summary(InterpModel m, LensResult lens, int[] targets, int p) {
        StringBuilder s = new StringBuilder("logit lens at position " + p + ", target " + m.outputLabel(targets[p]) + " (scale "
                + lens.options().scale().label() + ")\n");
        for (int st = 0; st < lens.stages().size(); st++) {
            s.append(String.format(java.util.Locale.ROOT, "  %-8s logit %9.4f  p %.4f  rank %d  top %s%n", lens.stages().get(st),
                    lens.logit(st, p, targets[p]), lens.probability(st, p, targets[p]), lens.rank(st, p, targets[p]),
                    m.outputLabel(lens.top(st, p, 1).getFirst())));
        }
        return s.toString();
    }
}
