package dev.glassbox.rasp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.rasp.Evaluator;
import dev.glassbox.rasp.Full;
import dev.glassbox.rasp.Values;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The expression language against Python: each case is evaluated twice, as a top-level constant
 * (checked at parse time) and inside a lambda body (run by the evaluator), and must give Python's
 * value of Python's type.
 */
class ExpressionLanguageTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // precedence and associativity
                c("1 + 2 * 3", 7), c("(1 + 2) * 3", 9), c("10 - 2 - 3", 5), c("2 * 3 % 4", 2),
                c("2 ** 3 ** 2", 512), c("-2 ** 2", -4), c("2 ** -1", 0.5), c("1 - -1", 2), c("+True", 1),
                c("1 + 2 == 3", true), c("not 1 == 2", true), c("not 0 and 1", 1), c("0 or 1 and 2", 2),
                c("1 if 0 else 2 if 1 else 3", 2),
                // Python's arithmetic
                c("7 // 2", 3), c("-7 // 2", -4), c("-7 % 3", 2), c("7 % -3", -2), c("7.5 // 2", 3.0),
                c("1 / 2", 0.5), c("4 / 2", 2.0), c("0.1 + 0.2", 0.30000000000000004), c("1e3", 1000.0), c(".5 + 1", 1.5),
                c("True + True", 2), c("6 & 3", 2), c("6 | 3", 7), c("~5", -6),
                c("True & False", false),
                // strings
                c("'a' + 'b'", "ab"), c("'ab' * 2", "abab"), c("\"it's\"", "it's"), c("'a\\tb'", "a\tb"),
                c("'a' < 'b'", true), c("'abc'[1]", "b"), c("'b' in 'abc'", true),
                // comparisons, logic, conditionals
                c("1 == 1.0", true), c("1 < 2 < 3", true), c("1 < 3 < 2", false), c("'x' if 1 < 2 else 'y'", "x"),
                c("0 or 'z'", "z"), c("'' and 5", ""), c("3 and 5", 5), c("None is None", true), c("1 is not None", true),
                c("1 != 2", true), c("2 >= 2.0", true),
                // tuples and indexing
                c("(1, 2) + (3,)", List.of(1, 2, 3)), c("()", List.of()), c("(1, 2, 3)[-1]", 3),
                c("(1, 'a', None)[2]", null), c("(1, 2) < (1, 3)", true), c("2 in (1, 2)", true),
                c("3 not in (1, 2)", true), c("((1, 2), 3)[0][1]", 2),
                // builtins
                c("abs(-3)", 3), c("abs(-2.5)", 2.5), c("min(3, 1, 2)", 1), c("max((1, 5, 2))", 5), c("len((1, 2))", 2),
                c("int(-2.7)", -2), c("int('12')", 12), c("float(1)", 1.0), c("str(1.0)", "1.0"), c("str(None)", "None"),
                c("bool('')", false), c("bool((0,))", true));
    }

    private static Arguments c(String expression, Object python) {
        return Arguments.of(expression, python);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void asATopLevelConstant(String expression, Object python) {
        RaspProgram p = RaspParser.parse("let v = " + expression + "\nfull(v)\n", "constant.rasp");
        assertSamePythonValue(python, ((Full) p.output()).fill(), expression);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void insideALambdaBody(String expression, Object python) {
        RaspProgram p = RaspParser.parse("map(lambda x: " + expression + ", tokens)", "lambda.rasp");
        List<Object> out = Evaluator.standard().evaluate(p.output(), List.of(0));
        assertSamePythonValue(python, out.getFirst(), expression);
    }

    /** Equal as Python's == and of the same Python type: 2 is not 2.0 here, and True is not 1. */
    static void assertSamePythonValue(Object expected, Object actual, String what) {
        assertTrue(Values.equal(expected, actual), what + ": expected " + Values.format(expected) + ", got " + Values.format(actual));
        assertEquals(pythonType(expected), pythonType(actual), what + ": type of " + Values.format(actual));
    }

    private static String pythonType(Object v) {
        return switch (v) {
            case null -> "None";
            case Integer i -> "int";
            case Long l -> "int";
            case List<?> l -> "tuple(" + String.join(",", l.stream().map(ExpressionLanguageTest::pythonType).toList()) + ")";
            default -> v.getClass().getSimpleName();
        };
    }

}
