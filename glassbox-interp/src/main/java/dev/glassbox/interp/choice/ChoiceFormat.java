package dev.glassbox.interp.choice;

import dev.glassbox.core.InvalidInputException;
import java.util.List;

/**
 * How a question is written out: a question line, one line per option, and the cue after which the model
 * names a label. Placeholders: {@code {question}}, {@code {label}}, {@code {text}}.
 * <pre>
 *   mmlu:    "{question}\n" + "{label}. {text}\n" per option + "Answer:"
 *   tokens:  "{question} " + "{label} {text} " per option + "?"       (compiled models: tokens and spaces)
 * </pre>
 */
public record ChoiceFormat(String name, String question, String option, String cue) {

    public static ChoiceFormat mmlu() {
        return new ChoiceFormat("mmlu", "{question}\n", "{label}. {text}\n", "Answer:");
    }

    public static ChoiceFormat tokens() {
        return new ChoiceFormat("tokens", "{question} ", "{label} {text} ", "?");
    }

    public static ChoiceFormat parse(String text) {
        return switch (text) {
            case "mmlu" -> mmlu();
            case "tokens" -> tokens();
            default -> throw new InvalidInputException("unknown format '" + text + "'; use mmlu or tokens");
        };
    }

    /** The prompt's text, up to and including the cue. */
    public String render(Question q, List<String> labels) {
        StringBuilder s = new StringBuilder(question.replace("{question}", q.question().strip()));
        for (int i = 0; i < q.options().size(); i++) {
            s.append(option.replace("{label}", labels.get(i)).replace("{text}", q.options().get(i).strip()));
        }
        return s.append(cue).toString();
    }
}
