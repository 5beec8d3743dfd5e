package dev.glassbox.io.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.MalformedFileException;
import dev.glassbox.tensor.FloatMatrix;
import dev.glassbox.tensor.WeightMatrix;
import dev.glassbox.tensor.quant.GgmlType;
import dev.glassbox.tensor.quant.Quantization;
import dev.glassbox.tensor.quant.QuantizedMatrix;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link GgufWriter} writes, {@link GgufFile} reads back unchanged, for every value and tensor type. */
class GgufRoundTripTest {
    @TempDir
    Path dir;

    static Map<String, GgufValue> everyValueType() {
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("general.architecture", GgufValue.string("llama"));
        m.put("t.u8", GgufValue.uint8(200));
        m.put("t.i8", GgufValue.int8((byte) -5));
        m.put("t.u16", GgufValue.uint16(65000));
        m.put("t.i16", GgufValue.int16((short) -300));
        m.put("t.u32", GgufValue.uint32(4_000_000_000L));
        m.put("t.i32", GgufValue.int32(-7));
        m.put("t.f32", GgufValue.float32(0.25f));
        m.put("t.bool", GgufValue.bool(true));
        m.put("t.string", GgufValue.string("héllo \"wörld\"\n"));
        m.put("t.u64", GgufValue.uint64(-1L));
        m.put("t.i64", GgufValue.int64(Long.MIN_VALUE));
        m.put("t.f64", GgufValue.float64(Math.PI));
        m.put("t.a.u8", GgufValue.array(GgufValueType.UINT8, new byte[] {1, (byte) 255}));
        m.put("t.a.i8", GgufValue.array(GgufValueType.INT8, new byte[] {-1, 2}));
        m.put("t.a.u16", GgufValue.array(GgufValueType.UINT16, new short[] {(short) 65535}));
        m.put("t.a.i16", GgufValue.array(GgufValueType.INT16, new short[] {-2, 3}));
        m.put("t.a.u32", GgufValue.array(GgufValueType.UINT32, new int[] {-1, 0}));
        m.put("t.a.i32", GgufValue.array(GgufValueType.INT32, new int[] {1, 2, 3}));
        m.put("t.a.f32", GgufValue.array(GgufValueType.FLOAT32, new float[] {0.5f, -1f}));
        m.put("t.a.bool", GgufValue.array(GgufValueType.BOOL, new boolean[] {true, false}));
        m.put("t.a.string", GgufValue.strings(List.of("<s>", "", "▁the")));
        m.put("t.a.u64", GgufValue.array(GgufValueType.UINT64, new long[] {Long.MAX_VALUE}));
        m.put("t.a.i64", GgufValue.array(GgufValueType.INT64, new long[] {-9}));
        m.put("t.a.f64", GgufValue.array(GgufValueType.FLOAT64, new double[] {1e300}));
        m.put("t.a.empty", GgufValue.array(GgufValueType.INT32, new int[0]));
        return m;
    }

