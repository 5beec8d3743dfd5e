package dev.glassbox.model.tokenizer.gguf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * llama.cpp's tokenizer fixtures: {@code ggml-vocab-NAME.gguf} with {@code .inp} (test texts separated by a
 * line {@code __ggml_vocab_test__}) and {@code .out} (one line of token ids per text). They are extracted
 * by {@code scripts/reference/setup.sh} into {@code reference/llama-vocab/} at the repository root;
 * {@code -Dglassbox.llamaVocab=DIR} points elsewhere.
 */
final class VocabFixtures {
    static final String SETUP = "scripts/reference/setup.sh";
    private static final String SEPARATOR = "\n__ggml_vocab_test__\n";

    private VocabFixtures() {}

    /** The fixture folder, if set up. */
    static Optional<Path> directory() {
        return reference("glassbox.llamaVocab", "llama-vocab");
    }

    /** The corpus tokenized by llama.cpp's binaries ({@code NAME.json} per vocabulary), if set up. */
    static Optional<Path> tokenized() {
        return reference("glassbox.llamaTokenized", "llama-tokenized");
    }

    private static Optional<Path> reference(String property, String folder) {
        String override = System.getProperty(property);
        if (override != null) return Optional.of(Path.of(override)).filter(Files::isDirectory);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("reference").resolve(folder);
            if (Files.isDirectory(candidate) && !isEmpty(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static boolean isEmpty(Path dir) {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    static Path vocab(Path dir, String name) {
        return dir.resolve("ggml-vocab-" + name + ".gguf");
    }

    /**
     * The cases of a vocabulary, read as llama.cpp's test-tokenizer-0 reads them: texts split at the
     * separator (a trailing separator ends the list), ids split at spaces; a text that repeats keeps its
     * last ids (the test keeps them in a map).
     */
    static Map<String, int[]> cases(Path gguf) {
        try {
            String inp = Files.readString(Path.of(gguf + ".inp"), StandardCharsets.UTF_8);
            List<String> out = Files.readAllLines(Path.of(gguf + ".out"), StandardCharsets.UTF_8);
            List<String> texts = new ArrayList<>();
            for (int pos = 0; pos < inp.length(); ) {
                int next = inp.indexOf(SEPARATOR, pos);
                if (next < 0) {
                    texts.add(inp.substring(pos));
                    break;
                }
                texts.add(inp.substring(pos, next));
                pos = next + SEPARATOR.length();
            }
            if (texts.size() != out.size()) {
                throw new IllegalStateException(gguf + ": " + texts.size() + " texts but " + out.size() + " lines of ids");
            }
            Map<String, int[]> cases = new LinkedHashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                String line = out.get(i).strip();
                int[] ids = line.isEmpty() ? new int[0] : Arrays.stream(line.split(" ")).mapToInt(Integer::parseInt).toArray();
                cases.put(texts.get(i), ids);
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
