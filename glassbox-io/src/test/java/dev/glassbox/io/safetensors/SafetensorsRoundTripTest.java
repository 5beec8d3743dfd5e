package dev.glassbox.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.GlassboxException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void writtenTensorsAndMetadataReadBackExactly() throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        tensors.put("embed", new FloatTensor(new int[] {2, 3}, new float[] {1, 2, 3, -4.5f, Float.MIN_VALUE, 1e30f}));
        tensors.put("scalar", new FloatTensor(new int[] {}, new float[] {7}));
        tensors.put("empty", new FloatTensor(new int[] {0, 4}, new float[0]));
        tensors.put("bias", new FloatTensor(new int[] {3}, new float[] {0.5f, Float.NaN, -0f}));
        Map<String, String> metadata = Map.of("format", "glassbox", "labels", "[\"tokens:a\",\"one\"]");
        Path path = dir.resolve("model.safetensors");

        SafetensorsWriter.write(path, tensors, metadata);

        long headerLength = ByteBuffer.wrap(Files.readAllBytes(path), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "header padded so the data is 8-byte aligned");
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            assertEquals(metadata, file.metadata());
            assertEquals(List.of("embed", "scalar", "empty", "bias"), file.tensors().stream().map(TensorInfo::name).toList());
            for (var e : tensors.entrySet()) {
                assertEquals(e.getValue(), file.readTensor(e.getKey()), e.getKey());
                assertEquals(Dtype.F32, file.tensor(e.getKey()).dtype());
            }
            assertEquals(24, file.segment("embed").byteSize());
            var missing = assertThrows(GlassboxException.class, () -> file.tensor("unembed"));
            assertTrue(missing.getMessage().contains("no tensor 'unembed'"), missing.getMessage());
        }
    }

    @Test
    void halfPrecisionTypesConvertToFloats() throws IOException {
        // 1.5 in F16 is 0x3E00; -2 in BF16 is 0xC000 (the top half of the float32 0xC0000000).
        String json = "{\"h\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[2,4]},"
                + "\"i\":{\"dtype\":\"I32\",\"shape\":[],\"data_offsets\":[4,8]}}";
        Path path = SafetensorsFiles.write(dir, json, new byte[] {0x00, 0x3E, 0x00, (byte) 0xC0, 1, 0, 0, 0});
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            assertArrayEquals(new float[] {1.5f}, file.readFloats("h"));
            assertArrayEquals(new float[] {-2f}, file.readFloats("b"));
            assertEquals(Map.of(), file.metadata());
            var e = assertThrows(GlassboxException.class, () -> file.readFloats("i"));
            assertTrue(e.getMessage().contains("dtype I32"), e.getMessage());
            assertEquals(4, file.segment("i").byteSize());
        }
    }

    @Test
    void aMissingFileIsAUserError() {
        var e = assertThrows(GlassboxException.class, () -> SafetensorsFile.open(dir.resolve("nope.safetensors")));
        assertTrue(e.getMessage().startsWith("cannot read"), e.getMessage());
    }

    @Test
    void writerRefusesTheReservedName() {
        var tensors = Map.of("__metadata__", new FloatTensor(new int[] {1}, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> SafetensorsWriter.write(dir.resolve("x"), tensors, Map.of()));
    }
}