    static float[] random(long seed, int n) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) random.nextGaussian() * 0.1f;
        return x;
    }

    @Test
    void everyMetadataTypeAndTensorTypeSurvivesARoundTrip() throws IOException {
        GgmlType[] types = {GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_K, GgmlType.Q6_K};
        GgufWriter writer = new GgufWriter().putAll(everyValueType());
        Map<String, float[]> values = new LinkedHashMap<>();
        for (GgmlType t : types) {
            float[] v = random(t.ordinal(), 3 * 256);
            values.put("w." + t, v);
            writer.addTensor("w." + t, t, new long[] {3, 256}, v);
        }
        float[] cube = random(99, 2 * 3 * 32);
        writer.addTensor("cube", GgmlType.Q8_0, new long[] {2, 3, 32}, cube);
        writer.addTensor("norm", GgmlType.F32, new long[] {5}, new float[] {1, 2, 3, 4, 5});
        Path path = dir.resolve("all.gguf");
        writer.write(path);
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "no temporary left");

        try (GgufFile file = GgufFile.open(path)) {
            assertEquals(3, file.version());
            assertEquals(32, file.alignment());
            assertEquals(everyValueType(), file.metadata().asMap());
            assertEquals(4_000_000_000L, file.metadata().require("t.u32").asLong());
            assertEquals("[<s>, , ▁the]", file.metadata().require("t.a.string").asStrings().toString());
            assertEquals(types.length + 2, file.tensors().size());
            for (GgmlType t : types) {
                GgufTensorInfo info = file.tensor("w." + t);
                assertEquals(t, info.type());
                assertArrayEquals(new long[] {256, 3}, info.dims());
                assertArrayEquals(new long[] {3, 256}, info.shape());
                assertEquals(0, info.offset() % 32);
                assertArrayEquals(Quantization.quantize(t, values.get("w." + t)).toArray(ValueLayout.JAVA_BYTE),
                        file.segment("w." + t).toArray(ValueLayout.JAVA_BYTE), t + " bytes");
                float[] decoded = Quantization.dequantize(t, Quantization.quantize(t, values.get("w." + t)), 768);
                assertArrayEquals(decoded, file.readFloats("w." + t), t + " values");
                WeightMatrix m = file.matrix("w." + t);
                assertEquals(3, m.rows());
                assertEquals(256, m.cols());
                assertEquals(decoded[256 + 7], m.get(1, 7));
            }
            assertArrayEquals(new long[] {2, 3, 32}, file.tensor("cube").shape());
            assertEquals(6, file.matrix("cube").rows());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5}, file.readFloats("norm"));
            assertEquals(file.fileSize(), Files.size(path));
            assertEquals(0, file.fileSize() % 32, "the last tensor is padded too, as llama.cpp writes it");
        }
    }

    @Test
    void aChosenAlignmentIsWrittenAndHonoured() throws IOException {
        Path path = dir.resolve("aligned.gguf");
        new GgufWriter().put("general.alignment", GgufValue.uint32(256))
                .addTensor("a", GgmlType.F32, new long[] {3}, new float[] {1, 2, 3})
                .addTensor("b", GgmlType.F32, new long[] {1}, new float[] {4})
                .write(path);
        try (GgufFile file = GgufFile.open(path)) {
            assertEquals(256, file.alignment());
            assertEquals(0, file.dataOffset() % 256);
            assertEquals(256, file.tensor("b").offset());
            assertArrayEquals(new float[] {4}, file.readFloats("b"));
        }
    }

    @Test
    void matricesMultiplyStraightFromTheMapping() throws IOException {
        float[] w = random(3, 4 * 64);
        Path path = dir.resolve("m.gguf");
        new GgufWriter().addTensor("w", GgmlType.Q4_0, new long[] {4, 64}, w).write(path);
        float[] x = random(4, 64), y = new float[4], expected = new float[4];
        QuantizedMatrix.quantize(GgmlType.Q4_0, 4, 64, w).dequantize().matVec(x, 0, expected, 0);
        try (GgufFile file = GgufFile.open(path)) {
            file.matrix("w").matVec(x, 0, y, 0);
        }
        assertArrayEquals(expected, y, 1e-5f);
    }

    /** A file built byte by byte from the format description reads as that description says. */
    @Test
    void aHandBuiltFileReadsAsTheFormatSays() throws IOException {
        RawGguf raw = RawGguf.header(2, 2)
                .kvString("general.architecture", "llama")
                .string("general.alignment").u32(4).u32(16)
                .tensor("token_embd.weight", 0, 0, 2, 3) // F32, ne = [2, 3]: 3 rows of 2
                .tensor("output_norm.weight", 1, 32, 2)  // F16 at data offset 32
                .pad(16);
        for (int i = 0; i < 6; i++) raw.f32(i + 0.5f);
        raw.zeros(8).bytes(0x00, 0x3C, 0x00, 0xC0); // f16 1.0 and -2.0
        raw.zeros(12);
        Path path = raw.write(dir, "hand.gguf");
        try (GgufFile file = GgufFile.open(path)) {
            assertEquals("llama", file.metadata().string("general.architecture"));
            assertEquals(16, file.alignment());
            WeightMatrix embed = file.matrix("token_embd.weight");
            assertEquals(3, embed.rows());
            assertEquals(2, embed.cols());
            assertEquals(3.5f, embed.get(1, 1));
            assertArrayEquals(new float[] {1f, -2f}, file.readFloats("output_norm.weight"));
        }
    }

    @Test
    void version2HasTheSameLayout() throws IOException {
        byte[] bytes = RawGguf.header(0, 1).kvString("general.name", "v2").toBytes();
        bytes[4] = 2;
        Path path = dir.resolve("v2.gguf");
        Files.write(path, bytes);
        try (GgufFile file = GgufFile.open(path)) {
            assertEquals(2, file.version());
            assertEquals("v2", file.metadata().string("general.name"));
        }
    }

    @Test
    void typedGettersNameTheKey() throws IOException {
        Path path = dir.resolve("meta.gguf");
        new GgufWriter().putAll(everyValueType()).write(path);
        try (GgufFile file = GgufFile.open(path)) {
            GgufMetadata m = file.metadata();
            assertEquals(-7, m.integer("t.i32"));
            assertEquals(200, m.integer("t.u8"));
            assertEquals(0.25f, m.number("t.f32"));
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> m.integer("t.string"));
            assertTrue(e.getMessage().contains("'t.string' should be an integer but is STRING"), e.getMessage());
            e = assertThrows(MalformedFileException.class, () -> m.integer("t.u32"));
            assertTrue(e.getMessage().contains("too large"), e.getMessage());
            e = assertThrows(MalformedFileException.class, () -> m.string("llama.block_count"));
            assertTrue(e.getMessage().contains("no key 'llama.block_count'"), e.getMessage());
            assertEquals("[1, 2, ... 1 more]", m.require("t.a.i32").describe(2));
        }
    }

    @Test
    void writerRefusesWhatGgmlCannotRead() {
        GgufWriter w = new GgufWriter();
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("x", GgmlType.Q8_0, new long[] {2, 33}, new float[66]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("x".repeat(64), GgmlType.F32, new long[] {1}, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("x", GgmlType.F32, new long[] {1, 1, 1, 1, 1}, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("x", GgmlType.F32, new long[] {2}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> w.put("general.alignment", GgufValue.uint32(24)));
        w.addTensor("x", GgmlType.F32, new long[] {1}, new float[1]);
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("x", GgmlType.F32, new long[] {1}, new float[1]));
    }

    @Test
    void dequantizedMatrixEqualsTheFileValues() throws IOException {
        Path path = dir.resolve("k.gguf");
        float[] w = random(8, 2 * 512);
        new GgufWriter().addTensor("w", GgmlType.Q6_K, new long[] {2, 512}, w).write(path);
        try (GgufFile file = GgufFile.open(path)) {
            FloatMatrix plain = ((QuantizedMatrix) file.matrix("w")).dequantize();
            float[] floats = file.readFloats("w");
            for (int i = 0; i < floats.length; i++) assertEquals(floats[i], plain.data()[i]);
        }
    }
}
