package dev.glassbox.rasp.text;

import java.util.List;

/** One line of a {@code .rasp} file: a definition, a directive, or an expression. */
sealed interface Stmt {
    int start();

    /** {@code name = value} (names what it builds) or {@code let name = value} (does not). */
    record Assign(String name, boolean isLet, Expr value, int start, int nameStart) implements Stmt { }

    /** A bare expression: the output when it is the last statement. */
    record ExprStmt(Expr expr) implements Stmt {
        @Override
        public int start() {
            return expr.start();
        }
    }

    /** {@code vocab {v1, v2, ...}}. */
    record Vocab(List<Expr> values, int start) implements Stmt { }

    /** {@code max_seq_len n}. */
    record MaxSeqLen(Expr value, int start) implements Stmt { }
}
