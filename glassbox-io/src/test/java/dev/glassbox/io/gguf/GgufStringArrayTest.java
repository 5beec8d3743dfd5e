package dev.glassbox.io.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.MalformedFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.RandomAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * String arrays read from a file are held packed ({@link PackedStrings}) but read exactly like ones built in
 * memory from a {@code String[]}, and are checked element by element as single strings are.
 */
class GgufStringArrayTest {
    private static final List<String> WORDS = List.of("<s>", "", "▁the", "é", "日本語", "🦙 llama", "a\"b\\c\n", "");

    @TempDir
    Path dir;

    private Path write(String name, GgufWriter writer) throws IOException {
        Path path = dir.resolve(name);
        writer.write(path);
        return path;
    }

    @Test
    void aStringArrayReadsBackAsItWasWritten() throws IOException {
        GgufValue written = GgufValue.strings(WORDS);
        GgufValue empty = GgufValue.strings(List.of());
        Path path = write("s.gguf", new GgufWriter().put("words", written).put("none", empty));
        try (GgufFile file = GgufFile.open(path)) {
            GgufValue read = file.metadata().require("words");
            assertEquals(WORDS, read.asStrings());
            assertEquals(WORDS.hashCode(), read.asStrings().hashCode());
            assertEquals(WORDS.toString(), read.asStrings().toString());
            assertArrayEquals(WORDS.toArray(String[]::new), (String[]) read.value());
            assertEquals(WORDS.size(), read.length());
            assertEquals("ARRAY[STRING]", read.typeName());
            for (int shown : new int[] {0, 1, 3, WORDS.size(), 100}) {
                assertEquals(written.describe(shown), read.describe(shown), "describe(" + shown + ")");
            }
            assertEquals(written.toString(), read.toString());
            assertEquals(written, read);
            assertEquals(read, written);
            assertEquals(written.hashCode(), read.hashCode());

            GgufValue none = file.metadata().require("none");
            assertEquals(List.of(), none.asStrings());
            assertArrayEquals(new String[0], (String[]) none.value());
            assertEquals(0, none.length());
            assertEquals(empty.describe(5), none.describe(5));
            assertEquals(empty, none);
            assertEquals(empty.hashCode(), none.hashCode());
        }
    }

    @Test
    void thePackedBytesBehindAReadListAreThereToTakeWithoutACopy() throws IOException {
        Path path = write("s.gguf", new GgufWriter().put("words", GgufValue.strings(WORDS)));
        try (GgufFile file = GgufFile.open(path)) {
            List<String> list = file.metadata().require("words").asStrings();
            PackedStrings packed = PackedStrings.of(list).orElseThrow();
            assertSame(packed.utf8(), PackedStrings.of(file.metadata().require("words").asStrings()).orElseThrow().utf8());
            assertEquals(WORDS.size(), packed.size());
            assertEquals(WORDS.size() + 1, packed.offsets().length);
            assertEquals(String.join("", WORDS), new String(packed.utf8(), StandardCharsets.UTF_8));
            for (int i = 0; i < WORDS.size(); i++) {
                assertEquals(WORDS.get(i), packed.get(i));
                int from = packed.offsets()[i], to = packed.offsets()[i + 1];
                assertEquals(WORDS.get(i), new String(packed.utf8(), from, to - from, StandardCharsets.UTF_8));
            }
        }
        assertTrue(PackedStrings.of(GgufValue.strings(WORDS).asStrings()).isEmpty(), "built in memory: String[]");
        assertTrue(PackedStrings.of(WORDS).isEmpty());
    }

    @Test
    void theListIsAnUnmodifiableRandomAccessViewAndValueAFreshArray() throws IOException {
        Path path = write("s.gguf", new GgufWriter().put("words", GgufValue.strings(WORDS)));
        try (GgufFile file = GgufFile.open(path)) {
            GgufValue read = file.metadata().require("words");
            List<String> list = read.asStrings();
            assertInstanceOf(RandomAccess.class, list);
            assertThrows(UnsupportedOperationException.class, () -> list.set(0, "x"));
            assertThrows(UnsupportedOperationException.class, () -> list.add("x"));
            assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
            assertThrows(IndexOutOfBoundsException.class, () -> list.get(WORDS.size()));
            assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
            assertEquals(3, list.indexOf("é"));
            assertEquals(List.of("▁the", "é"), list.subList(2, 4));

            String[] a = (String[]) read.value();
            assertNotSame(a, read.value());
            a[0] = "changed";
            assertEquals("<s>", read.asStrings().get(0));
            assertThrows(IllegalStateException.class, () -> read.asLongs());
        }
    }

