package dev.glassbox.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The results for one model file: each round's pair of measurements (Glassbox, then llama.cpp in the same
 * run), and the ratios the goals are stated in, Glassbox over llama.cpp per round (a pair measured minutes
 * apart shares the machine's load better than medians taken over the whole run). Each figure is the median
 * over rounds with the range in brackets.
 */
public final class BenchReport {
    /** Goals: generation at least 0.9x llama.cpp, prompt processing at least 0.5x, peak memory at most 1.1x the file. */
    static final double GENERATION_GOAL = 0.9, PROMPT_GOAL = 0.5, MEMORY_GOAL = 1.1;

    private final String title;
    private final long fileBytes;
    private final List<Measurement> ours = new ArrayList<>();
    private final List<Measurement> reference = new ArrayList<>();

    BenchReport(String title, long fileBytes) {
        this.title = title;
        this.fileBytes = fileBytes;
    }

    /** One round; {@code llamaCpp} is null when the reference was not run. */
    void add(Measurement glassbox, Measurement llamaCpp) {
        ours.add(glassbox);
        if (llamaCpp != null) reference.add(llamaCpp);
    }

    private boolean hasReference() {
        return !reference.isEmpty();
    }

    public String table() {
        StringBuilder s = new StringBuilder(title).append('\n');
        String row = "  %-22s %-24s %-24s %-24s %s%n";
        s.append(String.format(Locale.ROOT, row, "", "glassbox", hasReference() ? "llama.cpp" : "", hasReference() ? "ratio" : "", "goal"));
        s.append(String.format(Locale.ROOT, row, "generation tokens/s", stat(ours, Measurement::genTokensPerSecond, "%.2f"),
                stat(reference, Measurement::genTokensPerSecond, "%.2f"), ratio(Measurement::genTokensPerSecond),
                String.format(Locale.ROOT, "ratio >= %.1f", GENERATION_GOAL)));
        s.append(String.format(Locale.ROOT, row, "prompt tokens/s", stat(ours, Measurement::promptTokensPerSecond, "%.1f"),
                stat(reference, Measurement::promptTokensPerSecond, "%.1f"), ratio(Measurement::promptTokensPerSecond),
                String.format(Locale.ROOT, "ratio >= %.1f", PROMPT_GOAL)));
        s.append(String.format(Locale.ROOT, row, "peak memory GB", stat(ours, m -> m.peakRssBytes() / 1e9, "%.2f"),
                stat(reference, m -> m.peakRssBytes() / 1e9, "%.2f"), "", ""));
        s.append(String.format(Locale.ROOT, row, "peak memory / file", stat(ours, m -> m.peakRssBytes() / (double) fileBytes, "%.3f"),
                stat(reference, m -> m.peakRssBytes() / (double) fileBytes, "%.3f"), "",
                String.format(Locale.ROOT, "glassbox <= %.2f", MEMORY_GOAL)));
        return s.toString();
    }

    public ObjectNode json(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("model", title);
        node.put("file_bytes", fileBytes);
        ArrayNode rounds = node.putArray("rounds");
        for (int i = 0; i < ours.size(); i++) {
            ObjectNode round = rounds.addObject();
            round.set("glassbox", mapper.valueToTree(ours.get(i)));
            if (hasReference()) round.set("llama.cpp", mapper.valueToTree(reference.get(i)));
        }
        ObjectNode summary = node.putObject("median");
        summary.put("glassbox_gen_tokens_per_second", median(values(ours, Measurement::genTokensPerSecond)));
        summary.put("glassbox_prompt_tokens_per_second", median(values(ours, Measurement::promptTokensPerSecond)));
        summary.put("glassbox_peak_rss_over_file", median(values(ours, m -> m.peakRssBytes() / (double) fileBytes)));
        if (hasReference()) {
            summary.put("llama_cpp_gen_tokens_per_second", median(values(reference, Measurement::genTokensPerSecond)));
            summary.put("llama_cpp_prompt_tokens_per_second", median(values(reference, Measurement::promptTokensPerSecond)));
            summary.put("llama_cpp_peak_rss_over_file", median(values(reference, m -> m.peakRssBytes() / (double) fileBytes)));
            summary.put("gen_ratio", median(ratios(Measurement::genTokensPerSecond)));
            summary.put("prompt_ratio", median(ratios(Measurement::promptTokensPerSecond)));
        }
        return node;
    }

    private String ratio(ToDoubleFunction<Measurement> metric) {
        return hasReference() ? format(ratios(metric), "%.2f") : "";
    }

    private double[] ratios(ToDoubleFunction<Measurement> metric) {
        double[] r = new double[ours.size()];
        for (int i = 0; i < r.length; i++) r[i] = metric.applyAsDouble(ours.get(i)) / metric.applyAsDouble(reference.get(i));
        return r;
    }

    private static String stat(List<Measurement> ms, ToDoubleFunction<Measurement> metric, String format) {
        return ms.isEmpty() ? "" : format(values(ms, metric), format);
    }

    private static double[] values(List<Measurement> ms, ToDoubleFunction<Measurement> metric) {
        return ms.stream().mapToDouble(metric).toArray();
    }

    /** "median" for one value, "median (min-max)" for more. */
    private static String format(double[] v, String format) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        String median = String.format(Locale.ROOT, format, median(v));
        if (v.length == 1) return median;
        return median + " (" + String.format(Locale.ROOT, format, sorted[0]) + "-"
                + String.format(Locale.ROOT, format, sorted[sorted.length - 1]) + ")";
    }

    static double median(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
