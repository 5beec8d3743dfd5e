package dev.glassbox.rasp.lib;

import static dev.glassbox.rasp.Rasp.indices;
import static dev.glassbox.rasp.Rasp.tokens;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.rasp.ValueFunction;
import dev.glassbox.rasp.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 16 programs of Tracr's library by name, with the exact arguments of the reference compilation
 * ({@code ../shared/reference/tracr-lib-reference.json}).
 */
public final class Library {
    private Library() {}

    private static final List<Object> ABC = List.of("a", "b", "c");
    private static final List<Object> ONE_TO_THREE = List.of(1, 2, 3);

    private static final Map<String, LibraryProgram> PROGRAMS = programs();

    private static Map<String, LibraryProgram> programs() {
        Map<String, LibraryProgram> m = new LinkedHashMap<>();
        add(m, new LibraryProgram("length", "the number of tokens", ABC, 5, false, n -> TracrLib.makeLength()));
        add(m, new LibraryProgram("length_numerical", "the number of tokens, numerically encoded", ABC, 5, false,
                n -> TracrLib.makeLength().numerical()));
        add(m, new LibraryProgram("reverse", "the tokens in reverse order", ABC, 5, false,
                n -> TracrLib.makeReverse(tokens())));
        add(m, new LibraryProgram("pair_balance", "fraction of '(' minus fraction of ')' so far", List.of("(", ")", "a"), 5,
                false, n -> TracrLib.makePairBalance(tokens(), "(", ")")));
        add(m, new LibraryProgram("shuffle_dyck", "whether () and {} are both balanced", List.of("(", ")", "{", "}"), 5,
                false, n -> TracrLib.makeShuffleDyck(List.of("()", "{}"))));
        add(m, new LibraryProgram("shuffle_dyck2", "shuffle_dyck on () and {}", List.of("(", ")", "{", "}"), 5, false,
                n -> TracrLib.makeShuffleDyck2()));
        add(m, new LibraryProgram("hist", "how often each token occurs", ABC, 5, false, n -> TracrLib.makeHist()));
        add(m, new LibraryProgram("sort_unique", "the tokens sorted (tokens must be unique)", List.of(1, 2, 3, 4, 5), 5,
                false, n -> TracrLib.makeSortUnique(tokens(), tokens())));
        add(m, new LibraryProgram("sort", "the tokens sorted, ties by position", ONE_TO_THREE, 5, false,
                n -> TracrLib.makeSort(tokens(), tokens(), n, 1)));
        add(m, new LibraryProgram("sort_freq", "the tokens sorted by descending frequency", ONE_TO_THREE, 5, false,
                n -> TracrLib.makeSortFreq(n)));
        add(m, new LibraryProgram("frac_prevs", "fraction of tokens so far that are 'a'", ABC, 5, true,
                n -> TracrLib.makeFracPrevs(tokens().eq("a"))));
        add(m, new LibraryProgram("shift_by", "the tokens shifted right by one", ABC, 5, true,
                n -> TracrLib.shiftBy(1, tokens())));
        add(m, new LibraryProgram("detect_pattern", "True where 'a b c' ends", ABC, 5, true,
                n -> TracrLib.detectPattern(tokens(), List.of("a", "b", "c"))));
        add(m, new LibraryProgram("count_less_freq", "how many tokens occur at most twice", ABC, 5, false,
                n -> TracrLib.makeCountLessFreq(2)));
        add(m, new LibraryProgram("count", "how many tokens are 'a'", ABC, 5, false,
                n -> TracrLib.makeCount(tokens(), "a")));
        add(m, new LibraryProgram("nary_sequencemap", "x + y - z over tokens, tokens, indices", ONE_TO_THREE, 5, false,
                n -> TracrLib.makeNarySequenceMap(ValueFunction.of("x + y - z", Library::xPlusYMinusZ),
                        List.of(tokens(), tokens(), indices()))));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Object xPlusYMinusZ(Object args) {
        List<?> t = (List<?>) args;
        return Values.subtract(Values.add(t.get(0), t.get(1)), t.get(2));
    }

    private static void add(Map<String, LibraryProgram> m, LibraryProgram p) {
        m.put(p.name(), p);
    }

    /** All 16, in the reference file's order. */
    public static List<LibraryProgram> all() {
        return List.copyOf(PROGRAMS.values());
    }

    public static LibraryProgram get(String name) {
        LibraryProgram p = PROGRAMS.get(name);
        if (p == null) {
            throw new InvalidInputException("no library program named '" + name + "'; the library has: "
                    + String.join(", ", PROGRAMS.keySet()));
        }
        return p;
    }
}
