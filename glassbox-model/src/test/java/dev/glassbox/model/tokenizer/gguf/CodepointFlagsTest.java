package dev.glassbox.model.tokenizer.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CodepointFlagsTest {

    @Test
    void categoriesCollapseToOneFlag() {
        assertEquals(CodepointFlags.LETTER, CodepointFlags.of('a'));
        assertEquals(CodepointFlags.LETTER, CodepointFlags.of('語'));
        assertEquals(CodepointFlags.NUMBER, CodepointFlags.of('½'));
        assertEquals(CodepointFlags.MARK, CodepointFlags.of(0x0301));
        assertEquals(CodepointFlags.PUNCTUATION, CodepointFlags.of('。'));
        assertEquals(CodepointFlags.SYMBOL, CodepointFlags.of('$'));
        assertEquals(CodepointFlags.CONTROL, CodepointFlags.of(0xE000), "private use counts as control");
        assertEquals(CodepointFlags.UNDEFINED, CodepointFlags.of(0x0378));
        assertEquals(CodepointFlags.SEPARATOR | CodepointFlags.WHITESPACE, CodepointFlags.of(0x3000));
        assertEquals(CodepointFlags.CONTROL | CodepointFlags.WHITESPACE, CodepointFlags.of('\n'));
        assertEquals(CodepointFlags.CONTROL, CodepointFlags.of(0x200B), "zero width space is no White_Space");
    }

    @Test
    void unicode16AdditionsAreUnassignedAsInLlamaCpp() {
        for (int cp : new int[] {0x0897, 0x1C89, 0x1FAE9, 0x10D40}) {
            assertNotEquals(Character.UNASSIGNED, Character.getType(cp), "Java 25 knows U+" + Integer.toHexString(cp));
            assertEquals(CodepointFlags.UNDEFINED, CodepointFlags.of(cp));
        }
        assertEquals(CodepointFlags.SYMBOL, CodepointFlags.of(0x1FAE8), "Unicode 15 still counts");
    }

    /** llama.cpp's own tables (src/unicode-data.cpp), when the setup has extracted them. */
    private static String llamaCppTables() throws IOException {
        Path table = VocabFixtures.directory().map(d -> d.resolve("unicode-data.cpp")).filter(Files::exists).orElse(null);
        assumeTrue(table != null, "llama.cpp's unicode-data.cpp is not set up; run " + VocabFixtures.SETUP);
        return Files.readString(table);
    }

    private static String block(String source, String name) {
        String block = source.substring(source.indexOf(name));
        return block.substring(0, block.indexOf("};"));
    }

    @Test
    void lowercaseAndDecompositionAgreeWithLlamaCppsTables() throws IOException {
        String source = llamaCppTables();
        java.util.Map<Integer, Integer> lower = new java.util.HashMap<>();
        Matcher m = Pattern.compile("\\{0x([0-9A-F]+), 0x([0-9A-F]+)\\}").matcher(block(source, "unicode_map_lowercase"));
        while (m.find()) lower.put(Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16));
        int[] nfd = new int[Character.MAX_CODE_POINT + 1];
        for (int cp = 0; cp < nfd.length; cp++) nfd[cp] = cp;
        Matcher r = Pattern.compile("\\{0x([0-9A-F]+), 0x([0-9A-F]+), 0x([0-9A-F]+)\\}").matcher(block(source, "unicode_ranges_nfd"));
        while (r.find()) {
            int first = Integer.parseInt(r.group(1), 16), last = Integer.parseInt(r.group(2), 16), to = Integer.parseInt(r.group(3), 16);
            if (to != 0) for (int cp = first; cp <= last; cp++) nfd[cp] = to;
        }
        List<String> differences = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT && differences.size() < 10; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            int expectedLower = lower.getOrDefault(cp, cp);
            if (CodepointFlags.toLower(cp) != expectedLower) differences.add(String.format("lower U+%04X", cp));
            if (CodepointFlags.nfdFirst(cp) != nfd[cp]) differences.add(String.format("nfd U+%04X", cp));
        }
        assertEquals(List.of(), differences);
    }

    /** Every code point against llama.cpp's category table, when the setup has extracted it. */
    @Test
    void everyCodePointAgreesWithLlamaCppsTable() throws IOException {
        String source = llamaCppTables();
        String flagsBlock = block(source, "unicode_ranges_flags");
        Matcher m = Pattern.compile("\\{0x([0-9A-F]+), 0x([0-9A-F]+)\\}").matcher(flagsBlock);
        List<int[]> ranges = new ArrayList<>();
        while (m.find()) ranges.add(new int[] {Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16)});
        assertTrue(ranges.size() > 1000, "parsed " + ranges.size() + " ranges");

        String whitespaceBlock = block(source, "unicode_set_whitespace");
        java.util.Set<Integer> whitespace = new java.util.HashSet<>();
        Matcher w = Pattern.compile("0x([0-9A-F]+)").matcher(whitespaceBlock);
        while (w.find()) whitespace.add(Integer.parseInt(w.group(1), 16));

        List<String> differences = new ArrayList<>();
        for (int r = 0; r + 1 < ranges.size(); r++) {
            for (int cp = ranges.get(r)[0]; cp < ranges.get(r + 1)[0]; cp++) {
                int expected = ranges.get(r)[1] | (whitespace.contains(cp) ? CodepointFlags.WHITESPACE : 0);
                if (CodepointFlags.of(cp) != expected && differences.size() < 10) {
                    differences.add(String.format("U+%04X: llama.cpp %03X, Glassbox %03X", cp, expected, CodepointFlags.of(cp)));
                }
            }
        }
        assertEquals(List.of(), differences);
    }
}
