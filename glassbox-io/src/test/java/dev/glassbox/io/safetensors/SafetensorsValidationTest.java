package dev.glassbox.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.MalformedFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed header is refused with a MalformedFileException that says which field is wrong. */
class SafetensorsValidationTest {
    @TempDir
    Path dir;

    private static final String ONE_TENSOR = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

    private void assertRejected(Path path, String... phrases) {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> SafetensorsFile.open(path).close());
        assertTrue(e.getMessage().startsWith(path.toString()), "names the file: " + e.getMessage());
        for (String phrase : phrases) assertTrue(e.getMessage().contains(phrase), e.getMessage() + "\n  lacks: " + phrase);
    }

    private Path file(String json, int dataBytes) throws IOException {
        return SafetensorsFiles.write(dir, json, new byte[dataBytes]);
    }

    @Test
    void aValidFileOpens() throws IOException {
        SafetensorsFile.open(file(ONE_TENSOR, 8)).close();
    }

    @Test
    void truncatedFile() throws IOException {
        Path path = dir.resolve("t.safetensors");
        SafetensorsWriter.write(path, Map.of("w", new FloatTensor(new int[] {4}, new float[4])), Map.of());
        byte[] bytes = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(bytes, bytes.length - 3));
        assertRejected(path, "'w.data_offsets' [0, 16]", "reaches past the 13 bytes", "truncated");
        Files.write(path, Arrays.copyOf(bytes, 5));
        assertRejected(path, "5 bytes, too short for the 8-byte header length");
    }

    @Test
    void headerLengthBeyondTheFile() throws IOException {
        byte[] header = ONE_TENSOR.getBytes(StandardCharsets.UTF_8);
        assertRejected(SafetensorsFiles.writeRaw(dir, 1_000_000, header, new byte[8]), "header length 1000000 does not fit");
        assertRejected(SafetensorsFiles.writeRaw(dir, -1, header, new byte[8]), "header length 18446744073709551615");
        assertRejected(SafetensorsFiles.writeRaw(dir, 0, header, new byte[8]), "header length 0");
    }

    @Test
    void headerLengthCuttingTheJsonShort() throws IOException {
        byte[] header = ONE_TENSOR.getBytes(StandardCharsets.UTF_8);
        assertRejected(SafetensorsFiles.writeRaw(dir, header.length - 2, header, new byte[8]), "not valid JSON");
    }

    @Test
    void badJson() throws IOException {
        assertRejected(file("{\"w\": {\"dtype\": \"F32\",", 8), "not valid JSON");
        assertRejected(file("[1, 2]", 0), "must be a JSON object", "array");
        assertRejected(file(ONE_TENSOR + " {}", 8), "not valid JSON");
        assertRejected(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[4,8]}}", 8), "not valid JSON", "w");
    }

    @Test
    void offsetsOutOfRange() throws IOException {
        assertRejected(file(ONE_TENSOR, 4), "'w.data_offsets' [0, 8] reaches past the 4 bytes");
        assertRejected(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,4]}}", 8), "ends before it begins");
        assertRejected(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,-8]}}", 8),
                "'w.data_offsets' must hold non-negative integers");
        assertRejected(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0]}}", 8), "must have 2 entries");
        assertRejected(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,99999999999999999999]}}", 8),
                "non-negative integers");
    }

    @Test
    void unknownDtype() throws IOException {
        assertRejected(file(ONE_TENSOR.replace("F32", "Q4_K"), 8), "tensor 'w' has unknown dtype 'Q4_K'", "F32", "BF16");
        assertRejected(file(ONE_TENSOR.replace("\"F32\"", "32"), 8), "needs a string 'dtype'");
    }

    @Test
    void shapesThatDoNotMatchTheirBytes() throws IOException {
        assertRejected(file(ONE_TENSOR.replace("[2]", "[3]"), 12), "'w' has shape [3] of F32, which is 12 bytes", "span 8");
        assertRejected(file(ONE_TENSOR.replace("[2]", "[-2]"), 8), "'w.shape' must hold non-negative integers");
        assertRejected(file(ONE_TENSOR.replace("[2]", "[2.5]"), 8), "'w.shape' must hold non-negative integers");
        assertRejected(file(ONE_TENSOR.replace("[2]", "[4294967296, 4294967296]"), 8), "too large to address");
        assertRejected(file("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", 8), "needs an array 'shape'", "missing");
    }

    @Test
    void overlappingTensors() throws IOException {
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        assertRejected(file(json, 12), "'a' [0, 8) and 'b' [4, 12) overlap");
    }

    @Test
    void metadataMustBeStrings() throws IOException {
        assertRejected(file("{\"__metadata__\":{\"n\":3}}", 0), "'__metadata__.n' must be a string");
        assertRejected(file("{\"__metadata__\":[]}", 0), "'__metadata__' must be an object");
        assertRejected(file("{\"w\":5}", 0), "tensor 'w' must be an object");
    }
}
