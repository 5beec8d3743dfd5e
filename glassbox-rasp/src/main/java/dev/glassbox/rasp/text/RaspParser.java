package dev.glassbox.rasp.text;

import dev.glassbox.core.GlassboxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RASP programs written as text ({@code .rasp} files, see docs/rasp.md) into the core's
 * expressions. Every mistake in the text is a {@link RaspSourceException} whose message starts with
 * {@code file:line:col: }.
 *
 * <pre>{@code
 * RaspProgram p = RaspParser.parseFile(Path.of("examples/tracr-lib/reverse.rasp"));
 * List<Object> out = Evaluator.standard().evaluate(p.output(), List.of("a", "b", "c"));
 * }</pre>
 */
public final class RaspParser {
    private RaspParser() {}

    /** Parses and checks a program; {@code fileName} is only used in messages. */
    public static RaspProgram parse(String source, String fileName) {
        SourceText text = SourceText.of(fileName, source);
        try {
            return Elaborator.elaborate(text, Parser.parse(text));
        } catch (StackOverflowError e) {
            // Only a chain of thousands of operators gets here (nesting is bounded by the parser).
            throw text.syntaxError(0, "the program is too deeply nested to check; split long chains of operators with definitions");
        }
    }

    /** Reads (as UTF-8), parses and checks a file; messages name it as given. */
    public static RaspProgram parseFile(Path file) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GlassboxException("cannot read the RASP program " + file + ": " + e.getMessage(), e);
        }
        return parse(source, file.toString());
    }
}
