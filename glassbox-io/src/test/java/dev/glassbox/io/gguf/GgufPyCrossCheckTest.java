package dev.glassbox.io.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glassbox.tensor.quant.GgmlType;
import dev.glassbox.tensor.quant.Quantization;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent check against llama.cpp's own Python package ({@code gguf}, from llama.cpp's gguf-py):
 * it must read the file we write, decode every tensor to exactly the floats we decode, and its quantizers
 * (F16, BF16, Q8_0 and Q4_0; it has none for Q4_K and Q6_K) must produce exactly our bytes. Skipped when
 * {@code python3 -c "import gguf"} fails; {@code pip install gguf numpy} enables it.
 */
class GgufPyCrossCheckTest {
    @TempDir
    Path dir;

    private static final String SCRIPT = """
            import sys, numpy as np
            from gguf import GGUFReader, quants
            d = sys.argv[1]
            r = GGUFReader(d + "/all.gguf")
            assert r.fields["general.architecture"].contents() == "llama"
            assert r.fields["test.strings"].contents() == ["a", "é", ""]
            v = np.fromfile(d + "/values.f32", dtype="<f4").reshape(8, 512)
            for t in r.tensors:
                kind = t.name.split(".")[1]
                ours = np.fromfile(d + "/deq." + kind + ".f32", dtype="<f4").reshape(8, 512)
                theirs = quants.dequantize(t.data, t.tensor_type).reshape(8, 512).astype(np.float32)
                decode = np.array_equal(theirs.view(np.uint32), ours.view(np.uint32))
                try:
                    q = np.asarray(quants.quantize(v, t.tensor_type)).view(np.uint8).ravel()
                    encode = "same" if np.array_equal(q, np.asarray(t.data).view(np.uint8).ravel()) else "different"
                except NotImplementedError:
                    encode = "n/a"
                print(t.name, t.tensor_type.name, [int(x) for x in t.shape], "decode", decode, "encode", encode)
            """;

    private static boolean pythonHasGguf() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import gguf, numpy").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void writeFloats(Path path, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : values) b.putFloat(f);
        Files.write(path, b.array());
    }

    @Test
    void llamaCppsGgufPackageReadsOurFilesAsWeDo() throws Exception {
        assumeTrue(pythonHasGguf(), "python3 with llama.cpp's gguf package is not installed (pip install gguf numpy)");
        Random random = new Random(42);
        float[] v = new float[8 * 512];
        for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * (i % 97 == 0 ? 3 : 0.05));
        writeFloats(dir.resolve("values.f32"), v);
        GgufWriter w = new GgufWriter().put("general.architecture", GgufValue.string("llama"))
                .put("test.strings", GgufValue.strings(List.of("a", "é", "")));
        GgmlType[] types = {GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_K, GgmlType.Q6_K};
        for (GgmlType t : types) {
            String kind = t.name().toLowerCase();
            w.addTensor("t." + kind, t, new long[] {8, 512}, v);
            writeFloats(dir.resolve("deq." + kind + ".f32"), Quantization.dequantize(t, Quantization.quantize(t, v), v.length));
        }
        w.write(dir.resolve("all.gguf"));
        Files.writeString(dir.resolve("check.py"), SCRIPT);

        Process p = new ProcessBuilder("python3", dir.resolve("check.py").toString(), dir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), output);
        String expected = """
                t.f32 F32 [512, 8] decode True encode same
                t.f16 F16 [512, 8] decode True encode same
                t.bf16 BF16 [512, 8] decode True encode same
                t.q8_0 Q8_0 [512, 8] decode True encode same
                t.q4_0 Q4_0 [512, 8] decode True encode same
                t.q4_k Q4_K [512, 8] decode True encode n/a
                t.q6_k Q6_K [512, 8] decode True encode n/a
                """;
        assertEquals(expected, output);
    }
}
