package dev.glassbox.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.arch.GgufModel;
import dev.glassbox.model.forward.KeyValueCache;
import dev.glassbox.model.generate.Generator;
import dev.glassbox.model.generate.GreedySampler;
import dev.glassbox.model.generate.LanguageModel;
import dev.glassbox.model.generate.TokenListener;
import dev.glassbox.tensor.kernels.Kernels;
import dev.glassbox.tensor.parallel.ThreadPool;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Glassbox's side of {@code glassbox bench}, run in a JVM of its own so that its peak memory is its own:
 * loads the GGUF file, generates with {@link Generator} (greedy) and prints one {@link Measurement} as a
 * JSON line. The protocol and the timing points are those of {@code scripts/reference/bench.mjs}:
 * <pre>
 *   java ... dev.glassbox.cli.bench.GlassboxBenchRun --model FILE --threads N --prompt ID,ID,... --gen N [--warmup N] [--kv-cache F16|F32]
 * </pre>
 * Times are taken when the generator hands over each sampled token: the first after the prompt's batch,
 * every later one after one forward pass of the previous token.
 */
public final class GlassboxBenchRun {
    private GlassboxBenchRun() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        int threads = Integer.parseInt(o.get("threads")), gen = Integer.parseInt(o.get("gen"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "32"));
        int[] prompt = Arrays.stream(o.get("prompt").split(",")).mapToInt(Integer::parseInt).toArray();

        long loadStart = System.nanoTime();
        try (GgufModel file = GgufModel.load(Path.of(o.get("model"))); ThreadPool pool = new ThreadPool(threads)) {
            Transformer transformer = file.transformer().withParallelism(pool);
            Generator generator = new Generator(new LanguageModel(transformer, new BenchTokenizer(transformer.config().vocabSize())))
                    .withCachePrecision(KeyValueCache.Precision.valueOf(o.getOrDefault("kv-cache", "F32")));
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            if (warmup > 0) run(generator, transformer, Arrays.copyOf(prompt, Math.min(warmup, prompt.length)), 4);
            double[] seconds = run(generator, transformer, prompt, gen);
            String version = "glassbox 0.1.0, " + Kernels.preferred().name() + " kernels, Java " + Runtime.version();
            Measurement m = new Measurement("glassbox", version, threads, prompt.length, seconds[0], gen, seconds[1],
                    loadSeconds, PeakMemory.bytes());
            System.out.println(new ObjectMapper().writeValueAsString(m));
        }
    }

    /** [seconds to the first sampled token, seconds from it to the (gen+1)-th]. */
    private static double[] run(Generator generator, Transformer transformer, int[] prompt, int gen) {
        long[] times = new long[gen + 1];
        int[] count = {0};
        long start = System.nanoTime();
        TokenListener stamp = (id, text, fromPrompt) -> {
            if (!fromPrompt) times[count[0]++] = System.nanoTime();
        };
        generator.generate(prompt, prompt.length + gen, new GreedySampler(), transformer.newHooks(), stamp);
        if (count[0] != gen + 1) throw new IllegalStateException("expected " + (gen + 1) + " sampled tokens, got " + count[0]);
        return new double[] {(times[0] - start) / 1e9, (times[gen] - times[0]) / 1e9};
    }
}
