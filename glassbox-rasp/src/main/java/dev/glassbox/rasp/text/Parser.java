package dev.glassbox.rasp.text;

import dev.glassbox.rasp.text.Token.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over the tokens of a {@code .rasp} file, producing statements. Expressions follow
 * Python's grammar and precedence (lowest first): lambda, {@code if}-{@code else}, {@code or},
 * {@code and}, {@code not}, comparisons, {@code |}, {@code &}, {@code + -}, {@code * / // %}, unary
 * {@code - + ~}, {@code **}, then calls, indexing and attributes. See docs/rasp.md for the grammar.
 */
final class Parser {
    private final SourceText source;
    private final List<Token> tokens;
    private int index;
    /** How deeply expressions nest at the cursor; bounded so that no input can overflow the stack. */
    private int depth;
    private static final int MAX_DEPTH = 200;

    private Parser(SourceText source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    static List<Stmt> parse(SourceText source) {
        return new Parser(source, Lexer.tokenize(source)).program();
    }

    // ---- statements ----

    private List<Stmt> program() {
        List<Stmt> statements = new ArrayList<>();
        while (peek().kind() != Kind.EOF) {
            statements.add(statement());
            Token end = peek();
            if (end.kind() == Kind.NEWLINE) {
                next();
            } else if (end.kind() != Kind.EOF) {
                String hint = end.is("=") ? " (use '==' to compare values; only a name can be assigned to)" : "";
                throw error(end, "end of line after the statement", hint);
            }
        }
        return statements;
    }

    private Stmt statement() {
        Token first = peek();
        if (first.is("vocab")) return vocab();
        if (first.is("max_seq_len")) return maxSeqLen();
        if (first.is("let")) return let();
        Expr expr = expression();
        if (!peek().is("=")) return new Stmt.ExprStmt(expr);
        next();
        if (!(expr instanceof Expr.Name target)) {
            throw source.syntaxError(expr.start(), "cannot assign to " + describeTarget(expr) + "; the left of '=' must be a name");
        }
        return new Stmt.Assign(target.name(), false, expression(), target.start(), target.start());
    }

    private Stmt let() {
        Token let = next();
        Token name = next();
        if (!name.isIdentifier()) throw error(name, "a name after 'let'", "");
        expect("=", "after 'let " + name.text() + "'");
        return new Stmt.Assign(name.text(), true, expression(), let.start(), name.start());
    }

    private Stmt vocab() {
        Token keyword = next();
        Token open = next();
        if (!open.is("{")) throw error(open, "'{' after vocab", " (the directive is written vocab {\"a\", \"b\", \"c\"})");
        List<Expr> values = new ArrayList<>();
        while (!peek().is("}")) {
            values.add(expression());
            if (!peek().is("}")) expect(",", "or '}' after value " + values.size() + " of the vocab");
        }
        Token close = next();
        if (values.isEmpty()) throw source.syntaxError(close.start(), "the vocab must list at least one value");
        return new Stmt.Vocab(values, keyword.start());
    }

    private Stmt maxSeqLen() {
        Token keyword = next();
        if (peek().is("=")) throw error(peek(), "a number after max_seq_len", " (the directive is written max_seq_len 5)");
        return new Stmt.MaxSeqLen(expression(), keyword.start());
    }

    private static String describeTarget(Expr e) {
        return switch (e) {
            case Expr.Call c -> "a call";
            case Expr.Literal l -> "a literal";
            case Expr.Attribute a -> "an attribute";
            case Expr.Index i -> "an indexed value";
            case Expr.Tuple t -> "a tuple (unpacking is not supported)";
            default -> "an expression";
        };
    }

    // ---- expressions, lowest precedence first ----

    private Expr expression() {
        if (++depth > MAX_DEPTH) {
            throw source.syntaxError(peek().start(), "expressions nest more than " + MAX_DEPTH + " levels deep here; split them with definitions");
        }
        try {
            return peek().is("lambda") ? lambda() : conditional();
        } finally {
            depth--;
        }
    }

    private Expr lambda() {
        int first = index;
        Token keyword = next();
        List<String> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (!peek().is(":")) {
            do {
                Token param = next();
                if (!param.isIdentifier()) {
                    throw error(param, "a parameter name after " + (params.isEmpty() ? "'lambda'" : "','"), "");
                }
                if (!seen.add(param.text())) {
                    throw source.syntaxError(param.start(), "the parameter '" + param.text() + "' appears twice in this lambda");
                }
                params.add(param.text());
            } while (accept(","));
        }
        if (!peek().is(":")) {
            throw error(peek(), params.isEmpty() ? "':' after 'lambda'" : "',' or ':' after the parameters of the lambda", "");
        }
        next();
        Expr body = expression();
        return new Expr.Lambda(List.copyOf(params), body, sourceOf(first, index - 1), keyword.start(), previousEnd());
    }

    private Expr conditional() {
        Expr then = or();
        if (!peek().is("if")) return then;
        next();
        Expr condition = or();
        if (!peek().is("else")) {
            throw error(peek(), "'else' after the condition", " (a conditional is written: a if condition else b)");
        }
        next();
        Expr otherwise = expression();
        return new Expr.Conditional(then, condition, otherwise, then.start(), previousEnd());
    }

    private Expr or() {
        Expr left = and();
        while (peek().is("or")) {
            Token op = next();
            left = new Expr.Logical(false, left, and(), op.start(), left.start(), previousEnd());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (peek().is("and")) {
            Token op = next();
            left = new Expr.Logical(true, left, not(), op.start(), left.start(), previousEnd());
        }
        return left;
    }

    private Expr not() {
        if (!peek().is("not")) return comparison();
        Token op = next();
        return new Expr.Not(not(), op.start(), previousEnd());
    }

    private Expr comparison() {
        Expr first = bitOr();
        List<ComparisonOperator> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        List<Integer> opStarts = new ArrayList<>();
        for (ComparisonOperator op = comparisonOperator(); op != null; op = comparisonOperator()) {
            opStarts.add(tokens.get(index - (op == ComparisonOperator.NOT_IN || op == ComparisonOperator.IS_NOT ? 2 : 1)).start());
            ops.add(op);
            rest.add(bitOr());
        }
        if (ops.isEmpty()) return first;
        return new Expr.Compare(first, List.copyOf(ops), List.copyOf(rest), List.copyOf(opStarts), first.start(), previousEnd());
    }

    /** Consumes and returns the comparison operator at the cursor, or returns null. */
    private ComparisonOperator comparisonOperator() {
        Token t = peek();
        ComparisonOperator op = switch (t.kind() == Kind.OP || t.kind() == Kind.NAME ? t.text() : "") {
            case "==" -> ComparisonOperator.EQ;
            case "!=" -> ComparisonOperator.NE;
            case "<" -> ComparisonOperator.LT;
            case "<=" -> ComparisonOperator.LE;
            case ">" -> ComparisonOperator.GT;
            case ">=" -> ComparisonOperator.GE;
            case "in" -> ComparisonOperator.IN;
            case "is" -> peekAt(1).is("not") ? ComparisonOperator.IS_NOT : ComparisonOperator.IS;
            case "not" -> peekAt(1).is("in") ? ComparisonOperator.NOT_IN : null;
            default -> null;
        };
        if (op == null) return null;
        next();
        if (op == ComparisonOperator.NOT_IN || op == ComparisonOperator.IS_NOT) next();
        return op;
    }

    private Expr bitOr() {
        Expr left = bitAnd();
        while (peek().is("|")) left = binary(BinaryOperator.BIT_OR, left, next(), bitAnd());
        return left;
    }

    private Expr bitAnd() {
        Expr left = sum();
        while (peek().is("&")) left = binary(BinaryOperator.BIT_AND, left, next(), sum());
        return left;
    }

    private Expr sum() {
        Expr left = term();
        while (true) {
            if (peek().is("+")) left = binary(BinaryOperator.ADD, left, next(), term());
            else if (peek().is("-")) left = binary(BinaryOperator.SUBTRACT, left, next(), term());
            else return left;
        }
    }

    private Expr term() {
        Expr left = factor();
        while (true) {
            if (peek().is("*")) left = binary(BinaryOperator.MULTIPLY, left, next(), factor());
            else if (peek().is("/")) left = binary(BinaryOperator.DIVIDE, left, next(), factor());
            else if (peek().is("//")) left = binary(BinaryOperator.FLOOR_DIVIDE, left, next(), factor());
            else if (peek().is("%")) left = binary(BinaryOperator.MODULO, left, next(), factor());
            else return left;
        }
    }

    private Expr binary(BinaryOperator op, Expr left, Token opToken, Expr right) {
        return new Expr.Binary(op, left, right, opToken.start(), left.start(), previousEnd());
    }

    private Expr factor() {
        UnaryOperator op = peek().is("-") ? UnaryOperator.NEGATE
                : peek().is("+") ? UnaryOperator.PLUS
                : peek().is("~") ? UnaryOperator.INVERT : null;
        if (op == null) return power();
        Token t = next();
        if (++depth > MAX_DEPTH) throw source.syntaxError(t.start(), "more than " + MAX_DEPTH + " unary operators in a row");
        try {
            return new Expr.Unary(op, factor(), t.start(), previousEnd());
        } finally {
            depth--;
        }
    }

    /** {@code **} binds tighter than a unary minus on its left and looser on its right: -2 ** -1 is -(2 ** (-1)). */
    private Expr power() {
        Expr base = postfix();
        if (!peek().is("**")) return base;
        return binary(BinaryOperator.POWER, base, next(), factor());
    }

    private Expr postfix() {
        Expr e = atom();
        while (true) {
            if (peek().is("(")) {
                e = call(e);
            } else if (peek().is("[")) {
                next();
                Expr i = expression();
                expect("]", "after the index");
                e = new Expr.Index(e, i, e.start(), previousEnd());
            } else if (peek().is(".")) {
                next();
                Token name = next();
                if (!name.isIdentifier()) throw error(name, "a name after '.'", "");
                e = new Expr.Attribute(e, name.text(), name.start(), e.start(), previousEnd());
            } else {
                return e;
            }
        }
    }

    private Expr call(Expr callee) {
        Token open = next();
        String what = switch (callee) {
            case Expr.Name n -> n.name();
            case Expr.Attribute a -> "." + a.name();
            default -> "the call";
        };
        List<Expr> args = new ArrayList<>();
        List<Expr.Keyword> keywords = new ArrayList<>();
        while (!peek().is(")")) {
            int position = args.size() + keywords.size() + 1;
            if (peek().isIdentifier() && peekAt(1).is("=")) {
                Token name = next();
                next();
                for (Expr.Keyword k : keywords) {
                    if (k.name().equals(name.text())) {
                        throw source.syntaxError(name.start(), "the argument " + name.text() + "= is given twice to " + what);
                    }
                }
                keywords.add(new Expr.Keyword(name.text(), expression(), name.start()));
            } else {
                Expr arg = expression();
                if (!keywords.isEmpty()) {
                    throw source.syntaxError(arg.start(), "a positional argument cannot follow keyword arguments (in " + what + ")");
                }
                args.add(arg);
            }
            if (peek().is(")")) break;
            if (!peek().is(",")) {
                String hint = peek().is("=") ? " (use '==' to compare values)" : "";
                throw error(peek(), "',' or ')' after argument " + position + " of " + what
                        + " (its '(' is at " + source.lineColumn(open.start()) + ")", hint);
            }
            next();
        }
        next();
        return new Expr.Call(callee, List.copyOf(args), List.copyOf(keywords), callee.start(), previousEnd());
    }

    private Expr atom() {
        Token t = next();
        switch (t.kind()) {
            case INT, FLOAT, STRING -> {
                return new Expr.Literal(t.value(), t.start(), t.end());
            }
            case NAME -> {
                switch (t.text()) {
                    case "True" -> { return new Expr.Literal(true, t.start(), t.end()); }
                    case "False" -> { return new Expr.Literal(false, t.start(), t.end()); }
                    case "None" -> { return new Expr.Literal(null, t.start(), t.end()); }
                    default -> { }
                }
                if (t.is("max_seq_len")) return new Expr.Name(t.text(), t.start(), t.end()); // the directive's value
                if (t.is("lambda")) throw source.syntaxError(t.start(), "a lambda used inside an operation must be in parentheses: (lambda x: ...)");
                if (t.isKeyword()) throw error(t, "an expression", "");
                return new Expr.Name(t.text(), t.start(), t.end());
            }
            case OP -> {
                if (t.is("(")) return parenthesized(t);
                if (t.is("[")) throw error(t, "an expression", " (RASP values have tuples, written (1, 2, 3), but no lists)");
                if (t.is("{")) throw error(t, "an expression", " (braces are only used by the vocab directive)");
                throw error(t, "an expression", "");
            }
            default -> throw error(t, "an expression", "");
        }
    }

    /** {@code ( )}, {@code (e)}, {@code (e,)} or {@code (e1, e2, ...)}. */
    private Expr parenthesized(Token open) {
        if (accept(")")) return new Expr.Tuple(List.of(), open.start(), previousEnd());
        Expr first = expression();
        if (accept(")")) return first;
        if (!peek().is(",")) {
            throw error(peek(), "')' to close the '(' at " + source.lineColumn(open.start()), "");
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (accept(",")) {
            if (peek().is(")")) break;
            items.add(expression());
        }
        if (!peek().is(")")) {
            throw error(peek(), "',' or ')' in the tuple opened at " + source.lineColumn(open.start()), "");
        }
        next();
        return new Expr.Tuple(List.copyOf(items), open.start(), previousEnd());
    }

    // ---- cursor ----

    private Token peek() {
        return tokens.get(index);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Kind.EOF) index++;
        return t;
    }

    private boolean accept(String op) {
        if (!peek().is(op)) return false;
        next();
        return true;
    }

    private void expect(String op, String context) {
        if (!peek().is(op)) throw error(peek(), "'" + op + "' " + context, "");
        next();
    }

    private int previousEnd() {
        return tokens.get(index - 1).end();
    }

    private RaspSyntaxException error(Token found, String expected, String hint) {
        return source.syntaxError(found.start(), "expected " + expected + ", found " + found.describe() + hint);
    }

    /**
     * The source text of tokens {@code first..last}: as written, except that line breaks and comments
     * between tokens become one space, so a description fits on one line.
     */
    private String sourceOf(int first, int last) {
        String text = source.text();
        StringBuilder sb = new StringBuilder(text.substring(tokens.get(first).start(), tokens.get(first).end()));
        for (int i = first + 1; i <= last; i++) {
            Token prev = tokens.get(i - 1), t = tokens.get(i);
            String gap = text.substring(prev.end(), t.start());
            sb.append(gap.chars().allMatch(c -> c == ' ' || c == '\t') ? gap : " ");
            sb.append(text, t.start(), t.end());
        }
        return sb.toString();
    }
}
