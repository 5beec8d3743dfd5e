package dev.glassbox.interp.choice;

import dev.glassbox.interp.attribution.ComponentScore;
import dev.glassbox.interp.report.BarChart;
import dev.glassbox.interp.report.Heatmap;
import dev.glassbox.interp.report.HtmlPage;
import dev.glassbox.interp.report.Svg;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTML report of a multiple-choice run: accuracy against chance, answers by position, DLA, patching. */
public final class ChoiceReport {
    private static final Pattern HEAD = Pattern.compile("blocks\\.(\\d+)\\.attn\\.head\\.(\\d+)");

    private ChoiceReport() {}

    public static String render(ChoiceAnalysis a) {
        ChoiceResult r = a.scores();
        HtmlPage page = new HtmlPage("Multiple choice: " + r.model())
                .fact("model", r.model())
                .fact("labels", r.variant().label() + " (" + describe(r.variant()) + ")")
                .fact("format", r.format())
                .fact("questions", r.scores().size() + " scored, " + r.skipped().size() + " skipped")
                .fact("accuracy", Svg.number(r.accuracy()) + " (chance " + Svg.number(r.chance())
                        + "; always the most frequent answer position " + Svg.number(r.bestConstantPosition()) + ")")
                .fact("probability on the labels", Svg.number(r.meanLabelMass()) + " (mean over questions, whole vocabulary)")
                .fact("forward passes", String.valueOf(r.forwardPasses()));
        page.heading("Answers by option position");
        List<List<String>> rows = new ArrayList<>();
        Map<Integer, Long> predicted = r.predictedPositions(), right = r.answerPositions();
        for (int p = 0; p < r.scores().stream().mapToInt(s -> s.prompt().labels().size()).max().orElse(0); p++) {
            rows.add(List.of(String.valueOf(p + 1), String.valueOf(predicted.getOrDefault(p, 0L)), String.valueOf(right.getOrDefault(p, 0L))));
        }
        page.table(List.of("option", "predicted", "right"), rows);
        List<List<String>> subjects = new ArrayList<>();
        r.bySubject().forEach((s, v) -> subjects.add(List.of(s, String.valueOf((int) v[0]), String.valueOf((int) v[1]),
                Svg.number(v[0] / v[1]))));
        page.table(List.of("subject", "right", "questions", "accuracy"), subjects);
        if (a.attribution() != null) {
            page.heading("Direct logit attribution at the answer position (mean over " + a.attributed() + " questions)");
            List<ComponentScore> top = a.attribution().stream().sorted(Comparator.comparingDouble(c -> -Math.abs(c.dla()))).limit(30).toList();
            page.figure(new BarChart("logit[right label] - mean logit[other labels]", top.stream().map(ComponentScore::component).toList(),
                    top.stream().mapToDouble(ComponentScore::dla).toArray()).svg());
        }
        if (a.patching() != null) patching(page, a.patching());
        page.heading("Questions");
        List<List<String>> qs = new ArrayList<>();
        for (ChoiceScore s : r.scores()) {
            double[] p = s.labelProbabilities();
            StringBuilder probs = new StringBuilder();
            for (int i = 0; i < p.length; i++) probs.append(s.prompt().labels().get(i)).append(' ').append(Svg.number(p[i])).append("  ");
            qs.add(List.of(s.prompt().question().subject(), abbreviate(s.prompt().question().question()), s.prompt().correctLabel(),
                    s.prompt().labels().get(s.predicted()), probs.toString().strip()));
        }
        page.table(List.of("subject", "question", "right", "predicted", "label probabilities"), qs);
        if (!r.skipped().isEmpty()) page.paragraph("Skipped: " + String.join("; ", r.skipped()));
        return page.render();
    }

    private static void patching(HtmlPage page, AnswerPatchingResult p) {
        page.heading("Answer patching (" + p.questions() + " questions; denoising; 1 = the clean answer fully restored)");
        page.paragraph("Corrupt prompt: the right option's label exchanged with the next option's. Metric: logit[right label]"
                + " - logit[swapped-in label] at the answer position, mean clean " + Svg.number(p.meanClean()) + ", mean corrupt "
                + Svg.number(p.meanCorrupt()) + "; effects are ratios of sums over questions. " + p.forwardPasses() + " forward passes.");
        if (!p.separates()) {
            page.paragraph("Caution: on average the model does not answer both prompts right (clean metric not above 0 or"
                    + " corrupt not below), so there is no answer circuit to find and the normalised effects are noise.");
        }
        List<String> roles = List.of(AnswerPatching.RIGHT_LABEL, AnswerPatching.OTHER_LABEL, AnswerPatching.ANSWER);
        List<String> sublayers = p.effects().stream().filter(e -> e.role().equals(AnswerPatching.RIGHT_LABEL))
                .map(RoleEffect::component).toList();
        double[][] v = new double[sublayers.size()][roles.size()];
        for (int i = 0; i < sublayers.size(); i++) for (int j = 0; j < roles.size(); j++) v[i][j] = p.effect(sublayers.get(i), roles.get(j));
        page.figure(Heatmap.of("effect by component and position", sublayers, roles, v, 1.0).svg());
        int layers = 0, heads = 0;
        for (RoleEffect e : p.effects()) {
            Matcher m = HEAD.matcher(e.component());
            if (m.matches()) {
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
                heads = Math.max(heads, Integer.parseInt(m.group(2)) + 1);
            }
        }
        if (layers > 0) {
            double[][] h = new double[layers][heads];
            for (RoleEffect e : p.effects()) {
                Matcher m = HEAD.matcher(e.component());
                if (m.matches()) h[Integer.parseInt(m.group(1))][Integer.parseInt(m.group(2))] = e.effect();
            }
            List<String> rows = new ArrayList<>(), cols = new ArrayList<>();
            for (int l = 0; l < layers; l++) rows.add("layer " + l);
            for (int k = 0; k < heads; k++) cols.add("head " + k);
            page.figure(Heatmap.of("heads at the answer position", rows, cols, h, 1.0).svg());
        }
        if (!p.skipped().isEmpty()) page.paragraph("Not patched: " + String.join("; ", p.skipped()));
    }

    private static String describe(LabelVariant v) {
        return switch (v) {
            case PLAIN -> "A, B, C, D in order";
            case SHUFFLED -> "A-D permuted across the options";
            case RANDOM -> "other letters drawn at random";
        };
    }

    private static String abbreviate(String s) {
        String flat = s.replace('\n', ' ');
        return flat.length() <= 90 ? flat : flat.substring(0, 89) + "…";
    }
}
