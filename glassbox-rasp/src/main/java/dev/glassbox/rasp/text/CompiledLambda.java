package dev.glassbox.rasp.text;

import dev.glassbox.rasp.SelectPredicate;
import dev.glassbox.rasp.ValueFunction;
import dev.glassbox.rasp.ValueFunction2;
import dev.glassbox.rasp.Values;
import java.util.List;

/** A checked lambda, ready to run; {@code source} is its text, the description of the functions made from it. */
record CompiledLambda(String source, List<String> params, Code body) {

    int arity() {
        return params.size();
    }

    Object call(Object... args) {
        return body.run(args);
    }

    ValueFunction toValueFunction() {
        return ValueFunction.of(source, x -> call(x));
    }

    ValueFunction2 toValueFunction2() {
        return ValueFunction2.of(source, (x, y) -> call(x, y));
    }

    /** A Select predicate: the first parameter is the key, the second the query, as in Tracr; the result is taken by truth. */
    SelectPredicate toPredicate() {
        return SelectPredicate.of(source, (key, query) -> Values.truthy(call(key, query)));
    }
}
