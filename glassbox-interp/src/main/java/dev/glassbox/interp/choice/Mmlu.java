package dev.glassbox.interp.choice;

import dev.glassbox.core.Closest;
import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.UnknownNameException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * MMLU's CSV files (Hendrycks et al. 2021): {@code DIR/SPLIT/SUBJECT_SPLIT.csv}, no header, each record
 * question, four options A-D, and the answer letter. Also reads any CSV of that form ({@link #readFile}).
 */
public final class Mmlu {
    public static final List<String> SPLITS = List.of("dev", "val", "test");

    private final Path dir;

    /** @param dir the folder holding dev/, val/ and test/ */
    public Mmlu(Path dir) {
        this.dir = dir;
    }

    /** The subjects of a split, sorted. */
    public List<String> subjects(String split) {
        checkSplit(split);
        Path folder = dir.resolve(split);
        try (Stream<Path> files = Files.list(folder)) {
            String suffix = "_" + split + ".csv";
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
        } catch (IOException e) {
            throw new GlassboxException("cannot list the MMLU folder " + folder + ": " + e.getMessage()
                    + " (give the folder that holds dev/, val/ and test/)");
        }
    }

    /**
     * @throws UnknownNameException for a subject the split does not have, naming the closest
     */
    public List<Question> questions(String subject, String split) {
        List<String> subjects = subjects(split);
        if (!subjects.contains(subject)) {
            throw new UnknownNameException("MMLU subject", subject, Closest.to(subject, subjects, 3),
                    subjects.size() + " subjects in " + split + "; 'all' takes every one");
        }
        return readFile(dir.resolve(split).resolve(subject + "_" + split + ".csv"), subject);
    }

    public static void checkSplit(String split) {
        if (!SPLITS.contains(split)) throw new InvalidInputException("unknown split '" + split + "'; use dev, val or test");
    }

    /** A CSV of MMLU's form: question, options (two or more), answer letter (A for the first option). */
    public static List<Question> readFile(Path file, String subject) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new GlassboxException("cannot read " + file + ": " + e.getMessage());
        }
        List<List<String>> records;
        try {
            records = Csv.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
        List<Question> out = new ArrayList<>();
        for (int r = 0; r < records.size(); r++) {
            List<String> rec = records.get(r);
            String letter = rec.getLast().strip();
            int answer = letter.length() == 1 ? letter.charAt(0) - 'A' : -1;
            if (rec.size() < 4 || answer < 0 || answer >= rec.size() - 2) {
                throw new InvalidInputException(file + ": record " + (r + 1) + " is not 'question, options..., answer letter'"
                        + " (it has " + rec.size() + " fields and ends with '" + letter + "')");
            }
            out.add(new Question(subject, rec.getFirst(), rec.subList(1, rec.size() - 1), answer));
        }
        if (out.isEmpty()) throw new InvalidInputException(file + " holds no question");
        return out;
    }
}
