package dev.glassbox.rasp.text;

import java.util.List;

/**
 * The syntax tree of an expression, as written: nothing is resolved or checked yet. Every node knows
 * its character span in the source, for error messages.
 */
sealed interface Expr {
    int start();

    int end();

    /** A number, string, True, False or None. */
    record Literal(Object value, int start, int end) implements Expr { }

    record Name(String name, int start, int end) implements Expr { }

    /** {@code (a, b)}; {@code ()} and {@code (a,)} too. */
    record Tuple(List<Expr> items, int start, int end) implements Expr { }

    record Unary(UnaryOperator op, Expr operand, int start, int end) implements Expr { }

    /** {@code opStart} is where the operator is written: errors about the operation point there. */
    record Binary(BinaryOperator op, Expr left, Expr right, int opStart, int start, int end) implements Expr { }

    /** A comparison, possibly chained as in Python: {@code a < b <= c} has two operators. */
    record Compare(Expr first, List<ComparisonOperator> ops, List<Expr> rest, List<Integer> opStarts, int start, int end)
            implements Expr { }

    /** Python's short-circuiting {@code and} / {@code or}, returning one of its operands. */
    record Logical(boolean isAnd, Expr left, Expr right, int opStart, int start, int end) implements Expr { }

    record Not(Expr operand, int start, int end) implements Expr { }

    /** {@code then if condition else otherwise}. */
    record Conditional(Expr then, Expr condition, Expr otherwise, int start, int end) implements Expr { }

    /** {@code lambda x, y: body}; {@code source} is its text, the description of the function it makes. */
    record Lambda(List<String> params, Expr body, String source, int start, int end) implements Expr { }

    /** {@code callee(args, name=value)}; a method call is a Call of an {@link Attribute}. */
    record Call(Expr callee, List<Expr> args, List<Keyword> keywords, int start, int end) implements Expr { }

    record Keyword(String name, Expr value, int start) { }

    /** {@code target.name}: a method such as {@code .named}, or {@code Comparison.EQ}. */
    record Attribute(Expr target, String name, int nameStart, int start, int end) implements Expr { }

    record Index(Expr target, Expr index, int start, int end) implements Expr { }
}
