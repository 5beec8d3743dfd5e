package dev.glassbox.interp.selfrepair;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A prompt set as a text file: one prompt per line; blank lines and lines starting with {@code #} are
 * skipped; further tab-separated fields are notes (the shipped sets record the expected next token and its
 * probability, or the corrupt prompt of a pair).
 */
public final class PromptFile {
    private PromptFile() {}

    /** The prompts: the first field of each line. */
    public static List<String> read(Path file) {
        return entries(file).stream().map(List::getFirst).toList();
    }

    /**
     * Every line's tab-separated fields, the prompt first (stripped).
     *
     * @throws GlassboxException when the file cannot be read or holds no prompt
     */
    public static List<List<String>> entries(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new GlassboxException("cannot read the prompt file " + file + ": " + e.getMessage());
        }
        List<List<String>> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> fields = new ArrayList<>(List.of(line.split("\t", -1)));
            fields.set(0, fields.getFirst().strip());
            if (!fields.getFirst().isEmpty()) out.add(List.copyOf(fields));
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(file + " holds no prompt; write one prompt per line (# starts a comment)");
        }
        return out;
    }
}
