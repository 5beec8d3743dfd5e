package dev.glassbox.interp.circuits;

import dev.glassbox.core.InvalidInputException;
import java.util.Locale;

/**
 * Which input of a head is projected onto its top-k singular subspace, and which singular vectors span it:
 * <pre>
 *   QUERY  W_Q(h) <- W_Q(h) U_k U_k^T    U: left singular vectors of W_QK  (scores become x_i^T U_k S_k V^T x_j... = rank-k W_QK)
 *   KEY    W_K(h) <- W_K(h) V_k V_k^T    V: right singular vectors of W_QK (scores use W_QK V_k V_k^T)
 *   VALUE  W_V(h) <- W_V(h) V_k V_k^T    V: right singular vectors of W_OV (the head writes W_OV V_k V_k^T = rank-k W_OV)
 * </pre>
 * Each replaces the circuit by its best rank-k approximation (Eckart–Young), leaving biases as they are.
 * With rotary positions the score is x_i^T W_Q^T R_(j-i) W_K x_j, so the static W_QK (and its truncation)
 * is only an approximation of what the head computes; the measured change of the output is exact.
 */
public enum Subspace {
    QUERY, KEY, VALUE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Subspace parse(String text) {
        for (Subspace s : values()) if (s.label().equals(text.strip().toLowerCase(Locale.ROOT))) return s;
        throw new InvalidInputException("unknown subspace '" + text + "'; give query, key or value");
    }
}
