package dev.glassbox.interp.choice;

/**
 * A patching effect over a set of questions, for a component at a position named by its role: {@code answer}
 * (the last position, where the label is read), {@code right label} (the label token of the right option),
 * {@code other label} (the label it was swapped with). Positions differ from question to question; roles do not.
 *
 * @param effect sum_q (m_q - k_q) / sum_q (c_q - k_q): denoising, 1 = the clean answer fully restored
 */
public record RoleEffect(String component, String role, double effect) {}
