package dev.glassbox.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.core.GlassboxException;
import dev.glassbox.model.forward.KeyValueCache;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one engine's side of the benchmark in a process of its own (so that its peak memory is its own)
 * and reads the {@link Measurement} it prints as its last JSON line.
 */
final class EngineProcess {
    private static final long TIMEOUT_MINUTES = 30;

    private EngineProcess() {}

    /** The arguments both engines take: the model, threads, prompt ids, tokens to generate, warm-up prompt length. */
    static List<String> protocol(Path model, int threads, int[] prompt, int gen, int warmup) {
        StringBuilder ids = new StringBuilder();
        for (int id : prompt) ids.append(ids.isEmpty() ? "" : ",").append(id);
        return List.of("--model", model.toAbsolutePath().toString(), "--threads", Integer.toString(threads),
                "--prompt", ids.toString(), "--gen", Integer.toString(gen), "--warmup", Integer.toString(warmup));
    }

    /** This JVM again (same flags and class path), running {@link GlassboxBenchRun} with its cache type. */
    static List<String> glassbox(List<String> protocol, KeyValueCache.Precision cachePrecision) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GlassboxBenchRun.class.getName());
        command.addAll(protocol);
        command.add("--kv-cache");
        command.add(cachePrecision.name());
        return command;
    }

    /** node running {@code scripts/reference/bench.mjs} against node-llama-cpp in {@code referenceDir}. */
    static List<String> llamaCpp(Path script, Path referenceDir, List<String> protocol) {
        List<String> command = new ArrayList<>(List.of("node", script.toString(), "--reference", referenceDir.toString()));
        command.addAll(protocol);
        return command;
    }

    /** Runs {@code command}; its stderr is kept in a file and shown only when it fails. */
    static Measurement run(String engine, List<String> command) {
        Path errors = null;
        try {
            errors = Files.createTempFile("glassbox-bench-", ".log");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new GlassboxException(engine + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            String json = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
            if (process.exitValue() != 0 || json == null) {
                String log = Files.readString(errors, StandardCharsets.UTF_8);
                throw new GlassboxException(engine + " failed (exit status " + process.exitValue() + "): "
                        + tail(log.isBlank() ? out : log));
            }
            return new ObjectMapper().readValue(json, Measurement.class);
        } catch (IOException e) {
            throw new GlassboxException("cannot run " + engine + " (" + command.getFirst() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GlassboxException("interrupted while " + engine + " ran", e);
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static String tail(String log) {
        String trimmed = log.strip();
        return trimmed.length() <= 2000 ? trimmed : "..." + trimmed.substring(trimmed.length() - 2000);
    }
}
