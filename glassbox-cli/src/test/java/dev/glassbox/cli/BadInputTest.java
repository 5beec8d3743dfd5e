package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gets one clear message and exit status 2, never a stack trace. */
class BadInputTest {
    @TempDir static Path dir;
    static Path reverseModel;

    @BeforeAll
    static void compileReverse() {
        reverseModel = dir.resolve("reverse.safetensors");
        CliRun r = CliRun.of("compile", "lib:reverse", "-o", reverseModel.toString());
        assertEquals(0, r.status(), r.toString());
    }

    static void assertUserError(CliRun r, String... mustContain) {
        assertEquals(2, r.status(), r.toString());
        for (String s : mustContain) assertTrue(r.err().contains(s), "missing '" + s + "' in\n" + r);
        assertFalse(r.err().contains("\tat "), "stack trace in\n" + r);
        assertFalse(r.err().contains("Exception"), "exception class name in\n" + r);
    }

    @Test
    void syntaxErrorGivesFileLineAndColumn() throws IOException {
        Path file = dir.resolve("broken.rasp");
        Files.writeString(file, "x = map(lambda x: x + 1, tokens)\ny = select(tokens, tokens, EQ\n");
        assertUserError(CliRun.of("compile", file.toString(), "--vocab", "1,2", "--max-seq-len", "3"), "broken.rasp:");
        String err = CliRun.of("compile", file.toString(), "--vocab", "1,2", "--max-seq-len", "3").err();
        assertTrue(err.matches("(?s).*broken\\.rasp:\\d+:\\d+.*"), err);
    }

    @Test
    void programThatCannotCompileNamesTheExpression() throws IOException {
        Path file = dir.resolve("mean.rasp");
        // A categorical Aggregate that averages several values: the original compiles it to a wrong answer.
        Files.writeString(file, "prevs = select(indices, indices, LEQ)\nout = aggregate(prevs, tokens).named(\"avg\")\n");
        assertUserError(CliRun.of("compile", file.toString(), "--vocab", "1,2,3", "--max-seq-len", "4"), "avg");
    }

    @Test
    void tokenOutsideTheVocabularyListsTheVocabulary() {
        assertUserError(CliRun.of("run", reverseModel.toString(), "--input", "a z"), "'z'", "[a, b, c]");
    }

    @Test
    void inputLongerThanMaxSeqLenSaysTheLimit() {
        assertUserError(CliRun.of("run", reverseModel.toString(), "--input", "a b c a b c"), "6 tokens", "at most 5");
    }

    @Test
    void truncatedModelFileIsNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(reverseModel);
        Path truncated = dir.resolve("truncated.safetensors");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
        assertUserError(CliRun.of("run", truncated.toString(), "--input", "a b"), "truncated.safetensors");
    }

    @Test
    void garbageModelFileIsNamed() throws IOException {
        Path garbage = dir.resolve("garbage.safetensors");
        Files.writeString(garbage, "this is not a model");
        assertUserError(CliRun.of("run", garbage.toString(), "--input", "a b"), "garbage.safetensors");
    }

    @Test
    void missingModelFileIsNamed() {
        assertUserError(CliRun.of("run", dir.resolve("absent.safetensors").toString(), "--input", "a"), "absent.safetensors");
    }

    @Test
    void unknownFlagAndUnknownLibraryProgram() {
        assertUserError(CliRun.of("compile", "lib:reverse", "--frobnicate"), "--frobnicate");
        assertUserError(CliRun.of("compile", "lib:nonesuch"), "nonesuch", "reverse");
        assertUserError(CliRun.of("compile", "lib:reverse", "--max-seq-len", "0"), "--max-seq-len");
        assertUserError(CliRun.of("residual", reverseModel.toString(), "--input", "a", "-o", dir.resolve("x.jpg").toString()), ".png");
    }
}
