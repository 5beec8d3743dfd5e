package dev.glassbox.cli.bench;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.io.gguf.GgufFile;
import dev.glassbox.tensor.quant.GgmlType;
import dev.glassbox.model.forward.KeyValueCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One benchmark session: for each model file, warms the page cache, then runs Glassbox and llama.cpp in
 * turn, each in a fresh process with the same prompt ids, thread count and number of generated tokens, for
 * the given number of rounds.
 */
public final class Bench {
    private static final Path SCRIPT = Path.of("scripts", "reference", "bench.mjs");
    private static final int WARMUP_PROMPT = 32;

    private final int threads, promptTokens, genTokens, rounds;
    private final KeyValueCache.Precision cachePrecision;
    private final Path referenceDir;
    private final PrintWriter log;

    /** @param referenceDir where node-llama-cpp is installed, or null to measure Glassbox only */
    public Bench(int threads, int promptTokens, int genTokens, int rounds, KeyValueCache.Precision cachePrecision,
            Path referenceDir, PrintWriter log) {
        this.cachePrecision = cachePrecision;
        this.threads = threads;
        this.promptTokens = promptTokens;
        this.genTokens = genTokens;
        this.rounds = rounds;
        this.referenceDir = referenceDir;
        this.log = log;
    }

    /** The random Gemma-2-2B-shaped file of {@code type} in {@code dir}, written first if needed. */
    public Path randomModel(Path dir, GgmlType type) {
        return RandomModels.ensure(dir, type, log);
    }

    public BenchReport run(Path file, String title) throws IOException {
        Path script = referenceDir == null ? null : script();
        int[] prompt = prompt(file);
        long bytes = Files.size(file);
        log.printf(Locale.ROOT, "%s: %s, %.2f GB; reading it into the page cache%n", title, file, bytes / 1e9);
        log.flush();
        RandomModels.warmPageCache(file);
        List<String> protocol = EngineProcess.protocol(file, threads, prompt, genTokens, Math.min(WARMUP_PROMPT, promptTokens));
        BenchReport report = new BenchReport(title + String.format(Locale.ROOT, ", %.2f GB", bytes / 1e9), bytes);
        for (int round = 1; round <= rounds; round++) {
            Measurement ours = EngineProcess.run("glassbox", EngineProcess.glassbox(protocol, cachePrecision));
            Measurement reference = script == null ? null
                    : EngineProcess.run("llama.cpp", EngineProcess.llamaCpp(script, referenceDir.toAbsolutePath(), protocol));
            log.printf(Locale.ROOT, "  round %d: glassbox %.2f gen tok/s, %.1f prompt tok/s, %.2f GB%s%n", round,
                    ours.genTokensPerSecond(), ours.promptTokensPerSecond(), ours.peakRssBytes() / 1e9, reference == null ? ""
                    : String.format(Locale.ROOT, "; llama.cpp %.2f gen tok/s, %.1f prompt tok/s, %.2f GB",
                            reference.genTokensPerSecond(), reference.promptTokensPerSecond(), reference.peakRssBytes() / 1e9));
            log.flush();
            report.add(ours, reference);
        }
        return report;
    }

    /**
     * BOS (when the file names one) and then ids drawn with a fixed seed from the ordinary part of the
     * vocabulary, the same for both engines and every run.
     */
    private int[] prompt(Path file) {
        try (GgufFile gguf = GgufFile.open(file)) {
            int vocab = (int) gguf.tensor("token_embd.weight").shape()[0];
            Optional<Integer> bos = gguf.metadata().optionalInteger("tokenizer.ggml.bos_token_id");
            int first = Math.min(RandomGemma2File.FIRST_ORDINARY_TOKEN, vocab / 2);
            SplittableRandom random = new SplittableRandom(RandomModels.SEED);
            int[] ids = new int[promptTokens];
            for (int i = 0; i < ids.length; i++) ids[i] = random.nextInt(first, vocab);
            bos.ifPresent(b -> ids[0] = b);
            return ids;
        }
    }

    /** scripts/reference/bench.mjs in the current folder or one above it, after checking the reference is set up. */
    private Path script() {
        if (!Files.isDirectory(referenceDir.resolve("node_modules/node-llama-cpp"))) {
            throw new InvalidInputException("llama.cpp is not set up in " + referenceDir.toAbsolutePath()
                    + ": run scripts/reference/setup.sh (or give --reference DIR, or --no-reference to measure Glassbox only)");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SCRIPT))) return dir.resolve(SCRIPT);
        }
        throw new InvalidInputException("cannot find " + SCRIPT + " here or above; run glassbox bench from the repository");
    }

    /** The 1, 5 and 15 minute load averages (zeros where /proc is not there). */
    public static double[] loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
        } catch (IOException | RuntimeException e) {
            return new double[3];
        }
    }
}
