package dev.glassbox.interp.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.core.SharedFiles;
import dev.glassbox.interp.UnknownNameException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MMLU's CSV files read as the shared copy's README describes them, and bad files and names refused. */
class MmluTest {
    static final Mmlu MMLU = new Mmlu(SharedFiles.require("data/mmlu"));

    @Test
    void csvFieldsMayHoldCommasQuotesAndLineBreaks() {
        List<List<String>> r = Csv.parse("a,\"b, c\",\"say \"\"hi\"\"\nthere\",D\r\nx,y,,A\n");
        assertEquals(List.of(List.of("a", "b, c", "say \"hi\"\nthere", "D"), List.of("x", "y", "", "A")), r);
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a,\"b\n"));
        assertEquals(List.of(List.of("Will to Truth?\"", "x")), Csv.parse("Will to Truth?\",x\n"), "a quote inside an unquoted field");
    }

    @Test
    void theSharedCopyHasItsDocumentedSize() {
        assertEquals(57, MMLU.subjects("dev").size());
        int dev = 0, val = 0, test = 0;
        for (String s : MMLU.subjects("dev")) dev += MMLU.questions(s, "dev").size();
        for (String s : MMLU.subjects("val")) val += MMLU.questions(s, "val").size();
        for (String s : MMLU.subjects("test")) test += MMLU.questions(s, "test").size();
        assertEquals(57 * 5, dev);
        assertEquals(1_542, val);
        assertEquals(14_079, test, "the early upload (README): 14,079 test rows");
        for (Question q : MMLU.questions("abstract_algebra", "dev")) {
            assertEquals(4, q.options().size());
            assertTrue(q.answer() >= 0 && q.answer() < 4);
        }
    }

    @Test
    void badNamesAndFilesAreUserErrors(@TempDir Path dir) throws Exception {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> MMLU.questions("astronomi", "dev"));
        assertTrue(e.getMessage().contains("astronomy"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> MMLU.questions("astronomy", "train"));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "What?,yes,no,maybe\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> Mmlu.readFile(bad, "x")).getMessage().contains("record 1"));
    }
}
