package dev.glassbox.interp.report;

import dev.glassbox.interp.lens.LensResult;
import dev.glassbox.interp.model.InterpModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML report of the logit lens: the target's logit at every stage (a line per position), the
 * target's probability by stage and position with the top prediction in each cell, and the top
 * predictions per stage at the chosen position.
 */
public final class LensReport {
    private static final int MAX_LINES = 10;

    private LensReport() {}

    /** @param targets the output followed at each position */
    public static String render(InterpModel model, List<String> tokens, LensResult lens, int[] targets, int position) {
        HtmlPage page = new HtmlPage("Logit lens: " + model.name())
                .fact("model", model.name())
                .fact("input", String.join(" ", tokens))
                .fact("final norm scale", lens.options().scale().label())
                .fact("centred logits", String.valueOf(lens.options().centred()))
                .fact("final soft-cap", lens.softcapped() ? "applied" : "none");
        List<LineChart.Series> series = new ArrayList<>();
        int from = Math.max(0, lens.positions() - MAX_LINES);
        for (int p = from; p < lens.positions(); p++) {
            series.add(new LineChart.Series(p + " " + tokens.get(p) + " → " + model.outputLabel(targets[p]), lens.line(p, targets[p])));
        }
        page.figure(new LineChart("target logit by stage", "logit", lens.stages(), series).svg());

        double[][] probability = new double[lens.stages().size()][lens.positions()];
        String[][] top = new String[lens.stages().size()][lens.positions()];
        for (int s = 0; s < lens.stages().size(); s++) {
            for (int p = 0; p < lens.positions(); p++) {
                probability[s][p] = lens.probability(s, p, targets[p]);
                top[s][p] = model.outputLabel(lens.top(s, p, 1).getFirst());
            }
        }
        List<String> columns = new ArrayList<>();
        for (int p = 0; p < lens.positions(); p++) columns.add(p + " " + tokens.get(p));
        page.figure(new Heatmap("probability of the target (cell text: top prediction)", lens.stages(), columns, probability, 1.0,
                top).svg());

        List<List<String>> rows = new ArrayList<>();
        for (int s = 0; s < lens.stages().size(); s++) {
            List<String> best = new ArrayList<>();
            for (int o : lens.top(s, position, 5)) best.add(model.outputLabel(o) + " " + Svg.number(lens.logit(s, position, o)));
            rows.add(List.of(lens.stages().get(s), Svg.number(lens.logit(s, position, targets[position])),
                    Svg.number(lens.probability(s, position, targets[position])),
                    String.valueOf(lens.rank(s, position, targets[position])), String.join(", ", best)));
        }
        page.heading("position " + position + " (" + tokens.get(position) + "), target " + model.outputLabel(targets[position]));
        page.table(List.of("stage", "target logit", "target probability", "target rank", "top 5"), rows);
        return page.render();
    }
}
