package dev.glassbox.compiler;

import dev.glassbox.core.GlassboxException;
import java.util.List;

/**
 * A program that cannot be compiled. The message names each expression at fault by its label and kind
 * ({@code 'frac_prevs' (Aggregate)}), says why, and what to do instead.
 */
public class CompileException extends GlassboxException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /** One expression that cannot be compiled, and why. */
    public record Problem(String label, String kind, String reason) implements java.io.Serializable {
        public String describe() {
            return "'" + label + "' (" + kind + "): " + reason;
        }
    }

    public CompileException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public static CompileException of(String label, String kind, String reason) {
        return new CompileException(List.of(new Problem(label, kind, reason)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("a compile error needs at least one problem");
        if (problems.size() == 1) return "cannot compile " + problems.getFirst().describe();
        StringBuilder sb = new StringBuilder("cannot compile the program (" + problems.size() + " problems):");
        for (Problem p : problems) sb.append("\n  - ").append(p.describe());
        return sb.toString();
    }
}
