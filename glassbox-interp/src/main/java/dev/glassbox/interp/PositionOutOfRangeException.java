package dev.glassbox.interp;

import dev.glassbox.core.InvalidInputException;

/** A position that the prompt does not have; the message gives the valid range. */
public class PositionOutOfRangeException extends InvalidInputException {
    public PositionOutOfRangeException(String what, int position, int length) {
        super(what + " position " + position + " is out of range: the prompt has " + length
                + " positions, 0.." + (length - 1) + " (position 0 is the first token, BOS when the model uses one)");
    }

    /** @throws PositionOutOfRangeException when {@code position} is not in [0, length) */
    public static int check(String what, int position, int length) {
        if (position < 0 || position >= length) throw new PositionOutOfRangeException(what, position, length);
        return position;
    }
}
