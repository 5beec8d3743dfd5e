package dev.glassbox.rasp.text;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.glassbox.rasp.lib.Library;
import dev.glassbox.rasp.lib.LibraryProgram;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * User mistakes never end in a Java stack trace: every damaged version of the library files (cut
 * short anywhere, or missing any one character) either parses or fails with a located
 * {@link RaspSourceException}.
 */
class MalformedInputTest {

    @Test
    void everyTruncationAndDeletionOfTheLibraryFilesFailsCleanly() throws IOException {
        int failures = 0;
        for (String name : new String[] {"reverse", "pair_balance", "detect_pattern", "nary_sequencemap"}) {
            String text = Files.readString(ExampleFiles.tracrLib().resolve(name + ".rasp"));
            for (int i = 0; i < text.length(); i++) {
                failures += parsesOrFailsCleanly(text.substring(0, i), name + " cut at " + i);
                failures += parsesOrFailsCleanly(text.substring(0, i) + text.substring(i + 1), name + " without character " + i);
            }
        }
        assertTrue(failures > 500, "most damaged files should be rejected, only " + failures + " were");
    }

    @Test
    void deepNestingIsALocatedErrorNotAStackOverflow() {
        for (String deep : new String[] {"x = " + "(".repeat(5000) + "1" + ")".repeat(5000), "x = " + "-".repeat(5000) + "1",
                "let x = 0" + " + 1".repeat(200_000)}) {
            try {
                RaspParser.parse(deep, "deep.rasp");
                fail("accepted " + deep.length() + " characters of nesting");
            } catch (RaspSourceException e) {
                assertTrue(e.getMessage().startsWith("deep.rasp:1:"), e.getMessage());
            }
        }
    }

    @Test
    void everyLibraryFileParsesAsItIs() {
        for (LibraryProgram p : Library.all()) assertTrue(TracrLibFilesTest.parse(p.name()).output() != null, p.name());
    }

    /** 1 if the text was rejected with a located error, 0 if it parsed; fails the test on anything else. */
    private static int parsesOrFailsCleanly(String text, String what) {
        try {
            RaspParser.parse(text, "damaged.rasp");
            return 0;
        } catch (RaspSourceException e) {
            if (!e.getMessage().startsWith("damaged.rasp:")) fail(what + ": message without location: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            throw new AssertionError(what + " threw " + e + " for:\n" + text, e);
        }
    }
}
