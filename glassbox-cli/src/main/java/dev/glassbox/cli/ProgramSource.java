package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.lib.Library;
import dev.glassbox.rasp.lib.LibraryProgram;
import dev.glassbox.rasp.text.RaspParser;
import dev.glassbox.rasp.text.RaspProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A RASP program named on the command line: a {@code .rasp} file, or {@code lib:NAME} for one of the
 * library's programs. Carries the defaults the program declares (vocabulary, max_seq_len) and the
 * text stored in compiled model files so that {@code glassbox verify MODEL} can re-read the program.
 */
record ProgramSource(SOp program, String name, List<Object> defaultVocab, Integer defaultMaxSeqLen, String storedText) {
    static final String LIBRARY_PREFIX = "lib:";

    static ProgramSource resolve(String ref) {
        if (ref.startsWith(LIBRARY_PREFIX)) return library(ref.substring(LIBRARY_PREFIX.length()));
        Path path = Path.of(ref);
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("no such program file: " + ref
                    + " (give a .rasp file, or lib:NAME for a library program: " + String.join(", ", libraryNames()) + ")");
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + ref + ": " + e.getMessage());
        }
        return fromText(text, path.getFileName().toString());
    }

    /** The program stored in a model file: library reference or .rasp text. */
    static ProgramSource fromStored(String stored, String origin) {
        String libraryName = libraryName(stored);
        return libraryName != null ? library(libraryName) : fromText(stored, origin);
    }

    private static ProgramSource fromText(String text, String fileName) {
        RaspProgram parsed = RaspParser.parse(text, fileName);
        String name = fileName.endsWith(".rasp") ? fileName.substring(0, fileName.length() - 5) : fileName;
        return new ProgramSource(parsed.output(), name, parsed.vocab().orElse(null),
                parsed.maxSeqLen().isPresent() ? parsed.maxSeqLen().getAsInt() : null, text);
    }

    private static ProgramSource library(String name) {
        LibraryProgram p = Library.get(name);
        return new ProgramSource(p.build(), p.name(), p.vocab(), p.maxSeqLen(), LIBRARY_PREFIX + p.name());
    }

    /**
     * The program for inputs up to {@code maxSeqLen}. Library programs are rebuilt for it (sort and
     * sort_freq make their keys unique with the length); a .rasp file is as written.
     */
    SOp programFor(int maxSeqLen) {
        String libraryName = libraryName(storedText);
        return libraryName != null ? Library.get(libraryName).build(maxSeqLen) : program;
    }

    /** The library program a stored source names ({@code lib:NAME}, one line), or null for .rasp text. */
    private static String libraryName(String stored) {
        return stored.startsWith(LIBRARY_PREFIX) && !stored.contains("\n") ? stored.substring(LIBRARY_PREFIX.length()) : null;
    }

    static List<String> libraryNames() {
        return Library.all().stream().map(LibraryProgram::name).toList();
    }

    /** The vocabulary to compile for: the flag's, else the program's default, else an error. */
    List<Object> vocab(String vocabFlag) {
        if (vocabFlag != null) return VocabularyOption.parseList(vocabFlag);
        if (defaultVocab != null) return defaultVocab;
        throw new InvalidInputException("program " + name + " declares no vocabulary; give one with --vocab a,b,c");
    }

    int maxSeqLen(Integer flag) {
        int n = flag != null ? flag : defaultMaxSeqLen != null ? defaultMaxSeqLen : -1;
        if (n < 0) throw new InvalidInputException("program " + name + " declares no max_seq_len; give one with --max-seq-len N");
        if (n < 1) throw new InvalidInputException("--max-seq-len must be at least 1, got " + n);
        return n;
    }
}
