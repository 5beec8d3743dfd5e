package dev.glassbox.model.generate;

/** Why a generation ended. */
public enum StopReason {
    /** The model chose the end-of-sequence token. */
    EOS,
    /** The model chose the beginning-of-sequence token, which starts a new text (llama2.c's stop). */
    BOS,
    /** All requested positions were used (or the model's context was full). */
    STEPS
}
