package dev.glassbox.rasp.text;

import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.SOp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed and checked {@code .rasp} file.
 *
 * @param output      the program: the S-Op of the file's last statement
 * @param definitions every top-level name bound to an S-Op or a selector, in the order first defined
 *                    (a name defined twice maps to its last definition)
 * @param vocab       the values of the {@code vocab} directive, in the order written, if the file has one
 * @param maxSeqLen   the {@code max_seq_len} directive, if the file has one
 * @param source      the text of the file
 * @param fileName    the name errors are reported under
 */
public record RaspProgram(SOp output, Map<String, RaspExpr> definitions, Optional<List<Object>> vocab,
        OptionalInt maxSeqLen, String source, String fileName) {

    public RaspProgram {
        definitions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(definitions));
        vocab = vocab.map(java.util.Collections::unmodifiableList);
    }
}
