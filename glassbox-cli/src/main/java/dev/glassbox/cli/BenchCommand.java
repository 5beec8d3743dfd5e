package dev.glassbox.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.cli.bench.Bench;
import dev.glassbox.cli.bench.BenchReport;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.tensor.quant.GgmlType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox bench}: generation and prompt speed and peak memory of Glassbox against llama.cpp in the
 * same run, on a random-weight model shaped like Gemma 2 2B (or any llama / gemma2 GGUF file), reported as
 * ratios. A benchmark, not a test: run it on a quiet machine, with several rounds.
 */
@Command(name = "bench", description = "Measure generation and prompt speed and peak memory against llama.cpp in the same run"
        + " (a random Gemma-2-2B-shaped model by default, written once).")
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "q8_0", split = ",",
            description = "weights of the random model: q8_0, q4_0, or both as q8_0,q4_0 (default: ${DEFAULT-VALUE})")
    List<String> types;

    @Option(names = "--model", paramLabel = "FILE", description = "benchmark this GGUF file instead of a random model")
    Path model;

    @Option(names = {"--random-model-dir", "--write-random-gemma2-2b"}, paramLabel = "DIR", defaultValue = "reference/bench-models",
            description = "where the random models are written once and kept (default: ${DEFAULT-VALUE}, gitignored)")
    Path modelDir;

    @Option(names = "--threads", paramLabel = "N", description = "threads for both engines (default: the available processors)")
    Integer threads;

    @Option(names = "--prompt-tokens", paramLabel = "N", defaultValue = "128", description = "prompt length (default: ${DEFAULT-VALUE})")
    int promptTokens;

    @Option(names = "--gen-tokens", paramLabel = "N", defaultValue = "32", description = "tokens to generate after it (default: ${DEFAULT-VALUE})")
    int genTokens;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "times to run both engines, alternately; figures are medians with their range (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--no-reference", description = "measure Glassbox only")
    boolean noReference;

    @Option(names = "--reference", paramLabel = "DIR", defaultValue = "reference",
            description = "where scripts/reference/setup.sh installed node-llama-cpp (default: ${DEFAULT-VALUE})")
    Path referenceDir;

    @Option(names = "--kv-cache", paramLabel = "TYPE", defaultValue = CacheTypeOption.DEFAULT,
            description = "Glassbox's " + CacheTypeOption.DESCRIPTION + "; llama.cpp keeps its default, f16")
    String cacheType;

    @Option(names = "--delete-model", description = "delete the random model file afterwards")
    boolean deleteModel;

    @Option(names = "--json", description = "print the measurements as JSON")
    boolean json;

    @Override
    public Integer call() throws IOException {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1 || promptTokens < 1 || genTokens < 1 || rounds < 1) {
            throw new InvalidInputException("--threads, --prompt-tokens, --gen-tokens and --rounds must be at least 1");
        }
        Bench bench = new Bench(n, promptTokens, genTokens, rounds, CacheTypeOption.parse(cacheType),
                noReference ? null : referenceDir, spec.commandLine().getErr());
        List<BenchReport> reports = new ArrayList<>();
        double[] loadBefore = Bench.loadAverage();
        if (model != null) {
            if (!Files.isRegularFile(model)) throw new InvalidInputException(model + " is not a file");
            reports.add(bench.run(model, model.getFileName().toString()));
        } else {
            for (String name : types) {
                GgmlType type = GgmlType.named(name).filter(t -> t == GgmlType.Q8_0 || t == GgmlType.Q4_0)
                        .orElseThrow(() -> new InvalidInputException("--type " + name + ": random models are q8_0 or q4_0"));
                Path file = bench.randomModel(modelDir, type);
                reports.add(bench.run(file, "random Gemma 2 2B shape (26 layers, d_model 2304, 8/4 heads of 256, FFN 9216,"
                        + " vocab 256000), " + type));
                if (deleteModel) Files.deleteIfExists(file);
            }
        }
        double[] loadAfter = Bench.loadAverage();
        print(reports, n, loadBefore, loadAfter);
        return 0;
    }

    private void print(List<BenchReport> reports, int n, double[] loadBefore, double[] loadAfter) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("threads", n).put("prompt_tokens", promptTokens).put("gen_tokens", genTokens).put("rounds", rounds)
                    .put("glassbox_kv_cache", cacheType.toLowerCase(Locale.ROOT));
            root.putArray("load_average_before").add(loadBefore[0]).add(loadBefore[1]).add(loadBefore[2]);
            root.putArray("load_average_after").add(loadAfter[0]).add(loadAfter[1]).add(loadAfter[2]);
            ArrayNode models = root.putArray("models");
            for (BenchReport r : reports) models.add(r.json(mapper));
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "threads %d, prompt %d tokens, then %d generated; %d round%s; Glassbox's key/value cache %s;"
                    + " load average %.2f before, %.2f after%n", n, promptTokens, genTokens, rounds, rounds == 1 ? "" : "s",
                    cacheType.toLowerCase(Locale.ROOT), loadBefore[0], loadAfter[0]);
            for (BenchReport r : reports) out.print(r.table());
        }
        out.flush();
    }
}
