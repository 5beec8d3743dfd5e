package dev.glassbox.io.gguf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.MalformedFileException;
import dev.glassbox.tensor.quant.GgmlType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each corruption of a GGUF header is refused with a message that names the file and the field. */
class GgufValidationTest {
    @TempDir
    Path dir;
    private int files;

    private Path write(RawGguf raw) throws IOException {
        return raw.write(dir, "t" + files++ + ".gguf");
    }

    private Path write(byte[] bytes) throws IOException {
        Path path = dir.resolve("t" + files++ + ".gguf");
        Files.write(path, bytes);
        return path;
    }

    private static void assertRejected(Path path, String... phrases) {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> GgufFile.open(path).close());
        assertTrue(e.getMessage().startsWith(path.toString()), "names the file: " + e.getMessage());
        for (String phrase : phrases) {
            assertTrue(e.getMessage().contains(phrase), e.getMessage() + "\n  lacks: " + phrase);
        }
    }

    /** One F32 tensor of 4 values at offset 0, correctly padded: the base most tests corrupt one field of. */
    private static RawGguf valid(int typeId, long offset, long... dims) {
        return RawGguf.header(1, 1).kvString("general.architecture", "llama").tensor("w", typeId, offset, dims).pad(32);
    }

    @Test
    void theBaseFileIsValid() throws IOException {
        GgufFile.open(write(valid(0, 0, 4).zeros(16))).close();
    }

    @Test
    void wrongMagic() throws IOException {
        byte[] bytes = valid(0, 0, 4).zeros(16).toBytes();
        bytes[0] = '{';
        assertRejected(write(bytes), "not a GGUF file", "7b 47 55 46");
    }

    @Test
    void tooShortForAHeader() throws IOException {
        assertRejected(write(new byte[] {'G', 'G', 'U', 'F', 3, 0}), "6 bytes, too short for a GGUF header");
        assertRejected(write(new byte[0]), "0 bytes");
    }

    @Test
    void badVersions() throws IOException {
        byte[] bytes = valid(0, 0, 4).zeros(16).toBytes();
        bytes[4] = 1;
        assertRejected(write(bytes), "GGUF version 1 is not supported");
        bytes[4] = 4;
        assertRejected(write(bytes), "unsupported GGUF version 4");
        bytes[4] = 0;
        bytes[7] = 3;
        assertRejected(write(bytes), "big-endian");
    }

    @Test
    void countsTooLargeForTheFile() throws IOException {
        assertRejected(write(RawGguf.header(1L << 40, 0).zeros(64)), "tensor count 1099511627776 cannot fit");
        assertRejected(write(RawGguf.header(0, -1L).zeros(64)), "key-value count 18446744073709551615 cannot fit");
        assertRejected(write(RawGguf.header(0, 10).zeros(64)), "key-value count 10 cannot fit");
    }

    @Test
    void stringLengthPastTheEnd() throws IOException {
        assertRejected(write(RawGguf.header(0, 1).u64(1000).bytes('a', 'b').zeros(16)), "key of metadata entry 0 claims 1000 bytes",
                "only 18 are left");
        assertRejected(write(RawGguf.header(0, 1).string("k").u32(8).u64(-5L).zeros(8)), "value of 'k' claims 18446744073709551611 bytes");
        assertRejected(write(RawGguf.header(1, 0).u64(1L << 62).zeros(40)), "name of tensor 0 claims");
    }

    @Test
    void unknownValueTypes() throws IOException {
        assertRejected(write(RawGguf.header(0, 1).string("k").u32(13).zeros(8)), "'k' has unknown value type 13");
        assertRejected(write(RawGguf.header(0, 1).string("k").u32(9).u32(77).u64(1).zeros(8)),
                "'k' is an array of unknown value type 77");
        assertRejected(write(RawGguf.header(0, 1).string("k").u32(9).u32(9).u64(1).zeros(16)), "array of arrays");
        assertRejected(write(RawGguf.header(0, 1).string("k").u32(7).bytes(2).zeros(4)), "BOOL holding 2");
    }

    @Test
    void arrayLengthPastTheEnd() throws IOException {
        assertRejected(write(RawGguf.header(0, 1).string("tokens").u32(9).u32(8).u64(1_000_000).zeros(64)),
                "array 'tokens' claims 1000000 elements of STRING");
        assertRejected(write(RawGguf.header(0, 1).string("k").u32(9).u32(4).u64(3).u32(1).u32(2)), "array 'k' claims 3");
    }

    @Test
    void duplicatesAreRefused() throws IOException {
        assertRejected(write(RawGguf.header(0, 2).kvU32("k", 1).kvU32("k", 2).zeros(8)), "metadata key 'k' appears twice");
        assertRejected(write(RawGguf.header(2, 0).tensor("w", 0, 0, 4).tensor("w", 0, 32, 4).pad(32).zeros(64)),
                "tensor name 'w' appears twice");
    }

    @Test
    void badAlignment() throws IOException {
        assertRejected(write(RawGguf.header(0, 1).kvU32("general.alignment", 24).zeros(8)), "'general.alignment' is 24");
        assertRejected(write(RawGguf.header(0, 1).kvU32("general.alignment", 0).zeros(8)), "'general.alignment' is 0");
        assertRejected(write(RawGguf.header(0, 1).kvString("general.alignment", "32").zeros(8)), "must be a UINT32");
    }

    @Test
    void badDimensions() throws IOException {
        assertRejected(write(RawGguf.header(1, 0).tensor("w", 0, 0).pad(32).zeros(32)), "tensor 'w' has 0 dimensions");
        assertRejected(write(RawGguf.header(1, 0).tensor("w", 0, 0, 1, 1, 1, 1, 1).pad(32).zeros(32)), "5 dimensions");
        assertRejected(write(valid(0, 0, 4, 0).zeros(32)), "tensor 'w' has dimension 1 = 0");
        assertRejected(write(valid(0, 0, -1L).zeros(32)), "dimension 0 = 18446744073709551615");
        assertRejected(write(valid(0, 0, 1L << 32, 1L << 32).zeros(32)), "too many elements");
        assertRejected(write(RawGguf.header(1, 0).tensor("x".repeat(64), 0, 0, 4).pad(32).zeros(32)), "ggml allows at most 63");
    }

    @Test
    void unknownTensorTypeNamesTheTensorAndTheId() throws IOException {
        assertRejected(write(valid(99, 0, 32).zeros(64)), "tensor 'w' has unknown ggml type id 99");
        assertRejected(write(valid(4, 0, 32).zeros(64)), "unknown ggml type id 4"); // retired Q4_2
    }

    @Test
    void rowsMustBeWholeBlocks() throws IOException {
        assertRejected(write(valid(GgmlType.Q8_0.id(), 0, 33).zeros(64)), "tensor 'w' is Q8_0", "blocks of 32", "rows have 33");
    }

    @Test
    void offsetOutOfRange() throws IOException {
        assertRejected(write(valid(0, 64, 4).zeros(32)), "tensor 'w'", "data offset 64", "reaches past the 32 bytes");
        assertRejected(write(valid(0, -32L, 4).zeros(32)), "data offset 18446744073709551584");
    }

    @Test
    void misalignedOffset() throws IOException {
        assertRejected(write(valid(0, 4, 4).zeros(32)), "data offset 4, which is not a multiple of the alignment 32");
    }

    @Test
    void truncatedData() throws IOException {
        byte[] whole = valid(GgmlType.Q4_K.id(), 0, 256).zeros(144).toBytes();
        assertRejected(write(Arrays.copyOf(whole, whole.length - 1)), "tensor 'w' (Q4_K [256], 144 bytes", "reaches past the 143 bytes",
                "truncated");
        assertRejected(write(Arrays.copyOf(whole, 60)), "ends at byte 60 inside the length of the value of 'general.architecture'");
        byte[] noData = valid(0, 0, 4).toBytes();
        assertRejected(write(Arrays.copyOf(noData, noData.length - 5)), "the tensor data should start at byte");
    }

    @Test
    void overlappingTensors() throws IOException {
        assertRejected(write(RawGguf.header(2, 0).tensor("a", 0, 0, 16).tensor("b", 0, 32, 16).pad(32).zeros(96)),
                "'a' [0, 64) and 'b' [32, 96) overlap");
    }

    @Test
    void unsupportedTypesOpenButDoNotCompute() throws IOException {
        Path path = write(valid(GgmlType.Q5_K.id(), 0, 256).zeros(176));
        try (GgufFile file = GgufFile.open(path)) {
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> file.matrix("w"));
            assertTrue(e.getMessage().contains("tensor 'w' is stored as Q5_K"), e.getMessage());
            assertThrows(MalformedFileException.class, () -> file.tensor("nope"));
        }
    }
}
