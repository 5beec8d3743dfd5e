package dev.glassbox.rasp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mistake is reported as file:line:col plus words saying what was expected and found. In each
 * case the source marks the expected error position with {@code @}, which is removed before parsing.
 */
class ErrorMessagesTest {

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                e("x = select(tokens @tokens, EQ)", "expected ',' or ')' after argument 1 of select", "found 'tokens'"),
                e("x = select@(tokens, tokens, EQ\ny = 1\n", "'(' is never closed", "expected ')'"),
                e("x = (1, 2@]", "']' does not match '(' at 1:5"),
                e("x = 1 +@\n", "expected an expression", "found end of line"),
                e("x = 1 +@", "expected an expression", "found end of line"),
                e("let @= 3", "expected a name after 'let'", "found '='"),
                e("x = map(lambda x @y: x, tokens)", "expected ',' or ':' after the parameters of the lambda", "found 'y'"),
                e("x = map(lambda x, @x: x, tokens)", "the parameter 'x' appears twice"),
                e("@f(x) = 3", "cannot assign to a call", "must be a name"),
                e("x = @'abc\n", "string is not closed"),
                e("x = 3 @$ 4", "unexpected character '$'"),
                e("x = @12abc", "invalid number '12abc'"),
                e("x = 'a@\\q'", "unknown escape '\\q'"),
                e("vocab @= {\"a\"}", "expected '{' after vocab", "found '='", "vocab {\"a\", \"b\", \"c\"}"),
                e("vocab {@}", "the vocab must list at least one value"),
                e("max_seq_len @= 5", "expected a number after max_seq_len", "max_seq_len 5"),
                e("x = 1 if 2@\n", "expected 'else' after the condition", "found end of line"),
                e("x = select(tokens, tokens, EQ) @y", "expected end of line after the statement", "found 'y'"),
                e("x = @[1, 2]", "expected an expression", "found '['", "tuples"),
                e("x = map(lambda x: x @= 1, tokens)", "found '='", "use '==' to compare"),
                e("x = aggregate(s, tokens, default=1, @default=2)", "default= is given twice"),
                e("x = aggregate(s, default=1, @tokens)", "positional argument cannot follow keyword arguments"),
                e("x = 1 + @lambda y: y", "must be in parentheses"),
                e("x = tokens.@\"a\"", "expected a name after '.'", "found the string \"a\""),
                e("x = @let", "expected an expression", "found keyword 'let'"),
                e("\n\n  x = 1 @)", "')' closes nothing"));
    }

    static Stream<Arguments> typeErrors() {
        return Stream.of(
                e("length = selector_width(select(tokens, tokens, TRUE))\nx = @lenght + 1", "unknown name 'lenght'", "did you mean 'length'?"),
                e("x = @Select(tokens, tokens, EQ)", "unknown name 'Select'", "did you mean 'select'?"),
                e("x = @SelectorWidth(s)", "did you mean 'selector_width'?"),
                e("x = aggregate(@tokens, tokens)", "aggregate expects a selector as its argument 'selector'",
                        "argument 1 of aggregate(selector, sop, default=None)", "found an S-Op 'tokens'"),
                e("s = select(tokens, tokens, EQ)\nx = aggregate(s, @s)", "expects an S-Op as its argument 'sop'", "found a selector 's'"),
                e("x = select(tokens, @3, EQ)", "expects an S-Op as its argument 'queries'", "found the value 3 (int)", "full(v)"),
                e("x = map(@lambda x, y: x + y, tokens)", "map needs a function of one argument",
                        "found a function of 2 arguments (lambda x, y: x + y)"),
                e("x = sequence_map(@lambda x: x, tokens, indices)", "sequence_map needs a function of two arguments"),
                e("x = map(@tokens, tokens)", "map expects a function of one argument", "found an S-Op 'tokens'"),
                e("s = select(tokens, tokens, @lambda k: k)", "select needs a predicate of two arguments", "lambda k, q"),
                e("s = select(tokens, tokens, @tokens)", "expects a comparison (EQ, LT, LEQ, GT, GEQ, NEQ, TRUE, FALSE) or a lambda"),
                e("s = select(tokens, tokens, EQ)\nx = numerical(@s)", "numerical() annotates an S-Op, found a selector"),
                e("x = numerical(@tokens)", "tokens is always categorical", "numerical(map(lambda x: x, tokens))"),
                e("s = select(tokens, tokens, @EQUAL)", "unknown comparison 'EQUAL'", "did you mean 'EQ'?", "the comparisons are EQ, LT"),
                e("s = select(tokens, tokens, Comparison.@LESS)", "unknown comparison 'LESS'"),
                e("s = select(tokens, tokens, predicate=@leq)", "unknown comparison 'leq'", "did you mean 'LEQ'?"),
                e("x = map(lambda x: x + @y, tokens)", "unknown name 'y' in a lambda body"),
                e("let count = 2\nx = map(lambda x: x + @cuont, tokens)", "unknown name 'cuont' in a lambda body", "did you mean 'count'?"),
                e("x = map(lambda v: v + @indices, tokens)", "'indices' is an S-Op", "computes on single values", "parameters v"),
                e("let f = lambda x: x\nx = map(lambda v: @f, tokens)", "'f' is a function; call it"),
                e("let f = lambda x: x\nx = map(lambda v: @f(v, v), tokens)", "'f' takes 1 argument", "found 2"),
                e("x = map(lambda v: @abs(v, v), tokens)", "abs() takes 1 argument, found 2"),
                e("x = map(lambda v: @map(v), tokens)", "'map' builds RASP expressions"),
                e("x = map(lambda v: (@lambda w: w)(v), tokens)", "only builtins and lambdas defined at the top level can be called"),
                e("x = map(lambda v: v.@named, tokens)", "values have no attributes"),
                e("@s = select(tokens, tokens, EQ)", "the last statement gives the program's output", "must be an S-Op", "found a selector"),
                e("let n = 3\n@n + 1", "must be an S-Op", "found the value 4 (int)"),
                e("# only a comment\n@", "the file defines no program"),
                e("x = @tokens and indices", "an operand of 'and' must be a value", "use &"),
                e("x = not @tokens", "the operand of 'not' must be a value", "use ~"),
                e("x = select(tokens, tokens, EQ) @& tokens", "& needs two selectors or no selector", "a selector and an S-Op"),
                e("x = select(tokens, tokens, EQ) @+ select(tokens, tokens, LT)", "+ does not apply to selectors"),
                e("x = tokens @is None", "'is' does not apply to S-Ops"),
                e("x = full(1) < full(2) @< full(3)", "chained comparisons", "values only"),
                e("@tokens = 3", "'tokens' is built in and cannot be redefined"),
                e("let   @map = 3", "'map' is built in"),
                e("x = tokens @in 5", "'in' needs a tuple or a string on its right", "found the value 5 (int)"),
                e("x = @y + 1\ny = tokens", "'y' is used before its definition at 2:1"),
                e("vocab {\"a\", @\"a\"}", "the vocab lists 'a' twice"),
                e("vocab {@tokens}", "the vocab lists token values", "found an S-Op"),
                e("vocab {1}\n@vocab {2}", "the vocab is given twice"),
                e("max_seq_len @0", "max_seq_len must be a positive int", "found the value 0 (int)"),
                e("x = map(lambda v: v, tokens, @simplfy=False)", "map has no argument named 'simplfy'", "did you mean 'simplify'?"),
                e("x = select(tokens, tokens@)", "select is missing its argument 'predicate'", "select(keys, queries, predicate)"),
                e("x = select(tokens, tokens, EQ, @EQ)", "select takes 3 arguments, found 4"),
                e("x = map(lambda v: v, tokens, simplify=@1)", "expects True or False"),
                e("x = aggregate(select(tokens, tokens, EQ), tokens, default=@(1, 2))", "None, a number, a bool or a string"),
                e("let n = 1 @/ 0", "division by zero"),
                e("let n = 'a' @- 1", "unsupported operands for -", "'a' (str) and 1 (int)"),
                e("let n = @(1, 2)[5]", "index 5 is out of range"),
                e("let f = lambda x: x @// 0\nlet n = f(1)", "division by zero"),
                e("x = tokens.@numerical()", "unknown method '.numerical'", "numerical(x)"),
                e("x = @tokens.named(\"t\")", "tokens is a primitive and keeps its name"),
                e("x = map(lambda v: v, tokens).named(@\"\")", ".named needs a non-empty string"),
                e("x = @tokens[0]", "an S-Op 'tokens' cannot be indexed", "select and aggregate"),
                e("x = @map", "'map' is a function; call it: map(f, sop, simplify=True)"),
                e("x = @Comparison", "Comparison is only used to name a comparison"),
                e("x = map(lambda v: v < @max_seq_len, tokens)\nmax_seq_len 5", "max_seq_len is only known below the max_seq_len directive"),
                e("let f = lambda x: x\nx = f(@tokens)", "an argument of a lambda must be a value", "map or sequence_map"),
                e("x = abs(@tokens)", "an argument of abs() must be a value", "map(lambda x: abs(x), sop)"),
                e("x = (1, @tokens)", "an item of a tuple must be a value"),
                e("x = tokens if @indices else tokens", "the condition of 'if' must be a value"),
                e("x = @tokens(1)", "an S-Op 'tokens' is not a function"));
    }

    private static Arguments e(String markedSource, String... words) {
        return Arguments.of(markedSource, words);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void syntaxErrorsSayWhereAndWhat(String markedSource, String[] words) {
        assertReported(RaspSyntaxException.class, markedSource, words);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeErrors")
    void typeErrorsSayWhereAndWhat(String markedSource, String[] words) {
        assertReported(RaspTypeCheckException.class, markedSource, words);
    }

    private static void assertReported(Class<? extends RaspSourceException> kind, String markedSource, String[] words) {
        int at = markedSource.indexOf('@');
        assertTrue(at >= 0, "mark the expected position with @");
        String source = markedSource.substring(0, at) + markedSource.substring(at + 1);
        RaspSourceException e = assertThrows(RaspSourceException.class, () -> RaspParser.parse(source, "t.rasp"));
        String before = source.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = at - before.lastIndexOf('\n');
        String prefix = "t.rasp:" + line + ":" + column + ": ";
        assertTrue(e.getMessage().startsWith(prefix), "expected the prefix " + prefix + " in: " + e.getMessage());
        assertInstanceOf(kind, e, e.getMessage());
        assertEquals(e.getMessage(), prefix + e.problem());
        for (String word : words) assertTrue(e.getMessage().contains(word), "expected '" + word + "' in: " + e.getMessage());
    }
}
