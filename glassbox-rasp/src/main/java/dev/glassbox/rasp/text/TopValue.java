package dev.glassbox.rasp.text;

import dev.glassbox.rasp.Comparison;
import dev.glassbox.rasp.RaspExpr;
import dev.glassbox.rasp.SOp;
import dev.glassbox.rasp.Selector;
import dev.glassbox.rasp.Values;

/**
 * What a top-level expression evaluates to. The type checker works on these kinds: an S-Op is
 * needed here, a selector there, a plain value or a function of two arguments elsewhere.
 */
sealed interface TopValue {

    /** How the value is named in "found ..." of an error message. */
    String describe();

    static TopValue of(RaspExpr e) {
        return switch (e) {
            case SOp s -> new SOpValue(s);
            case Selector s -> new SelectorValue(s);
        };
    }

    /** An int, float, bool, string, tuple or None (null). */
    record Plain(Object value) implements TopValue {
        @Override
        public String describe() {
            String type = Values.describe(value);
            return value == null ? "None" : "the value " + PythonOperators.repr(value) + type.substring(type.lastIndexOf(" ("));
        }
    }

    record SOpValue(SOp sop) implements TopValue {
        @Override
        public String describe() {
            return "an S-Op";
        }
    }

    record SelectorValue(Selector selector) implements TopValue {
        @Override
        public String describe() {
            return "a selector";
        }
    }

    record ComparisonValue(Comparison comparison) implements TopValue {
        @Override
        public String describe() {
            return "the comparison " + comparison.name();
        }
    }

    record FunctionValue(CompiledLambda function) implements TopValue {
        @Override
        public String describe() {
            return "a function of " + function.arity() + " argument" + (function.arity() == 1 ? "" : "s")
                    + " (" + function.source() + ")";
        }
    }
}
