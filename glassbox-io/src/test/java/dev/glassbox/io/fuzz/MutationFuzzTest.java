package dev.glassbox.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.io.gguf.GgufFile;
import dev.glassbox.io.gguf.GgufTensorInfo;
import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.gguf.GgufValueType;
import dev.glassbox.io.gguf.GgufWriter;
import dev.glassbox.io.safetensors.FloatTensor;
import dev.glassbox.io.safetensors.SafetensorsFile;
import dev.glassbox.io.safetensors.SafetensorsWriter;
import dev.glassbox.io.safetensors.TensorInfo;
import dev.glassbox.tensor.WeightMatrix;
import dev.glassbox.tensor.quant.GgmlType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the two model-file readers: a small valid file is corrupted 2,000 times
 * (bytes overwritten, bits flipped, counts and lengths replaced by extreme values, the file cut short,
 * bytes inserted or removed), and each result must either load (and then read every tensor) or be refused
 * with a {@link GlassboxException}: never another exception, never a hang. Each reader gets about five
 * seconds; the iteration count is cut short if the machine is slow, and reported.
 */
class MutationFuzzTest {
    private static final int MUTATIONS = 2000;
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final long[] EXTREMES = {0, 1, -1, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 1L << 32, Long.MAX_VALUE,
            Long.MIN_VALUE, 31, 32, 33, 255, 256, 4096};

    @TempDir
    Path dir;

    @Test
    void corruptedGgufFilesLoadOrFailWithAMessage() throws IOException {
        Path seed = dir.resolve("seed.gguf");
        GgufWriter writer = new GgufWriter()
                .put("general.architecture", GgufValue.string("llama"))
                .put("llama.block_count", GgufValue.uint32(1))
                .put("llama.rope.freq_base", GgufValue.float32(10000f))
                .put("tokenizer.ggml.tokens", GgufValue.strings(List.of("<unk>", "<s>", "</s>", "a", "b")))
                .put("tokenizer.ggml.scores", GgufValue.array(GgufValueType.FLOAT32, new float[] {0, 0, 0, -1, -2}))
                .put("flag", GgufValue.bool(true));
        Random random = new Random(1);
        GgmlType[] types = {GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_K, GgmlType.Q6_K};
        for (GgmlType t : types) {
            float[] v = new float[256];
            for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian();
            writer.addTensor("t." + t, t, new long[] {1, 256}, v);
        }
        writer.addTensor("norm", GgmlType.F32, new long[] {8}, new float[8]);
        writer.write(seed);
        long headerEnd;
        try (GgufFile file = GgufFile.open(seed)) {
            headerEnd = file.dataOffset();
        }
        fuzz(Files.readAllBytes(seed), headerEnd, path -> {
            try (GgufFile file = GgufFile.open(path)) {
                file.metadata().asMap().values().forEach(v -> v.describe(4));
                float[] x = new float[4096];
                for (GgufTensorInfo t : file.tensors()) {
                    if (!t.type().hasKernels() || t.elementCount() > 1 << 16) continue;
                    file.readFloats(t.name());
                    WeightMatrix m = file.matrix(t.name());
                    if (m.cols() <= x.length && m.rows() <= x.length) m.matVec(x, 0, new float[m.rows()], 0);
                }
            }
        });
    }

    @Test
    void corruptedSafetensorsFilesLoadOrFailWithAMessage() throws IOException {
        Path seed = dir.resolve("seed.safetensors");
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        tensors.put("embed.weight", new FloatTensor(new int[] {4, 3}, new float[12]));
        tensors.put("ln.weight", new FloatTensor(new int[] {3}, new float[] {1, 2, 3}));
        SafetensorsWriter.write(seed, tensors, Map.of("glassbox.format", "\"x\"", "note", "seed"));
        byte[] bytes = Files.readAllBytes(seed);
        long headerEnd = 8 + ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        fuzz(bytes, headerEnd, path -> {
            try (SafetensorsFile file = SafetensorsFile.open(path)) {
                file.metadata();
                for (TensorInfo t : file.tensors()) {
                    if (t.dtype().convertsToFloat() && t.elementCount() < 1 << 16) file.readFloats(t.name());
                }
            }
        });
    }

    /** Runs the mutations on {@code original}, most of them inside the first {@code headerEnd} bytes. */
    private void fuzz(byte[] original, long headerEnd, Consumer<Path> load) {
        assertTimeoutPreemptively(BUDGET.multipliedBy(3), () -> {
            Random random = new Random(20240601L);
            Path path = dir.resolve("mutant");
            long deadline = System.nanoTime() + BUDGET.toNanos();
            int done = 0, loaded = 0;
            for (; done < MUTATIONS && System.nanoTime() < deadline; done++) {
                byte[] mutant = mutate(original, (int) headerEnd, random);
                Files.write(path, mutant);
                try {
                    load.accept(path);
                    loaded++;
                } catch (GlassboxException expected) {
                    // refused with a message: fine
                } catch (Throwable e) {
                    Path kept = dir.getParent().resolve("fuzz-failure-" + done);
                    Files.write(kept, mutant);
                    fail("mutation " + done + " escaped as " + e + " (file kept at " + kept + ")", e);
                }
            }
            System.out.printf("fuzz: %d mutations, %d still loaded, %d refused with a message%n", done, loaded, done - loaded);
            assertTrue(done >= 200, "only " + done + " mutations ran within the budget");
        });
    }

    private static byte[] mutate(byte[] original, int headerEnd, Random random) {
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int limit = random.nextInt(10) < 8 ? Math.max(1, Math.min(headerEnd, b.length)) : b.length;
            int at = random.nextInt(Math.max(1, limit));
            switch (random.nextInt(7)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> { // an extreme 8-byte value, as a count, length or offset would be
                    long v = EXTREMES[random.nextInt(EXTREMES.length)];
                    for (int i = 0; i < 8 && at + i < b.length; i++) b[at + i] = (byte) (v >>> (8 * i));
                }
                case 3 -> { // an extreme 4-byte value, as a type id or dimension count would be
                    long v = EXTREMES[random.nextInt(EXTREMES.length)];
                    for (int i = 0; i < 4 && at + i < b.length; i++) b[at + i] = (byte) (v >>> (8 * i));
                }
                case 4 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1)); // cut short
                case 5 -> { // remove a run
                    int n = Math.min(b.length - at, 1 + random.nextInt(16));
                    byte[] shorter = new byte[b.length - n];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + n, shorter, at, b.length - at - n);
                    b = shorter;
                }
                default -> { // insert a run of random bytes
                    int n = 1 + random.nextInt(16);
                    byte[] longer = new byte[b.length + n];
                    System.arraycopy(b, 0, longer, 0, at);
                    for (int i = 0; i < n; i++) longer[at + i] = (byte) random.nextInt(256);
                    System.arraycopy(b, at, longer, at + n, b.length - at);
                    b = longer;
                }
            }
            if (b.length == 0) break;
        }
        return b;
    }
}
