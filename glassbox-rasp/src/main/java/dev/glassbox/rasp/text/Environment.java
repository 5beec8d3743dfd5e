package dev.glassbox.rasp.text;

import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.Rasp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The names visible at the top level of a file: the built-in values ({@code tokens}, {@code indices},
 * the comparisons {@code EQ} ... {@code FALSE}) and the file's own definitions so far. A later
 * definition of the same name replaces the earlier one for the statements after it.
 */
final class Environment {
    private static final Map<String, TopValue> BUILTIN_VALUES = builtinValues();

    private final Map<String, TopValue> definitions = new LinkedHashMap<>();
    /** Where each name of the file is first defined, known before checking starts: for "used before its definition". */
    private final Map<String, Integer> laterDefinitions;

    Environment(Map<String, Integer> allDefinitions) {
        this.laterDefinitions = allDefinitions;
    }

    private static Map<String, TopValue> builtinValues() {
        Map<String, TopValue> m = new LinkedHashMap<>();
        m.put("tokens", new TopValue.SOpValue(Rasp.tokens()));
        m.put("indices", new TopValue.SOpValue(Rasp.indices()));
        for (Comparison c : Comparison.values()) m.put(c.name(), new TopValue.ComparisonValue(c));
        return Collections.unmodifiableMap(m);
    }

    static boolean isBuiltin(String name) {
        return BUILTIN_VALUES.containsKey(name) || RaspBuiltins.isFunction(name) || PythonBuiltins.ALL.containsKey(name);
    }

    /** The value of a name, or null when nothing of that name is visible. */
    TopValue lookup(String name) {
        TopValue v = definitions.get(name);
        return v != null ? v : BUILTIN_VALUES.get(name);
    }

    void define(String name, TopValue value) {
        definitions.put(name, value);
    }

    /** The file's own definitions, in the order first defined. */
    Map<String, TopValue> definitions() {
        return Collections.unmodifiableMap(definitions);
    }

    /** Where {@code name} is defined later in the file, or null. */
    Integer definedLaterAt(String name) {
        return definitions.containsKey(name) ? null : laterDefinitions.get(name);
    }

    /** Every name that can be written at the top level, for suggestions. */
    Set<String> allNames() {
        Set<String> names = new LinkedHashSet<>(definitions.keySet());
        names.addAll(BUILTIN_VALUES.keySet());
        names.addAll(RaspBuiltins.functionNames());
        names.addAll(PythonBuiltins.ALL.keySet());
        names.add("True");
        names.add("False");
        names.add("None");
        return names;
    }
}