    @Test
    void aValueReadFromAFileIsWrittenAgainByteForByte() throws IOException {
        Path first = write("a.gguf", new GgufWriter().put("words", GgufValue.strings(WORDS))
                .put("none", GgufValue.strings(List.of())).put("tail", GgufValue.uint32(7)));
        Path second;
        try (GgufFile file = GgufFile.open(first)) {
            second = write("b.gguf", new GgufWriter().putAll(file.metadata().asMap()));
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void malformedUtf8DecodesAsAStringOfTheBytesWould() throws IOException {
        byte[][] elements = {{(byte) 0xC3}, {(byte) 0xFF, 'a'}, {'o', 'k'}};
        RawGguf raw = RawGguf.header(0, 1).string("k").u32(9).u32(8).u64(elements.length);
        for (byte[] e : elements) {
            raw.u64(e.length);
            for (byte b : e) raw.bytes(b & 0xFF);
        }
        try (GgufFile file = GgufFile.open(raw.write(dir, "bad.gguf"))) {
            List<String> read = file.metadata().require("k").asStrings();
            for (int i = 0; i < elements.length; i++) {
                assertEquals(new String(elements[i], StandardCharsets.UTF_8), read.get(i));
            }
        }
    }

    private static void assertRejected(Path path, String... phrases) {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> GgufFile.open(path).close());
        for (String phrase : phrases) {
            assertTrue(e.getMessage().contains(phrase), "expected '" + phrase + "' in: " + e.getMessage());
        }
    }

    @Test
    void eachElementIsCheckedAsASingleStringIs() throws IOException {
        RawGguf start = RawGguf.header(0, 1).string("k").u32(9).u32(8).u64(2).string("ab");
        assertRejected(start.zeros(6).write(dir, "cut.gguf"),
                "the file ends at byte 65 inside the length of the element of array 'k' at index 1; it is truncated");
        RawGguf claims = RawGguf.header(0, 1).string("k").u32(9).u32(8).u64(2).string("ab").u64(100).zeros(8);
        assertRejected(claims.write(dir, "long.gguf"),
                "the element of array 'k' at index 1 claims 100 bytes, but only 8 are left in the file");
    }

    /**
     * A file of {@code size} bytes that starts with {@code head} and holds the u64 {@code lengths} one after
     * another, each followed by that many zero bytes. Written sparse, so the large ones take no disk space.
     */
    private Path sparse(String name, RawGguf head, long size, long... lengths) throws IOException {
        Path path = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(head.toBytes()), 0);
            long at = head.size();
            for (long length : lengths) {
                ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, length), at);
                at += 8 + length;
            }
            ch.write(ByteBuffer.allocate(1), size - 1);
        }
        return path;
    }

    @Test
    void anElementLongerThanTheStringLimitIsRefused() throws IOException {
        long tooLong = GgufParser.MAX_STRING_BYTES + 1;
        RawGguf head = RawGguf.header(0, 1).string("k").u32(9).u32(8).u64(2);
        Path path = sparse("huge.gguf", head, head.size() + 9 + 8 + tooLong, 1, tooLong);
        assertRejected(path, "the element of array 'k' at index 1 is 268435457 bytes long; Glassbox reads strings of up to 268435456 bytes");
    }

    @Test
    void anArrayWhoseStringsTogetherPassTwoGigabytesIsRefused() throws IOException {
        long each = GgufParser.MAX_STRING_BYTES; // 2^28: the eighth reaches 2^31, past what one byte[] holds
        long[] lengths = {each, each, each, each, each, each, each, each};
        RawGguf head = RawGguf.header(0, 1).string("k").u32(9).u32(8).u64(9);
        Path path = sparse("total.gguf", head, head.size() + 8 * (8 + each) + 8, lengths);
        assertRejected(path, "the strings of array 'k' hold more than 2147483639 bytes in all (passed at index 7)");
    }
}
