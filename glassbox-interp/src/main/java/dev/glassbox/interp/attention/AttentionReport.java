package dev.glassbox.interp.attention;

import dev.glassbox.interp.model.Prompt;
import dev.glassbox.interp.report.Heatmap;
import dev.glassbox.interp.report.HtmlPage;
import dev.glassbox.interp.report.Svg;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The HTML report of an attention study: each detector's scores as a layer x head heatmap, the best heads
 * in a sortable table, and an interactive view of one prompt: pick a head, hover a token to see where it
 * attends (the other tokens shaded by weight), or hover the pattern's cells. Self-contained: the patterns
 * are embedded as JSON and drawn by a few lines of inline JavaScript.
 */
public final class AttentionReport {
    private static final int TOP = 5;

    private AttentionReport() {}

    public static String render(String model, List<Prompt> prompts, List<DetectorScores> detectors, int view,
            AttentionPatterns patterns) {
        HtmlPage page = new HtmlPage("Attention: " + model)
                .fact("model", model)
                .fact("prompts", String.valueOf(prompts.size()))
                .fact("viewed prompt", prompts.get(view).text());
        page.heading("Where each head attends");
        page.paragraph("Pick a head; hover a token (a query) to shade every token by how much the query attends to it,"
                + " or hover a cell of the pattern (rows are queries, columns keys).");
        page.figure(InteractivePattern.html(prompts.get(view).labels(), patterns));

        page.heading("Head detectors");
        page.paragraph("Mean attention of each head on the keys of its kind, over every scored query of every prompt:"
                + " previous token (i-1), induction (the token after an earlier occurrence of the query's token),"
                + " first token (position 0, BOS) and self (i). 1 is a perfect head of the kind.");
        List<String> layerLabels = new ArrayList<>(), headLabels = new ArrayList<>();
        for (int l = 0; l < patterns.layers(); l++) layerLabels.add("L" + l);
        for (int h = 0; h < patterns.heads(); h++) headLabels.add("H" + h);
        List<List<String>> rows = new ArrayList<>();
        for (DetectorScores d : detectors) {
            page.figure(new Heatmap(d.detector().label() + " (" + d.queries() + " queries; an even spread scores "
                    + Svg.number(d.uniform()) + ")", layerLabels, headLabels,
                    d.scores(), 1.0, null).svg());
            List<int[]> heads = new ArrayList<>();
            for (int l = 0; l < patterns.layers(); l++) for (int h = 0; h < patterns.heads(); h++) heads.add(new int[] {l, h});
            heads.removeIf(x -> Double.isNaN(d.score(x[0], x[1])));
            heads.sort(Comparator.comparingDouble((int[] x) -> -d.score(x[0], x[1])));
            for (int[] x : heads.subList(0, Math.min(TOP, heads.size()))) {
                rows.add(List.of(d.detector().label(), "blocks." + x[0] + ".attn.head." + x[1], Svg.number(d.score(x[0], x[1]))));
            }
        }
        page.table(List.of("detector", "head", "score"), rows);

        page.heading("Prompts");
        List<List<String>> promptRows = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            promptRows.add(List.of(String.valueOf(i), String.valueOf(prompts.get(i).length()), String.join(" | ", prompts.get(i).labels())));
        }
        page.table(List.of("prompt", "tokens", "tokens as the model sees them"), promptRows);
        return page.render();
    }
}
