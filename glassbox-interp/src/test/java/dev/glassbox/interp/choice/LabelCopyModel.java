package dev.glassbox.interp.choice;

import dev.glassbox.compiler.CompileOptions;
import dev.glassbox.compiler.RaspCompiler;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.rasp.text.RaspParser;
import dev.glassbox.rasp.text.RaspProgram;
import java.util.List;

/**
 * A compiled model that answers multiple-choice questions by construction. A question reads
 * "qK L0 x L1 x L2 x L3 x ?": the question token qK says that option K is right, and the model outputs, at
 * every position, the label of option K, whatever the labels are. RASP indices count the input tokens (BOS
 * is not one), so option K's label is at index 1 + 2K:
 * <pre>
 *   question = aggregate(select(indices, indices, k == 0), tokens)       block 0 attention: copy qK everywhere
 *   where    = map(qK -> 1 + 2K, question)                               block 0 MLP
 *   answer   = aggregate(select(indices, where, EQ), tokens)             block 1 attention: read the label there
 * </pre>
 * So the answer is written by {@code blocks.1.attn.head.0} alone, from the right label's position.
 */
final class LabelCopyModel {
    static final String SOURCE = """
            vocab {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T",
                   "U", "V", "W", "X", "Y", "Z", "q0", "q1", "q2", "q3", "x", "?"}
            max_seq_len 10
            question = aggregate(select(indices, indices, lambda k, q: k == 0), tokens)
            where = map(lambda t: 1 if t == "q0" else (3 if t == "q1" else (5 if t == "q2" else 7)), question)
            answer = aggregate(select(indices, where, EQ), tokens)
            """;
    static final String WRITER = "blocks.1.attn.head.0";

    private static CompiledInterpModel model;

    private LabelCopyModel() {}

    static synchronized CompiledInterpModel get() {
        if (model == null) {
            RaspProgram p = RaspParser.parse(SOURCE, "label-copy.rasp");
            model = new CompiledInterpModel("label-copy", RaspCompiler.compile(p.output(),
                    CompileOptions.of(p.vocab().orElseThrow(), p.maxSeqLen().orElseThrow())));
        }
        return model;
    }

    /** Questions whose right option is the one the question token names. */
    static List<Question> questions() {
        return List.of(question(0), question(1), question(2), question(3), question(1), question(2));
    }

    static Question question(int right) {
        return new Question("label-copy", "q" + right, List.of("x", "x", "x", "x"), right);
    }
}
