package dev.glassbox.model.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * llama.cpp as a reference: runs {@code scripts/reference/logits.mjs} (node-llama-cpp's prebuilt CPU
 * binaries, installed into {@code reference/node_modules} by {@code scripts/reference/setup.sh}) on GGUF files
 * and reads back every position's logits.
 *
 * <p>{@link #find()} looks for the repository root upwards from the working directory ({@code
 * -Dglassbox.reference=DIR} names the {@code reference} folder instead); it is empty only when node-llama-cpp
 * is not installed there. Once it is installed, a missing {@code node}, a crash, a timeout or output of the
 * wrong size is an error that says what happened, never a skip. {@code -Dglassbox.llamaCppKvCache=f16} runs
 * llama.cpp with its default half-precision key/value cache instead of float32.
 */
final class LlamaCppReference {
    static final String SETUP = "scripts/reference/setup.sh";
    private static final String SCRIPT = "scripts/reference/logits.mjs";
    private static final String PACKAGE = "node_modules/node-llama-cpp/dist/index.js";

    private final Path script;
    private final Path referenceDir;

    private LlamaCppReference(Path script, Path referenceDir) {
        this.script = script;
        this.referenceDir = referenceDir;
    }

    /** The reference, when node-llama-cpp is installed. */
    static Optional<LlamaCppReference> find() {
        String override = System.getProperty("glassbox.reference");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(SCRIPT);
            if (!Files.isRegularFile(script)) continue;
            Path reference = override != null ? Path.of(override).toAbsolutePath() : dir.resolve("reference");
            return Files.isRegularFile(reference.resolve(PACKAGE))
                    ? Optional.of(new LlamaCppReference(script, reference)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Why {@link #find()} is empty, for the skip message. */
    static String notInstalled() {
        return "llama.cpp (node-llama-cpp) is not installed in reference/node_modules; run " + SETUP
                + " to compare logits with llama.cpp";
    }

    /**
     * The logits llama.cpp computes for {@code tokens} (run as given, in one batch) under each model, as
     * [position][vocabulary], in the order of {@code models}.
     *
     * @param work a folder for the output files
     * @throws IllegalStateException when node fails, times out or writes something unexpected
     */
    Map<Path, float[][]> logits(List<Path> models, int[] tokens, Path work, Duration timeout) {
        try {
            Path out = Files.createDirectories(work.resolve("llama-cpp-logits"));
            Path stdout = work.resolve("logits.stdout"), stderr = work.resolve("logits.stderr");
            List<String> command = new ArrayList<>(List.of("node", script.toString()));
            models.forEach(m -> command.add(m.toString()));
            command.addAll(List.of("--tokens", join(tokens), "--top", "1", "--out-dir", out.toString(),
                    "--reference", referenceDir.toString(), "--kv-cache", System.getProperty("glassbox.llamaCppKvCache", "f32")));
            run(command, stdout, stderr, timeout);
            List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            if (lines.size() != models.size()) {
                throw failure("printed " + lines.size() + " result lines for " + models.size() + " models", command, stderr);
            }
            Map<Path, float[][]> result = new LinkedHashMap<>();
            for (int i = 0; i < models.size(); i++) {
                JsonNode json = new ObjectMapper().readTree(lines.get(i));
                int vocab = json.get("vocab").asInt();
                String name = models.get(i).getFileName().toString().replaceFirst("\\.gguf$", "");
                result.put(models.get(i), read(out.resolve(name + ".f32"), tokens.length, vocab));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command, Path stdout, Path stderr, Duration timeout) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node (" + e.getMessage() + "); reference/node_modules is"
                    + " installed, so node must be on the PATH to compare with llama.cpp", e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw failure("did not finish within " + timeout.toSeconds() + " s and was killed", command, stderr);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for node", e);
        }
        if (process.exitValue() != 0) throw failure("exited with status " + process.exitValue(), command, stderr);
    }

    private static IllegalStateException failure(String what, List<String> command, Path stderr) {
        String err;
        try {
            err = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            err = "(stderr unreadable: " + e.getMessage() + ")";
        }
        return new IllegalStateException("llama.cpp reference " + what + ": " + String.join(" ", command)
                + (err.isEmpty() ? "" : "\n" + err));
    }

    private static float[][] read(Path file, int positions, int vocab) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != (long) positions * vocab * Float.BYTES) {
            throw new IllegalStateException(file + " has " + bytes.length + " bytes; " + positions + " positions of "
                    + vocab + " float32 logits need " + (long) positions * vocab * Float.BYTES);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[][] logits = new float[positions][vocab];
        for (float[] row : logits) {
            for (int v = 0; v < vocab; v++) row[v] = b.getFloat();
        }
        return logits;
    }

    private static String join(int[] tokens) {
        return String.join(",", Arrays.stream(tokens).mapToObj(Integer::toString).toList());
    }
}
