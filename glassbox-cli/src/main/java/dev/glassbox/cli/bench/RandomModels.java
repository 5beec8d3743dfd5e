package dev.glassbox.cli.bench;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.arch.Gemma2Hyperparameters;
import dev.glassbox.tensor.quant.GgmlType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The random Gemma-2-2B-shaped benchmark models, written once into a folder (by default the gitignored
 * {@code reference/bench-models/}) and reused: {@code random-gemma2-2b-q8_0.gguf} (2.8 GB) and
 * {@code random-gemma2-2b-q4_0.gguf} (1.6 GB).
 */
final class RandomModels {
    static final long SEED = 20240731L;
    /** Room to leave on the disk beyond the file itself. */
    private static final long SPARE_BYTES = 1L << 30;

    private RandomModels() {}

    static Path file(Path dir, GgmlType type) {
        return dir.resolve("random-gemma2-2b-" + type.name().toLowerCase(Locale.ROOT) + ".gguf");
    }

    /** The file for {@code type}, written first when it is not there yet. */
    static Path ensure(Path dir, GgmlType type, PrintWriter log) {
        Path file = file(dir, type);
        if (Files.isRegularFile(file)) return file;
        Gemma2Hyperparameters h = Gemma2Hyperparameters.gemma2_2b();
        long bytes = approximateBytes(h, type);
        try {
            Files.createDirectories(dir);
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < bytes + SPARE_BYTES) {
                throw new InvalidInputException(String.format(Locale.ROOT, "%s has %.1f GB free; the %s model needs %.1f GB"
                        + " (and 1 GB to spare); free some space or give another --random-model-dir", dir, free / 1e9, type,
                        bytes / 1e9));
            }
        } catch (IOException e) {
            throw new GlassboxException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        log.printf(Locale.ROOT, "writing %s (%.1f GB of random %s weights, once; kept for later runs)...%n", file, bytes / 1e9, type);
        log.flush();
        long start = System.nanoTime();
        RandomGemma2File.write(file, h, type, SEED);
        log.printf(Locale.ROOT, "  written in %.0f s%n", (System.nanoTime() - start) / 1e9);
        log.flush();
        return file;
    }

    /** Matrix bytes (the norms add a few hundred kB and the vocabulary a few MB). */
    static long approximateBytes(Gemma2Hyperparameters h, GgmlType type) {
        long d = h.dModel(), q = (long) h.nHeads() * h.dHead(), kv = (long) h.nKvHeads() * h.dHead(), ff = h.dMlp();
        long perLayer = q * d + 2 * kv * d + d * q + 3 * ff * d;
        long values = h.vocabSize() * d + h.nLayers() * perLayer;
        return type.byteSize(values);
    }

    /** Reads the whole file once, so that both engines start with it in the page cache. */
    static void warmPageCache(Path file) {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(8 << 20);
            while (channel.read(buffer) > 0) buffer.clear();
        } catch (IOException e) {
            throw new GlassboxException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
