package dev.glassbox.cli.interp;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.attention.AttentionJson;
import dev.glassbox.interp.attention.AttentionPatterns;
import dev.glassbox.interp.attention.AttentionReport;
import dev.glassbox.interp.attention.DetectorScores;
import dev.glassbox.interp.attention.HeadDetection;
import dev.glassbox.interp.attention.RepeatedSequences;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.Prompt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "attention", mixinStandardHelpOptions = true,
        description = "Attention patterns of every head (an interactive view of one prompt) and head detectors:"
                + " previous-token, induction, first-token (BOS) and self, averaged over the prompts.")
final class AttentionCommand implements Callable<Integer> {
    private static final int TOP = 3;

    @Spec CommandSpec spec;
    @Mixin ModelOption model = new ModelOption();
    @Mixin ReportOptions report = new ReportOptions();

    @Option(names = "--input", paramLabel = "TEXT", description = "a prompt (repeatable)") List<String> inputs;
    @Option(names = "--repeated", paramLabel = "N", defaultValue = "0",
            description = "also score [BOS] r r for random sequences r of N tokens, where induction heads show; with N >= 3"
                    + " the token after a previous occurrence is not the previous token (default: none)")
    int repeated;
    @Option(names = "--samples", paramLabel = "S", defaultValue = "4", description = "how many repeated sequences (default: ${DEFAULT-VALUE})")
    int samples;
    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "seed of the repeated sequences (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--view", paramLabel = "I", defaultValue = "0", description = "the prompt whose patterns are shown (default: the first)")
    int view;

    @Override
    public Integer call() {
        InterpModel m = model.load();
        List<Prompt> prompts = new ArrayList<>();
        if (inputs != null) for (String s : inputs) prompts.add(m.prompt(s));
        if (repeated > 0) prompts.addAll(RepeatedSequences.prompts(m, repeated, samples, seed));
        if (prompts.isEmpty()) throw new InvalidInputException("no prompts: give --input TEXT (repeatable) or --repeated N");
        if (view < 0 || view >= prompts.size()) {
            throw new InvalidInputException("--view " + view + " is not a prompt; there are " + prompts.size() + " (0.." + (prompts.size() - 1) + ")");
        }
        List<AttentionPatterns> patterns = new ArrayList<>();
        for (Prompt p : prompts) patterns.add(AttentionPatterns.of(m.transformer(), p.tokens()));
        List<DetectorScores> detectors = HeadDetection.score(patterns, m.transformer().config().causal());
        AttentionPatterns shown = patterns.get(view);
        report.emit(spec.commandLine().getOut(), AttentionJson.of(m.name(), prompts, detectors, view, shown),
                () -> AttentionReport.render(m.name(), prompts, detectors, view, shown), () -> summary(prompts, detectors));
        return 0;
    }

    private static String summary(List<Prompt> prompts, List<DetectorScores> detectors) {
        StringBuilder s = new StringBuilder("head detectors over " + prompts.size() + " prompt(s), top " + TOP + " heads\n");
        for (DetectorScores d : detectors) {
            s.append(String.format(Locale.ROOT, "  %-15s (%d queries, uniform %.3f)", d.detector().label(), d.queries(), d.uniform()));
            List<int[]> heads = new ArrayList<>();
            for (int l = 0; l < d.scores().length; l++) for (int h = 0; h < d.scores()[l].length; h++) heads.add(new int[] {l, h});
            heads.removeIf(x -> Double.isNaN(d.score(x[0], x[1])));
            heads.sort(Comparator.comparingDouble((int[] x) -> -d.score(x[0], x[1])));
            for (int[] x : heads.subList(0, Math.min(TOP, heads.size()))) {
                s.append(String.format(Locale.ROOT, "  L%dH%d %.3f", x[0], x[1], d.score(x[0], x[1])));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
