package dev.glassbox.interp.report;

import dev.glassbox.interp.attribution.Attribution;
import dev.glassbox.interp.attribution.ComponentScore;
import java.util.ArrayList;
import java.util.List;

/** The HTML report of direct logit attribution: a bar per component, and the sum that checks it. */
public final class AttributionReport {
    private static final int MAX_BARS = 60;

    private AttributionReport() {}

    public static String render(String modelName, List<String> tokens, Attribution a) {
        HtmlPage page = new HtmlPage("Direct logit attribution: " + modelName)
                .fact("model", modelName)
                .fact("input", String.join(" ", tokens))
                .fact("position", a.position() + " (" + tokens.get(a.position()) + ")")
                .fact("target", a.target() + (a.centred() ? " (centred: minus the mean logit)" : ""))
                .fact("granularity", a.level().name().toLowerCase(java.util.Locale.ROOT))
                .fact("logit", Svg.number(a.logit()) + (a.softcapped() ? " (before the final soft-cap)" : ""))
                .fact("biases", Svg.number(a.biases()))
                .fact("components + biases", Svg.number(a.total()))
                .fact("final norm", "scale frozen from this run, so the parts add up");
        List<ComponentScore> shown = a.components().size() > MAX_BARS ? a.ranked().subList(0, MAX_BARS) : a.components();
        page.figure(new BarChart("direct logit attribution" + (shown.size() < a.components().size() ? " (" + MAX_BARS
                + " largest)" : ""), shown.stream().map(ComponentScore::component).toList(),
                shown.stream().mapToDouble(ComponentScore::dla).toArray()).svg());
        List<List<String>> rows = new ArrayList<>();
        for (ComponentScore s : a.ranked()) rows.add(List.of(s.component(), Svg.number(s.dla())));
        page.table(List.of("component", "dla"), rows);
        return page.render();
    }
}
