package dev.glassbox.rasp;

import dev.glassbox.core.GlassboxException;
import java.util.List;
import java.util.stream.Collectors;

/** A RASP expression failed on an input: names the expression, the input and what went wrong. */
public class RaspEvaluationException extends GlassboxException {
    public RaspEvaluationException(RaspExpr expr, List<Object> input, String problem) {
        super("evaluating " + expr.defaultName() + " '" + expr + "' on input ["
                + input.stream().map(Values::format).collect(Collectors.joining(" ")) + "]: " + problem);
    }
}
